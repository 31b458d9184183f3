import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, vanban, writeLetters } from './helpers.js';

describe('vanban start (the main job)', () => {
  it('with no data: generates a demo corpus, ingests it and says what to try; again: reuses it', () => {
    const dir = tempDir();
    const db = join(dir, 'data', 'vanban.db');
    const first = vanban(['start', '--docs', '60', '--db', db]);
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(join(dir, 'data', 'demo-corpus', 'gold.jsonl'))).toBe(true);
    expect(first.stdout).toMatch(/Vanban sẵn sàng: .* có \d+ văn bản/);
    expect(first.stdout).toContain('vanban search "đuối nước"');
    const second = vanban(['start', '--docs', '60', '--db', db]);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('sinh kho văn bản mẫu');
  });

  it('with --corpus: ingests the user\'s folder', () => {
    const dir = tempDir();
    writeLetters(join(dir, 'mine'), 5);
    const r = vanban(['start', '--corpus', join(dir, 'mine'), '--db', join(dir, 'v.db')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('có 5 văn bản');
  });
});
