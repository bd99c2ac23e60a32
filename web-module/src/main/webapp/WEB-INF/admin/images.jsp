<%@ include file="_top.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
<%@ include file="_head.jspf" %>
  <title>Images — picbed</title>
</head>
<body>
<%@ include file="_header.jspf" %>
<main class="container stack console">
  <div class="admin-title"><h1>Images</h1>
    <form method="get" action="${ctx}/admin/images" class="search" role="search">
      <label class="visually-hidden" for="q">Id prefix or file name</label>
      <input type="search" id="q" name="q" value="${fn:escapeXml(q)}" placeholder="id prefix or file name">
      <button class="btn btn--small" type="submit">Search</button>
    </form>
  </div>
  <c:choose>
    <c:when test="${empty page.images()}"><p class="muted">No images<c:if test="${not empty q}"> match “<c:out value="${q}"/>”</c:if>.</p></c:when>
    <c:otherwise>
      <ul class="image-grid">
        <c:forEach var="entry" items="${page.images()}">
          <li class="image-grid__item">
            <a href="${ctx}/admin/images/${entry.image().id()}">
              <img src="${ctx}/i/${entry.image().id()}/thumb.auto" width="150" height="150" loading="lazy" alt="<c:out value='${entry.firstName()}'/>">
              <span class="image-grid__name"><c:out value="${entry.firstName()}"/></span>
              <span class="muted">${entry.image().format().key()} · ${entry.image().width()}×${entry.image().height()} · ${entry.image().bytes()} bytes</span>
            </a>
          </li>
        </c:forEach>
      </ul>
    </c:otherwise>
  </c:choose>
  <nav class="pager" aria-label="Pages">
    <a class="btn btn--ghost" href="${ctx}/admin/images?q=${fn:escapeXml(q)}">First page</a>
    <c:if test="${page.nextCursor().isPresent()}">
      <a class="btn" rel="next" href="${ctx}/admin/images?q=${fn:escapeXml(q)}&amp;cursor=${page.nextCursor().get()}">Next page</a>
    </c:if>
  </nav>
</main>
</body>
</html>
