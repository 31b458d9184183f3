import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * `mkdir -p` that ends with an error where Node's `mkdirSync(path, { recursive: true })` can spin
 * forever: under a parent that exists but refuses the child with ENOENT (`/proc/x`), libuv goes
 * back and forth between the two. Each level is made on its own, so the error surfaces
 * (ENOENT, EACCES, ENOTDIR, EROFS…) with the path in its message.
 */
export function makeDirectory(path: string): void {
  try {
    mkdirSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (statSync(path).isDirectory()) return;
      throw error;
    }
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw error;
    makeDirectory(parent);
    mkdirSync(path); // the parent is there now: a second ENOENT is the answer, not a reason to loop
  }
}
