<%@ include file="_top.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Edit <c:out value="${product.name}"/> — picbed shop</title>
  <link rel="stylesheet" href="${ctx}/static/shop.css">
  <script src="${ctx}/static/admin.js" defer></script>
</head>
<body>
<%@ include file="_header.jspf" %>
<c:set var="base" value="${ctx}/shop/admin/p/${product.slug}"/>
<main class="container stack">
  <div class="admin-title">
    <h1><c:out value="${product.name}"/></h1>
    <div><a class="btn btn--ghost" href="${ctx}/shop/admin/">All products</a> <a class="btn btn--ghost" href="${ctx}/shop/p/${product.slug}">View in the shop</a></div>
  </div>

  <section class="card" aria-labelledby="pictures-title">
    <h2 id="pictures-title">Pictures</h2>
    <p class="hint">The first picture is the cover. Replacing a picture stores the new image under a new URL; the old URL keeps serving the old image, so no cache can show a stale picture.</p>
    <c:choose>
      <c:when test="${empty product.pictures}"><p class="empty">No pictures yet.</p></c:when>
      <c:otherwise>
        <ol class="pictures" id="pictures">
          <c:forEach var="pic" items="${product.pictures}" varStatus="row">
            <li class="picture" id="picture-${pic.id}" data-picture="${pic.id}" data-image="${pic.imageId}">
              <picbed:img image="${pic.imageId}" alt="${pic.alt}" sourceWidth="${pic.width}" sourceHeight="${pic.height}" options="rs:fill:480:480/g:sm" widths="240,480" sizes="14rem"/>
              <div class="picture__body">
                <div class="picture__meta"><c:if test="${row.first}"><span class="badge">Cover</span> </c:if>${pic.width} × ${pic.height} · <a href="${picbed:url(pic.imageId)}">original</a></div>
                <form method="post" action="${base}/pictures/${pic.id}/alt">
                  <input type="hidden" name="_csrf" value="${csrf}">
                  <label for="alt-${pic.id}">Alt text</label>
                  <input type="text" id="alt-${pic.id}" name="alt" maxlength="300" value="<c:out value='${pic.alt}'/>">
                </form>
                <form method="post" action="${base}/pictures/${pic.id}/replace" enctype="multipart/form-data" class="replace-form">
                  <input type="hidden" name="_csrf" value="${csrf}">
                  <label for="replace-${pic.id}">Replace with</label>
                  <input type="file" id="replace-${pic.id}" name="file" accept="image/*" required>
                  <button class="btn btn--small" type="submit">Replace</button>
                </form>
                <div class="picture__actions">
                  <c:if test="${!row.first}">
                    <form method="post" action="${base}/pictures/${pic.id}/move"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="by" value="-1"><button class="btn btn--ghost btn--small move-up" type="submit" aria-label="Move earlier">&larr; Earlier</button></form>
                  </c:if>
                  <c:if test="${!row.last}">
                    <form method="post" action="${base}/pictures/${pic.id}/move"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="by" value="1"><button class="btn btn--ghost btn--small move-down" type="submit" aria-label="Move later">Later &rarr;</button></form>
                  </c:if>
                  <form method="post" action="${base}/pictures/${pic.id}/remove"><input type="hidden" name="_csrf" value="${csrf}"><button class="btn btn--danger btn--small" type="submit">Remove</button></form>
                </div>
              </div>
            </li>
          </c:forEach>
        </ol>
      </c:otherwise>
    </c:choose>
    <form method="post" action="${base}/pictures" enctype="multipart/form-data" class="form-grid" id="add-pictures" style="margin-top:1.5rem">
      <input type="hidden" name="_csrf" value="${csrf}">
      <div><label for="alt">Alt text</label><input type="text" id="alt" name="alt" maxlength="300" placeholder="Describe the picture (default: the product name)"></div>
      <div><label for="files">Images</label><input type="file" id="files" name="file" accept="image/*" multiple required></div>
      <div style="align-self:end"><button class="btn" type="submit">Add pictures</button></div>
    </form>
  </section>

  <section class="card">
    <h2>Details</h2>
    <form method="post" action="${base}" class="form-grid" id="edit-product">
      <input type="hidden" name="_csrf" value="${csrf}">
      <div><label for="name">Name</label><input type="text" id="name" name="name" maxlength="200" required value="<c:out value='${product.name}'/>"></div>
      <div><label for="price">Price</label><input type="text" id="price" name="price" inputmode="decimal" required value="${product.plainPrice}"></div>
      <div><label for="currency">Currency</label><input type="text" id="currency" name="currency" maxlength="3" value="${product.currency}"></div>
      <div class="wide"><label for="description">Description</label><textarea id="description" name="description" maxlength="10000"><c:out value="${product.description}"/></textarea></div>
      <div class="wide"><button class="btn" type="submit">Save</button></div>
    </form>
    <form method="post" action="${base}/delete" style="margin-top:1rem" data-confirm="Delete this product? Its images stay stored.">
      <input type="hidden" name="_csrf" value="${csrf}">
      <button class="btn btn--danger" type="submit">Delete product</button>
    </form>
  </section>
</main>
<%@ include file="_footer.jspf" %>
</body>
</html>
