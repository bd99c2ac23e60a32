<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" session="false" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>picbed — image hosting</title>
  <style>
    :root { --ink:#1d2430; --muted:#5b6575; --line:#e3e7ee; --accent:#2f6fde; }
    * { box-sizing:border-box; }
    body { margin:0; font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; color:var(--ink); background:#f7f8fb; }
    main { max-width:46rem; margin:0 auto; padding:3rem 1.25rem; }
    h1 { font-size:2.2rem; margin:0 0 .25rem; letter-spacing:-.02em; }
    h1 span { color:var(--accent); }
    .lead { color:var(--muted); margin-top:0; font-size:1.1rem; }
    section { background:#fff; border:1px solid var(--line); border-radius:10px; padding:1.1rem 1.3rem; margin:1.2rem 0; }
    h2 { font-size:1.05rem; margin:.1rem 0 .6rem; }
    code { background:#eef2f8; padding:.1rem .35rem; border-radius:4px; font-size:.92em; }
    ul { padding-left:1.2rem; margin:.3rem 0; }
    a { color:var(--accent); }
    footer { color:var(--muted); font-size:.85rem; margin-top:2rem; }
  </style>
</head>
<body>
<main>
  <h1>pic<span>bed</span></h1>
  <p class="lead">An image host for shops, forums and apps: upload once, embed the URL anywhere, and get every
    size and format served fast from any site.</p>

  <section>
    <h2>What picbed does</h2>
    <ul>
      <li>Stores each image once, addressed by the SHA-256 of its bytes, so a URL never changes meaning.</li>
      <li>Serves originals and derived sizes with forever-cacheable headers, from a cache shared by the site.</li>
      <li>Keeps several sites (data centres) in step, and purges anything from every cache with one call.</li>
    </ul>
  </section>

  <section>
    <h2>Start</h2>
    <ul>
      <li><a href="upload">Upload images</a> — drag and drop, get permanent URLs (needs an API key).</li>
      <li><a href="shop/">The storefront</a> — a small shop whose pictures are picbed URLs, written by the <code>&lt;picbed:img&gt;</code> tag.</li>
    </ul>
  </section>

  <section>
    <h2>API</h2>
    <ul>
      <li><code>POST /api/images</code> — upload (multipart <code>file</code> parts, or a raw image body), with <code>Authorization: Bearer &lt;key&gt;</code>.</li>
      <li><code>GET /i/&lt;id&gt;.&lt;ext&gt;</code> — the original, forever-cacheable; the id is the SHA-256 of the bytes.</li>
      <li><code>GET /api/images/&lt;id&gt;</code> — metadata; <code>DELETE</code> removes the image for good.</li>
      <li><a href="api/health"><code>GET /api/health</code></a> — state of the database, storage, messaging and cache.</li>
    </ul>
  </section>

  <footer>picbed runs on Jakarta EE (WildFly, ActiveMQ Artemis, Infinispan, MariaDB).</footer>
</main>
</body>
</html>
