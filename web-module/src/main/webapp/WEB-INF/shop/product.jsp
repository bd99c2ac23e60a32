<%@ include file="_top.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title><c:out value="${product.name}"/> — picbed shop</title>
  <link rel="stylesheet" href="${ctx}/static/shop.css">
  <script src="${ctx}/static/gallery.js" defer></script>
  <c:if test="${selected != null}">
    <meta property="og:image" content="${picbed:variant(selected.imageId, 'rs:fill:1200:630/g:sm', 'jpg')}">
  </c:if>
</head>
<body>
<%@ include file="_header.jspf" %>
<main class="container">
  <nav class="breadcrumb" aria-label="Breadcrumb"><a href="${ctx}/shop/">Products</a> / <c:out value="${product.name}"/></nav>
  <article class="product">
    <section class="gallery" aria-label="Pictures">
      <div class="gallery__main">
        <c:choose>
          <c:when test="${selected != null}">
            <picbed:img image="${selected.imageId}" alt="${selected.alt}" sourceWidth="${selected.width}"
                        sourceHeight="${selected.height}" widths="480,640,960,1280,1600"
                        sizes="(min-width: 72rem) 40rem, (min-width: 56rem) 55vw, 92vw"
                        loading="eager" fetchpriority="high" id="main-image" data-picture="${selected.id}"/>
          </c:when>
          <c:otherwise><span class="placeholder">No picture yet</span></c:otherwise>
        </c:choose>
      </div>
      <c:if test="${fn:length(product.pictures) > 1}">
        <ul class="gallery__thumbs">
          <c:forEach var="pic" items="${product.pictures}">
            <li>
              <a href="${ctx}/shop/p/${product.slug}?picture=${pic.id}" data-picture="${pic.id}" ${pic.id == selected.id ? 'aria-current="true"' : ''}>
                <picbed:img image="${pic.imageId}" alt="${pic.alt}" sourceWidth="${pic.width}" sourceHeight="${pic.height}"
                            preset="thumb" widths="150,300" sizes="4.5rem" class="gallery__thumb"/>
              </a>
              <%-- the large picture, ready for the gallery script (a template loads nothing until used) --%>
              <template id="large-${pic.id}">
                <picbed:img image="${pic.imageId}" alt="${pic.alt}" sourceWidth="${pic.width}" sourceHeight="${pic.height}"
                            widths="480,640,960,1280,1600" sizes="(min-width: 72rem) 40rem, (min-width: 56rem) 55vw, 92vw"
                            loading="eager" id="main-image" data-picture="${pic.id}"/>
              </template>
            </li>
          </c:forEach>
        </ul>
      </c:if>
    </section>
    <section class="product__info">
      <h1><c:out value="${product.name}"/></h1>
      <span class="price"><c:out value="${product.price}"/></span>
      <p class="product__description"><c:out value="${product.description}"/></p>
    </section>
  </article>
</main>
<%@ include file="_footer.jspf" %>
</body>
</html>
