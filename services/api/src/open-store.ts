import { createMeiliSearchEngine, createNeo4jGraphEngine, createScaleOutStore, createSqliteStore, type GraphStore, type ScaleOutStore, type SearchIndex, type SqliteStore } from '@vanban/store';
import type { Config } from './config.js';

/** Which engines a configuration names, as one string: a copy made for one target is not taken for another's. */
export const engineTarget = (config: Pick<Config, 'neo4j' | 'meili'>): string => [config.neo4j?.url ?? '-', config.meili?.url ?? '-'].join(' ');

/**
 * The store the configuration asks for: the embedded SQLite file alone, or with Neo4j and/or
 * Meilisearch behind it (their constraints and settings applied and verified now, so a
 * misconfigured engine stops the start with its reason instead of failing the first request).
 */
export async function openConfiguredStore(config: Pick<Config, 'db' | 'neo4j' | 'meili'>, options: { readonly?: boolean } = {}): Promise<(GraphStore & SearchIndex & { close(): unknown }) & (SqliteStore | ScaleOutStore)> {
  const staging = createSqliteStore(config.db, options);
  if (!config.neo4j && !config.meili) return staging;
  const graph = config.neo4j ? createNeo4jGraphEngine(config.neo4j) : undefined;
  const search = config.meili ? createMeiliSearchEngine({ url: config.meili.url, apiKey: config.meili.apiKey }) : undefined;
  try {
    await graph?.ensureSchema();
    await search?.ensureSettings();
  } catch (error) {
    staging.close();
    await Promise.allSettled([graph?.close(), search?.close()]);
    throw error;
  }
  return createScaleOutStore({ staging, graph, search, target: engineTarget(config) });
}
