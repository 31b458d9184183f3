import fp from 'fastify-plugin';
import { extractBytes, type FileExtraction } from '@vanban/ingest';
import { ExtractPool } from '@vanban/ingest/pool';

declare module 'fastify' {
  interface FastifyInstance {
    /** Extract a file off the event loop (a worker thread), so a large upload never stalls reads. */
    extract(source: string, bytes: Uint8Array, markdown?: boolean): Promise<FileExtraction>;
  }
}

/**
 * One extraction worker, started on first use: the main thread keeps answering searches while a
 * 20 MB upload is read. If the worker dies (e.g. out of its heap on a hostile file) the file is
 * extracted on the main thread instead and a fresh worker is started next time.
 */
export const extractorPlugin = fp(
  async (app) => {
    let pool: ExtractPool | null = null;
    app.decorate('extract', async (source: string, bytes: Uint8Array, markdown?: boolean) => {
      pool ??= new ExtractPool(1);
      try {
        return await pool.extract(source, bytes, markdown);
      } catch (error) {
        app.log.warn({ err: error, source }, 'extraction worker failed; extracting on the main thread');
        void pool.close();
        pool = null;
        return extractBytes(bytes, { source, markdown });
      }
    });
    app.addHook('onClose', async () => {
      await pool?.close();
    });
  },
  { name: 'vanban-extractor' },
);
