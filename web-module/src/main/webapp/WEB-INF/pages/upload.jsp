<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Upload images — picbed</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/static/picbed.css">
  <script src="${pageContext.request.contextPath}/static/upload.js" defer></script>
</head>
<body data-api-base="${pageContext.request.contextPath}"<c:if test="${operator}"> data-operator="true" data-csrf="${csrf}"</c:if>>
<header class="site-header">
  <div class="container site-header__inner">
    <a class="brand" href="${pageContext.request.contextPath}/">pic<span>bed</span></a>
    <nav class="site-nav" aria-label="Main">
      <a href="${pageContext.request.contextPath}/">Home</a>
      <a href="${pageContext.request.contextPath}/upload" aria-current="page">Upload</a>
    </nav>
  </div>
</header>

<main class="container stack">
  <div>
    <h1 class="page-title">Upload images</h1>
    <p class="lead">Drop images below. Each upload gets a permanent URL you can paste anywhere.</p>
  </div>

  <%-- the script says whether this page may upload: with the link's token, or the operator's; no API key here --%>
  <p class="alert" id="access-status" role="status" aria-live="polite" hidden></p>

  <section aria-label="Choose files" id="choose-section">
    <input class="visually-hidden" type="file" id="file-input" name="file" multiple accept="image/*" tabindex="-1">
    <label class="dropzone" for="file-input" id="dropzone" tabindex="0" role="button"
           aria-describedby="dropzone-hint">
      <svg class="dropzone__icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
        <path d="M12 16V4m0 0-4.5 4.5M12 4l4.5 4.5" fill="none" stroke="currentColor" stroke-width="1.8"
              stroke-linecap="round" stroke-linejoin="round"/>
        <path d="M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" fill="none" stroke="currentColor" stroke-width="1.8"
              stroke-linecap="round"/>
      </svg>
      <span class="dropzone__title">Drop images here or <span class="link-like">browse</span></span>
      <span class="dropzone__hint" id="dropzone-hint">JPEG, PNG, GIF, WebP… several at once is fine.</span>
    </label>
  </section>

  <section class="uploads" id="uploads-section" aria-labelledby="uploads-title" hidden>
    <div class="uploads__head">
      <h2 id="uploads-title">Uploads</h2>
      <p class="muted" id="uploads-summary" aria-live="polite"></p>
    </div>
    <ol class="upload-list" id="upload-list"></ol>
  </section>
</main>

<footer class="site-footer container">
  <p class="muted">picbed · images addressed by their SHA-256, served from every site.</p>
</footer>
</body>
</html>
