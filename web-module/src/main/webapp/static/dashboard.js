// The operations dashboard: every 2 s it reads /api/metrics (the Prometheus text picbed exports) and draws rates,
// ratios and latency quantiles from the difference with the previous reading; every 5 s it reads
// /api/admin/overview and /api/admin/dlq for the tables. Charts: uPlot, served from the WAR. No inline scripts (CSP).
(function () {
  'use strict';
  var ctx = document.body.getAttribute('data-ctx') || '';
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var METRICS_EVERY = 2000, TABLES_EVERY = 5000, KEEP = 150;
  var previous = null;
  var charts = {};
  var COLORS = ['#b5542d', '#1e7a46', '#3867d6', '#8a5a00', '#8e44ad', '#16a085', '#c0392b', '#2c3e50', '#d35400',
    '#27ae60', '#7f8c8d', '#e84393'];

  function parse(text) {
    var out = {};
    text.split('\n').forEach(function (line) {
      if (!line || line.charAt(0) === '#') { return; }
      var space = line.lastIndexOf(' ');
      var key = line.substring(0, space), value = parseFloat(line.substring(space + 1));
      var brace = key.indexOf('{'), name = brace < 0 ? key : key.substring(0, brace), labels = {};
      if (brace >= 0) {
        key.substring(brace + 1, key.length - 1).replace(/(\w+)="((?:[^"\\]|\\.)*)"/g, function (m, k, v) { labels[k] = v; return ''; });
      }
      (out[name] = out[name] || []).push({ labels: labels, value: value });
    });
    return out;
  }
  function one(m, name, match) {
    var list = m[name] || [];
    for (var i = 0; i < list.length; i++) {
      var ok = true;
      for (var k in (match || {})) { if (list[i].labels[k] !== match[k]) { ok = false; } }
      if (ok) { return list[i].value; }
    }
    return 0;
  }
  function sum(m, name) { return (m[name] || []).reduce(function (a, s) { return a + s.value; }, 0); }
  function rate(now, before, name, dt) { return Math.max(0, one(now, name) - one(before, name)) / dt; }

  /** A quantile (in ms) of what happened between two readings of a histogram's cumulative buckets. */
  function quantile(now, before, name, q, match) {
    var buckets = (now[name] || []).filter(function (s) {
      for (var k in (match || {})) { if (s.labels[k] !== match[k]) { return false; } }
      return true;
    }).map(function (s) {
      var le = s.labels.le === '+Inf' ? Infinity : parseFloat(s.labels.le);
      var old = 0;
      (before[name] || []).forEach(function (b) {
        if (b.labels.le === s.labels.le && Object.keys(match || {}).every(function (k) { return b.labels[k] === match[k]; })) { old = b.value; }
      });
      return { le: le, count: s.value - old };
    }).sort(function (a, b) { return a.le - b.le; });
    if (!buckets.length) { return null; }
    var total = buckets[buckets.length - 1].count;
    if (total <= 0) { return null; }
    var rank = q * total, lower = 0, lowerCount = 0;
    for (var i = 0; i < buckets.length; i++) {
      if (buckets[i].count >= rank) {
        var upper = buckets[i].le === Infinity ? lower : buckets[i].le;
        var inBucket = buckets[i].count - lowerCount;
        var f = inBucket > 0 ? (rank - lowerCount) / inBucket : 1;
        return (lower + (upper - lower) * f) * 1000;
      }
      lower = buckets[i].le; lowerCount = buckets[i].count;
    }
    return lower * 1000;
  }

  function chart(name, labels, axes) {
    var figure = document.querySelector('[data-chart="' + name + '"]');
    var plot = figure.querySelector('.plot');
    var series = [{}].concat(labels.map(function (label, i) {
      return { label: label, stroke: COLORS[i % COLORS.length], width: 1.5, scale: (axes && axes[i]) || 'y', spanGaps: false };
    }));
    var scales = { x: { time: true } };
    var axisList = [{}, { scale: 'y' }];
    if (axes && axes.indexOf('r') >= 0) { scales.r = {}; axisList.push({ scale: 'r', side: 1, grid: { show: false } }); }
    var data = [[]].concat(labels.map(function () { return []; }));
    var u = new uPlot({ width: Math.max(260, plot.clientWidth), height: 220, series: series, scales: scales, axes: axisList,
      legend: { live: false } }, data, plot);
    charts[name] = { u: u, data: data, figure: figure, plot: plot };
    return charts[name];
  }
  function push(name, t, values) {
    var c = charts[name];
    c.data[0].push(t);
    values.forEach(function (v, i) { c.data[i + 1].push(v == null || isNaN(v) ? null : v); });
    if (c.data[0].length > KEEP) { c.data.forEach(function (s) { s.shift(); }); }
    c.u.setData(c.data);
    var points = 0, max = 0;
    c.data.slice(1).forEach(function (s) { s.forEach(function (v) { if (v != null) { points++; max = Math.max(max, v); } }); });
    c.figure.setAttribute('data-points', String(points));
    c.figure.setAttribute('data-max', String(max));
  }

  function draw(now, t) {
    if (!charts.uploads) {
      chart('uploads', ['uploads/s', 'MB/s'], ['y', 'r']);
      chart('requests', ['HIT/s', 'STORED/s', 'RENDERED/s', 'hit ratio %'], ['y', 'y', 'y', 'r']);
      chart('renders', ['renders/s', 'p50 ms', 'p99 ms'], ['y', 'r', 'r']);
      chart('gate', ['refused/s', 'waiting', 'busy workers'], ['y', 'y', 'y']);
      var queues = (now.picbed_queue_messages || []).map(function (s) { return s.labels.queue; }).sort();
      chart('queues', queues.length ? queues : ['(no queues)']);
      charts.queues.names = queues;
      chart('replication', ['lag p50 s', 'lag p99 s', 'backlog'], ['y', 'y', 'r']);
      chart('hot', ['entries', 'MB'], ['y', 'r']);
    }
    if (!previous) { return; }
    var before = previous.metrics, dt = Math.max(0.001, (t - previous.t));
    push('uploads', t, [rate(now, before, 'picbed_upload_seconds_count', dt),
      rate(now, before, 'picbed_upload_size_bytes_sum', dt) / 1e6]);
    var hit = rate(now, before, 'picbed_variant_hot_hits_total', dt);
    var stored = rate(now, before, 'picbed_variant_stored_hits_total', dt);
    var rendered = rate(now, before, 'picbed_variant_renders_total', dt) + rate(now, before, 'picbed_variant_render_shared_total', dt);
    var all = hit + stored + rendered;
    push('requests', t, [hit, stored, rendered, all > 0 ? 100 * hit / all : null]);
    push('renders', t, [rate(now, before, 'picbed_variant_render_seconds_count', dt),
      quantile(now, before, 'picbed_variant_render_seconds_bucket', 0.5), quantile(now, before, 'picbed_variant_render_seconds_bucket', 0.99)]);
    push('gate', t, [rate(now, before, 'picbed_variant_render_refused_total', dt), one(now, 'picbed_render_waiting'),
      one(now, 'picbed_render_workers_busy')]);
    push('queues', t, (charts.queues.names.length ? charts.queues.names : ['']).map(function (q) {
      return one(now, 'picbed_queue_messages', { queue: q });
    }));
    push('replication', t, [one(now, 'picbed_replication_lag_p50_seconds'), one(now, 'picbed_replication_lag_p99_seconds'),
      sum(now, 'picbed_site_peer_pending_messages')]);
    push('hot', t, [one(now, 'picbed_hot_cache_entries'), one(now, 'picbed_hot_cache_bytes') / 1e6]);
  }

  function pollMetrics() {
    fetch(ctx + '/api/metrics', { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      if (!r.ok) { throw new Error('metrics: HTTP ' + r.status); }
      return r.text();
    }).then(function (text) {
      var t = Date.now() / 1000, now = parse(text);
      draw(now, t);
      previous = { t: t, metrics: now };
      document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    }).catch(function (e) {
      document.getElementById('updated').textContent = String(e.message || e);
    });
  }

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value == null ? '' : String(value);
    if (cls) { el.className = cls; }
    return el;
  }
  function row(cells) {
    var tr = document.createElement('tr');
    cells.forEach(function (c) { var td = document.createElement('td'); if (c instanceof Node) { td.appendChild(c); } else { td.textContent = c == null ? '' : String(c); } tr.appendChild(td); });
    return tr;
  }
  function fill(id, rows) {
    var body = document.getElementById(id);
    body.textContent = '';
    rows.forEach(function (r) { body.appendChild(r); });
  }
  function pill(status) { return text('span', status, 'pill pill--' + String(status).toLowerCase()); }

  function api(method, path, body) {
    return fetch(ctx + path, { method: method, credentials: 'same-origin', cache: 'no-store',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'Accept': 'application/json' },
      body: body == null ? undefined : JSON.stringify(body) }).then(function (r) {
      return r.text().then(function (t) {
        var json = t ? JSON.parse(t) : {};
        if (!r.ok) { throw new Error(json.detail || json.title || ('HTTP ' + r.status)); }
        return json;
      });
    });
  }

  function pollTables() {
    api('GET', '/api/admin/overview').then(function (o) {
      document.getElementById('node').textContent = o.node;
      var status = document.getElementById('status');
      status.textContent = o.status;
      status.className = 'pill pill--' + o.status.toLowerCase();
      fill('nodes', o.nodes.map(function (n) { return row([n.name, pill(n.status), n.silent_seconds + ' s ago']); }));
      document.getElementById('checks').textContent = Object.keys(o.checks).map(function (k) { return k + ': ' + o.checks[k]; }).join(' · ')
        + ' · hot cache ' + o.hot_cache.entries + ' entries, ' + (o.hot_cache.bytes / 1e6).toFixed(1) + ' MB on ' + o.hot_cache.members + ' node(s)';
      fill('peers', o.peers.length ? o.peers.map(function (p) {
        return row([p.name, pill(p.reachable ? 'UP' : 'DOWN'), p.pending + ' (oldest ' + p.oldest_pending_seconds + ' s)', p.dead_lettered, p.problem]);
      }) : [row(['no peer sites configured'])]);
      document.getElementById('throttle-policy').textContent = o.throttle.policy;
      fill('throttle', o.throttle.entries.length ? o.throttle.entries.map(function (e) {
        return row([e.key, e.failures, e.locked ? 'locked ' + e.wait_seconds + ' s' : (e.wait_seconds ? e.wait_seconds + ' s' : 'no')]);
      }) : [row(['no failed logins'])]);
      fill('dlq-actions', o.dead_letter_actions.map(function (a) { return row([a.at, a.by, a.action, a.queue, a.message_id]); }));
    }).catch(function (e) { document.getElementById('status').textContent = String(e.message || e); });
    api('GET', '/api/admin/dlq').then(drawDeadLetters).catch(function (e) {
      document.getElementById('dlq').textContent = String(e.message || e);
    });
  }

  function button(label, cls, onClick) {
    var b = text('button', label, 'btn btn--small ' + (cls || ''));
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }
  function act(method, path, body) {
    api(method, path, body).then(pollTables).catch(function (e) { window.alert(e.message || e); });
  }

  function drawDeadLetters(d) {
    var box = document.getElementById('dlq');
    box.textContent = '';
    var any = false;
    d.queues.forEach(function (q) {
      if (!q.count) { return; }
      any = true;
      var section = document.createElement('div');
      section.className = 'dlq-queue';
      section.setAttribute('data-queue', q.queue);
      section.appendChild(text('h3', q.dead_letter_queue + ' — ' + q.count + ' message(s)'));
      var actions = document.createElement('div');
      actions.className = 'actions';
      actions.appendChild(button('Redrive all', '', function () { act('POST', '/api/admin/dlq/' + q.queue + '/redrive'); }));
      actions.appendChild(button('Discard all', 'btn--danger', function () {
        if (window.confirm('Discard every dead letter of ' + q.queue + '?')) { act('POST', '/api/admin/dlq/' + q.queue + '/discard'); }
      }));
      section.appendChild(actions);
      var table = document.createElement('table');
      table.className = 'table';
      var head = document.createElement('tr');
      ['Message', 'Kind', 'Subject', 'Reason', 'Attempts', 'First failure', 'Age', ''].forEach(function (h) { head.appendChild(text('th', h)); });
      var thead = document.createElement('thead'); thead.appendChild(head); table.appendChild(thead);
      var tbody = document.createElement('tbody');
      q.messages.forEach(function (m) {
        var buttons = document.createElement('span');
        buttons.appendChild(button('Redrive', '', function () { act('POST', '/api/admin/dlq/' + q.queue + '/redrive', { ids: [m.message_id] }); }));
        buttons.appendChild(button('Discard', 'btn--danger', function () { act('POST', '/api/admin/dlq/' + q.queue + '/discard', { ids: [m.message_id] }); }));
        var tr = row([m.message_id, m.kind, m.subject, m.reason, m.attempts, m.first_failure, m.age_seconds + ' s', buttons]);
        tr.setAttribute('data-message-id', m.message_id);
        tbody.appendChild(tr);
      });
      table.appendChild(tbody);
      section.appendChild(table);
      box.appendChild(section);
    });
    if (!any) { box.appendChild(text('p', 'No dead letters.', 'muted')); }
  }

  document.getElementById('purge-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var image = document.getElementById('purge-image').value.trim();
    var spec = document.getElementById('purge-spec').value.trim();
    if (!image && !window.confirm('Purge every cached variant of every image?')) { return; }
    var body = image ? (spec ? { image: image, spec: spec } : { image: image }) : { all: true };
    var out = document.getElementById('purge-result');
    api('POST', '/api/admin/purges', body).then(function (p) { out.textContent = 'purge ' + p.id + ' requested'; })
      .catch(function (e) { out.textContent = String(e.message || e); });
  });

  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (k) { charts[k].u.setSize({ width: Math.max(260, charts[k].plot.clientWidth), height: 220 }); });
  });
  pollMetrics();
  pollTables();
  setInterval(pollMetrics, METRICS_EVERY);
  setInterval(pollTables, TABLES_EVERY);
})();
