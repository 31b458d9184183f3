export { createNeo4jGraphEngine, type Neo4jGraphEngineOptions } from './engine.js';
