import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { startServer } from '@vanban/api';
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
  // a new deployment starts empty and fills through uploads (or `vanban ingest`): said, not refused
  if (!existsSync(o.db)) process.stderr.write(`Chưa có cơ sở dữ liệu ${o.db}: tạo mới (trống). Nhập văn bản qua trang "Nhập văn bản" hoặc: vanban ingest THƯ_MỤC --db ${o.db}\n`);
  const apiKey = config.apiKey ?? randomBytes(18).toString('base64url');
  await startServer({
    db: o.db,
    neo4j: config.neo4j,
    meili: config.meili,
    host: o.host ?? config.host,
    port,
    apiKey,
    logLevel: config.logLevel,
    rateLimitPerMinute: config.rateLimitPerMinute,
    logStream: process.stderr,
    onListening: (url) => {
      const engines = [config.neo4j && `Neo4j ${config.neo4j.url}`, config.meili && `Meilisearch ${config.meili.url}`].filter(Boolean).join(', ');
      process.stdout.write(`Vanban đang phục vụ tại ${url} (API: ${url}/api/docs)${engines ? `, với ${engines}` : ''}. Nhấn Ctrl+C để dừng.\n`);
      if (!config.apiKey) process.stdout.write(`Khóa để nhập văn bản qua trang web, chỉ cho lần chạy này: ${apiKey} (đặt VANBAN_API_KEY để dùng khóa cố định)\n`);
    },
  });
}
