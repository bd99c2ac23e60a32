// Product gallery: a thumbnail shows its picture large in place (no page load); without this script the
// thumbnails are plain links to ?picture=<id>, which the server renders the same way.
document.addEventListener('click', event => {
  const link = event.target.closest('.gallery__thumbs a[data-picture]');
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  const template = document.getElementById('large-' + link.dataset.picture);
  const main = document.getElementById('main-image');
  if (!template || !main) return;
  event.preventDefault();
  main.replaceWith(template.content.firstElementChild.cloneNode(true));
  document.querySelectorAll('.gallery__thumbs a[aria-current]').forEach(a => a.removeAttribute('aria-current'));
  link.setAttribute('aria-current', 'true');
  history.replaceState(null, '', link.href);
});
