/**
 * SQLite storage schema of the embedded store, one migration per schema version. Graph tables are
 * queried with recursive CTEs; FTS5 indexes a folded column (tone marks removed, đ -> d) beside the
 * exact lower-case text; numbers are looked up in the documents and mentions tables.
 */

/**
 * Identities whose serial is zero-padded, rewritten as identityNumber writes them ("04/2023/NĐ-CP|…"
 * -> "4/2023/NĐ-CP|…"; "00/…" -> "0/…"). Where another node already holds the new identity, the
 * row keeps its own: the migration to v7 leaves such pairs to `vanban resolve`, which runs this
 * again once the nodes known only from citations are gone.
 */
export const unpadIdentitiesSql = `UPDATE OR IGNORE documents
  SET identity = CASE WHEN ltrim(identity, '0') GLOB '[0-9]*' THEN ltrim(identity, '0') ELSE '0' || ltrim(identity, '0') END
  WHERE identity GLOB '0[0-9]*';`;

/** Changes of in-memory derivations kept in `derived_changes` (v8): a connection further behind rebuilds. */
export const DERIVED_CHANGES_KEPT = 10_000;

export const sqliteMigrations: readonly string[] = [
  // 1: initial schema
  `
  -- text: the decoded source, UTF-8, raw-deflate compressed (spans are offsets into it)
  CREATE TABLE files (
    path TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    ok INTEGER NOT NULL,
    messages TEXT NOT NULL,
    text BLOB NOT NULL,
    ingested_seq INTEGER NOT NULL
  );
  CREATE INDEX files_seq ON files(ingested_seq);

  CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    identity TEXT NOT NULL UNIQUE,
    number TEXT,
    serial TEXT,
    number_folded TEXT,
    year INTEGER,
    jurisdiction TEXT NOT NULL,
    type_code TEXT,
    type TEXT,
    issuer TEXT,
    issuer_level TEXT,
    province TEXT,
    district TEXT,
    date TEXT,
    subject TEXT,
    signer TEXT,
    signer_title TEXT,
    recipients TEXT NOT NULL DEFAULT '[]',
    topics TEXT NOT NULL DEFAULT '[]',
    draft INTEGER NOT NULL DEFAULT 0,
    known INTEGER NOT NULL,
    source TEXT REFERENCES files(path) ON DELETE SET NULL,
    doc_index INTEGER,
    start INTEGER,
    end INTEGER
  );
  CREATE INDEX documents_number ON documents(number, year);
  CREATE INDEX documents_serial ON documents(serial);
  CREATE INDEX documents_source ON documents(source);
  CREATE INDEX documents_province ON documents(province, year);

  -- provenance sentences, stored once however many citations share them (a list under one cue);
  -- found by a 52-bit hash of the text and compared in full
  CREATE TABLE sentences (
    rowid INTEGER PRIMARY KEY,
    hash INTEGER NOT NULL,
    text TEXT NOT NULL
  );
  CREATE INDEX sentences_hash ON sentences(hash);

  -- the raw citation text is not stored: it is the source text between start and end
  CREATE TABLE mentions (
    rowid INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    number TEXT NOT NULL,
    serial TEXT NOT NULL,
    type_code TEXT,
    type TEXT,
    issuer_code TEXT,
    issuer TEXT,
    date TEXT,
    year INTEGER,
    pin TEXT,
    relation TEXT NOT NULL,
    cue TEXT,
    sentence INTEGER NOT NULL REFERENCES sentences(rowid),
    target INTEGER REFERENCES documents(rowid) ON DELETE SET NULL,
    unresolved TEXT
  );
  CREATE INDEX mentions_sentence ON mentions(sentence);
  CREATE INDEX mentions_doc ON mentions(doc);
  CREATE INDEX mentions_target ON mentions(target);
  CREATE INDEX mentions_number ON mentions(number);
  CREATE INDEX mentions_serial ON mentions(serial);

  CREATE TABLE assertions (
    rowid INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    from_number TEXT NOT NULL,
    from_year INTEGER,
    to_number TEXT NOT NULL,
    to_year INTEGER,
    relation TEXT NOT NULL,
    cue TEXT NOT NULL,
    sentence INTEGER NOT NULL REFERENCES sentences(rowid),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
  );
  CREATE INDEX assertions_doc ON assertions(doc);
  CREATE INDEX assertions_sentence ON assertions(sentence);

  -- derived by the resolution pass: citing -> cited (mentions) and asserted relations; the
  -- provenance sentence is the mention's or the assertion's, not stored twice (edges are always
  -- deleted with the document that asserts them, before its mentions, so no foreign key here)
  CREATE TABLE edges (
    src INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    dst INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    relation TEXT NOT NULL,
    asserted_by INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    mention INTEGER,
    assertion INTEGER,
    PRIMARY KEY (src, dst, relation, asserted_by)
  ) WITHOUT ROWID;
  CREATE VIEW edge_view AS
    SELECT e.src, e.dst, e.relation, e.asserted_by, coalesce(m.cue, a.cue) AS cue, coalesce(s.text, sa.text, '') AS sentence
    FROM edges e LEFT JOIN mentions m ON m.rowid = e.mention LEFT JOIN sentences s ON s.rowid = m.sentence
    LEFT JOIN assertions a ON a.rowid = e.assertion LEFT JOIN sentences sa ON sa.rowid = a.sentence;
  CREATE INDEX edges_dst ON edges(dst, relation);
  CREATE INDEX edges_asserted_by ON edges(asserted_by);

  -- contentless: the text lives once, in files; snippets are cut from it in code
  CREATE VIRTUAL TABLE documents_fts USING fts5(
    folded, exact,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
  );

  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // v2: the same content stored under another path is found by its hash (a file is stored once)
  `CREATE INDEX files_content_hash ON files(content_hash);`,
  // v3: what each document looked like when last copied to the scale-out engines (vanban sync)
  `CREATE TABLE engine_sync (id TEXT PRIMARY KEY, hash TEXT NOT NULL) WITHOUT ROWID;`,
  // v4: the duplicate check needs only a prefix of the hash indexed (12 hex digits, compared in
  // full on the row): the full 64-digit index took 3 % of the database
  `DROP INDEX files_content_hash;
   CREATE INDEX files_content_prefix ON files(substr(content_hash, 1, 12));`,
  // v5: number search reads the numbers of a serial from ranges of mentions_number; nothing reads
  // mentions by serial any more, and the index cost 0.7 % of the database and a write per mention
  `DROP INDEX mentions_serial;`,
  // v6: the documents citing a number are read from the number index alone (number, doc), not by
  // a table row per mention: 40 % less time for a directive cited by ~1,800 letters; +0.2 % size
  `DROP INDEX mentions_number;
   CREATE INDEX mentions_number ON mentions(number, doc);`,
  // v7: identity compares the serial without zero padding (identityNumber: "04/2023/NĐ-CP" is
  // "4/2023/NĐ-CP"), so that one document written both ways is one node
  unpadIdentitiesSql,
  // v8: the rows whose in-memory derivations changed (kind 0: a document's facet fields, keyed by
  // its rowid; kind 1: the implementers of a document, keyed by the edge target), so that every
  // connection, in every process, applies another's upload row by row instead of rebuilding whole.
  // The newest DERIVED_CHANGES_KEPT are kept; a connection further behind rebuilds.
  `CREATE TABLE IF NOT EXISTS derived_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind INTEGER NOT NULL, key INTEGER NOT NULL);
   CREATE TRIGGER IF NOT EXISTS derived_changes_prune AFTER INSERT ON derived_changes
     BEGIN DELETE FROM derived_changes WHERE seq <= new.seq - ${DERIVED_CHANGES_KEPT}; END;
   CREATE TRIGGER IF NOT EXISTS documents_facets_insert AFTER INSERT ON documents
     BEGIN INSERT INTO derived_changes (kind, key) VALUES (0, new.rowid); END;
   CREATE TRIGGER IF NOT EXISTS documents_facets_update AFTER UPDATE OF province, year, type, issuer_level, topics, date ON documents
     BEGIN INSERT INTO derived_changes (kind, key) SELECT 0, new.rowid UNION SELECT 0, old.rowid; END;
   CREATE TRIGGER IF NOT EXISTS documents_facets_delete AFTER DELETE ON documents
     BEGIN INSERT INTO derived_changes (kind, key) VALUES (0, old.rowid); END;
   CREATE TRIGGER IF NOT EXISTS edges_down_insert AFTER INSERT ON edges WHEN new.relation IN ('IMPLEMENTS', 'BASED_ON')
     BEGIN INSERT INTO derived_changes (kind, key) VALUES (1, new.dst); END;
   CREATE TRIGGER IF NOT EXISTS edges_down_update AFTER UPDATE ON edges
     WHEN new.relation IN ('IMPLEMENTS', 'BASED_ON') OR old.relation IN ('IMPLEMENTS', 'BASED_ON')
     BEGIN INSERT INTO derived_changes (kind, key) SELECT 1, new.dst UNION SELECT 1, old.dst; END;
   CREATE TRIGGER IF NOT EXISTS edges_down_delete AFTER DELETE ON edges WHEN old.relation IN ('IMPLEMENTS', 'BASED_ON')
     BEGIN INSERT INTO derived_changes (kind, key) VALUES (1, old.dst); END;`,
  // v9: words are found in sets of syllables and syllable pairs (FTS5 detail=none, no positions),
  // folded and exact; the positional index keeps only the folded text, to rank short lists. The
  // store fills the new tables from the stored texts when it opens the database (search-index.ts).
  `DROP TABLE IF EXISTS documents_fts;
   DROP TABLE IF EXISTS documents_pairs;
   DROP TABLE IF EXISTS documents_pairs_exact;
   CREATE VIRTUAL TABLE documents_fts USING fts5(folded, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');
   CREATE VIRTUAL TABLE documents_pairs USING fts5(terms, content = '', contentless_delete = 1, detail = none, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");
   CREATE VIRTUAL TABLE documents_pairs_exact USING fts5(terms, content = '', contentless_delete = 1, detail = none, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");
   INSERT INTO meta (key, value) SELECT 'search_index_rebuild', '9' WHERE EXISTS (SELECT 1 FROM documents WHERE source IS NOT NULL)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value;`,
  // v10: a copy is found by its text, not its bytes: the same document saved as UTF-16 or with a
  // BOM, with CRLF line ends or decomposed marks, is one file. text_hashes.hash: sha256 of a stored
  // file's decoded, normalised text (files.content_hash stays the bytes', which tell a path's
  // unchanged file before it is read). A table of its own, not a column, so that the migration can
  // run again over a database that has it (ALTER TABLE ADD COLUMN cannot). Indexed by a prefix, as
  // v4. The store fills it from the stored texts when it opens the database (text-hash.ts).
  `CREATE TABLE IF NOT EXISTS text_hashes (
     path TEXT PRIMARY KEY REFERENCES files(path) ON DELETE CASCADE,
     hash TEXT NOT NULL
   ) WITHOUT ROWID;
   CREATE INDEX IF NOT EXISTS text_hashes_prefix ON text_hashes(substr(hash, 1, 12));
   INSERT INTO meta (key, value) SELECT 'text_hash_fill', '10' WHERE EXISTS (SELECT 1 FROM files WHERE ok = 1)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value;`,
];
