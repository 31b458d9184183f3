import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { createSqliteStore, StoreError, type SqliteStore, type StoredDocument } from '@vanban/store';
import { label } from './format.js';
import { Progress } from './progress.js';
import { UsageError } from './usage-error.js';

/**
 * Open (creating or migrating) the database for a job that writes. A file or folder that cannot be
 * written is refused before SQLite touches it. A migration that refills the search index from the
 * stored texts (a minute or two for 100,000 documents) says how far it is on stderr.
 */
export function openStore(path: string): SqliteStore {
  restoreSideFiles(path);
  const why = notWritable(path);
  if (why) throw new StoreError(`${path}: ${why}, nên không ghi vào được. Các lệnh chỉ đọc (search, show, trace, implementations, audit, lookup, export) vẫn dùng được.`, { path });
  let progress: Progress | undefined;
  return createSqliteStore(path, {
    onRebuildProgress: (done, total) => (progress ??= new Progress('Dựng lại chỉ mục tìm kiếm theo phiên bản mới: văn bản', total)).update(done),
  });
}

/**
 * Open an existing database; a missing one is the user's mistake, said plainly. Reading jobs open
 * a database they cannot write read-only; jobs that write (`writes`) are refused it.
 */
export function openExisting(path: string, options: { writes?: boolean } = {}): SqliteStore {
  if (!existsSync(path)) throw new UsageError(`Chưa có cơ sở dữ liệu ${path}. Hãy nhập văn bản trước: vanban ingest THƯ_MỤC --db ${path}`);
  return options.writes || !notWritable(path) ? openStore(path) : openReadOnly(path);
}

/**
 * A reading job on a read-only database leaves its `-wal` and `-shm` read-only too (SQLite gives them
 * the database file's mode). Once the file is writable again they would stop a writer: made
 * writable like it, when they are this user's.
 */
function restoreSideFiles(path: string): void {
  if (!existsSync(path) || denied(path)) return;
  for (const side of [`${path}-wal`, `${path}-shm`]) {
    try {
      if (existsSync(side) && denied(side)) chmodSync(side, statSync(side).mode | 0o200);
    } catch {
      // someone else's: notWritable names it
    }
  }
}

/** Null if this process may write `path`, else the error code saying why not. */
function denied(path: string): string | null {
  try {
    accessSync(path, constants.W_OK);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}

/** Why SQLite could not write this database: the file, or the folder where it keeps `-wal` and `-shm` beside it; null if it can. */
function notWritable(path: string): string | null {
  const dir = dirname(path);
  const file = existsSync(path) ? denied(path) : null;
  if (file === 'EROFS') return 'nằm trên hệ thống tệp chỉ đọc';
  if (file) return `tệp chỉ đọc, không có quyền ghi (${file})`;
  const folder = existsSync(dir) ? denied(dir) : null; // a missing folder is made, or fails naming itself
  if (folder === 'EROFS') return 'nằm trên hệ thống tệp chỉ đọc';
  if (folder) return `thư mục chứa nó (${dir}) không cho ghi (${folder}), mà SQLite cần tạo tệp ${basename(path)}-wal và ${basename(path)}-shm ở đó khi ghi`;
  for (const side of [`${path}-wal`, `${path}-shm`]) {
    if (existsSync(side) && denied(side)) return `tệp ${side} đi kèm nó không ghi được (${denied(side)}): cần chủ của tệp đó (hoặc quản trị viên) cấp quyền ghi`;
  }
  return null;
}

/**
 * A database this process cannot write, opened read-only. One whose folder cannot be written either
 * is read from a copy in the temporary folder: SQLite reads a WAL database only beside a `-shm` file
 * it can make. A database older than this Vanban cannot be migrated here: said, with what to do.
 */
function openReadOnly(path: string): SqliteStore {
  try {
    return readOnly(path, path);
  } catch (error) {
    if (error instanceof StoreError && (error.cause as { code?: unknown } | undefined)?.code === 'SQLITE_READONLY_DIRECTORY') return openCopy(path);
    throw error;
  }
}

/** `file` opened read-only, errors naming `path` (the database the user named). */
function readOnly(file: string, path: string): SqliteStore {
  try {
    return createSqliteStore(file, { readonly: true });
  } catch (error) {
    if (error instanceof StoreError && /older than this Vanban|still to be refilled/.test(error.message)) {
      throw new StoreError(
        `${path} được tạo bởi phiên bản Vanban cũ hơn và cần được nâng cấp trước khi đọc, nhưng tệp (hoặc thư mục chứa nó) không ghi được. Hãy cấp quyền ghi rồi chạy lại lệnh này một lần (lệnh sẽ tự nâng cấp).`,
        { path },
      );
    }
    throw error;
  }
}

function openCopy(path: string): SqliteStore {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-readonly-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  process.once('exit', remove);
  try {
    process.stderr.write(`Thư mục chứa ${path} không cho ghi: đọc từ một bản sao tạm.\n`);
    const copy = join(dir, basename(path));
    copyFileSync(path, copy, constants.COPYFILE_FICLONE);
    // what was committed but not yet written back into the file
    if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`);
    const store = readOnly(copy, path);
    return {
      ...store,
      path,
      close: () => {
        store.close();
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/** No document, or several, where one was asked for: exit 1, the candidates listed. */
export class NotFound extends Error {
  constructor(
    message: string,
    readonly candidates: StoredDocument[] = [],
  ) {
    super(message);
  }
}

/** The one document an id or số ký hiệu names, or a clear error listing the candidates. */
export function resolveRef(store: SqliteStore, ref: string, filters: { year?: number; province?: string }): StoredDocument {
  if (!ref.trim()) throw new UsageError('cần mã văn bản (id) hoặc số ký hiệu, nhận được chuỗi rỗng');
  const found = store.find(ref, filters);
  if (found.length === 1) return found[0];
  if (!found.length) throw new NotFound(`Không tìm thấy văn bản "${ref}"${filters.year ? ` năm ${filters.year}` : ''}${filters.province ? ` của ${filters.province}` : ''}.`);
  const list = found.slice(0, 20).map((d) => `  ${withId(d)}`).join('\n');
  throw new NotFound(`"${ref}" ứng với ${found.length} văn bản; chọn bằng mã hoặc thêm --year / --province:\n${list}`, found);
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

export { label } from './format.js';

/** A document and the id to name it by in `show`, `trace`… (when its number is shared). */
export const withId = (d: StoredDocument): string => `${label(d)}  (mã: ${d.id})`;
