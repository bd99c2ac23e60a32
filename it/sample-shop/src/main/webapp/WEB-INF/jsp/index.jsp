<%@ page contentType="text/html; charset=UTF-8" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="picbed" uri="https://picbed.org/tags" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Maple Goods</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1rem; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; padding: 0; }
    .card { list-style: none; }
    .card img { width: 100%; height: auto; border-radius: .5rem; background: #eee; }
    form { margin: 2rem 0; padding: 1rem; border: 1px solid #ccc; border-radius: .5rem; }
  </style>
</head>
<body>
  <h1>Maple Goods</h1>
  <p>A shop of its own, on Apache Tomcat; its pictures live on picbed.</p>
  <ul class="grid" id="products">
    <c:forEach var="p" items="${products}">
      <li class="card">
        <a href="product?n=${p.number}">
          <picbed:img image="${p.imageId}" alt="${p.name}" sourceWidth="${p.width}" sourceHeight="${p.height}"
                      options="rs:fill:480:480/g:sm" widths="240,480" sizes="(min-width: 40rem) 14rem, 100vw"
                      class="card__picture" data-product="${p.number}"/>
          <span class="card__name"><c:out value="${p.name}"/></span>
        </a>
      </li>
    </c:forEach>
  </ul>
  <c:if test="${empty products}"><p id="empty">No products yet.</p></c:if>

  <form id="sell" method="post" action="sell" enctype="multipart/form-data">
    <h2>Sell something</h2>
    <label>Name <input name="name" required></label>
    <label>Picture <input type="file" name="picture" accept="image/*" required></label>
    <button type="submit">Add</button>
  </form>
</body>
</html>
