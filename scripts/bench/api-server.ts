/**
 * The server `pnpm bench:api` measures, in its own process (autocannon runs in the parent): the
 * real app over a database, plus a constant route — Fastify's floor on this machine.
 * Prints the URL on stdout once listening.
 */
import { buildApp } from '@vanban/api';
import { createSqliteStore } from '@vanban/store';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const store = createSqliteStore(arg('db')!, { readonly: true });
// as `vanban serve` runs, but request logs at warn: per-request info lines would measure the log sink
const app = await buildApp({ store, closeStore: true, web: true, cacheEntries: Number(arg('cache') ?? 5000), fastify: { logger: { level: arg('log') ?? 'warn' } } });
app.get('/bench/constant', async () => ({ hello: 'world' }));
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${url}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
