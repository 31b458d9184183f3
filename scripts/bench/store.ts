/**
 * `pnpm bench`: the embedded store at scale, printed figures (no asserts).
 *   1. a generated corpus of --docs N documents (default 100,000; cached under the temp dir by N and seed)
 *   2. Vanban: ingest end to end (docs/s), database size vs text size, peak RSS, search p50/p99 over
 *      a mix of common and rare queries, trace p50, audit time
 *   3. the same documents and queries through MiniSearch and FlexSearch: build time, p50/p99, memory
 * Each engine runs in its own process so memory figures are its own. `--skip-engines` measures Vanban only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractBytes } from '@vanban/ingest';
import { createSqliteStore } from '@vanban/store';
import { ingestPaths } from '../../services/cli/src/commands/ingest.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : process.argv[i + 1];
};
const docs = Number(arg('docs', '100000'));
const seed = Number(arg('seed', '1'));
const phase = arg('phase', 'main');
const corpus = arg('corpus', join(tmpdir(), `vanban-bench-corpus-${docs}-${seed}`));

const textQueries = ['trẻ em', 'đuối nước', 'duoi nuoc', 'dưới nước', 'xâm hại trẻ em', 'tai nạn thương tích', 'kế hoạch', 'phòng chống', 'Tổng đài 111', 'lao dong tre em', 'tháng hành động vì trẻ em', 'bạo lực học đường'];
const numberQueries = ['1863/QĐ-TTg', 'qd 1863', '20-CT/TW', 'QĐ 1863', '18/CT-TTg', '56/2017/NĐ-CP'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(md|txt)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number): string => `${x.toFixed(2)} ms`;
const mb = (x: number): string => `${(x / 1e6).toFixed(0)} MB`;

function latencies(run: (q: string) => unknown, queries: string[], repeat = 15): number[] {
  for (const q of queries) run(q); // warm
  const out: number[] = [];
  for (let r = 0; r < repeat; r++) {
    for (const q of queries) {
      const t0 = performance.now();
      run(q);
      out.push(performance.now() - t0);
    }
  }
  return out;
}

async function ensureCorpus(): Promise<void> {
  if (existsSync(join(corpus, 'gold.jsonl'))) return;
  const { generateCorpus } = await import('@vanban/generate');
  const t0 = performance.now();
  await generateCorpus({ docs, outDir: corpus, seed, onProgress: (n: number, total: number) => n % 10000 === 0 && process.stderr.write(`generated ${n}/${total}\n`) });
  console.log(`generated ${docs} documents into ${corpus} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function vanban(): Promise<Record<string, number>> {
  const db = join(tmpdir(), `vanban-bench-${process.pid}.db`);
  const paths = files(corpus);
  const textBytes = paths.reduce((n, p) => n + statSync(p).size, 0);
  // end to end as `vanban ingest` runs it: extraction workers + SQLite writes
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 200);
  const t0 = performance.now();
  await ingestPaths([corpus], db, { quiet: true });
  const ingestSeconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const store = createSqliteStore(db);
  const stats = store.stats();
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  const dbBytes = statSync(db).size;
  const search = latencies((q) => store.search({ q }), [...textQueries, ...numberQueries]);
  const searchText = latencies((q) => store.search({ q }), textQueries, 5);
  const searchNumber = latencies((q) => store.search({ q }), numberQueries, 5);
  const ids = store.db.prepare<[], { id: string }>('SELECT id FROM documents WHERE known = 1 ORDER BY rowid').all().map((r) => r.id);
  const sample = ids.filter((_, k) => k % Math.max(1, Math.floor(ids.length / 200)) === 0);
  const trace = latencies((id) => store.trace(id), sample, 1);
  const decrees = store.db
    .prepare<[], { id: string }>("SELECT d.id FROM documents d JOIN edges e ON e.dst = d.rowid WHERE d.jurisdiction = '' GROUP BY d.rowid ORDER BY count(*) DESC LIMIT 5")
    .all()
    .map((r) => r.id);
  const audit = latencies((id) => store.audit(id), decrees, 1);
  store.close();
  rmSync(db, { force: true });
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
  return {
    files: paths.length,
    documents: stats.knownDocuments,
    mentions: stats.mentions,
    resolvedPct: (100 * stats.resolved) / Math.max(1, stats.mentions),
    ingestSeconds,
    docsPerSecond: stats.knownDocuments / ingestSeconds,
    textBytes,
    dbBytes,
    peakRss: peak,
    searchP50: pct(search, 50),
    searchP99: pct(search, 99),
    searchTextP50: pct(searchText, 50),
    searchNumberP50: pct(searchNumber, 50),
    traceP50: pct(trace, 50),
    traceP99: pct(trace, 99),
    auditMax: Math.max(...audit),
    auditP50: pct(audit, 50),
  };
}

/** The same documents' plain text, for the in-process engines. */
function plainDocuments(): Array<{ id: number; text: string }> {
  const out: Array<{ id: number; text: string }> = [];
  for (const path of files(corpus)) {
    const r = extractBytes(readFileSync(path), { source: path, markdown: path.endsWith('.md') ? true : undefined });
    for (const text of r.plain) out.push({ id: out.length, text });
  }
  return out;
}

async function inProcess(engine: 'minisearch' | 'flexsearch'): Promise<Record<string, number>> {
  const documents = plainDocuments();
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed; // with the documents' text already in memory
  const t0 = performance.now();
  let query: (q: string) => unknown;
  let keep: unknown;
  if (engine === 'minisearch') {
    const { default: MiniSearch } = await import('minisearch');
    const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
    index.addAll(documents);
    keep = index;
    query = (q) => index.search(q, { combineWith: 'AND' }).slice(0, 10);
  } else {
    const { Index } = (await import('flexsearch')) as unknown as { Index: new (o: object) => { add(id: number, t: string): void; search(q: string, o: object): unknown } };
    const index = new Index({ tokenize: 'strict' });
    for (const d of documents) index.add(d.id, d.text);
    keep = index;
    query = (q) => index.search(q, { limit: 10 });
  }
  const buildSeconds = (performance.now() - t0) / 1000;
  global.gc?.();
  const heap = process.memoryUsage().heapUsed - heap0; // the index alone: the texts are still held
  const rss0 = 0;
  void keep;
  const all = latencies(query, [...textQueries, ...numberQueries]);
  return { buildSeconds, heapBytes: heap, rssBytes: process.memoryUsage.rss() - rss0, searchP50: pct(all, 50), searchP99: pct(all, 99), documents: documents.length };
}

function child(which: string): Record<string, number> {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', new URL(import.meta.url).pathname, '--phase', which, '--docs', String(docs), '--seed', String(seed), '--corpus', corpus], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '{}';
  try {
    return JSON.parse(line) as Record<string, number>;
  } catch {
    throw new Error(`${which} phase failed: ${r.stdout.slice(-2000)}`);
  }
}

if (phase === 'vanban') console.log(JSON.stringify(await vanban()));
else if (phase === 'minisearch' || phase === 'flexsearch') console.log(JSON.stringify(await inProcess(phase)));
else {
  await ensureCorpus();
  console.log(`corpus: ${corpus} (${docs} documents, seed ${seed}); machine: ${process.platform} ${process.arch}, node ${process.version}`);
  const v = child('vanban');
  console.log(`\nVanban (SQLite, embedded): ${v.files} files, ${v.documents} documents, ${v.mentions} citations, ${v.resolvedPct.toFixed(1)} % resolved`);
  console.log(`  ingest end to end       ${v.docsPerSecond.toFixed(0)} documents/s (${v.ingestSeconds.toFixed(1)} s)      target ≥ 400/s`);
  console.log(`  database / text         ${mb(v.dbBytes)} / ${mb(v.textBytes)} = ${(v.dbBytes / v.textBytes).toFixed(2)}×                 target ≤ 3×`);
  console.log(`  peak RSS                ${mb(v.peakRss)}                                target ≤ 500 MB`);
  console.log(`  search p50 / p99        ${ms(v.searchP50)} / ${ms(v.searchP99)}  (text p50 ${ms(v.searchTextP50)}, number p50 ${ms(v.searchNumberP50)})   target ≤ 5 / 50 ms`);
  console.log(`  trace p50 / p99         ${ms(v.traceP50)} / ${ms(v.traceP99)}                     target p50 ≤ 5 ms`);
  console.log(`  audit p50 / max         ${ms(v.auditP50)} / ${ms(v.auditMax)}                    target ≤ 50 ms`);
  if (process.argv.includes('--skip-engines')) process.exit(0);
  const m = child('minisearch');
  const f = child('flexsearch');
  console.log('\nSame documents and queries, in-process engines (Vanban figures include facets, filters, snippets):');
  console.log('engine        build s    heap MB    query p50    query p99    p50 ratio to Vanban');
  for (const [name, r] of [['MiniSearch', m], ['FlexSearch', f]] as const) {
    console.log(`${name.padEnd(12)}  ${r.buildSeconds.toFixed(1).padStart(7)}  ${(r.heapBytes / 1e6).toFixed(0).padStart(9)}  ${ms(r.searchP50).padStart(11)}  ${ms(r.searchP99).padStart(11)}    ${(r.searchP50 / v.searchP50).toFixed(2)}`);
  }
  console.log(`Vanban        ${v.ingestSeconds.toFixed(1).padStart(7)}  ${(v.peakRss / 1e6).toFixed(0).padStart(9)}* ${ms(v.searchP50).padStart(11)}  ${ms(v.searchP99).padStart(11)}    1.00   (*peak RSS, index on disk: ${mb(v.dbBytes)})`);
}
