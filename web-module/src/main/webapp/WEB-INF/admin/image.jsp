<%@ include file="_top.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
<%@ include file="_head.jspf" %>
  <title>Image — picbed</title>
  <script src="${ctx}/static/console.js" defer></script>
</head>
<body data-ctx="${ctx}">
<%@ include file="_header.jspf" %>
<main class="container stack console">
  <div class="admin-title"><h1>Image <code class="id">${image.id()}</code></h1></div>
  <div class="panels">
    <section class="card">
      <a href="${ctx}/i/${image.id()}.${image.format().extension()}"><img class="preview" src="${ctx}/i/${image.id()}/medium.auto" alt="the image"></a>
    </section>
    <section class="card">
      <h2>Original</h2>
      <dl class="facts">
        <dt>Format</dt><dd>${image.format().key()}</dd>
        <dt>Size</dt><dd>${image.width()}×${image.height()}, ${image.bytes()} bytes<c:if test="${image.frames() > 1}">, ${image.frames()} frames</c:if></dd>
        <dt>Created</dt><dd>${image.createdAt()}</dd>
        <dt>Sites</dt><dd>uploaded at <c:out value="${image.originSite()}"/>; held at <c:out value="${site}"/> (this site)</dd>
        <dt>URL</dt><dd><a href="${ctx}/i/${image.id()}.${image.format().extension()}">/i/${image.id()}.${image.format().extension()}</a></dd>
      </dl>
      <div class="actions">
        <button class="btn" type="button" data-action="purge" data-image="${image.id()}">Purge from every cache</button>
        <button class="btn btn--ghost" type="button" data-action="rerender" data-image="${image.id()}">Re-render variants</button>
        <button class="btn btn--danger" type="button" data-action="delete" data-image="${image.id()}" data-confirm="Delete this image at every site?">Delete</button>
      </div>
      <p id="action-result" class="muted" role="status"></p>
    </section>
  </div>
  <section class="card">
    <h2>Variants</h2>
    <table class="table"><thead><tr><th>Spec</th><th>Preset</th><th>Format</th><th>State</th><th>Size</th><th>Updated</th></tr></thead><tbody>
      <c:forEach var="v" items="${variants}">
        <tr><td><code><c:out value="${v.spec()}"/></code></td><td><c:out value="${v.preset()}"/></td><td>${v.format().key()}</td>
          <td><span class="pill pill--${fn:toLowerCase(v.state())}">${fn:toLowerCase(v.state())}</span><c:if test="${v.reason() != null}"> <c:out value="${v.reason()}"/></c:if></td>
          <td><c:if test="${v.width() != null}">${v.width()}×${v.height()}, ${v.bytes()} bytes</c:if></td><td>${v.updatedAt()}</td></tr>
      </c:forEach>
    </tbody></table>
  </section>
  <section class="card">
    <h2>Uploads</h2>
    <table class="table"><thead><tr><th>File name</th><th>Uploaded</th></tr></thead><tbody>
      <c:forEach var="u" items="${uploads}"><tr><td><c:out value="${u.displayName()}"/></td><td>${u.uploadedAt()}</td></tr></c:forEach>
    </tbody></table>
  </section>
</main>
</body>
</html>
