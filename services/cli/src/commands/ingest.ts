import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { FileExtraction } from '@vanban/ingest';
import { contentHash, type IngestFileResult, type SqliteStore } from '@vanban/store';
import { openStore } from '../open-store.js';
import { ExtractPool } from '@vanban/ingest/pool';
import { messageLabel } from '@vanban/schema';
import { expandInputs, nonexistentPaths, readStdin, SKIPPED_EXAMPLES, skippedNote } from '../files.js';
import { Progress } from '../progress.js';
import { UsageError } from '../usage-error.js';
import { reasonLabel } from '../labels.js';

export interface IngestSummary {
  files: number;
  stored: number;
  unchanged: number;
  replaced: number;
  /** each file that could not be stored: why, as the messages say (`reasons`) and in Vietnamese (`labels`) */
  failed: Array<{ source: string; reasons: string[]; labels: string[] }>;
  /** files in the folders left out because they are not .md/.txt: how many, and the first few */
  skipped: { count: number; examples: string[] };
  documents: number;
  citations: number;
  resolvedPercent: number;
  unresolved: Record<string, number>;
  database: string;
}

/**
 * `vanban ingest PATH…`: store every file; one bad file never stops the others. A path named that
 * does not exist is a typo, not a bad file: refused before anything is written, each one named.
 */
export async function ingestPaths(paths: string[], db: string, options: { quiet?: boolean; workers?: number } = {}): Promise<IngestSummary> {
  if (!paths.length) throw new UsageError('Cần ít nhất một tệp hoặc thư mục để nhập.');
  const nonexistent = nonexistentPaths(paths);
  if (nonexistent.length) throw new UsageError(`${nonexistent.length === 1 ? 'Không tồn tại tệp hoặc thư mục' : `Không tồn tại ${nonexistent.length} tệp hoặc thư mục`}: ${nonexistent.join(', ')}. Chưa nhập gì; hãy sửa đường dẫn rồi chạy lại.`);
  const { files, missing, unreadable, skipped } = await expandInputs(paths);
  // counts per status, and the failures in full: a 100,000-file ingest keeps no per-file results
  const counts = { files: 0, stored: 0, unchanged: 0, replaced: 0 };
  const failed: IngestSummary['failed'] = [
    ...missing.map((source) => ({ source, reasons: ['File or folder not found'], labels: ['Không tồn tại tệp hoặc thư mục này'] })),
    ...unreadable.map(({ path, reason }) => ({ source: path, reasons: [`Cannot list folder: ${reason}`], labels: [`Không đọc được thư mục: ${reason}`] })),
  ];
  counts.files = failed.length;
  const skippedSummary = { count: skipped.length, examples: skipped.slice(0, SKIPPED_EXAMPLES) };
  // nothing to read and no database yet: none is made (an empty file where a typo pointed --db)
  if (!files.length && !existsSync(db)) {
    return { ...counts, failed, skipped: skippedSummary, documents: 0, citations: 0, resolvedPercent: 100, unresolved: {}, database: db };
  }
  const store = openStore(db);
  const tally = (r: IngestFileResult): void => {
    counts.files++;
    if (r.status === 'failed') {
      // the errors; a file failed on warnings alone (an empty file) gets those
      const errors = r.messages.filter((m) => m.severity === 'error');
      const why = errors.length ? errors : r.messages;
      failed.push({ source: r.source, reasons: why.map((m) => m.reason), labels: why.map(messageLabel) });
    }
    else counts[r.status]++;
  };
  const progress = options.quiet ? null : new Progress('Nhập văn bản', files.length);
  // Extraction (CPU-bound) runs in worker threads while this thread reads files and writes SQLite;
  // files are stored in input order, each in its own transaction.
  const workers = options.workers ?? defaultWorkers();
  const pool = files.length >= 32 && workers > 0 ? new ExtractPool(workers) : null;
  try {
    const inFlight: Array<Promise<Prepared>> = [];
    let n = 0;
    const store1 = (p: Prepared): void => {
      tally('failed' in p ? p.failed : store.ingestFile(p));
      progress?.update(++n, p.source.length > 40 ? `…${p.source.slice(-39)}` : p.source);
    };
    for (const source of files) {
      inFlight.push(prepare(source, store, pool));
      if (inFlight.length >= WINDOW) store1(await inFlight.shift()!);
    }
    while (inFlight.length) store1(await inFlight.shift()!);
    const stats = store.stats();
    if (worthOptimizing(counts.stored + counts.replaced, stats.knownDocuments)) {
      if (!options.quiet) process.stderr.write('Đang gộp chỉ mục tìm kiếm (tìm kiếm sẽ nhanh hơn)…\n');
      try {
        store.optimizeSearchIndex();
      } catch (error) {
        // every file is stored by now: an unmerged index only makes search slower (e.g. another writer held the file)
        process.stderr.write(`Không gộp được chỉ mục tìm kiếm (mọi tệp đã được lưu): ${(error as Error).message}\n`);
      }
    }
    return {
      ...counts,
      failed,
      skipped: skippedSummary,
      documents: stats.knownDocuments,
      citations: stats.mentions,
      resolvedPercent: stats.mentions ? Math.round((1000 * stats.resolved) / stats.mentions) / 10 : 100,
      unresolved: stats.unresolved,
      database: db,
    };
  } finally {
    await pool?.close();
    store.close();
  }
}

const WINDOW = 8;

/**
 * After this many stored files (or a tenth of the database), the full-text index is merged into
 * one segment: a bulk ingest leaves tens of them and every search reads each. Rewriting the index
 * costs ~3.5 s per 100,000 documents, too much to pay after a handful of files.
 */
export const OPTIMIZE_AFTER_FILES = 1000;
const worthOptimizing = (changed: number, known: number): boolean => changed > 0 && (changed >= OPTIMIZE_AFTER_FILES || changed * 10 >= known);
const defaultWorkers = (): number => Math.max(1, Math.min(4, availableParallelism()));

type Prepared = ({ source: string; bytes: Uint8Array; hash: string; extraction?: FileExtraction }) | { source: string; failed: IngestFileResult };

/** Read and hash a file; extract it in a worker unless the same content is already stored. */
async function prepare(source: string, store: SqliteStore, pool: ExtractPool | null): Promise<Prepared> {
  let bytes: Uint8Array;
  try {
    bytes = source === '-' ? await readStdin() : await readFile(source);
  } catch (error) {
    return { source, failed: { source, status: 'failed', documents: 0, citations: 0, messages: [{ reason: `Cannot read file: ${(error as Error).message}`, ruleId: 'read:io', severity: 'error', line: null, column: null }] } };
  }
  const hash = contentHash(bytes);
  if (!pool || store.isUnchanged(source, hash)) return { source, bytes, hash };
  try {
    return { source, bytes, hash, extraction: await pool.extract(source, bytes) };
  } catch {
    return { source, bytes, hash }; // extracted again on the main thread, where errors are reported
  }
}

export function printIngestSummary(s: IngestSummary): void {
  const out = process.stderr;
  if (s.skipped.count) out.write(`\n${skippedNote(s.skipped.count, s.skipped.examples)}\n`);
  if (!s.files) out.write('\nKhông có tệp .md/.txt nào để nhập.\n');
  out.write(`\nĐã nhập ${s.files} tệp vào ${s.database}: ${s.stored} mới, ${s.replaced} thay thế, ${s.unchanged} không đổi, ${s.failed.length} lỗi.\n`);
  out.write(`Cơ sở dữ liệu có ${s.documents} văn bản, ${s.citations} trích dẫn, ${s.resolvedPercent}% đã xác định được văn bản được trích dẫn.\n`);
  const reasons = Object.entries(s.unresolved);
  if (reasons.length) out.write(`Chưa xác định: ${reasons.map(([r, n]) => `${n} ${reasonLabel(r)}`).join('; ')} (xem từng trích dẫn: vanban resolve --list --db ${s.database}).\n`);
  for (const f of s.failed) out.write(`Lỗi ${f.source}: ${f.labels.join('; ') || 'không đọc được'}\n`);
}
