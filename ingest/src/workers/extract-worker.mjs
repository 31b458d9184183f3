// Worker threads do not inherit the TypeScript loader of the main thread: register it, then load
// the worker written in TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
