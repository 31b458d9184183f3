import { MeilisearchApiError, MeilisearchTaskTimeOutError, type EnqueuedTask, type Meilisearch, type Task } from 'meilisearch';
import { StoreError } from '../ports.js';

/** Every message along an error's cause chain ("Request to … has failed: fetch failed: connect ECONNREFUSED …"). */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof Error) {
      if (!parts.includes(e.message)) parts.push(e.message);
    } else if (typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string') {
      // Meilisearch's error body: the message is already the error's
      parts.push(`(${(e as { code: string }).code})`);
      break;
    } else break;
  }
  return parts.join(': ') || String(error);
}

/** Run a call to the server; whatever it throws becomes a StoreError saying what was being done. */
export async function guard<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (cause) {
    if (cause instanceof StoreError) throw cause;
    throw new StoreError(`[meilisearch] ${what}: ${describeError(cause)}`, { cause });
  }
}

export const isApiError = (error: unknown, code: string): boolean =>
  error instanceof MeilisearchApiError && (error.cause as { code?: string } | undefined)?.code === code;

export interface TaskTiming {
  /** what every task may take, plus `perMbMs` for each MB it sends */
  baseMs: number;
  perMbMs: number;
  /** what a settings update may take per document of the index (it re-indexes them all) */
  perDocumentMs: number;
  pollMs: number;
}

export const timeoutFor = (timing: TaskTiming, bytes = 0): number => Math.ceil(timing.baseMs + (timing.perMbMs * bytes) / 1_048_576);

/** The timeout of a task that re-indexes every document of an index (a settings update). */
export const reindexTimeoutFor = (timing: TaskTiming, documents: number): number => Math.ceil(timing.baseMs + timing.perDocumentMs * Math.max(0, documents));

/**
 * Wait for a task to end, whatever its outcome (the caller reads the status). A task still
 * enqueued or processing at the timeout throws a StoreError naming `what` and the task.
 */
export async function awaitTask(client: Meilisearch, what: string, taskUid: number, timeout: number, pollMs: number): Promise<Task> {
  try {
    return await client.tasks.waitForTask(taskUid, { timeout, interval: pollMs });
  } catch (cause) {
    if (cause instanceof MeilisearchTaskTimeOutError)
      throw new StoreError(`[meilisearch] ${what}: task ${taskUid} did not finish within ${timeout} ms (it may still run; see GET /tasks/${taskUid})`, { cause });
    throw new StoreError(`[meilisearch] ${what}: waiting for task ${taskUid}: ${describeError(cause)}`, { cause });
  }
}

/**
 * Enqueue a write and wait for its task, with a timeout sized to what it sends (or `timeout`
 * when given). `waitForTask` returns a failed task without throwing, so the status is checked
 * here: a failed or canceled task, or one still running at the timeout, throws a StoreError
 * naming `what`. `accept` lets a caller treat a failure code as done (an index another process
 * created meanwhile).
 */
export async function runTask(
  client: Meilisearch,
  what: string,
  enqueue: () => Promise<EnqueuedTask>,
  timing: TaskTiming,
  bytes = 0,
  accept: readonly string[] = [],
  timeout: number = timeoutFor(timing, bytes),
): Promise<Task> {
  const enqueued = await guard(what, enqueue);
  const task = await awaitTask(client, what, enqueued.taskUid, timeout, timing.pollMs);
  if (task.status === 'failed' && task.error && accept.includes(task.error.code)) return task;
  if (task.status === 'failed') throw new StoreError(`[meilisearch] ${what}: task ${task.uid} failed: ${task.error?.message ?? 'no reason given'}${task.error?.code ? ` (${task.error.code})` : ''}`);
  if (task.status !== 'succeeded') throw new StoreError(`[meilisearch] ${what}: task ${task.uid} ended ${task.status}`);
  return task;
}

/** One request's worth of documents: their JSON array and where they sit in the input. */
export interface DocumentBatch {
  json: string;
  bytes: number;
  /** index of the first document in the input, and one past the last */
  from: number;
  to: number;
  firstId: string;
  lastId: string;
}

/**
 * Split documents into JSON arrays of at most `maxBytes` (UTF-8), each measured exactly; a single
 * document larger than that goes alone (and the server says whether it takes it).
 */
export function* payloadBatches<T extends { id: string }>(documents: readonly T[], maxBytes: number): Generator<DocumentBatch> {
  let parts: string[] = [];
  let bytes = 2;
  let from = 0;
  const flush = (to: number): DocumentBatch => {
    const batch = { json: `[${parts.join(',')}]`, bytes, from, to, firstId: documents[from].id, lastId: documents[to - 1].id };
    parts = [];
    bytes = 2;
    from = to;
    return batch;
  };
  for (let k = 0; k < documents.length; k++) {
    const json = JSON.stringify(documents[k]);
    const size = Buffer.byteLength(json);
    // `,` before every document but the first
    if (parts.length && bytes + 1 + size > maxBytes) yield flush(k);
    bytes += size + (parts.length ? 1 : 0);
    parts.push(json);
  }
  if (parts.length) yield flush(documents.length);
}

export const describeBatch = (b: Pick<DocumentBatch, 'from' | 'to' | 'firstId' | 'lastId'>, total: number): string =>
  `documents ${b.from + 1}-${b.to} of ${total} (ids ${b.firstId} … ${b.lastId})`;
