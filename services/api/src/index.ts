export { buildApp, type AppOptions } from './app.js';
export { startServer, type ServerOptions } from './server.js';
export { ConfigError, readConfig, type Config } from './config.js';
export { engineTarget, openConfiguredStore } from './open-store.js';
