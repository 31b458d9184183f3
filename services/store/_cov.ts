import Database from 'better-sqlite3';
const db = new Database('/tmp/cov.db');
console.log(db.prepare('select count(*) n from mentions').get(), db.prepare('PRAGMA page_count').get());
let t = Date.now();
db.exec('DROP INDEX mentions_number; CREATE INDEX mentions_number ON mentions(number, doc);');
console.log('index', Date.now() - t, 'ms');
db.exec('VACUUM');
console.log(db.prepare('PRAGMA page_count').get());
