import { parentPort } from 'node:worker_threads';
import { extractBytes } from '../lib/extract.js';

/** Extraction off the main thread: the CPU-bound half of ingest runs here while the main thread writes SQLite. */
parentPort!.on('message', (job: { id: number; source: string; bytes: Uint8Array; markdown?: boolean }) => {
  try {
    const extraction = extractBytes(job.bytes, { source: job.source, markdown: job.markdown });
    parentPort!.postMessage({ id: job.id, extraction });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: (error as Error).message });
  }
});
