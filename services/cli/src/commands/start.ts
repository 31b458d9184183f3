import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSqliteStore } from '@vanban/store';
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
  const store = createSqliteStore(o.db);
  const stats = store.stats();
  store.close();
  const db = o.db === './data/vanban.db' ? '' : ` --db ${o.db}`;
  process.stdout.write(
    [
      `Vanban sẵn sàng: ${o.db} có ${stats.knownDocuments} văn bản, ${stats.citedOnly} văn bản chỉ biết qua trích dẫn, ${stats.edges} quan hệ.`,
      '',
      o.serve ? 'Trang web: xem địa chỉ bên dưới. Trên dòng lệnh, thử:' : 'Thử (hoặc mở trang web: pnpm --silent vanban serve):',
      `  pnpm --silent vanban search "đuối nước"${db}`,
      `  pnpm --silent vanban search "qd 1863"${db}`,
      `  pnpm --silent vanban trace 279/UBND-LĐTBXH${db}`,
      `  pnpm --silent vanban audit 20-CT/TW --year 2012${db}`,
      `  pnpm --silent vanban audit 20-ct-tw-2012 --provinces 34${db}`,
      `  pnpm --silent vanban export --format graphml --out vanban.graphml${db}`,
      '',
      'Nhập văn bản của bạn: pnpm start -- --corpus THƯ_MỤC',
      '',
    ].join('\n'),
  );
  return failed ? 1 : 0;
}
