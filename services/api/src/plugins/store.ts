import fp from 'fastify-plugin';
import type { GraphStore, SearchIndex } from '@vanban/store';

declare module 'fastify' {
  interface FastifyInstance {
    store: GraphStore & SearchIndex;
  }
}

/** The store as `app.store`; closed with the app when the app owns it. */
export const storePlugin = fp<{ store: GraphStore & SearchIndex; closeStore: boolean }>(
  async (app, { store, closeStore }) => {
    app.decorate('store', store);
    if (closeStore) app.addHook('onClose', async () => store.close());
  },
  { name: 'vanban-store' },
);
