export * from './ports.js';
export { createSqliteStore, type SqliteStore } from './sqlite/store.js';
export { contentHash } from './sqlite/write.js';
