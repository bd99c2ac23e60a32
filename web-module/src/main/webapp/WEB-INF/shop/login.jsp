<%@ include file="_top.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Log in — picbed shop</title>
  <link rel="stylesheet" href="${ctx}/static/shop.css">
</head>
<body>
<%@ include file="_header.jspf" %>
<main class="container">
  <form class="card login" method="post" action="${ctx}/shop/login">
    <h1>Shop admin</h1>
    <c:if test="${failed}"><p class="flash flash--error" role="alert">Wrong user name or password.</p></c:if>
    <c:if test="${not empty refused}"><p class="flash flash--error" role="alert"><c:out value="${refused}"/></p></c:if>
    <c:if test="${!configured}"><p class="flash flash--error" role="alert">No admin password is configured (PICBED_ADMIN_PASSWORD).</p></c:if>
    <input type="hidden" name="next" value="<c:out value='${next}'/>">
    <input type="hidden" name="_csrf" value="${csrf}">
    <div class="field">
      <label for="username">User</label>
      <input type="text" id="username" name="username" autocomplete="username" required autofocus>
    </div>
    <div class="field">
      <label for="password">Password</label>
      <input type="password" id="password" name="password" autocomplete="current-password" required>
    </div>
    <button class="btn" type="submit" id="login">Log in</button>
    <p class="hint">The operator's credentials: <code>PICBED_ADMIN_USER</code> / <code>PICBED_ADMIN_PASSWORD</code>
      (<code>./picbed start</code> prints them).</p>
  </form>
</main>
</body>
</html>
