import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../src/index.js';
import { describeGraphStore } from './conformance.js';

// The real SQLite file on disk, a fresh one per test.
describeGraphStore('sqlite', () => createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db')));
