import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScaleOutStore, createSqliteStore } from '../src/index.js';
import { describeGraphStore } from './conformance.js';

// The real SQLite file on disk, a fresh one per test.
describeGraphStore('sqlite', () => createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db')));

// The scale-out store delegates to its staging SQLite file what no engine answers: same behaviour.
describeGraphStore('scale-out store without engines', () =>
  createScaleOutStore({ staging: createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-store-')), 'vanban.db')), target: 'none' }),
);
