import { h, shortTitle } from './dom.js';

class GraphLoadError extends Error {}

let loading;
/** cytoscape.js, served by the app itself, loaded only when a graph is shown. */
function loadCytoscape() {
  loading ??= new Promise((resolve, reject) => {
    const script = h('script', { src: '/vendor/cytoscape.min.js' });
    script.onload = () => resolve(window.cytoscape);
    script.onerror = () => reject(new GraphLoadError('Không tải được thư viện vẽ sơ đồ.'));
    document.head.append(script);
  });
  return loading;
}

/**
 * Resolves once `box` is in the page (cytoscape measures its container), or with false when it
 * never gets there (the user went elsewhere first). The page is built before it is shown, and a
 * cached cytoscape would otherwise draw into a box that is not in the page yet.
 */
function whenInPage(box, frames = 600) {
  return new Promise((resolve) => {
    const check = (left) => {
      if (box.isConnected) resolve(true);
      else if (left === 0) resolve(false);
      else requestAnimationFrame(() => check(left - 1));
    };
    check(frames);
  });
}

const SPAN = (150 / 180) * Math.PI; // each half-circle keeps 15° clear of the horizontal on each side
const SPACING = 80; // px between neighbours on an arc
const MIN_ZOOM = 0.6;

/**
 * Positions for `ids` on an arc around the document at (0, 0): above it (`side` -1) or below (1).
 * Every node sits on its own ray from the centre, so no arrow passes through another node.
 */
function arc(ids, side) {
  const radius = Math.max(170, (ids.length * SPACING) / SPAN);
  const at = new Map();
  ids.forEach((id, k) => {
    const angle = ids.length === 1 ? 0 : -SPAN / 2 + (k * SPAN) / (ids.length - 1);
    at.set(id, { x: radius * Math.sin(angle), y: side * radius * Math.cos(angle) });
  });
  return at;
}

/**
 * The document in the middle, what it implements or cites above it, what cites it below, so every
 * arrow points up: from the citing document to the cited one. A click on a node opens that document.
 */
export function neighbourhoodGraph(doc, detail, vocab) {
  const upIds = [...new Set(detail.relatesTo.slice(0, 60).map((hop) => hop.document.id))].filter((id) => id !== doc.id);
  const downIds = [...new Set(detail.citedBy.slice(0, 60).map((hop) => hop.document.id))].filter((id) => id !== doc.id && !upIds.includes(id));
  const box = h('div', { class: 'graph', role: 'img', 'aria-label': `Sơ đồ: ${upIds.length} văn bản được trích dẫn, ${downIds.length} văn bản trích dẫn văn bản này` });
  const nodes = new Map([[doc.id, { id: doc.id, label: shortTitle(doc), kind: 'self' }]]);
  const edges = [];
  for (const hop of detail.relatesTo.slice(0, 60)) {
    if (!nodes.has(hop.document.id)) nodes.set(hop.document.id, { id: hop.document.id, label: shortTitle(hop.document), kind: 'up' });
    edges.push({ source: doc.id, target: hop.document.id, relation: hop.relation });
  }
  for (const hop of detail.citedBy.slice(0, 60)) {
    if (!nodes.has(hop.document.id)) nodes.set(hop.document.id, { id: hop.document.id, label: shortTitle(hop.document), kind: 'down' });
    edges.push({ source: hop.document.id, target: doc.id, relation: hop.relation });
  }
  const positions = new Map([[doc.id, { x: 0, y: 0 }], ...arc(upIds, -1), ...arc(downIds, 1)]);
  // one edge per pair of documents, its relations joined: two relations between the same pair would overlap
  const byPair = new Map();
  for (const e of edges) {
    const key = `${e.source}\u0000${e.target}`;
    const name = vocab.relations[e.relation] ?? e.relation;
    const seen = byPair.get(key);
    if (!seen) byPair.set(key, { ...e, label: name });
    else if (!seen.label.split(', ').includes(name)) seen.label += `, ${name}`;
  }
  loadCytoscape()
    .then(async (cytoscape) => {
      if (!(await whenInPage(box))) return;
      const cy = cytoscape({
        container: box,
        elements: [
          ...[...nodes.values()].map((n) => ({ data: n, classes: n.kind, position: positions.get(n.id) })),
          ...[...byPair.values()].map((e, k) => ({ data: { id: `e${k}`, ...e } })),
        ],
        layout: { name: 'preset', fit: true, padding: 24 },
        style: [
          { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'background-color': '#6b7c93', 'text-wrap': 'wrap', 'text-max-width': 110, color: '#1d2733', 'text-valign': 'bottom', 'text-margin-y': 3 } },
          { selector: 'node.self', style: { 'background-color': '#b3261e', width: 34, height: 34, 'font-weight': 'bold' } },
          { selector: 'node.up', style: { 'background-color': '#1f5fa8' } },
          { selector: 'edge', style: { width: 1.5, 'curve-style': 'straight', 'target-arrow-shape': 'triangle', label: 'data(label)', 'font-size': 8, 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 1, 'line-color': '#9aa7b6', 'target-arrow-color': '#9aa7b6' } },
        ],
      });
      // on a phone the whole picture would shrink its labels past reading: keep them legible, the rest a drag away
      if (cy.zoom() < MIN_ZOOM) {
        cy.zoom(MIN_ZOOM);
        cy.center();
      }
      cy.on('tap', 'node', (event) => {
        const id = event.target.id();
        if (id !== doc.id) location.hash = `#/van-ban/${encodeURIComponent(id)}`;
      });
    })
    .catch((error) => {
      // staff read Vietnamese; the real error goes to the console
      if (!(error instanceof GraphLoadError)) console.error(error);
      box.replaceChildren(h('p', { class: 'error' }, error instanceof GraphLoadError ? error.message : 'Không vẽ được sơ đồ liên kết.'));
    });
  return box;
}
