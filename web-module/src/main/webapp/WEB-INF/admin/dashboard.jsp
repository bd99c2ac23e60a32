<%@ include file="_top.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
<%@ include file="_head.jspf" %>
  <title>Dashboard — picbed</title>
  <link rel="stylesheet" href="${ctx}/webjars/uplot/1.6.30/dist/uPlot.min.css">
  <script src="${ctx}/webjars/uplot/1.6.30/dist/uPlot.iife.min.js" defer></script>
  <script src="${ctx}/static/dashboard.js" defer></script>
</head>
<body data-ctx="${ctx}">
<%@ include file="_header.jspf" %>
<main class="container stack console">
  <div class="admin-title">
    <h1>Dashboard <small class="muted">site <c:out value="${site}"/>, node <span id="node">…</span></small></h1>
    <p class="status-line"><span id="status" class="pill">…</span> <span class="muted" id="updated">waiting for data</span></p>
  </div>

  <section class="charts" aria-label="Charts (refreshed every 2 seconds)">
    <figure class="chart card" data-chart="uploads"><figcaption>Uploads/s and MB/s</figcaption><div class="plot"></div></figure>
    <figure class="chart card" data-chart="requests"><figcaption>Variant requests/s by X-Cache, hit ratio</figcaption><div class="plot"></div></figure>
    <figure class="chart card" data-chart="renders"><figcaption>Renders/s, render latency p50/p99 (ms)</figcaption><div class="plot"></div></figure>
    <figure class="chart card" data-chart="gate"><figcaption>Render gate: refusals/s, waiting, busy workers</figcaption><div class="plot"></div></figure>
    <figure class="chart card" data-chart="queues"><figcaption>Queue depths (dead-letter queues end in .dlq)</figcaption><div class="plot"></div></figure>
    <figure class="chart card" data-chart="replication"><figcaption>Replication lag p50/p99 (s) and backlog</figcaption><div class="plot"></div></figure>
    <figure class="chart card" data-chart="hot"><figcaption>Hot cache entries and MB</figcaption><div class="plot"></div></figure>
  </section>

  <div class="panels">
    <section class="card">
      <h2>Nodes</h2>
      <table class="table"><thead><tr><th>Node</th><th>Status</th><th>Last heartbeat</th></tr></thead><tbody id="nodes"></tbody></table>
      <p class="muted" id="checks"></p>
    </section>
    <section class="card">
      <h2>Peer sites</h2>
      <table class="table"><thead><tr><th>Site</th><th>Reachable</th><th>Backlog</th><th>Dead letters</th><th>Note</th></tr></thead><tbody id="peers"></tbody></table>
    </section>
    <section class="card">
      <h2>Purge</h2>
      <form id="purge-form" class="form-grid">
        <div class="wide"><label for="purge-image">Image id (empty: everything)</label><input type="text" id="purge-image" name="image" pattern="[0-9a-f]{64}" autocomplete="off"></div>
        <div class="wide"><label for="purge-spec">Preset or options (optional)</label><input type="text" id="purge-spec" name="spec" autocomplete="off" placeholder="thumb or rs:fit:300:300"></div>
        <div class="wide"><button class="btn" type="submit">Purge</button> <span id="purge-result" class="muted" role="status"></span></div>
      </form>
    </section>
    <section class="card">
      <h2>Login throttle</h2>
      <p class="muted" id="throttle-policy"></p>
      <table class="table"><thead><tr><th>Account or address</th><th>Failures</th><th>Waits</th></tr></thead><tbody id="throttle"></tbody></table>
    </section>
  </div>

  <section class="card">
    <h2>Dead letters</h2>
    <div id="dlq" aria-live="polite"><p class="muted">loading…</p></div>
    <h3>Latest actions</h3>
    <table class="table"><thead><tr><th>When</th><th>Who</th><th>Action</th><th>Queue</th><th>Message</th></tr></thead><tbody id="dlq-actions"></tbody></table>
  </section>
</main>
</body>
</html>
