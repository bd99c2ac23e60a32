// Storefront admin: forms with data-confirm ask before they are sent (no inline handlers: the pages' CSP forbids them).
document.addEventListener('submit', function (event) {
  var message = event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
