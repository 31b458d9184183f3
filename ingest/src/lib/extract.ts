import { readFile } from 'node:fs/promises';
import { isoYear, type Assertion, type Citation, type ExtractedDocument, type Message } from '@vanban/schema';
import { scanNumbers, type FoundCitation } from './citations.js';
import { extractHeader } from './header.js';
import { LineIndex, message } from './messages.js';
import { normalizeText } from './normalize.js';
import { SourceMapper } from './offsets.js';
import { toPlainText } from './parse.js';
import { decodeSource } from './read.js';
import { findReferences } from './references.js';
import { classifyRelations, cueHits } from './relations.js';
import { resolveWithinDocument } from './resolve.js';
import { splitDocuments } from './split.js';
import { scanPhrases } from './vocabulary.js';

export interface FileExtraction {
  source: string;
  /** False when nothing could be read (binary, empty, unreadable file) or the text holds nothing but blanks or markup. */
  ok: boolean;
  /** Decoded source text: the coordinate system of every span. */
  text: string;
  documents: ExtractedDocument[];
  /** Plain text (NFC, markdown removed) of each document, for full-text indexing. */
  plain: string[];
  messages: Message[];
}

export interface ExtractOptions {
  /** Path or label reported as `source`. */
  source: string;
  /** Parse as markdown; default: yes for `.md`, detected from the text otherwise. */
  markdown?: boolean;
}

/** A `.md` name means markdown; any other name leaves it to be detected from the text. */
const markdownByName = (name: string): true | undefined => (/\.(md|markdown)$/i.test(name) ? true : undefined);

/** File bytes -> documents with header, citations, relations. Never throws on content. */
export function extractBytes(bytes: Uint8Array, options: ExtractOptions): FileExtraction {
  const decoded = decodeSource(bytes);
  if (!decoded.readable) return { source: options.source, ok: false, text: '', documents: [], plain: [], messages: decoded.messages };
  const result = extractText(decoded.text, options);
  return { ...result, messages: [...decoded.messages, ...result.messages] };
}

export async function extractFile(path: string, options: Partial<ExtractOptions> = {}): Promise<FileExtraction> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'File not found' : `Cannot read file: ${(error as Error).message}`;
    return { source: options.source ?? path, ok: false, text: '', documents: [], plain: [], messages: [message(reason, 'read:io', 'error')] };
  }
  return extractBytes(bytes, { source: options.source ?? path, markdown: options.markdown ?? markdownByName(path) });
}

/** Decoded text -> documents. */
export function extractText(source: string, options: ExtractOptions): FileExtraction {
  const normalized = normalizeText(source);
  const plain = toPlainText(normalized.text, { markdown: options.markdown ?? markdownByName(options.source) });
  const mapper = new SourceMapper(normalized.toSource, plain.toParsed);
  return extractFromPlain(source, plain.text, mapper, options.source);
}

/** The extraction stages after parsing: split, header, citations, relations, resolve, topics. */
export function extractFromPlain(source: string, plain: string, mapper: SourceMapper, label: string): FileExtraction {
  // a file of blanks or markup alone is refused like an empty one: nothing stored before is replaced by nothing
  if (!plain.trim()) {
    return { source: label, ok: false, text: source, documents: [], plain: [], messages: [message('No text found in file: only blanks or markup', 'read:no-text', 'error')] };
  }
  const documents: ExtractedDocument[] = [];
  const slices = splitDocuments(plain);
  const lines = new LineIndex(source);
  slices.forEach((slice, index) => {
    documents.push(extractDocument(source, plain, slice, index, mapper, label, lines));
  });
  return { source: label, ok: true, text: source, documents, plain: slices.map((s) => plain.slice(s.start, s.end)), messages: [] };
}

function extractDocument(
  source: string,
  plain: string,
  slice: { start: number; end: number },
  index: number,
  mapper: SourceMapper,
  label: string,
  lines: LineIndex,
): ExtractedDocument {
  const text = plain.slice(slice.start, slice.end);
  const header = extractHeader(text);
  const messages: Message[] = [];
  const toSource = (offset: number): number => mapper.start(slice.start + offset);
  const place = (offset: number) => lines.at(toSource(offset));

  const numbers = scanNumbers(text);
  const full = numbers.full.filter((c) => c.number !== header.number);
  const references = findReferences(text, full, numbers.serials);
  for (const u of references.unlinked) {
    const at = place(u.start);
    messages.push({ reason: `Short reference "${u.raw.replace(/\s+/g, ' ')}" matches no full citation in this document`, ruleId: 'citations:unlinked-short', severity: 'info', ...at });
  }
  for (const c of full) {
    // a citation's year is its number's own (`identityYear`); a date beside it saying another is reported, kept as written
    if (c.date !== null && c.year !== isoYear(c.date)) {
      messages.push({ reason: `${c.number} is dated ${c.date}: the year in the number (${c.year}) is kept`, ruleId: 'citations:date-contradicts-number', severity: 'warning', ...place(c.start) });
    }
  }
  const all = [...full, ...references.linked].sort((a, b) => a.start - b.start);
  resolveWithinDocument(all);
  // cues and topics in one pass over the document
  const phrases = scanPhrases(text);
  const { classified, assertions } = classifyRelations(text, all, cueHits(phrases.cues));

  const positionOf = new Map(all.map((c, k) => [c, k]));
  const citations: Citation[] = all.map((c, k) => {
    const start = toSource(c.start);
    const end = mapper.end(slice.start + c.end, slice.start + c.start);
    return {
      kind: c.kind,
      raw: source.slice(start, end),
      start,
      end,
      number: c.number,
      typeCode: c.typeCode,
      type: c.type,
      issuerCode: c.issuerCode,
      date: c.date,
      year: c.year,
      issuer: c.issuer,
      pin: c.pin,
      relation: classified[k].relation,
      cue: classified[k].cue,
      sentence: classified[k].sentence,
      refersTo: c.refersTo === null ? null : positionOf.get(full[c.refersTo]) ?? null,
    };
  });
  const stated: Assertion[] = assertions.map((a) => ({
    from: ref(all[a.from]),
    to: ref(all[a.to]),
    relation: a.relation,
    cue: a.cue,
    sentence: a.sentence,
    start: toSource(a.start),
    end: mapper.end(slice.start + a.end, slice.start + a.start),
  }));
  if (header.number && header.date !== null && header.year !== isoYear(header.date)) {
    messages.push({ reason: `Dated ${header.date}: the year in the number ${header.number} (${header.year}) is kept`, ruleId: 'header:date-contradicts-number', severity: 'warning', ...place(0) });
  }
  if (!header.number && index === 0) messages.push({ reason: 'No "Số:" line: the document\'s own number is unknown', ruleId: 'header:no-number', severity: 'info', ...place(0) });

  return {
    source: label,
    index,
    start: toSource(0),
    end: mapper.end(slice.end, slice.start),
    ...header,
    topics: phrases.topics,
    citations,
    assertions: stated,
    messages,
  };
}


function ref(c: FoundCitation): { number: string; year: number | null } {
  return { number: c.number, year: c.year };
}
