import { existsSync } from 'node:fs';
import { createSqliteStore, type SqliteStore, type StoredDocument } from '@vanban/store';
import { Progress } from './progress.js';
import { UsageError } from './usage-error.js';

/**
 * Open (creating or migrating) the database. A migration that refills the search index from the
 * stored texts (a minute or two for 100,000 documents) says how far it is on stderr.
 */
export function openStore(path: string): SqliteStore {
  let progress: Progress | undefined;
  return createSqliteStore(path, {
    onRebuildProgress: (done, total) => (progress ??= new Progress('Dựng lại chỉ mục tìm kiếm theo phiên bản mới: văn bản', total)).update(done),
  });
}

/** Open the database for reading jobs; a missing database is the user's mistake, said plainly. */
export function openExisting(path: string): SqliteStore {
  if (!existsSync(path)) throw new UsageError(`Chưa có cơ sở dữ liệu ${path}. Hãy nhập văn bản trước: vanban ingest THƯ_MỤC --db ${path}`);
  return openStore(path);
}

export class NotFound extends Error {}

/** The one document an id or số ký hiệu names, or a clear error listing the candidates. */
export function resolveRef(store: SqliteStore, ref: string, filters: { year?: number; province?: string }): StoredDocument {
  const found = store.find(ref, filters);
  if (found.length === 1) return found[0];
  if (!found.length) throw new NotFound(`Không tìm thấy văn bản "${ref}"${filters.year ? ` năm ${filters.year}` : ''}${filters.province ? ` của ${filters.province}` : ''}.`);
  const list = found.slice(0, 20).map((d) => `  ${d.id}  (${d.number ?? '—'}, ${d.year ?? '—'}, ${d.province ?? 'trung ương'})`).join('\n');
  throw new NotFound(`"${ref}" ứng với ${found.length} văn bản; chọn bằng mã (id) hoặc thêm --year / --province:\n${list}`);
}

export function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw new UsageError(`--year phải là năm 4 chữ số, nhận được "${value}"`);
  return Number(value);
}

/** "2019" or "2019-2022" -> range. */
export function parseYearRange(value: string | undefined): { yearFrom?: number; yearTo?: number } {
  if (value === undefined) return {};
  const m = /^(\d{4})(?:\s*[-–]\s*(\d{4}))?$/.exec(value.trim());
  if (!m) throw new UsageError(`--year phải là "2019" hoặc "2019-2022", nhận được "${value}"`);
  const [yearFrom, yearTo] = [Number(m[1]), Number(m[2] ?? m[1])];
  if (yearFrom > yearTo) throw new UsageError(`--year: năm đầu phải trước năm cuối, nhận được "${value}"`);
  return { yearFrom, yearTo };
}

export const label = (d: StoredDocument): string =>
  `${d.number ?? d.id}${d.year ? ` (${d.year})` : ''}${d.province ? ` — ${d.province}${d.district ? `, ${d.district}` : ''}` : ''}${d.known ? '' : ' [chỉ biết qua trích dẫn]'}`;
