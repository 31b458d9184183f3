import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { startServer } from '@vanban/api';
import { startCluster, type WorkerOptions } from './serve-cluster.js';
import { openStore } from '../open-store.js';
import { readConfig } from '../config.js';
import { UsageError } from '../usage-error.js';

export interface ServeOptions {
  db: string;
  port?: string;
  host?: string;
  workers?: string;
}

/**
 * Serve the API and the web UI over the database until SIGINT/SIGTERM. Without VANBAN_API_KEY a
 * key is made up for this run and printed, so staff at this terminal can upload from the web page.
 */
export async function runServe(o: ServeOptions): Promise<void> {
  const config = readConfig();
  const port = o.port === undefined ? config.port : Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port phải là số từ 0 đến 65535, nhận được "${o.port}"`);
  // a new deployment starts empty and fills through uploads (or `vanban ingest`): said, not refused
  if (!existsSync(o.db)) process.stderr.write(`Chưa có cơ sở dữ liệu ${o.db}: tạo mới (trống). Nhập văn bản qua trang "Nhập văn bản" hoặc: vanban ingest THƯ_MỤC --db ${o.db}\n`);
  const workers = o.workers === undefined ? config.workers : Number(o.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers phải là số từ 1 đến 64, nhận được "${o.workers}"`);
  // created or migrated here, once, with its progress said, before any server process opens it
  openStore(o.db).close();
  const apiKey = config.apiKey ?? randomBytes(18).toString('base64url');
  const options: WorkerOptions = {
    db: o.db,
    neo4j: config.neo4j,
    meili: config.meili,
    host: o.host ?? config.host,
    port,
    apiKey,
    logLevel: config.logLevel,
    // each process counts its own clients: the limit is shared out so the total stays about the same
    rateLimitPerMinute: Math.ceil(config.rateLimitPerMinute / workers),
  };
  const onListening = (url: string): void => {
    const engines = [config.neo4j && `Neo4j ${config.neo4j.url}`, config.meili && `Meilisearch ${config.meili.url}`].filter(Boolean).join(', ');
    const processes = workers > 1 ? `, ${workers} tiến trình` : '';
    process.stdout.write(`Vanban đang phục vụ tại ${url} (API: ${url}/api/docs${processes})${engines ? `, với ${engines}` : ''}. Nhấn Ctrl+C để dừng.\n`);
    if (!config.apiKey) process.stdout.write(`Khóa để nhập văn bản qua trang web, chỉ cho lần chạy này: ${apiKey} (đặt VANBAN_API_KEY để dùng khóa cố định)\n`);
  };
  if (workers === 1) {
    await startServer({ ...options, logStream: process.stderr, onListening });
    return;
  }
  const code = await startCluster(options, workers, onListening);
  if (code) process.exitCode = code;
}
