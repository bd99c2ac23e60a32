// The console's image page: purge, re-render and delete through the admin API with the session's CSRF token.
(function () {
  'use strict';
  var ctx = document.body.getAttribute('data-ctx') || '';
  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var out = document.getElementById('action-result');
  function call(method, path, body) {
    return fetch(ctx + path, { method: method, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: body == null ? undefined : JSON.stringify(body) }).then(function (r) {
      return r.text().then(function (t) {
        var json = t ? JSON.parse(t) : {};
        if (!r.ok) { throw new Error(json.detail || ('HTTP ' + r.status)); }
        return json;
      });
    });
  }
  document.addEventListener('click', function (event) {
    var b = event.target.closest('button[data-action]');
    if (!b) { return; }
    var image = b.getAttribute('data-image');
    var confirmText = b.getAttribute('data-confirm');
    if (confirmText && !window.confirm(confirmText)) { return; }
    var action = b.getAttribute('data-action');
    var done = action === 'purge' ? call('POST', '/api/admin/purges', { image: image }).then(function (p) { return 'purge ' + p.id + ' requested'; })
      : action === 'rerender' ? call('POST', '/api/admin/images/' + image + '/rerender').then(function (r) { return r.queued.length + ' variant(s) queued'; })
      : call('DELETE', '/api/admin/images/' + image).then(function () { window.location = ctx + '/admin/images'; return 'deleted'; });
    done.then(function (msg) { out.textContent = msg; }).catch(function (e) { out.textContent = String(e.message || e); });
  });
})();
