/*
 * picbed upload page.
 * Uploads each chosen file in its own XMLHttpRequest (POST /api/images, multipart field "file",
 * Authorization: Bearer <upload token>) so every file gets its own progress bar; at most MAX_CONCURRENT at a time.
 * The page never holds an API key: the token comes from the page's address (?token=..., a link an operator hands
 * out) or, for the logged-in operator (data-operator on <body>), from POST /api/admin/upload-tokens with the
 * session's CSRF token (data-csrf); the operator's page asks for a fresh token when one expires or is used up.
 * Everything that comes from the server or from a file name goes into the DOM through textContent /
 * attributes only (never innerHTML).
 */
(() => {
  'use strict';

  const MAX_CONCURRENT = 3;
  const COPIED_MS = 1600;
  /** What the operator's page asks for: an hour, and plenty of files (a fresh token follows when it runs out). */
  const OPERATOR_SCOPE = { expires_in: 3600, max_files: 200 };
  /** Refusals that a fresh operator token cures. */
  const TOKEN_SPENT = new Set(['token_expired', 'token_used', 'token_scope', 'unauthorized']);

  const base = document.body.dataset.apiBase || '';
  const endpoint = `${base}/api/images`;
  const operator = document.body.dataset.operator === 'true';
  const csrf = document.body.dataset.csrf || '';

  const $ = (sel) => document.querySelector(sel);
  const accessStatus = $('#access-status');
  const chooseSection = $('#choose-section');
  const fileInput = $('#file-input');
  const dropzone = $('#dropzone');
  const section = $('#uploads-section');
  const list = $('#upload-list');
  const summary = $('#uploads-summary');

  /** All upload items in the order chosen. */
  const items = [];
  /** Items waiting to be sent, in order. */
  const queue = [];
  let active = 0;
  /** True while uploads wait for an upload token. */
  let paused = false;
  /** The upload token in use ('' while there is none). */
  let token = new URLSearchParams(window.location.search).get('token') || '';
  /** The operator's pending token request, shared by every upload waiting for it. */
  let tokenRequest = null;

  // ---------------------------------------------------------------- small DOM helpers

  /** Creates an element; props are set as properties (className, textContent, type...) or attributes (data-*, aria-*). */
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role' || k === 'for') node.setAttribute(k, String(v));
      else node[k] = v;
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function formatBytes(n) {
    if (!Number.isFinite(n) || n < 0) return '';
    if (n < 1024) return `${n} B`;
    const units = ['KB', 'MB', 'GB'];
    let v = n / 1024;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
  }

  function extensionOf(name) {
    const m = /\.([A-Za-z0-9]{1,5})$/.exec(name || '');
    return m ? m[1].toUpperCase() : 'FILE';
  }

  /** Accepts only http(s) URLs (relative URLs are resolved against the page). */
  function safeUrl(raw) {
    if (typeof raw !== 'string' || raw === '') return null;
    try {
      const u = new URL(raw, window.location.href);
      return (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null;
    } catch {
      return null;
    }
  }

  const markdownAlt = (s) => s.replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
  const htmlAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  // Parentheses and spaces would end a Markdown link target early.
  const markdownUrl = (u) => u.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

  // ---------------------------------------------------------------- clipboard

  function legacyCopy(text, field) {
    let tmp = null;
    let target = field;
    if (!target) {
      tmp = el('textarea', { value: text, readOnly: true, className: 'visually-hidden' });
      tmp.setAttribute('aria-hidden', 'true');
      document.body.append(tmp);
      target = tmp;
    }
    const prevFocus = document.activeElement;
    target.focus();
    target.select();
    target.setSelectionRange(0, text.length);
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    if (tmp) {
      tmp.remove();
      if (prevFocus && typeof prevFocus.focus === 'function') prevFocus.focus();
    }
    return ok;
  }

  async function copyText(text, field) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        // fall through to the legacy path (permission denied, document not focused...)
      }
    }
    return legacyCopy(text, field);
  }

  function copyButton(label, getText, field) {
    const btn = el('button', { type: 'button', className: field ? 'btn btn--sm' : 'btn btn--ghost btn--sm', textContent: label });
    let timer = 0;
    btn.addEventListener('click', async () => {
      const ok = await copyText(getText(), field);
      clearTimeout(timer);
      btn.textContent = ok ? 'Copied' : 'Press Ctrl+C';
      btn.classList.toggle('is-done', ok);
      if (!ok && field) { field.focus(); field.select(); }
      timer = setTimeout(() => { btn.textContent = label; btn.classList.remove('is-done'); }, COPIED_MS);
    });
    return btn;
  }

  // ---------------------------------------------------------------- upload token

  function setAccessStatus(message, kind) {
    accessStatus.hidden = !message;
    accessStatus.textContent = message || '';
    accessStatus.className = kind === 'error' ? 'alert alert--error' : 'alert';
  }

  /** The operator's page asks for a token signed by the server's first API key (the session authenticates). */
  function fetchOperatorToken() {
    if (!tokenRequest) {
      tokenRequest = fetch(`${base}/api/admin/upload-tokens`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify(OPERATOR_SCOPE),
      }).then(async (response) => {
        const body = parseJson(await response.text());
        if (!response.ok || !body || typeof body.token !== 'string') {
          const detail = body && body.detail ? ` ${body.detail}` : '';
          throw new Error(`the server gave no upload token (HTTP ${response.status}).${detail}`);
        }
        return body.token;
      }).finally(() => { tokenRequest = null; });
    }
    return tokenRequest;
  }

  function renewToken() {
    fetchOperatorToken().then((fresh) => {
      token = fresh;
      setAccessStatus('');
      resume();
    }, (err) => {
      pause(`Could not get an upload token: ${err && err.message ? err.message : err} Reload the page to try again.`);
    });
  }

  if (!token && !operator) {
    chooseSection.hidden = true;
    setAccessStatus('Uploading needs an upload link: ask your operator for an upload link.');
  }

  // ---------------------------------------------------------------- rows

  function createItem(file) {
    const item = { file, name: file.name || 'unnamed', state: 'queued', authRetry: false };

    item.thumb = el('div', { className: 'upload-thumb' },
      el('span', { className: 'upload-thumb__placeholder', textContent: extensionOf(item.name) }));
    item.nameEl = el('span', { className: 'upload-name', title: item.name, textContent: item.name });
    item.statusEl = el('span', { className: 'upload-status', textContent: 'Queued' });
    item.progress = el('progress', { className: 'upload-progress', max: 100, value: 0 });
    item.progress.setAttribute('aria-label', `Upload progress for ${item.name}`);
    item.result = el('div', { className: 'upload-result' });

    const head = el('div', { className: 'upload-head' },
      item.nameEl,
      el('span', { className: 'upload-size', textContent: formatBytes(file.size) }),
      item.statusEl);

    item.row = el('li', { className: 'upload-row', 'data-state': 'queued' },
      item.thumb,
      el('div', { className: 'upload-body' }, head, item.progress, item.result));
    return item;
  }

  function setState(item, state, statusText) {
    item.state = state;
    item.row.dataset.state = state;
    item.statusEl.textContent = statusText;
    updateSummary();
  }

  function updateSummary() {
    const count = (s) => items.filter((i) => i.state === s).length;
    const done = count('done');
    const bad = count('rejected') + count('failed');
    const pending = count('queued') + count('uploading');
    const parts = [`${done} of ${items.length} uploaded`];
    if (bad) parts.push(`${bad} not uploaded`);
    if (pending && paused) parts.push('waiting for an upload token');
    summary.textContent = parts.join(' · ');
    clearBtn.hidden = !items.some((i) => i.state === 'done' || i.state === 'rejected' || i.state === 'failed');
  }

  function showSuccess(item, image, httpStatus) {
    const url = safeUrl(image.url);
    if (!url) {
      showFailure(item, 'the server answered without a usable image URL');
      return;
    }
    const isNew = image.status ? image.status === 'created' : httpStatus === 201;

    const img = el('img', { className: 'upload-preview', src: url, alt: `Preview of ${item.name}`, loading: 'lazy', decoding: 'async' });
    const link = el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', title: 'Open original in a new tab' }, img);
    item.thumb.replaceChildren(link);

    const urlField = el('input', { type: 'text', className: 'input input--mono input--sm upload-url', value: url, readOnly: true });
    urlField.setAttribute('aria-label', `URL of ${item.name}`);
    urlField.addEventListener('focus', () => urlField.select());

    const alt = item.name;
    const markdown = `![${markdownAlt(alt)}](${markdownUrl(url)})`;
    const html = `<img src="${htmlAttr(url)}" alt="${htmlAttr(alt)}">`;

    const meta = el('div', { className: 'upload-meta' },
      el('span', { className: `badge ${isNew ? 'badge--success' : 'badge--info'} upload-badge`, textContent: isNew ? 'new' : 'already stored' }));
    const dims = [];
    if (Number.isFinite(image.width) && Number.isFinite(image.height)) dims.push(`${image.width}×${image.height}`);
    if (image.format) dims.push(String(image.format).toUpperCase());
    if (dims.length) meta.append(el('span', { className: 'upload-dims', textContent: dims.join(' · ') }));

    const embeds = el('div', { className: 'upload-embeds cluster' },
      el('span', { className: 'small muted', textContent: 'Copy as' }),
      copyButton('Markdown', () => markdown),
      copyButton('HTML', () => html));
    embeds.querySelectorAll('button')[0].title = markdown;
    embeds.querySelectorAll('button')[1].title = html;

    item.result.replaceChildren(el('div', { className: 'upload-links' },
      meta,
      el('div', { className: 'copy-line' }, urlField, copyButton('Copy', () => url, urlField)),
      embeds));

    item.progress.value = 100;
    setState(item, 'done', ''); // the badge says new / already stored
  }

  function showRejection(item, problem, httpStatus) {
    const detail = problem.detail || problem.title || `The server refused this file (HTTP ${httpStatus}).`;
    const msg = el('p', { className: 'upload-error', role: 'alert' }, String(detail));
    if (problem.code) msg.append(' ', el('code', { textContent: String(problem.code) }));
    item.result.replaceChildren(msg);
    item.thumb.replaceChildren(el('span', { className: 'upload-thumb__placeholder', textContent: extensionOf(item.name) }));
    setState(item, 'rejected', 'Rejected');
  }

  function showFailure(item, reason) {
    const retry = el('button', { type: 'button', className: 'btn btn--ghost btn--sm', textContent: 'Retry' });
    retry.addEventListener('click', () => {
      item.result.replaceChildren();
      enqueue(item);
      pump();
    });
    item.result.replaceChildren(el('div', { className: 'cluster' },
      el('p', { className: 'upload-error', role: 'alert', textContent: `Upload failed: ${reason}` }),
      retry));
    setState(item, 'failed', 'Failed');
  }

  // ---------------------------------------------------------------- queue

  function enqueue(item) {
    item.progress.value = 0;
    queue.push(item);
    setState(item, 'queued', paused ? 'Waiting for an upload token' : 'Queued');
  }

  function addFiles(fileList) {
    const files = Array.from(fileList || []).filter((f) => f && (f.size > 0 || f.type));
    if (!files.length) return;
    section.hidden = false;
    for (const file of files) {
      const item = createItem(file);
      items.push(item);
      list.append(item.row);
      enqueue(item);
    }
    pump();
  }

  function pause(message) {
    paused = true;
    setAccessStatus(message, 'error');
    for (const item of queue) item.statusEl.textContent = 'Waiting for an upload token';
    updateSummary();
  }

  function resume() {
    if (!paused) return;
    paused = false;
    // Files refused for a spent token go back to the front of the queue, in their original order.
    const retry = items.filter((i) => i.authRetry && i.state === 'rejected' && !queue.includes(i));
    for (const item of retry.reverse()) {
      item.authRetry = false;
      item.result.replaceChildren();
      item.progress.value = 0;
      queue.unshift(item);
      setState(item, 'queued', 'Queued');
    }
    for (const item of queue) item.statusEl.textContent = 'Queued';
    updateSummary();
    pump();
  }

  function pump() {
    if (paused) return;
    if (queue.length && !token) {
      paused = true;
      if (operator) {
        for (const item of queue) item.statusEl.textContent = 'Waiting for an upload token';
        renewToken();
      } else {
        pause('This upload link has run out: ask your operator for a new upload link.');
      }
      return;
    }
    while (!paused && active < MAX_CONCURRENT && queue.length) {
      send(queue.shift());
    }
  }

  function parseJson(text) {
    try { return JSON.parse(text); } catch { return null; }
  }

  function send(item) {
    const used = token;
    active++;
    setState(item, 'uploading', 'Uploading… 0%');
    item.sent = false;
    item.progress.value = 0;

    const form = new FormData();
    form.append('file', item.file, item.name);

    const xhr = new XMLHttpRequest();
    xhr.open('POST', endpoint);
    xhr.setRequestHeader('Authorization', `Bearer ${used}`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.responseType = 'text';

    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable || !e.total) return;
      if (item.sent) return;
      // never move the bar backwards (some network stacks report progress out of order)
      const pct = Math.max(item.progress.value, Math.min(100, Math.round((e.loaded / e.total) * 100)));
      item.progress.value = pct;
      item.statusEl.textContent = pct < 100 ? `Uploading… ${pct}%` : 'Processing…';
    };
    xhr.upload.onload = () => {
      item.sent = true;
      item.progress.value = 100;
      item.statusEl.textContent = 'Processing…';
    };

    const finish = () => {
      active--;
      pump();
    };

    xhr.onload = () => {
      const status = xhr.status;
      const body = parseJson(xhr.responseText);
      try {
        handleResponse(item, status, body, used);
      } catch (err) {
        showFailure(item, `unexpected response (${err && err.message ? err.message : err})`);
      }
      finish();
    };
    xhr.onerror = () => {
      showFailure(item, 'network error — the server could not be reached or the connection dropped.');
      finish();
    };
    xhr.ontimeout = () => {
      showFailure(item, 'the request timed out.');
      finish();
    };
    xhr.onabort = () => {
      showFailure(item, 'the upload was aborted.');
      finish();
    };

    xhr.send(form);
  }

  function handleResponse(item, status, body, tokenUsed) {
    const code = body && body.code ? String(body.code) : '';
    if ((status === 401 || status === 403) && TOKEN_SPENT.has(code)) {
      const detail = body && body.detail ? String(body.detail) : 'The upload token was refused.';
      if (operator && !item.authRetry) {
        // the operator's token expired or ran out: this file waits for a fresh one and is sent again, once
        item.authRetry = true;
        if (token === tokenUsed) token = '';
        item.result.replaceChildren();
        item.progress.value = 0;
        queue.unshift(item);
        setState(item, 'queued', 'Waiting for an upload token');
        return;
      }
      item.authRetry = false;
      showRejection(item, { detail: operator ? detail : `${detail} Ask your operator for a new upload link.`, code }, status);
      if (!operator && (code === 'token_expired' || code === 'token_used' || code === 'unauthorized') && token === tokenUsed) {
        token = '';
        setAccessStatus('This upload link no longer works: ask your operator for a new upload link.', 'error');
      }
      return;
    }

    if (status >= 200 && status < 300) {
      const image = body && Array.isArray(body.images) ? body.images[0] : null;
      if (!image) {
        showFailure(item, `the server answered ${status} without an image description.`);
        return;
      }
      if (image.status === 'rejected') {
        showRejection(item, image.error || {}, status);
        return;
      }
      showSuccess(item, image, status);
      return;
    }

    if (status >= 400 && status < 500) {
      let problem = body && typeof body === 'object' ? body : {};
      // A multi-file style answer with the per-file error.
      if (problem.images && problem.images[0] && problem.images[0].error) problem = problem.images[0].error;
      if (!problem.detail && !problem.title) {
        problem = { ...problem, detail: status === 413 ? 'The file is too large for the server.' : `The server refused this file (HTTP ${status}${xhrText(status)}).` };
      }
      showRejection(item, problem, status);
      return;
    }

    if (status === 0) {
      showFailure(item, 'no answer from the server.');
      return;
    }
    const detail = body && (body.detail || body.title);
    showFailure(item, `server error ${status}${detail ? ` — ${detail}` : ''}.`);
  }

  function xhrText(status) {
    const names = { 400: ' Bad Request', 403: ' Forbidden', 404: ' Not Found', 405: ' Method Not Allowed', 413: ' Payload Too Large', 415: ' Unsupported Media Type', 422: ' Unprocessable Content', 429: ' Too Many Requests' };
    return names[status] || '';
  }

  // ---------------------------------------------------------------- clear finished

  const clearBtn = el('button', { type: 'button', className: 'btn btn--ghost btn--sm', textContent: 'Clear finished', hidden: true });
  clearBtn.addEventListener('click', () => {
    for (let i = items.length - 1; i >= 0; i--) {
      const it = items[i];
      if (it.state === 'done' || it.state === 'rejected' || it.state === 'failed') {
        it.row.remove();
        items.splice(i, 1);
      }
    }
    if (!items.length) section.hidden = true;
    updateSummary();
  });
  summary.after(clearBtn);

  // ---------------------------------------------------------------- picking and dropping files

  fileInput.addEventListener('change', () => {
    addFiles(fileInput.files);
    fileInput.value = ''; // allow choosing the same file again
  });

  dropzone.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      fileInput.click();
    }
  });

  let dragDepth = 0;
  const hasFiles = (e) => Array.from((e.dataTransfer && e.dataTransfer.types) || []).includes('Files');

  dropzone.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth++;
    dropzone.classList.add('is-dragover');
  });
  dropzone.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    dropzone.classList.add('is-dragover');
  });
  dropzone.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) dropzone.classList.remove('is-dragover');
  });
  dropzone.addEventListener('drop', (e) => {
    e.preventDefault();
    dragDepth = 0;
    dropzone.classList.remove('is-dragover');
    if (e.dataTransfer) addFiles(e.dataTransfer.files);
  });

  // A file dropped next to the zone must not make the browser navigate away from the page.
  window.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
  window.addEventListener('drop', (e) => { if (hasFiles(e)) e.preventDefault(); });
})();
