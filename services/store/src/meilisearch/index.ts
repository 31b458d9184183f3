export { createMeiliSearchEngine, DEFAULT_MAX_BATCH_BYTES, DEFAULT_SETTINGS_TIMEOUT_PER_DOCUMENT_MS, type MeiliSearchEngineOptions } from './engine.js';
