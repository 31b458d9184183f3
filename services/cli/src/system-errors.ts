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

/** A database that cannot be opened, in Vietnamese with its path when the cause is known; the store's own message otherwise. */
export function describeStoreError(error: StoreError): string {
  const file = describeFileError(error.cause);
  if (file) return file;
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
