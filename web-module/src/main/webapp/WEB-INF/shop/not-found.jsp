<%@ include file="_top.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Not found — picbed shop</title>
  <link rel="stylesheet" href="${ctx}/static/shop.css">
</head>
<body>
<%@ include file="_header.jspf" %>
<main class="container">
  <section class="hero">
    <h1>Not found</h1>
    <p>There is no such page in this shop. <a href="${ctx}/shop/">See all products</a>.</p>
  </section>
</main>
<%@ include file="_footer.jspf" %>
</body>
</html>
