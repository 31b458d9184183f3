export { createMeiliSearchEngine, DEFAULT_MAX_BATCH_BYTES, type MeiliSearchEngineOptions } from './engine.js';
