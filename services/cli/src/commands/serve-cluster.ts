import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import type { ServerOptions } from '@vanban/api';

const MAX_RESTARTS_A_MINUTE = 5;

export type WorkerOptions = Omit<ServerOptions, 'logStream' | 'onListening' | 'handleSignals'>;

/**
 * `vanban serve --workers N`: N processes answer on one port (node:cluster hands each new
 * connection to the next one), so a machine's cores share the requests. Each process opens the
 * store read-write itself; SQLite (WAL) lets them read side by side, and what one writes (an
 * upload) the others see through the store's revision, which also empties their response caches.
 * Resolves with the exit code once every process has stopped: 0 after SIGINT/SIGTERM, 1 when one
 * could not start (the others are stopped). A process that dies later is replaced, up to five times
 * a minute.
 */
export function startCluster(options: WorkerOptions, workers: number, onListening: (url: string) => void): Promise<number> {
  cluster.setupPrimary({ exec: fileURLToPath(new URL('./serve-worker.ts', import.meta.url)), args: [] });
  const env = { VANBAN_SERVE_WORKER: JSON.stringify(options) };
  const listening = new Set<Worker>();
  let announced = false;
  let stopping = false;
  let failed = false;
  let restarts: number[] = [];

  return new Promise((resolve) => {
    const alive = (): Worker[] => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    const stopAll = (signal: NodeJS.Signals): void => {
      for (const w of alive()) w.process.kill(signal);
    };
    // stop every process and end with exit code 1
    const giveUp = (reason: string): void => {
      process.stderr.write(`Lỗi: ${reason}\n`);
      failed = stopping = true;
      stopAll('SIGTERM');
      if (!alive().length) resolve(1);
    };
    const onSignal = (): void => {
      if (stopping) {
        // a second Ctrl+C: do not wait for requests in flight
        stopAll('SIGKILL');
        return;
      }
      stopping = true;
      process.stderr.write('Đang dừng các tiến trình phục vụ…\n');
      stopAll('SIGTERM');
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);

    cluster.on('message', (worker, message: { type?: string; url?: string }) => {
      if (message?.type !== 'vanban:listening') return;
      listening.add(worker);
      if (!announced && listening.size === workers) {
        announced = true;
        onListening(String(message.url));
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      const wasListening = listening.delete(worker);
      if (stopping) {
        if (!alive().length) {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          resolve(failed ? 1 : 0);
        }
        return;
      }
      if (!announced || !wasListening) {
        // could not start (port taken, database unreadable): the others stop too
        giveUp(`một tiến trình phục vụ không khởi động được (mã thoát ${code ?? signal}); xem lỗi ở trên. Dừng các tiến trình còn lại.`);
        return;
      }
      // replaced, unless processes keep dying (then something is wrong that a restart will not fix)
      const now = Date.now();
      restarts = restarts.filter((t) => now - t < 60_000);
      if (restarts.length >= MAX_RESTARTS_A_MINUTE) {
        giveUp(`các tiến trình phục vụ dừng bất thường ${MAX_RESTARTS_A_MINUTE} lần trong một phút; dừng hẳn.`);
        return;
      }
      restarts.push(now);
      process.stderr.write(`Tiến trình phục vụ ${worker.process.pid} dừng bất thường (${code ?? signal}); khởi động tiến trình thay thế.\n`);
      cluster.fork(env);
    });
    for (let k = 0; k < workers; k++) cluster.fork(env);
  });
}
