/**
 * The server `pnpm bench:api` measures, in its own process (autocannon runs in the parent): the
 * real app over a database, plus a constant route — Fastify's floor on this machine. With
 * `--workers N`, N such processes share the port through node:cluster, as `vanban serve --workers`.
 * Prints the URL on stdout once listening (every process).
 */
import cluster from 'node:cluster';
import { buildApp } from '@vanban/api';
import { createSqliteStore } from '@vanban/store';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const workers = Number(arg('workers') ?? 1);
if (workers > 1 && cluster.isPrimary) {
  // the primary only forks (the same script, same arguments) and reports when all listen
  let listening = 0;
  for (let k = 0; k < workers; k++) {
    cluster.fork().on('message', (url: string) => {
      if (++listening === workers) process.stdout.write(`${url}\n`);
    });
  }
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    cluster.on('exit', () => Object.keys(cluster.workers ?? {}).length || process.exit(0));
  });
} else {
  await serve();
}

async function serve(): Promise<void> {
  const store = createSqliteStore(arg('db')!, { readonly: true });
  store.warm(); // as `vanban serve` does before listening
  // as `vanban serve` runs, but request logs at warn: per-request info lines would measure the log sink
  const app = await buildApp({ store, closeStore: true, web: true, cacheEntries: Number(arg('cache') ?? 5000), fastify: { logger: { level: arg('log') ?? 'warn' } } });
  app.get('/bench/constant', async () => ({ hello: 'world' }));
  // port 0 in a cluster: the first process picks a free port, the others get the same one
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  if (process.send) process.send(url);
  else process.stdout.write(`${url}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
