import type { StoreError } from '@vanban/store';

/** Errors from the system (files, the database file, the network port) as one Vietnamese line for staff. */

const fileErrorReasons: Record<string, string> = {
  ENOENT: 'không tồn tại (hoặc thư mục chứa nó không tồn tại)',
  EACCES: 'không có quyền truy cập',
  EPERM: 'không được phép ghi hoặc tạo ở đây',
  EEXIST: 'đã có một tệp cùng tên',
  ENOTDIR: 'một phần của đường dẫn không phải thư mục',
  EISDIR: 'là một thư mục, không phải tệp',
  EROFS: 'nằm trên hệ thống tệp chỉ đọc',
  ENOSPC: 'hết chỗ trống trên đĩa',
};

const sqliteReasons: Record<string, string> = {
  SQLITE_NOTADB: 'không phải tệp cơ sở dữ liệu SQLite',
  SQLITE_CORRUPT: 'tệp cơ sở dữ liệu bị hỏng',
  SQLITE_CANTOPEN: 'không mở được tệp',
  SQLITE_READONLY: 'tệp chỉ đọc, không ghi được',
  SQLITE_BUSY: 'một tiến trình khác đang ghi vào cơ sở dữ liệu; xin thử lại sau',
  SQLITE_FULL: 'hết chỗ trống trên đĩa',
};

const networkCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ServiceUnavailable']);

/** The first error code along the cause chain that says a server could not be reached. */
function networkCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 6; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && networkCodes.has(e.code)) return e.code;
  }
  return undefined;
}

/** A database that cannot be opened or reached, in Vietnamese with its path or engine; the store's own message otherwise. */
export function describeStoreError(error: StoreError): string {
  const file = describeFileError(error.cause);
  if (file) return file;
  const engine = /^\[(meilisearch|neo4j)\]/.exec(error.message)?.[1];
  const unreachable = engine && networkCode(error.cause);
  if (unreachable) {
    const [name, setting] = engine === 'meilisearch' ? ['Meilisearch', 'VANBAN_MEILI_URL'] : ['Neo4j', 'VANBAN_NEO4J_URL'];
    return `không kết nối được tới ${name} (${unreachable}): máy chủ đã chạy chưa, ${setting} có đúng không? (${error.message})`;
  }
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  const reason = typeof code === 'string' ? sqliteReasons[code] : undefined;
  return reason && error.path ? `${error.path}: ${reason} (${code})` : error.message;
}

/** A file system error (reading, writing, creating a path) as one line naming the path; null otherwise. */
export function describeFileError(error: unknown): string | null {
  const e = error as NodeJS.ErrnoException;
  if (!(error instanceof Error) || typeof e.code !== 'string' || !e.path) return null;
  return `${e.path}: ${fileErrorReasons[e.code] ?? e.message} (${e.code})`;
}

const listenReasons: Record<string, string> = {
  EADDRINUSE: 'cổng này đã có chương trình khác dùng; chọn cổng khác bằng --port (hoặc VANBAN_PORT)',
  EADDRNOTAVAIL: 'máy này không có địa chỉ đó; dùng --host 127.0.0.1 hoặc 0.0.0.0',
  EACCES: 'không được phép mở cổng này (cổng dưới 1024 cần quyền quản trị)',
};

/** A server that could not listen, naming the address; null for any other error. */
export function describeListenError(error: unknown): string | null {
  const e = error as NodeJS.ErrnoException & { address?: string; port?: number };
  if (!(error instanceof Error) || (e.syscall !== 'listen' && e.syscall !== 'bind') || typeof e.code !== 'string') return null;
  return `không phục vụ được tại ${e.address ?? '?'}:${e.port ?? '?'}: ${listenReasons[e.code] ?? e.message} (${e.code})`;
}
