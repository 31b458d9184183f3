import { randomBytes } from 'node:crypto';
import { startServer } from '@vanban/api';
import { openExisting } from '../open-store.js';
import { readConfig } from '../config.js';
import { UsageError } from '../usage-error.js';

export interface ServeOptions {
  db: string;
  port?: string;
  host?: string;
}

/**
 * Serve the API and the web UI over the database until SIGINT/SIGTERM. Without VANBAN_API_KEY a
 * key is made up for this run and printed, so staff at this terminal can upload from the web page.
 */
export async function runServe(o: ServeOptions): Promise<void> {
  const config = readConfig();
  const port = o.port === undefined ? config.port : Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port phải là số từ 0 đến 65535, nhận được "${o.port}"`);
  openExisting(o.db).close(); // a missing database is said plainly, before anything listens
  const apiKey = config.apiKey ?? randomBytes(18).toString('base64url');
  await startServer({
    db: o.db,
    host: o.host ?? config.host,
    port,
    apiKey,
    logLevel: config.logLevel,
    rateLimitPerMinute: config.rateLimitPerMinute,
    logStream: process.stderr,
    onListening: (url) => {
      process.stdout.write(`Vanban đang phục vụ tại ${url} (API: ${url}/api/docs). Nhấn Ctrl+C để dừng.\n`);
      if (!config.apiKey) process.stdout.write(`Khóa để nhập văn bản qua trang web, chỉ cho lần chạy này: ${apiKey} (đặt VANBAN_API_KEY để dùng khóa cố định)\n`);
    },
  });
}
