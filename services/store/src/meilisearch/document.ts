import { foldVietnamese, unifyTonePlacement } from '@vanban/schema';
import type { ProjectedDocument } from '../projection.js';
import type { StoredDocument } from '../ports.js';

/**
 * How a query typed WITH diacritics ranks the documents that have exactly those diacritics first.
 *
 * Meilisearch folds case, tone marks, vowel marks and `đ` when it indexes and when it searches,
 * so "đuối nước" (drowning) and "dưới nước" (under water) are the same two words to it. We give it
 * two fields built by the same tokenizers as the query parser (`parseQuery` in sqlite/query.ts):
 *
 * - `folded`: the folded words (`foldVietnamese`, then runs of [a-z0-9]), joined by spaces —
 *   what every text query searches, as the embedded store's `folded` column;
 * - `exact`: every word (lower case, NFC, tone placement unified — as `parseQuery` lowers the
 *   query) written with ASCII letters and digits only, by `encodeExactWord`, so there is nothing
 *   left for Meilisearch to fold: "đuối" -> "zduozczsi", "dưới" -> "zduzhozhzsi", "dưoi" ->
 *   "zduzhoi", "duoi" -> "duoi". A query typed with diacritics is encoded the same way and searched
 *   on `exact` only (`attributesToSearchOn`), as one phrase: those hits come first, then the other
 *   hits of the folded phrase (see search.ts for the pagination).
 *
 * The encoding works on the canonical decomposition (NFD) of the word: a letter a-y or a digit is
 * itself; `z` is `zz`; each combining mark is `z` and one letter (Telex letters for the tones: f
 * grave, s acute, r hook, x tilde, j dot; c circumflex, b breve, h horn); `đ` is `zd`; any other
 * code point is `zq` and six letters a-p (its hex digits). Reading left to right, a `z` and the
 * letter after it say which case applies, so the code decodes uniquely: the encoding is injective
 * on lower-case NFC words, and two different words never share an `exact` token.
 *
 * Long documents: Meilisearch indexes at most 65,535 word positions per attribute and silently
 * ignores every word after that (a hard limit, "Maximum number of words per attribute" in its
 * known limitations). `folded` and `exact` hold one word per position (only spaces between them),
 * so in a document of more than about 65,535 words — a long decree with its annexes — the words
 * past that point are in neither field: a query for them does not find the document, though it
 * is stored whole (its `text`, its snippets) and the embedded store finds it. No chunking is done
 * here; such documents would need splitting into several indexed parts to be searched whole.
 */
const markLetters: Record<string, string> = {
  '\u0300': 'f',
  '\u0301': 's',
  '\u0309': 'r',
  '\u0303': 'x',
  '\u0323': 'j',
  '\u0302': 'c',
  '\u0306': 'b',
  '\u031b': 'h',
};

/** The ASCII code of one word (already lower case, NFC, tone placement unified). */
export function encodeExactWord(word: string): string {
  let out = '';
  for (const ch of word.normalize('NFD')) {
    if ((ch >= 'a' && ch <= 'y') || (ch >= '0' && ch <= '9')) out += ch;
    else if (ch === 'z') out += 'zz';
    else if (ch === 'đ') out += 'zd';
    else if (markLetters[ch]) out += `z${markLetters[ch]}`;
    else
      out += `zq${ch
        .codePointAt(0)!
        .toString(16)
        .padStart(6, '0')
        .replace(/[0-9a-f]/g, (h) => String.fromCharCode(97 + parseInt(h, 16)))}`;
  }
  return out;
}

const unifyD = (text: string): string => text.normalize('NFC').replace(/\u00d0/g, 'Đ').replace(/\u00f0/g, 'đ');

/** The words of a text as `parseQuery` reads exact query words: lower case, tone placement unified. */
export function exactWords(text: string): string[] {
  return unifyTonePlacement(unifyD(text).toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The folded words of a text as `parseQuery` reads folded query words. */
export function foldedWords(text: string): string[] {
  return foldVietnamese(unifyD(text)).match(/[a-z0-9]+/g) ?? [];
}

/** A document as the Meilisearch index holds it (primary key `id`). */
export interface IndexedDocument extends ProjectedDocument {
  /** folded words of `text`, space-separated */
  folded: string;
  /** `encodeExactWord` of each word of `text`, space-separated */
  exact: string;
  /** yyyymmdd of `date`, 0 when unknown: newest-first ordering */
  dateNumber: number;
}

export function toIndexedDocument(doc: ProjectedDocument): IndexedDocument {
  const dateNumber = doc.date ? Number(doc.date.replace(/-/g, '').slice(0, 8)) : 0;
  return {
    ...doc,
    folded: foldedWords(doc.text).join(' '),
    exact: exactWords(doc.text).map(encodeExactWord).join(' '),
    dateNumber: Number.isFinite(dateNumber) ? dateNumber : 0,
  };
}

/** The fields of a StoredDocument, in the order the API sends them. */
export const storedFields = [
  'id',
  'number',
  'year',
  'jurisdiction',
  'type',
  'typeCode',
  'issuer',
  'issuerLevel',
  'province',
  'district',
  'date',
  'subject',
  'signer',
  'topics',
  'draft',
  'known',
  'source',
] as const satisfies ReadonlyArray<keyof StoredDocument>;

/** The StoredDocument part of a hit (missing fields become null, as the embedded store sends them). */
export function toStoredDocument(hit: Record<string, unknown>): StoredDocument {
  const out: Record<string, unknown> = {};
  for (const f of storedFields) out[f] = hit[f] ?? null;
  out.topics = Array.isArray(hit.topics) ? hit.topics : [];
  out.draft = hit.draft === true;
  out.known = hit.known === true;
  out.jurisdiction = typeof hit.jurisdiction === 'string' ? hit.jurisdiction : '';
  return out as unknown as StoredDocument;
}
