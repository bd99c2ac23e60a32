<%@ include file="_top.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>picbed shop — products</title>
  <link rel="stylesheet" href="${ctx}/static/shop.css">
</head>
<body>
<%@ include file="_header.jspf" %>
<main class="container">
  <section class="hero">
    <h1>Things worth a closer look</h1>
    <p>A small shop whose pictures live on picbed: each one is served at the size your screen needs, in the
      best format your browser takes.</p>
  </section>
  <c:choose>
    <c:when test="${empty products}">
      <p class="empty">No products yet. <a href="${ctx}/shop/admin/">Add one</a>, or run <code>./picbed demo</code>.</p>
    </c:when>
    <c:otherwise>
      <ul class="product-grid">
        <c:forEach var="p" items="${products}" varStatus="row">
          <li>
            <article class="product-card" data-slug="${p.slug}">
              <a href="${ctx}/shop/p/${p.slug}">
                <div class="product-card__media">
                  <c:choose>
                    <c:when test="${p.cover != null}">
                      <picbed:img image="${p.cover.imageId}" alt="${p.cover.alt}" sourceWidth="${p.cover.width}"
                                  sourceHeight="${p.cover.height}" options="rs:fill:800:600/g:sm" widths="320,480,640,800"
                                  sizes="(min-width: 72rem) 16rem, (min-width: 40rem) 45vw, 92vw"
                                  loading="${row.index < 4 ? 'eager' : 'lazy'}" class="product-card__image"/>
                    </c:when>
                    <c:otherwise><span class="placeholder">No picture yet</span></c:otherwise>
                  </c:choose>
                </div>
                <div class="product-card__body">
                  <h2 class="product-card__name"><c:out value="${p.name}"/></h2>
                  <span class="price"><c:out value="${p.price}"/></span>
                </div>
              </a>
            </article>
          </li>
        </c:forEach>
      </ul>
    </c:otherwise>
  </c:choose>
</main>
<%@ include file="_footer.jspf" %>
</body>
</html>
