<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" session="false" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Upload images — picbed</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/static/picbed.css">
  <script src="${pageContext.request.contextPath}/static/upload.js" defer></script>
</head>
<body data-api-base="${pageContext.request.contextPath}">
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
    <p class="lead">Enter your API key, then drop images below. Each upload gets a permanent URL you can paste anywhere.</p>
  </div>

  <section class="card" aria-labelledby="key-label">
    <div class="field">
      <label class="field__label" id="key-label" for="api-key">API key</label>
      <div class="input-group">
        <input class="input input--mono" type="password" id="api-key" name="api-key"
               autocomplete="off" autocapitalize="off" spellcheck="false"
               placeholder="Paste your API key" aria-describedby="api-key-hint api-key-status">
        <button type="button" class="btn btn--ghost" id="api-key-toggle" aria-controls="api-key"
                aria-pressed="false">Show</button>
      </div>
      <p class="field__hint" id="api-key-hint">Stored only in this browser (localStorage) and sent as a Bearer token.</p>
      <p class="field__status" id="api-key-status" role="status" aria-live="polite" hidden></p>
    </div>
  </section>

  <section aria-label="Choose files">
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
