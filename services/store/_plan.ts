import Database from 'better-sqlite3';
const db = new Database('/tmp/cov.db', { readonly: true });
const cols = 'd.id, d.number, d.year, d.jurisdiction, d.type, d.type_code, d.issuer, d.issuer_level, d.province, d.district, d.date, d.subject, d.signer, d.topics, d.draft, d.known, d.source';
const hop = `${cols}, e.relation AS hop_relation, e.sentence AS hop_sentence, e.cue AS hop_cue, a.id AS hop_by`;
for (const sql of [`SELECT ${hop} FROM edge_view e JOIN documents d ON d.rowid = e.dst JOIN documents a ON a.rowid = e.asserted_by WHERE e.src = ? GROUP BY e.dst, e.relation ORDER BY e.dst`,
  `SELECT ${hop} FROM edge_view e JOIN documents d ON d.rowid = e.src JOIN documents a ON a.rowid = e.asserted_by WHERE e.dst = ? GROUP BY e.src, e.relation ORDER BY e.src LIMIT 200`,
  `SELECT m.kind, '' AS raw, m.start - 0 AS start, m.end - 0 AS end, m.number, m.year, m.relation, s.text AS sentence, m.cue, m.pin, t.id AS target, m.unresolved FROM mentions m JOIN sentences s ON s.rowid = m.sentence LEFT JOIN documents t ON t.rowid = m.target WHERE m.doc = ? ORDER BY m.ord`]) {
  console.log(db.prepare('EXPLAIN QUERY PLAN ' + sql).all(5000).map((r: any) => `${r.id}/${r.parent} ${r.detail}`).join('\n'), '\n');
}
