// Worker threads do not inherit the TypeScript loader of the main thread: register it, then load
// the worker written in TypeScript (as ingest's extraction pool does).
import { register } from 'tsx/esm/api';

register();
await import('./extract-threads-worker.ts');
