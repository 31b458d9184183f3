export * from './ports.js';
export { createSqliteStore, type SqliteStore, type UnresolvedCitation } from './sqlite/store.js';
export { contentHash } from './sqlite/write.js';
export type { GraphEngine, ProjectedDocument, ProjectedEdge, SearchEngine } from './projection.js';
export { createScaleOutStore, type ScaleOutStore } from './scale-out.js';
export { syncToEngines, type Engines, type SyncSummary } from './sync.js';
export { createMeiliSearchEngine, type MeiliSearchEngineOptions } from './meilisearch/index.js';
export { createNeo4jGraphEngine, type Neo4jGraphEngineOptions } from './neo4j/index.js';
