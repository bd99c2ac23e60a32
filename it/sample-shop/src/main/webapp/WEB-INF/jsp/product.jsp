<%@ page contentType="text/html; charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="picbed" uri="https://picbed.org/tags" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title><c:out value="${product.name}"/> · Maple Goods</title>
  <meta property="og:image" content="${picbed:variant(product.imageId, 'rs:fill:1200:630/g:sm', 'jpg')}">
  <link rel="icon" href="${picbed:preset(product.imageId, 'thumb', 'png')}">
  <style>
    body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1rem; }
    #picture { max-width: 100%; height: auto; }
  </style>
</head>
<body>
  <p><a href="./">All products</a></p>
  <h1 id="name"><c:out value="${product.name}"/></h1>
  <%-- no sourceWidth/sourceHeight here: the tag asks picbed's metadata API for the size (and keeps it) --%>
  <picbed:img id="picture" image="${product.imageId}" alt="${product.name}" options="rs:fit:1200:1200"
              widths="400,800,1200" sizes="(min-width: 70rem) 68rem, 100vw" loading="eager" fetchpriority="high"/>
  <p><a id="original" href="${picbed:url(product.imageId)}">The original</a></p>
</body>
</html>
