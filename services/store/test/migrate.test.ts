import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteMigrations } from '@vanban/schema';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../src/index.js';

const root = new URL('../../../', import.meta.url).pathname;
const tsx = join(root, 'node_modules/.bin/tsx');

describe('schema migrations', () => {
  it('processes opening an older database at the same moment apply each migration once (vanban serve --workers)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-migrate-'));
    const path = join(dir, 'old.db');
    // a database one migration behind, with a document in it
    const current = createSqliteStore(path);
    current.ingestFile({ source: 'a.txt', bytes: new TextEncoder().encode('UBND TỈNH BẮC GIANG\n\nSố: 5/UBND-VX\n\nBắc Giang, ngày 02 tháng 6 năm 2021\n\nThực hiện Chỉ thị số 20-CT/TW.\n') });
    // the index the last migration replaces, over enough rows that rebuilding it takes a while
    current.db.exec(`INSERT INTO mentions (doc, ord, kind, start, end, number, serial, relation, sentence)
      WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300000)
      SELECT m.doc, 1000 + x, m.kind, m.start, m.end, m.number, x, m.relation, m.sentence FROM n, (SELECT * FROM mentions LIMIT 1) m`);
    current.db.exec('DROP INDEX mentions_number; CREATE INDEX mentions_number ON mentions(number)');
    current.db.pragma(`user_version = ${sqliteMigrations.length - 1}`);
    current.close();

    const opener = join(dir, 'open.ts');
    // each process loads, then waits for the same instant to open the file: a real race
    writeFileSync(
      opener,
      `import { createSqliteStore } from ${JSON.stringify(join(root, 'services/store/src/index.ts'))};\n` +
        `while (Date.now() < Number(process.argv[3])) {}\ncreateSqliteStore(process.argv[2]).close();\n`,
    );
    const at = String(Date.now() + 4000);
    const run = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(tsx, [opener, path, at], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
    const results = await Promise.all([run(), run(), run(), run()]);
    expect(results).toEqual(results.map(() => ({ code: 0, stderr: '' })));

    const after = createSqliteStore(path, { readonly: true });
    expect(after.db.pragma('user_version', { simple: true })).toBe(sqliteMigrations.length);
    // the documents citing a number come from the index alone
    const plan = after.db.prepare('EXPLAIN QUERY PLAN SELECT doc FROM mentions WHERE number = ?').all('20-CT/TW') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail)).toEqual(['SEARCH mentions USING COVERING INDEX mentions_number (number=?)']);
    expect(after.stats().knownDocuments).toBe(1);
    after.close();
  });
});
