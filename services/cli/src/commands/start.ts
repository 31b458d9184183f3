import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SqliteStore } from '@vanban/store';
import { nonexistentPaths } from '../files.js';
import { openStore } from '../open-store.js';
import { UsageError } from '../usage-error.js';
import { runGenerate } from './generate.js';
import { ingestPaths, printIngestSummary } from './ingest.js';

const sharedSeeds = resolve('../shared/corpus/seeds');

/**
 * The main job on the embedded default: with an empty ./data, generate a demo corpus (and add the
 * seed documents when ../shared is there) and ingest it; with --corpus, ingest that folder; then
 * print what is stored and what to try next (the caller then serves it, unless --no-serve).
 */
export async function runStart(o: { db: string; corpus?: string; docs: string; serve?: boolean }): Promise<number> {
  let failed = 0;
  // checked before anything is generated or created
  if (o.corpus && nonexistentPaths([o.corpus]).length) throw new UsageError(`--corpus: không tồn tại thư mục ${o.corpus}.`);
  if (o.corpus) {
    const summary = await ingestPaths([o.corpus], o.db);
    printIngestSummary(summary);
    failed = summary.failed.length;
  } else if (!existsSync(o.db)) {
    const demo = join(resolve(o.db, '..'), 'demo-corpus');
    process.stderr.write(`Chưa có dữ liệu: sinh kho văn bản mẫu vào ${demo}…\n`);
    if (!existsSync(join(demo, 'gold.jsonl'))) await runGenerate({ docs: o.docs, out: demo, seed: '1' });
    const inputs = existsSync(sharedSeeds) ? [demo, sharedSeeds] : [demo];
    const summary = await ingestPaths(inputs, o.db);
    printIngestSummary(summary);
    failed = summary.failed.length;
  }
  const store = openStore(o.db);
  const stats = store.stats();
  const examples = exampleNumbers(store);
  store.close();
  const db = o.db === './data/vanban.db' ? '' : ` --db ${o.db}`;
  process.stdout.write(
    [
      `Vanban sẵn sàng: ${o.db} có ${stats.knownDocuments} văn bản, ${stats.citedOnly} văn bản chỉ biết qua trích dẫn, ${stats.edges} quan hệ.`,
      '',
      o.serve ? 'Trang web: xem địa chỉ bên dưới. Trên dòng lệnh, thử:' : 'Thử (hoặc mở trang web: pnpm --silent vanban serve):',
      `  pnpm --silent vanban search "đuối nước"${db}`,
      `  pnpm --silent vanban search "qd 1863"${db}`,
      ...(examples.trace ? [`  pnpm --silent vanban trace ${examples.trace}${db}`] : []),
      ...(examples.decree ? [`  pnpm --silent vanban audit ${examples.decree}${db}`, `  pnpm --silent vanban audit ${examples.decree} --provinces 34${db}`] : []),
      `  pnpm --silent vanban export --format graphml --out vanban.graphml${db}`,
      '',
      'Nhập văn bản của bạn: pnpm start -- --corpus THƯ_MỤC',
      '',
    ].join('\n'),
  );
  return failed ? 1 : 0;
}

/**
 * Examples that exist in this database: a letter with a document above it (a district's, if any),
 * and the national document most implemented (else the most cited one). None when the corpus has
 * no such thing: a suggestion that answers "not found" is worse than none.
 */
function exampleNumbers(store: SqliteStore): { trace?: string; decree?: string } {
  const first = (sql: string): string | undefined => store.db.prepare<[], string>(sql).pluck().get();
  const trace =
    first("SELECT d.id FROM documents d JOIN edges e ON e.src = d.rowid AND e.relation = 'IMPLEMENTS' WHERE d.known = 1 AND d.district IS NOT NULL ORDER BY d.rowid LIMIT 1") ??
    first("SELECT d.id FROM documents d JOIN edges e ON e.src = d.rowid AND e.relation IN ('IMPLEMENTS', 'BASED_ON') WHERE d.known = 1 ORDER BY d.rowid LIMIT 1");
  const decree =
    first("SELECT d.id FROM documents d JOIN edges e ON e.dst = d.rowid WHERE d.jurisdiction = '' AND e.relation = 'IMPLEMENTS' GROUP BY d.rowid ORDER BY count(*) DESC LIMIT 1") ??
    first('SELECT d.id FROM documents d JOIN edges e ON e.dst = d.rowid GROUP BY d.rowid ORDER BY count(*) DESC LIMIT 1');
  return { trace, decree };
}
