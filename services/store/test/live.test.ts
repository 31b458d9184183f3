import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { createMeiliSearchEngine, createNeo4jGraphEngine, createScaleOutStore, createSqliteStore } from '../src/index.js';
import { describeGraphStore } from './conformance.js';

/**
 * `pnpm test:live`: the conformance suite against live Neo4j and Meilisearch (`docker compose up -d`,
 * then the VANBAN_NEO4J_* and VANBAN_MEILI_* variables of .env.example). Each test starts from
 * empty engines. Without the variables it is skipped, with a notice.
 */
const env = process.env;
const live = Boolean(env.VANBAN_NEO4J_URL && env.VANBAN_MEILI_URL);
if (!live) {
  describe('live Neo4j + Meilisearch', () => {
    it.skip('skipped: set VANBAN_NEO4J_URL, VANBAN_NEO4J_USER, VANBAN_NEO4J_PASSWORD, VANBAN_MEILI_URL, VANBAN_MEILI_KEY (docker compose up -d) to run the conformance suite against them', () => {});
  });
  console.warn('[live tests skipped] no VANBAN_NEO4J_URL / VANBAN_MEILI_URL');
}

describe.skipIf(!live)('live engines', () => {
  describeGraphStore('neo4j + meilisearch', async () => {
    const graph = createNeo4jGraphEngine({ url: env.VANBAN_NEO4J_URL!, user: env.VANBAN_NEO4J_USER ?? 'neo4j', password: env.VANBAN_NEO4J_PASSWORD ?? '' });
    const search = createMeiliSearchEngine({ url: env.VANBAN_MEILI_URL!, apiKey: env.VANBAN_MEILI_KEY, index: 'vanban-conformance' });
    await graph.ensureSchema();
    await search.ensureSettings();
    await graph.clear();
    await search.clear();
    const staging = createSqliteStore(join(mkdtempSync(join(tmpdir(), 'vanban-live-')), 'vanban.db'));
    return createScaleOutStore({ staging, graph, search, target: `${env.VANBAN_NEO4J_URL} ${env.VANBAN_MEILI_URL}` });
  });
});
