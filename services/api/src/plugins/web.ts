import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

const webRoot = fileURLToPath(new URL('../../web/', import.meta.url));
const cytoscapeDir = dirname(createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js'));

/**
 * The web UI: static pages and scripts from `web/`, and the graph library from node_modules —
 * every asset served by the app itself, no CDN (offices may have no Internet).
 */
export const webPlugin = fp(
  async (app) => {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: 'index.html', maxAge: '10m', wildcard: true });
    await app.register(fastifyStatic, { root: cytoscapeDir, prefix: '/vendor/', decorateReply: false, maxAge: '1d', allowedPath: (path) => path === '/cytoscape.min.js' });
  },
  { name: 'vanban-web' },
);
