import { createSqliteStore } from '@vanban/store';
const store = createSqliteStore('/tmp/vanban-bench-api-100000.db', { readonly: true });
const db = store.db;
const rows = db.prepare('SELECT rowid, id, source, start, "end" FROM documents WHERE known = 1 AND rowid % 50 = 0').all() as Array<{ rowid: number; id: string; source: string }>;
const t = (name: string, f: (r: (typeof rows)[number]) => unknown) => { for (const r of rows) f(r); const t0 = performance.now(); for (let k = 0; k < 3; k++) for (const r of rows) f(r); console.log(name.padEnd(12), ((performance.now() - t0) / rows.length / 3 * 1000).toFixed(1), 'µs'); };
t('describe', (r) => store.describe(r.id));
const file = db.prepare('SELECT text, messages FROM files WHERE path = ?');
t('file', (r) => file.get(r.source));
const cit = db.prepare(`SELECT m.kind, '' AS raw, m.start AS start, m.end AS end, m.number, m.year, m.relation, s.text AS sentence, m.cue, m.pin, t.id AS target, m.unresolved FROM mentions m JOIN sentences s ON s.rowid = m.sentence LEFT JOIN documents t ON t.rowid = m.target WHERE m.doc = ? ORDER BY m.ord`);
t('citations', (r) => cit.all(r.rowid));
const cb = db.prepare(`SELECT e.src AS other, e.relation, e.sentence, e.cue, a.id AS by FROM edge_view e JOIN documents a ON a.rowid = e.asserted_by WHERE e.dst = ? GROUP BY e.src, e.relation ORDER BY e.src LIMIT 200`);
t('citedBy', (r) => cb.all(r.rowid));
const rt = db.prepare(`SELECT e.dst AS other, e.relation, e.sentence, e.cue, a.id AS by FROM edge_view e JOIN documents a ON a.rowid = e.asserted_by WHERE e.src = ? GROUP BY e.dst, e.relation ORDER BY e.dst`);
t('relatesTo', (r) => rt.all(r.rowid));
const as = db.prepare(`SELECT a.from_number AS fromNumber, a.to_number AS toNumber, a.relation, (SELECT text FROM sentences WHERE rowid = a.sentence) AS sentence,
        (SELECT t.id FROM mentions m JOIN documents t ON t.rowid = m.target WHERE m.doc = a.doc AND m.number = a.from_number LIMIT 1) AS "from",
        (SELECT t.id FROM mentions m JOIN documents t ON t.rowid = m.target WHERE m.doc = a.doc AND m.number = a.to_number LIMIT 1) AS "to"
       FROM assertions a WHERE a.doc = ? ORDER BY a.rowid`);
t('assertions', (r) => as.all(r.rowid));
const d = db.prepare('SELECT rowid, * FROM documents WHERE rowid = ?');
t('docByRowid', (r) => d.get(r.rowid));
