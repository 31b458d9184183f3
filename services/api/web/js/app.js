import { errorBox, render, routeHash } from './dom.js';
import { auditPage } from './pages/audit.js';
import { documentPage } from './pages/document.js';
import { searchPage } from './pages/search.js';
import { uploadPage } from './pages/upload.js';

/** Hash routes: #/ (search), #/van-ban/ID, #/kiem-tra, #/nhap — each with its state in the query string. */
const routes = [
  { pattern: /^\/(?:tim-kiem)?$/, nav: 'search', page: searchPage },
  { pattern: /^\/van-ban\/(.+)$/, nav: null, page: documentPage },
  { pattern: /^\/kiem-tra$/, nav: 'audit', page: auditPage },
  { pattern: /^\/nhap$/, nav: 'upload', page: uploadPage },
];

/** The current route's path and query, from the hash. */
export function currentRoute() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?');
  return { path, params: new URLSearchParams(query) };
}

/** Go to a route with new query parameters (empty values dropped). */
export function navigate(path, params = {}) {
  const hash = routeHash(path, params);
  if (location.hash === hash) show();
  else location.hash = hash;
}

let generation = 0;
async function show() {
  const main = document.getElementById('main');
  const { path, params } = currentRoute();
  const route = routes.find((r) => r.pattern.test(path));
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (route && a.dataset.nav === route.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const mine = ++generation;
  if (!route) return render(main, errorBox(new Error('Không có trang này.')));
  try {
    const match = route.pattern.exec(path);
    const content = await route.page({ params, arg: match[1] ? decodeURIComponent(match[1]) : undefined, navigate });
    if (mine !== generation) return; // a newer navigation won
    render(main, content);
  } catch (error) {
    if (mine === generation) render(main, errorBox(error));
  }
  main.setAttribute('aria-busy', 'false');
}

// the skip link moves focus to the content; as a plain "#main" link it would change the route
document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element) || !event.target.closest('a.skip')) return;
  event.preventDefault();
  document.getElementById('main').focus();
});

let first = true;
window.addEventListener('hashchange', () => {
  show().then(() => document.getElementById('main').focus({ preventScroll: false }));
});
window.addEventListener('DOMContentLoaded', () => {
  if (first) show();
  first = false;
});
