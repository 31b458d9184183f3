import { createHash } from 'node:crypto';
import { extractBytes, type FileExtraction } from '@vanban/ingest';
import {
  documentSlug,
  foldVietnamese,
  identityKey,
  identityYear,
  jurisdictionOf,
  serialOf,
  slugPart,
  type ExtractedDocument,
  type Message,
} from '@vanban/schema';
import type { IngestFileResult } from '../ports.js';
import { uniqueId } from './ids.js';
import { indexDocumentText } from './search-index.js';
import { deflateText } from './text.js';
import { fileWithText, setTextHash, textHash } from './text-hash.js';
import type { Db } from './open.js';
import { stmt } from './statements.js';
import { mentionsOfDocuments, rebuildEdges, Resolver, unresolvedMentionsOf } from './resolve.js';
import { detachDocuments, settleWithdrawal } from './withdraw.js';

export interface IngestInput {
  source: string;
  bytes: Uint8Array;
  markdown?: boolean;
  /** sha256 of `bytes`, when the caller has it already. */
  hash?: string;
  /** The extraction of `bytes`, when done in parallel elsewhere. */
  extraction?: FileExtraction;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Is this exact content already stored for this path? Lets callers skip extracting it. */
export function isUnchanged(db: Db, source: string, hash: string): boolean {
  return stmt<[string], { content_hash: string }>(db, 'SELECT content_hash FROM files WHERE path = ?').get(source)?.content_hash === hash;
}

/**
 * Store one file: skipped when its content hash is unchanged; otherwise, in one transaction, its
 * previous documents are replaced by the new ones, their mentions resolved and edges rebuilt. A file
 * that cannot be read never touches what was stored before. A copy of a stored file (the same
 * text, in whatever encoding) is not stored twice.
 */
export function ingestFile(db: Db, input: IngestInput): IngestFileResult {
  const hash = input.hash ?? contentHash(input.bytes);
  const previous = stmt<[string], { content_hash: string; ok: number; messages: string }>(db, 'SELECT content_hash, ok, messages FROM files WHERE path = ?').get(input.source);
  if (previous && previous.content_hash === hash) {
    const messages = JSON.parse(previous.messages) as Message[];
    return { source: input.source, status: previous.ok ? 'unchanged' : 'failed', ...storedCounts(db, input.source), messages };
  }
  // the same bytes already stored under another path (a copy, a re-upload): found before reading them
  const copy = stmt<{ hash: string; path: string }, { path: string }>(db, 'SELECT path FROM files WHERE substr(content_hash, 1, 12) = substr(@hash, 1, 12) AND content_hash = @hash AND ok = 1 AND path != @path ORDER BY ingested_seq LIMIT 1').get({ hash, path: input.source });
  if (copy) return keepCopy(db, input.source, previous, copy.path);
  // an extraction done elsewhere (a worker thread) is used as is; it must be of these bytes
  const extraction = input.extraction ?? extractBytes(input.bytes, { source: input.source, markdown: input.markdown });
  const messages = [...extraction.messages, ...extraction.documents.flatMap((d) => d.messages)];
  if (!extraction.ok) {
    if (!previous) {
      stmt(db, 'INSERT INTO files (path, content_hash, size, ok, messages, text, ingested_seq) VALUES (?, ?, ?, 0, ?, X\'\', ?)').run(
        input.source, hash, input.bytes.length, JSON.stringify(messages), nextSeq(db),
      );
    }
    return { source: input.source, status: 'failed', documents: 0, citations: 0, messages };
  }
  // the same text in other bytes (saved as UTF-16, with a BOM, with CRLF line ends)
  const text = textHash(extraction.text);
  const textCopy = fileWithText(db, text, input.source);
  if (textCopy) return keepCopy(db, input.source, previous, textCopy);
  return db.transaction(() => storeExtraction(db, extraction, { bytes: hash, text }, input.bytes.length, messages, previous !== undefined))();
}

/** A copy of the stored file `copy` is stored once, not twice; a path that held something else now holds that copy: what it held goes, as on any replacement. */
function keepCopy(db: Db, source: string, previous: { ok: number } | undefined, copy: string): IngestFileResult {
  const messages: Message[] = [{ reason: `Same content as the stored file ${copy}; not stored twice`, ruleId: 'store:duplicate', line: null, column: null, severity: 'info' }];
  if (previous) {
    db.transaction(() => {
      const withdrawal = detachDocuments(db, source);
      stmt(db, 'DELETE FROM files WHERE path = ?').run(source);
      rebuildEdges(db, settleWithdrawal(db, new Resolver(db), withdrawal));
    })();
  }
  return { source, status: previous?.ok ? 'replaced' : 'unchanged', ...storedCounts(db, copy), messages, duplicateOf: copy };
}

function storedCounts(db: Db, source: string): { documents: number; citations: number } {
  return stmt<{ source: string }, { documents: number; citations: number }>(
    db,
    'SELECT count(*) AS documents, (SELECT count(*) FROM mentions m JOIN documents d ON d.rowid = m.doc WHERE d.source = @source) AS citations FROM documents WHERE source = @source',
  ).get({ source })!;
}

function nextSeq(db: Db): number {
  return (stmt<[], { n: number | null }>(db, 'SELECT max(ingested_seq) AS n FROM files').get()?.n ?? 0) + 1;
}

function storeExtraction(db: Db, extraction: FileExtraction, hash: { bytes: string; text: string }, size: number, messages: Message[], replacing: boolean): IngestFileResult {
  const source = extraction.source;
  const withdrawal = replacing ? detachDocuments(db, source) : undefined;
  stmt(db,
    `INSERT INTO files (path, content_hash, size, ok, messages, text, ingested_seq) VALUES (@path, @hash, @size, 1, @messages, @text, @seq)
     ON CONFLICT(path) DO UPDATE SET content_hash = @hash, size = @size, ok = 1, messages = @messages, text = @text, ingested_seq = @seq`,
  ).run({ path: source, hash: hash.bytes, size, messages: JSON.stringify(messages), text: deflateText(extraction.text), seq: nextSeq(db) });
  setTextHash(db, source, hash.text);

  const stored: number[] = [];
  const numbers: string[] = [];
  extraction.documents.forEach((doc, k) => {
    const rowid = upsertDocument(db, doc, messages);
    stored.push(rowid);
    if (doc.number && !doc.draft) numbers.push(doc.number);
    insertMentions(db, rowid, doc);
    indexDocumentText(db, rowid, extraction.plain[k] ?? '');
  });

  const resolver = new Resolver(db);
  resolver.resolveMentions(mentionsOfDocuments(db, stored));
  // earlier documents' unresolved citations of these numbers may mean the documents just stored
  const earlier = unresolvedMentionsOf(db, numbers).filter((m) => !stored.includes(m.doc));
  resolver.resolveMentions(earlier);
  // what the previous version cited and this one does not: as if it had never been stored
  const again = withdrawal ? settleWithdrawal(db, resolver, withdrawal, stored) : [];
  rebuildEdges(db, [...new Set([...stored, ...earlier.map((m) => m.doc), ...again])]);
  const citations = extraction.documents.reduce((n, d) => n + d.citations.length, 0);
  return { source, status: replacing ? 'replaced' : 'stored', documents: stored.length, citations, messages };
}

/** Insert a document, or make an existing node known only from citations into it (same identity). */
function upsertDocument(db: Db, doc: ExtractedDocument, messages: Message[]): number {
  const jurisdiction = jurisdictionOf(doc);
  const year = identityYear(doc.number, doc.year);
  const where = `${doc.source}#${doc.index}`;
  let identity: string;
  let base: string;
  if (!doc.number) {
    identity = `no-number|${where}`;
    base = `van-ban-${shortHash(where)}`;
  } else if (doc.draft) {
    identity = `draft|${where}`;
    base = ['du-thao', slugPart(doc.number), year, ...jurisdiction.split('/').map(slugPart), shortHash(where)].filter(Boolean).join('-');
  } else {
    identity = identityKey(doc.number, year, jurisdiction);
    base = documentSlug(doc.number, year, jurisdiction);
  }
  const existing = stmt<[string], { rowid: number; known: number }>(db, 'SELECT rowid, known FROM documents WHERE identity = ?').get(identity);
  if (existing?.known) {
    messages.push({ reason: `Same number, year and jurisdiction as an already stored document (${identity}); stored separately`, ruleId: 'store:duplicate-identity', severity: 'warning', line: null, column: null });
    identity = `${identity}|${where}`;
    base = `${base}-${shortHash(where)}`;
  }
  const values = {
    identity,
    number: doc.number,
    serial: doc.number ? serialOf(doc.number) : null,
    numberFolded: doc.number ? foldVietnamese(doc.number) : null,
    year,
    jurisdiction,
    typeCode: doc.typeCode,
    type: doc.type,
    issuer: doc.issuer,
    issuerLevel: doc.issuerLevel,
    province: doc.province,
    district: doc.district,
    date: doc.date,
    subject: doc.subject,
    signer: doc.signer,
    signerTitle: doc.signerTitle,
    recipients: JSON.stringify(doc.recipients),
    topics: JSON.stringify(doc.topics),
    draft: doc.draft ? 1 : 0,
    source: doc.source,
    docIndex: doc.index,
    start: doc.start,
    end: doc.end,
  };
  const columns = `number = @number, serial = @serial, number_folded = @numberFolded, year = @year, jurisdiction = @jurisdiction,
    type_code = @typeCode, type = @type, issuer = @issuer, issuer_level = @issuerLevel, province = @province, district = @district,
    date = @date, subject = @subject, signer = @signer, signer_title = @signerTitle, recipients = @recipients, topics = @topics,
    draft = @draft, known = 1, source = @source, doc_index = @docIndex, start = @start, end = @end`;
  if (existing && !existing.known) {
    stmt(db, `UPDATE documents SET ${columns} WHERE rowid = @rowid`).run({ ...values, rowid: existing.rowid });
    return existing.rowid;
  }
  const info = stmt(db, 
      `INSERT INTO documents (id, identity, number, serial, number_folded, year, jurisdiction, type_code, type, issuer, issuer_level, province, district,
        date, subject, signer, signer_title, recipients, topics, draft, known, source, doc_index, start, end)
       VALUES (@id, @identity, @number, @serial, @numberFolded, @year, @jurisdiction, @typeCode, @type, @issuer, @issuerLevel, @province, @district,
        @date, @subject, @signer, @signerTitle, @recipients, @topics, @draft, 1, @source, @docIndex, @start, @end)`,
    )
    .run({ ...values, id: uniqueId(db, base) });
  return Number(info.lastInsertRowid);
}

function insertMentions(db: Db, rowid: number, doc: ExtractedDocument): void {
  const mention = stmt(db, 
    `INSERT INTO mentions (doc, ord, kind, start, end, number, serial, type_code, type, issuer_code, issuer, date, year, pin, relation, cue, sentence)
     VALUES (@doc, @ord, @kind, @start, @end, @number, @serial, @typeCode, @type, @issuerCode, @issuer, @date, @year, @pin, @relation, @cue, @sentence)`,
  );
  doc.citations.forEach((c, ord) => {
    mention.run({
      doc: rowid,
      ord,
      kind: c.kind,
      start: c.start,
      end: c.end,
      number: c.number,
      serial: serialOf(c.number),
      typeCode: c.typeCode,
      type: c.type,
      issuerCode: c.issuerCode,
      issuer: c.issuer,
      date: c.date,
      year: c.year,
      pin: c.pin,
      relation: c.relation,
      cue: c.cue,
      sentence: sentenceId(db, c.sentence),
    });
  });
  const assertion = stmt(db, 
    `INSERT INTO assertions (doc, from_number, from_year, to_number, to_year, relation, cue, sentence, start, end)
     VALUES (@doc, @fromNumber, @fromYear, @toNumber, @toYear, @relation, @cue, @sentence, @start, @end)`,
  );
  for (const a of doc.assertions) {
    assertion.run({ doc: rowid, fromNumber: a.from.number, fromYear: a.from.year, toNumber: a.to.number, toYear: a.to.year, relation: a.relation, cue: a.cue, sentence: sentenceId(db, a.sentence), start: a.start, end: a.end });
  }
}

/** The stored sentence with this text (inserted if new). */
function sentenceId(db: Db, text: string): number {
  const hash = parseInt(createHash('sha1').update(text).digest('hex').slice(0, 13), 16);
  for (const row of stmt<[number], { rowid: number; text: string }>(db, 'SELECT rowid, text FROM sentences WHERE hash = ?').all(hash)) {
    if (row.text === text) return row.rowid;
  }
  return Number(stmt(db, 'INSERT INTO sentences (hash, text) VALUES (?, ?)').run(hash, text).lastInsertRowid);
}

function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 8);
}
