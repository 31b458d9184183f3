/**
 * One serving process of `vanban serve --workers N`, started by the primary (serve-cluster.ts)
 * with its options in VANBAN_SERVE_WORKER. It listens on the shared port, reports the URL to the
 * primary, and closes gracefully when the primary sends SIGTERM; SIGINT (Ctrl+C reaches every
 * process of the terminal) is left to the primary, which then sends SIGTERM.
 */
import cluster from 'node:cluster';
import { startServer } from '@vanban/api';
import type { WorkerOptions } from './serve-cluster.js';
import { describeListenError } from '../system-errors.js';

const options = JSON.parse(process.env.VANBAN_SERVE_WORKER ?? 'null') as WorkerOptions | null;
if (!options || !process.send) {
  process.stderr.write('serve-worker.ts is started by `vanban serve --workers N`, not directly\n');
  process.exit(2);
}

process.on('SIGINT', () => {});
try {
  const app = await startServer({
    ...options,
    handleSignals: false,
    requestIdPrefix: `w${cluster.worker?.id ?? process.pid}`,
    logStream: process.stderr,
    onListening: (url) => process.send!({ type: 'vanban:listening', url }),
  });
  process.once('SIGTERM', () => {
    // requests in flight finish (up to 10 s), then the store closes
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    void app.close().then(
      () => (clearTimeout(force), process.exit(0)),
      (err: unknown) => (app.log.error({ err }, 'closing failed'), process.exit(1)),
    );
  });
} catch (err) {
  process.stderr.write(`Tiến trình phục vụ ${process.pid} không khởi động được: ${describeListenError(err) ?? (err as Error).message}\n`);
  process.exit(1);
}
