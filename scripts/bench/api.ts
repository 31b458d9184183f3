/**
 * `pnpm bench:api`: HTTP throughput and latency, printed (no asserts).
 * A server process over --docs N generated documents (default 100,000; database cached in the temp
 * dir), autocannon in this process at --connections C (default 50) for --seconds S per route:
 *   floor       Fastify answering a constant route (the framework's own ceiling here)
 *   documents   GET /api/documents/:id over a sample of ingested documents
 *   search      GET /api/search over a mix of common, rare, folded and number queries
 * with the response cache off (every request computed) and on (as `vanban serve` runs), each with
 * one server process and with --workers W (default 2: this machine's cores) sharing the port.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { createSqliteStore } from '@vanban/store';
import { ingestPaths } from '../../services/cli/src/commands/ingest.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const docs = Number(arg('docs', '100000'));
const connections = Number(arg('connections', '50'));
const seconds = Number(arg('seconds', '10'));
const workers = Number(arg('workers', '2'));
const corpus = join(tmpdir(), `vanban-bench-corpus-${docs}-1`);
const db = arg('db', join(tmpdir(), `vanban-bench-api-${docs}.db`));

const queries = ['trẻ em', 'đuối nước', 'duoi nuoc', 'dưới nước', 'xâm hại trẻ em', 'tai nạn thương tích', 'kế hoạch', 'phòng chống', 'Tổng đài 111', 'lao dong tre em', 'tháng hành động vì trẻ em', 'bạo lực học đường', '1863/QĐ-TTg', 'qd 1863', '20-CT/TW', 'QĐ 1863', '18/CT-TTg', '56/2017/NĐ-CP'];

async function ensureDatabase(): Promise<void> {
  if (existsSync(db)) return;
  if (!existsSync(join(corpus, 'gold.jsonl'))) {
    const { generateCorpus } = await import('@vanban/generate');
    process.stderr.write(`generating ${docs} documents into ${corpus}…\n`);
    await generateCorpus({ docs, outDir: corpus, seed: 1 });
  }
  process.stderr.write(`ingesting ${corpus} into ${db} (cached for the next run)…\n`);
  await ingestPaths([corpus], db, { quiet: true });
}

function startServer(cacheEntries: number, processes: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./api-server.ts', import.meta.url).pathname, '--db', db, '--cache', String(cacheEntries), '--workers', String(processes)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve({ url: d.toString().trim(), stop: () => (child.kill('SIGTERM'), exited) }));
    child.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
}

/** autocannon's result, plus the 99th percentile without each connection's first answer (see `steady`). */
type Run = Result & { steadyP99: number };

async function run(url: string, paths: string[], duration = seconds): Promise<Run> {
  let next = 0;
  // A busy server accepts one new connection per turn of its event loop (libuv), and a turn serves
  // every open connection once: the 50 connections of a run are accepted one by one, the last
  // ones waiting up to seconds for their first answer. That ramp is printed apart from the rest.
  const seen = new Set<unknown>();
  const steady: number[] = [];
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration, requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }] },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on('response', (client, _status, _bytes, ms) => {
      if (seen.has(client)) steady.push(ms);
      else seen.add(client);
    });
  });
  steady.sort((a, b) => a - b);
  return Object.assign(result, { steadyP99: steady.length ? steady[Math.min(steady.length - 1, Math.floor(steady.length * 0.99))] : NaN });
}

const fmt = (r: Run): string =>
  `${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms (${r.steadyP99.toFixed(0).padStart(4)} after first answers)   errors ${r.errors + r.timeouts}   non-2xx ${r.non2xx}`;

await ensureDatabase();
// a cached database: migrated to this schema, and its full-text index merged as ingest now leaves it
const writer = createSqliteStore(db);
if (writer.searchIndexSegments() > 1) writer.optimizeSearchIndex();
writer.close();
const store = createSqliteStore(db, { readonly: true });
const ids = store.db.prepare<[], string>('SELECT id FROM documents WHERE known = 1 ORDER BY rowid').pluck().all();
const sample = ids.filter((_, k) => k % Math.max(1, Math.floor(ids.length / 2000)) === 0);
const stats = store.stats();
store.close();

console.log(`${stats.knownDocuments} documents, ${stats.edges} edges; ${connections} connections, ${seconds} s per route; ${sample.length} document ids, ${queries.length} queries`);
const configurations = [0, 5000].flatMap((cache) => [...new Set([1, workers])].map((processes) => ({ cache, processes })));
for (const { cache, processes } of configurations) {
  const server = await startServer(cache, processes);
  try {
    await run(server.url, ['/bench/constant']); // warm up the process (its store is warmed at start)
    const floor = await run(server.url, ['/bench/constant']);
    const documents = await run(server.url, sample.map((id) => `/api/documents/${encodeURIComponent(id)}`));
    const search = await run(server.url, queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`));
    console.log(`\nresponse cache ${cache ? 'on (as vanban serve runs)' : 'off (every request computed)'}, ${processes === 1 ? 'one server process' : `${processes} server processes (vanban serve --workers ${processes})`}:`);
    console.log(`  floor (constant route)   ${fmt(floor)}`);
    console.log(`  GET /api/documents/:id   ${fmt(documents)}   ${(documents.requests.average / floor.requests.average).toFixed(2)}x floor   target ≥ 5000 req/s`);
    console.log(`  GET /api/search          ${fmt(search)}   ${(search.requests.average / floor.requests.average).toFixed(2)}x floor   target ≥ 1500 req/s`);
  } finally {
    await server.stop();
  }
}
console.log('\ntargets: p99 ≤ 50 ms at 50 connections, zero errors');
console.log("'after first answers': p99 without each connection's first answer, which waits for the busy server to accept the connection");
