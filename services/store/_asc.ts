import Database from 'better-sqlite3';
const db = new Database('/tmp/cov.db', { readonly: true });
const t = (label: string, f: () => unknown, n = 30) => { for (let i = 0; i < 3; i++) f(); const s = process.hrtime.bigint(); let r: any; for (let i = 0; i < n; i++) r = f(); console.log(label.padEnd(50), (Number(process.hrtime.bigint() - s) / 1000 / n).toFixed(0).padStart(6), 'µs', Array.isArray(r) ? r.length : r); };
const desc = db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid DESC LIMIT 2000').pluck();
const asc = db.prepare('SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rowid ASC LIMIT 2000').pluck();
const cnt = db.prepare('SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?').pluck();
for (const e of ['folded : "tre em"', 'folded : "thang hanh dong vi tre em"', 'folded : "tre"', 'folded : "bao luc hoc duong"']) {
  t('desc ' + e, () => desc.all(e)); t('asc ' + e, () => asc.all(e)); t('count all ' + e, () => cnt.get(e), 5);
}
