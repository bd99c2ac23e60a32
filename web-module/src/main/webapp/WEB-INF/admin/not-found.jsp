<%@ include file="_top.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
<%@ include file="_head.jspf" %>
  <title>Not found — picbed</title>
</head>
<body>
<%@ include file="_header.jspf" %>
<main class="container stack console">
  <h1>Not found</h1>
  <p><c:out value="${empty error ? 'There is nothing here.' : error}"/></p>
  <p><a href="${ctx}/admin/">Back to the dashboard</a></p>
</main>
</body>
</html>
