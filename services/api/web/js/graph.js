import { h } from './dom.js';

let loading;
/** cytoscape.js, served by the app itself, loaded only when a graph is shown. */
function loadCytoscape() {
  loading ??= new Promise((resolve, reject) => {
    const script = h('script', { src: '/vendor/cytoscape.min.js' });
    script.onload = () => resolve(window.cytoscape);
    script.onerror = () => reject(new Error('Không tải được thư viện vẽ sơ đồ.'));
    document.head.append(script);
  });
  return loading;
}

/** The document, what it cites and what cites it; a click on a node opens that document. */
export function neighbourhoodGraph(doc, detail, vocab) {
  const box = h('div', { class: 'graph', role: 'img', 'aria-label': `Sơ đồ: ${detail.relatesTo.length} văn bản được trích dẫn, ${detail.citedBy.length} văn bản trích dẫn văn bản này` });
  const nodes = new Map([[doc.id, { id: doc.id, label: doc.number ?? doc.id, kind: 'self' }]]);
  const edges = [];
  for (const hop of detail.relatesTo.slice(0, 60)) {
    nodes.set(hop.document.id, { id: hop.document.id, label: hop.document.number ?? hop.document.id, kind: 'up' });
    edges.push({ source: doc.id, target: hop.document.id, relation: hop.relation });
  }
  for (const hop of detail.citedBy.slice(0, 60)) {
    if (!nodes.has(hop.document.id)) nodes.set(hop.document.id, { id: hop.document.id, label: hop.document.number ?? hop.document.id, kind: 'down' });
    edges.push({ source: hop.document.id, target: doc.id, relation: hop.relation });
  }
  loadCytoscape()
    .then((cytoscape) => {
      const cy = cytoscape({
        container: box,
        elements: [
          ...[...nodes.values()].map((n) => ({ data: n, classes: n.kind })),
          ...edges.map((e, k) => ({ data: { id: `e${k}`, ...e, label: vocab.relations[e.relation] ?? e.relation } })),
        ],
        layout: { name: 'breadthfirst', directed: true, roots: [...nodes.values()].filter((n) => n.kind === 'down').map((n) => n.id), spacingFactor: 1.1 },
        style: [
          { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'background-color': '#6b7c93', 'text-wrap': 'wrap', 'text-max-width': 90, color: '#1d2733' } },
          { selector: 'node.self', style: { 'background-color': '#b3261e', width: 34, height: 34 } },
          { selector: 'node.up', style: { 'background-color': '#1f5fa8' } },
          { selector: 'edge', style: { width: 1.5, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', label: 'data(label)', 'font-size': 8, 'text-rotation': 'autorotate', 'line-color': '#9aa7b6', 'target-arrow-color': '#9aa7b6' } },
        ],
      });
      cy.on('tap', 'node', (event) => {
        const id = event.target.id();
        if (id !== doc.id) location.hash = `#/van-ban/${encodeURIComponent(id)}`;
      });
    })
    .catch((error) => box.replaceChildren(h('p', { class: 'error' }, error.message)));
  return box;
}
