export * from './ports.js';
export { createSqliteStore, type SqliteStore } from './sqlite/store.js';
