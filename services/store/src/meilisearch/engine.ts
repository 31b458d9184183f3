import { Meilisearch, type Settings } from 'meilisearch';
import type { BackendHealth, SearchQuery, SearchResult } from '../ports.js';
import { StoreError } from '../ports.js';
import type { ProjectedDocument, SearchEngine } from '../projection.js';
import { toIndexedDocument } from './document.js';
import { searchIndex } from './search.js';
import { buildSettings, defaultSettingsInput, settingsDifference } from './settings.js';
import { describeBatch, describeError, guard, isApiError, payloadBatches, runTask, type TaskTiming } from './tasks.js';

export interface MeiliSearchEngineOptions {
  url: string;
  apiKey?: string;
  /** index uid, 'documents' unless given */
  index?: string;
  /** what any task may take before we give up on it (ms); a batch of documents gets `taskTimeoutPerMbMs` more per MB */
  taskTimeoutMs?: number;
  taskTimeoutPerMbMs?: number;
  /** JSON bytes per document batch, well under the server's payload limit (100 MB by default) */
  maxBatchBytes?: number;
  /** ids per deletion request */
  maxDeleteIds?: number;
  /** timeout of each HTTP request (ms) */
  requestTimeoutMs?: number;
  /** how often a task is polled (ms) */
  pollIntervalMs?: number;
}

export const DEFAULT_MAX_BATCH_BYTES = 8 * 1_048_576;

/** The SearchEngine on Meilisearch: settings verified at start, every write awaited and checked. */
export function createMeiliSearchEngine(options: MeiliSearchEngineOptions): SearchEngine {
  const uid = options.index ?? 'documents';
  const client = new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout: options.requestTimeoutMs ?? 60_000 });
  const index = client.index(uid);
  const timing: TaskTiming = { baseMs: options.taskTimeoutMs ?? 60_000, perMbMs: options.taskTimeoutPerMbMs ?? 20_000, pollMs: options.pollIntervalMs ?? 100 };
  const maxBatchBytes = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const maxDeleteIds = options.maxDeleteIds ?? 10_000;
  const settings = buildSettings(defaultSettingsInput);
  const ctx = { client, index: uid, maxTotalHits: defaultSettingsInput.maxTotalHits };

  const readSettings = (): Promise<Settings | null> =>
    guard(`reading the settings of index "${uid}"`, async () => {
      try {
        return await index.getSettings();
      } catch (error) {
        if (isApiError(error, 'index_not_found')) return null;
        throw error;
      }
    });

  return {
    async ensureSettings() {
      let current = await readSettings();
      if (!current) await runTask(client, `creating index "${uid}"`, () => client.createIndex(uid, { primaryKey: 'id' }), timing, 0, ['index_already_exists']);
      // unchanged settings are not sent again: a settings update can re-index everything
      if (current && !settingsDifference(settings, current)) return;
      await runTask(client, `updating the settings of index "${uid}"`, () => index.updateSettings(settings), timing);
      current = await readSettings();
      const diff = current ? settingsDifference(settings, current) : { name: 'index', expected: uid, actual: 'missing' };
      if (diff) throw new StoreError(`[meilisearch] index "${uid}": setting ${diff.name} reads back as ${diff.actual}, expected ${diff.expected}`);
    },

    async upsertDocuments(documents: readonly ProjectedDocument[]) {
      if (!documents.length) return;
      for (const batch of payloadBatches(documents.map(toIndexedDocument), maxBatchBytes)) {
        const what = `adding ${describeBatch(batch, documents.length)} to index "${uid}" (${batch.bytes} bytes)`;
        await runTask(client, what, () => index.addDocumentsFromString(batch.json, 'application/json', { primaryKey: 'id' }), timing, batch.bytes);
      }
    },

    async removeDocuments(ids: readonly string[]) {
      for (let at = 0; at < ids.length; at += maxDeleteIds) {
        const chunk = ids.slice(at, at + maxDeleteIds);
        const what = `removing ${describeBatch({ from: at, to: at + chunk.length, firstId: chunk[0], lastId: chunk[chunk.length - 1] }, ids.length)} from index "${uid}"`;
        await runTask(client, what, () => index.deleteDocuments([...chunk]), timing, Buffer.byteLength(JSON.stringify(chunk)));
      }
    },

    search(query: SearchQuery): Promise<SearchResult> {
      return guard(`searching index "${uid}"`, () => searchIndex(ctx, query));
    },

    async checkHealth(): Promise<BackendHealth> {
      try {
        const { status } = await client.health();
        return status === 'available' ? { backend: 'meilisearch', ok: true } : { backend: 'meilisearch', ok: false, error: `status ${String(status)}` };
      } catch (error) {
        return { backend: 'meilisearch', ok: false, error: `[meilisearch] ${describeError(error)}` };
      }
    },

    async clear() {
      await runTask(client, `removing every document from index "${uid}"`, () => index.deleteAllDocuments(), timing);
    },

    async close() {
      // nothing held open: every request is its own fetch
    },
  };
}
