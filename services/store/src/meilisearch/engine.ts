import { Meilisearch, MeilisearchApiError, type Settings, type Task } from 'meilisearch';
import type { BackendHealth, SearchQuery, SearchResult } from '../ports.js';
import { StoreError } from '../ports.js';
import type { ProjectedDocument, SearchEngine } from '../projection.js';
import { toIndexedDocument } from './document.js';
import { searchIndex } from './search.js';
import { buildSettings, defaultSettingsInput, settingsDifference } from './settings.js';
import { awaitTask, describeBatch, describeError, guard, isApiError, payloadBatches, reindexTimeoutFor, runTask, type TaskTiming } from './tasks.js';

export interface MeiliSearchEngineOptions {
  url: string;
  apiKey?: string;
  /** index uid, 'documents' unless given */
  index?: string;
  /** what any task may take before we give up on it (ms); a batch of documents gets `taskTimeoutPerMbMs` more per MB */
  taskTimeoutMs?: number;
  taskTimeoutPerMbMs?: number;
  /**
   * what a settings update may take per document already in the index (ms, 2 unless given), on
   * top of `taskTimeoutMs`: the update re-indexes every document
   */
  settingsTimeoutPerDocumentMs?: number;
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
export const DEFAULT_SETTINGS_TIMEOUT_PER_DOCUMENT_MS = 2;

/** The SearchEngine on Meilisearch: settings verified at start, every write awaited and checked. */
export function createMeiliSearchEngine(options: MeiliSearchEngineOptions): SearchEngine {
  const uid = options.index ?? 'documents';
  const client = new Meilisearch({ host: options.url, apiKey: options.apiKey, timeout: options.requestTimeoutMs ?? 60_000 });
  const index = client.index(uid);
  const timing: TaskTiming = {
    baseMs: options.taskTimeoutMs ?? 60_000,
    perMbMs: options.taskTimeoutPerMbMs ?? 20_000,
    perDocumentMs: options.settingsTimeoutPerDocumentMs ?? DEFAULT_SETTINGS_TIMEOUT_PER_DOCUMENT_MS,
    pollMs: options.pollIntervalMs ?? 100,
  };
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

  /** This index's settings updates still enqueued or processing (another process's, or ours before a restart). */
  const pendingSettingsUpdates = (): Promise<Task[]> =>
    guard(`listing the pending settings updates of index "${uid}"`, async () => {
      const tasks: Task[] = [];
      let from: number | null = null;
      do {
        const page = await client.tasks.getTasks({ indexUids: [uid], types: ['settingsUpdate'], statuses: ['enqueued', 'processing'], limit: 100, ...(from === null ? {} : { from }) });
        tasks.push(...page.results);
        from = page.next;
      } while (from !== null);
      return tasks.sort((a, b) => a.uid - b.uid);
    });

  const countDocuments = (): Promise<number> =>
    guard(`counting the documents of index "${uid}"`, async () => (await index.getStats()).numberOfDocuments);

  return {
    async ensureSettings() {
      let current = await readSettings();
      if (!current) await runTask(client, `creating index "${uid}"`, () => client.createIndex(uid, { primaryKey: 'id' }), timing, 0, ['index_already_exists']);
      // unchanged settings are not sent again: a settings update can re-index everything
      if (current && !settingsDifference(settings, current)) return;
      // A settings update re-indexes every document, so it may take far longer than other tasks:
      // its timeout grows with the index. An update already queued or running (sent before a
      // restart, or by another process) is waited for rather than queued behind again; if it sets
      // what we declare, nothing is sent.
      const documents = await countDocuments();
      const timeout = reindexTimeoutFor(timing, documents);
      const pending = await pendingSettingsUpdates();
      if (pending.length) {
        for (const task of pending) await awaitTask(client, `waiting for the pending settings update of index "${uid}"`, task.uid, timeout, timing.pollMs);
        current = await readSettings();
        if (current && !settingsDifference(settings, current)) return;
      }
      await runTask(client, `updating the settings of index "${uid}" (${documents} documents to re-index)`, () => index.updateSettings(settings), timing, 0, [], timeout);
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
        if (status !== 'available') return { backend: 'meilisearch', ok: false, error: `status ${String(status)}` };
        // GET /health answers without a key, so a wrong or missing key would look healthy:
        // GET /version needs the key whenever the server has a master key
        await client.getVersion();
        return { backend: 'meilisearch', ok: true };
      } catch (error) {
        if (error instanceof MeilisearchApiError && (error.response.status === 401 || error.response.status === 403))
          return {
            backend: 'meilisearch',
            ok: false,
            error: `[meilisearch] the server refused the API key (HTTP ${error.response.status}): ${describeError(error)}; check the engine's apiKey (it needs the "version" action besides the index's)`,
          };
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
