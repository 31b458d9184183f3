import { engineTarget, openConfiguredStore } from '@vanban/api';
import type { ScaleOutStore } from '@vanban/store';
import { readConfig } from '../config.js';
import { openExisting } from '../open-store.js';
import { Progress } from '../progress.js';
import { UsageError } from '../usage-error.js';

/**
 * `vanban sync`: copy the embedded database into the configured Neo4j and Meilisearch, so a pilot
 * grows into a deployment without reading the files again. Only what changed since the last copy
 * to the same engines is sent; an interrupted run continues where it stopped.
 */
export async function runSync(o: { db: string; json?: boolean }): Promise<void> {
  const config = readConfig();
  if (!config.neo4j && !config.meili) {
    throw new UsageError('Chưa cấu hình máy chủ nào để đồng bộ: đặt VANBAN_NEO4J_URL, VANBAN_NEO4J_USER, VANBAN_NEO4J_PASSWORD và/hoặc VANBAN_MEILI_URL, VANBAN_MEILI_KEY (xem .env.example).');
  }
  openExisting(o.db, { writes: true }).close(); // migrated here; the sync records in it what it has sent
  const store = (await openConfiguredStore({ db: o.db, neo4j: config.neo4j, meili: config.meili })) as ScaleOutStore;
  try {
    let progress: Progress | null = null;
    const summary = await store.sync((done, total, changed) => {
      progress ??= new Progress('Đồng bộ', total);
      progress.update(done, `${changed} thay đổi`);
    });
    if (o.json) return void process.stdout.write(`${JSON.stringify({ ...summary, target: engineTarget(config) })}\n`);
    const engines = [config.neo4j && `Neo4j (${config.neo4j.url})`, config.meili && `Meilisearch (${config.meili.url})`].filter(Boolean).join(' và ');
    process.stdout.write(`Đã đồng bộ ${summary.documents} văn bản vào ${engines}: ${summary.changed} mới hoặc thay đổi, ${summary.removed} đã xóa; chạy lại chỉ gửi phần thay đổi.\n`);
  } finally {
    await store.close();
  }
}
