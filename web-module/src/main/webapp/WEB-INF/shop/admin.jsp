<%@ include file="_top.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Admin — picbed shop</title>
  <link rel="stylesheet" href="${ctx}/static/shop.css">
</head>
<body>
<%@ include file="_header.jspf" %>
<main class="container stack">
  <div class="admin-title"><h1>Products</h1><a class="btn btn--ghost" href="${ctx}/shop/">View the shop</a></div>

  <section class="card">
    <h2>New product</h2>
    <form method="post" action="${ctx}/shop/admin/products" class="form-grid" id="create-product">
      <input type="hidden" name="_csrf" value="${csrf}">
      <div><label for="name">Name</label><input type="text" id="name" name="name" maxlength="200" required></div>
      <div><label for="price">Price</label><input type="text" id="price" name="price" inputmode="decimal" placeholder="12.50" required></div>
      <div><label for="currency">Currency</label>
        <select id="currency" name="currency"><option>EUR</option><option>USD</option><option>GBP</option><option>CNY</option><option>JPY</option></select></div>
      <div class="wide"><label for="description">Description</label><textarea id="description" name="description" maxlength="10000"></textarea></div>
      <div class="wide"><button class="btn" type="submit">Create product</button>
        <p class="hint">Then add its pictures on the product's page.</p></div>
    </form>
  </section>

  <section class="card">
    <c:choose>
      <c:when test="${empty products}"><p class="empty">No products yet.</p></c:when>
      <c:otherwise>
        <table class="table">
          <thead><tr><th scope="col"><span class="visually-hidden">Picture</span></th><th scope="col">Name</th><th scope="col">Price</th><th scope="col">Pictures</th><th scope="col"></th></tr></thead>
          <tbody>
          <c:forEach var="p" items="${products}">
            <tr data-slug="${p.slug}">
              <td><c:if test="${p.cover != null}"><picbed:img image="${p.cover.imageId}" alt="" sourceWidth="${p.cover.width}" sourceHeight="${p.cover.height}" preset="thumb" widths="150" sizes="3.5rem"/></c:if></td>
              <td><a href="${ctx}/shop/admin/p/${p.slug}"><c:out value="${p.name}"/></a></td>
              <td><c:out value="${p.price}"/></td>
              <td>${fn:length(p.pictures)}</td>
              <td><a class="btn btn--ghost btn--small" href="${ctx}/shop/admin/p/${p.slug}">Edit</a></td>
            </tr>
          </c:forEach>
          </tbody>
        </table>
      </c:otherwise>
    </c:choose>
  </section>
</main>
<%@ include file="_footer.jspf" %>
</body>
</html>
