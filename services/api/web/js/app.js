import { errorBox, render, routeHash } from './dom.js';
import { auditPage } from './pages/audit.js';
import { documentPage } from './pages/document.js';
import { searchPage } from './pages/search.js';
import { uploadPage } from './pages/upload.js';

/**
 * Hash routes: #/ (search), #/van-ban/ID, #/kiem-tra, #/nhap — each with its state in the query string.
 * `title` names the tab until the page sets its own (setTitle), so no page keeps the previous one's.
 */
const routes = [
  { pattern: /^\/(?:tim-kiem)?$/, nav: 'search', title: 'Tìm kiếm văn bản', page: searchPage },
  { pattern: /^\/van-ban\/(.+)$/, nav: null, title: 'Văn bản', page: documentPage },
  { pattern: /^\/kiem-tra$/, nav: 'audit', title: 'Kiểm tra thực hiện', page: auditPage },
  { pattern: /^\/nhap$/, nav: 'upload', title: 'Nhập văn bản', page: uploadPage },
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
/** Render the current route; true when this render is the one on screen (no newer navigation won). */
async function show() {
  const main = document.getElementById('main');
  const { path, params } = currentRoute();
  const route = routes.find((r) => r.pattern.test(path));
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (route && a.dataset.nav === route.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const mine = ++generation;
  const setTitle = (text) => {
    if (mine === generation) document.title = `${text} — Vanban`;
  };
  if (!route) {
    setTitle('Không có trang này');
    render(main, errorBox(new Error('Không có trang này.')));
    return true;
  }
  setTitle(route.title);
  try {
    const match = route.pattern.exec(path);
    const content = await route.page({ params, arg: match[1] ? decodeURIComponent(match[1]) : undefined, navigate, setTitle });
    if (mine !== generation) return false; // a newer navigation won
    render(main, content);
  } catch (error) {
    if (mine !== generation) return false;
    render(main, errorBox(error));
  }
  main.setAttribute('aria-busy', 'false');
  return true;
}

/*
 * Where each history entry was scrolled to. A new page starts at the top; Back and Forward return
 * to where the reader was. The browser's own restoration cannot do it: it scrolls before the page
 * has been fetched and drawn.
 */
history.scrollRestoration = 'manual';
const scrollPositions = new Map();
let entry = null;
let entries = 0;

/** Note where the entry being left was scrolled to; stamp a new entry with a key. Returns where to scroll. */
function enterEntry() {
  if (entry !== null) scrollPositions.set(entry, window.scrollY);
  const known = history.state?.vanbanEntry;
  if (known !== undefined) {
    entry = known;
    return scrollPositions.get(known) ?? 0;
  }
  entry = `${Date.now()}-${++entries}`;
  history.replaceState({ ...history.state, vanbanEntry: entry }, '');
  return 0;
}

// the skip link moves focus to the content; as a plain "#main" link it would change the route
document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element) || !event.target.closest('a.skip')) return;
  event.preventDefault();
  document.getElementById('main').focus();
});

let first = true;
window.addEventListener('hashchange', () => {
  const scrollY = enterEntry();
  show().then((shown) => {
    if (!shown) return;
    window.scrollTo(0, scrollY);
    document.getElementById('main').focus({ preventScroll: true });
  });
});
window.addEventListener('DOMContentLoaded', () => {
  if (first) {
    enterEntry();
    show();
  }
  first = false;
});
