import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDirectory } from '../src/index.js';

describe('makeDirectory', () => {
  it('makes every missing level, and accepts a folder that exists', () => {
    const root = mkdtempSync(join(tmpdir(), 'vanban-dir-'));
    const deep = join(root, 'a', 'b', 'c');
    makeDirectory(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    expect(() => makeDirectory(deep)).not.toThrow();
  });

  it('fails with the path when a file is in the way', () => {
    const root = mkdtempSync(join(tmpdir(), 'vanban-dir-'));
    writeFileSync(join(root, 'file'), '');
    expect(() => makeDirectory(join(root, 'file'))).toThrow(/EEXIST/);
    expect(() => makeDirectory(join(root, 'file', 'below'))).toThrow(/ENOTDIR.*below/);
  });
  // the case Node's own recursive mkdir spins on (/proc) is tested through the CLI, in a child process with a timeout
});
