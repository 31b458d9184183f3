import type { RelationType } from '@vanban/schema';
import type { FoundCitation } from './citations.js';
import {
  bulletMax,
  CueIndex,
  cueReach,
  footnoteStart,
  governingCue,
  implementedAlong,
  isTheo,
  leadIn,
  lineBullet,
  nearLineStart,
  provisionCue,
  relationOf,
  reportLead,
  sentenceLeadCue,
} from './relation-cues.js';
import { sentenceEnd, sentenceStart, sentenceText } from './sentences.js';
import { scanCues, type CueMatch } from './vocabulary.js';

export interface CueHit {
  start: number;
  end: number;
  phrase: string;
  relation: RelationType;
  adjacent: boolean;
  passive: boolean;
  provision: boolean;
}

export interface ClassifiedCitation {
  relation: RelationType;
  cue: string | null;
  sentence: string;
}

export interface FoundAssertion {
  from: number;
  to: number;
  relation: RelationType;
  cue: string;
  sentence: string;
  start: number;
  end: number;
}

/** Every cue phrase in the text, in order (one case-insensitive pass). */
export function findCues(text: string, offset = 0): CueHit[] {
  return cueHits(scanCues(text), offset);
}

/** Scanned cues (`scanCues`, `scanPhrases`) as the hits `classifyRelations` reads. */
export function cueHits(matches: readonly CueMatch[], offset = 0): CueHit[] {
  return matches.map(({ start, end, cue }) => ({
    start: start + offset,
    end: end + offset,
    phrase: cue.phrase,
    relation: cue.relation,
    adjacent: cue.adjacent,
    passive: cue.passive,
    provision: cue.provision,
  }));
}

// Between a citation's tail and a cue that makes it the subject: "Kế hoạch số A … về việc thực hiện B",
// "Quyết định số A … đã bãi bỏ B", "Quyết định số A … về ban hành Kế hoạch thực hiện B" (the plan
// issued by A is A's content).
const tailToCue =
  /^[\s,]*(?:\(?[^()]{0,0}\)?)?(?:về việc|về|v\/v|nhằm|để|trong đó|đã)?[\s,]*(?:(?:ban hành|phê duyệt)[\s]+(?:kế hoạch|chương trình(?:[\s]+hành động)?|đề án)(?:[\s]+của[\s]+[^\s,;.()]+(?:[\s]+[^\s,;.()]+){0,5})?[\s]+)?$/iu;
/** How near the last citation must be for a clipped sentence to keep it (a list, not a paragraph). */
const listCarry = 150;
// Between members of one list: "B, C và D"; a member that goes on to its own description ("và Nghị
// định số E của Chính phủ về …") is the next item of the outer list, not of the passive clause.
const listGap = /^[\s,;]*(?:và|,)?[\s]*$/u;
const bareMemberEnd = /^[\s]*(?:[,;.)\]]|và[\s]|$)/u;

/**
 * Give every citation the relation of the clause that governs it, and collect the relations the
 * text asserts between two cited documents ("Kế hoạch số A … của Tỉnh ủy thực hiện Chỉ thị số B").
 * `citations` must be sorted by start.
 */
export function classifyRelations(
  text: string,
  citations: readonly FoundCitation[],
  cues?: readonly CueHit[],
  bounds: { start: number; end: number } = { start: 0, end: text.length },
): { classified: ClassifiedCitation[]; assertions: FoundAssertion[] } {
  // the extraction passes the cues of its one pass over the document (`scanPhrases`)
  const index = new CueIndex(cues ?? findCues(text));
  const classified: ClassifiedCitation[] = [];
  const assertions: FoundAssertion[] = [];
  let sentence = { start: -1, end: -1 };
  let inSentence: number[] = [];
  // the amended (guided, replaced) citation of the last passive clause: "A … được sửa đổi bởi B, C và D"
  let passiveOf = -1;
  let passiveCue: CueHit | null = null;
  // the agent of the last passive ("A được sửa đổi bởi B": B), which is no subject of the next one
  let lastAgent = -1;
  // the last active amendment "A sửa đổi, bổ sung B" and the last document it amends, for "… và C"
  let amending: Amending | null = null;
  let shown = '';
  let shownFor = -1;
  for (let k = 0; k < citations.length; k++) {
    const c = citations[k];
    if (c.start >= sentence.end || c.start < sentence.start) {
      sentence = { start: sentenceStart(text, c.start, bounds.start), end: sentenceEnd(text, c.end, bounds.end) };
      // a sentence longer than the scan window goes on: a list running across the clip stays one list
      const last = inSentence.length ? citations[inSentence[inSentence.length - 1]] : null;
      inSentence = last && c.start - last.end <= listCarry ? inSentence.filter((i) => citations[i].start >= sentence.start) : [];
      passiveOf = inSentence.includes(passiveOf) ? passiveOf : -1;
    }
    if (inSentence.length) {
      const last = citations[inSentence[inSentence.length - 1]];
      const opening = footnoteStart(text, last.end, c.start) ?? lineOpeningCue(text, last, index.range(last.end, c.start));
      if (opening >= 0) {
        // a title line without a full stop runs into the body's "Thực hiện …" line: the cue opens a new sentence
        sentence = { start: opening, end: sentence.end };
        inSentence = [];
        passiveOf = -1;
      }
    }
    const previousIndex = inSentence.length ? inSentence[inSentence.length - 1] : -1;
    const previous = previousIndex >= 0 ? citations[previousIndex] : null;
    const sentenceCues = index.range(sentence.start, c.start);
    const nearest = governingCue(text, sentenceCues, sentence.start, c.start);
    const cue = nearest?.provision
      ? provisionCue(text, nearest, sentenceCues, sentence.start, c.start)
      : nearest && isTheo(nearest)
        ? implementedAlong(text, nearest, sentenceCues, previous?.end ?? sentence.start)
        : nearest;
    if (shownFor !== sentence.start) {
      shown = sentenceText(text, sentence.start, sentence.end);
      shownFor = sentence.start;
    }
    let relation: RelationType = 'CITES';
    let cueText: string | null = null;
    const asserted = assertions.length;
    if (cue && (!previous || cue.start >= previous.end)) {
      if (cue.passive && previous && c.start - cue.end <= cueReach(cue) && previousIndex !== lastAgent && isPassiveSubject(text, previous, c, cue)) {
        // "A … được sửa đổi, bổ sung bởi B": B amends A; for this document B is part of A's clause.
        assertions.push({ from: k, to: previousIndex, relation: cue.relation, cue: cue.phrase, sentence: shown, start: previous.start, end: c.end });
        ({ relation, cue: cueText } = classified[previousIndex]);
        passiveOf = previousIndex;
        passiveCue = cue;
        lastAgent = k;
      } else if (cue.passive) {
        // "… được hướng dẫn bởi Công văn B" with no cited subject: B guides this text, it does not guide B.
        // The agent of one passive is not the subject of the next ("[X được hướng dẫn bởi Công văn A …
        // Y được hướng dẫn bởi Hướng dẫn B]"): each names its own, uncited subject.
        relation = 'CITES';
        passiveOf = -1;
        lastAgent = k;
      } else if (c.start - cue.end <= cueReach(cue) && !/[;]/.test(text.slice(cue.end, c.start))) {
        passiveOf = -1;
        relation = cue.provision ? cue.relation : relationOf(text, cue);
        cueText = cue.phrase;
        if (
          previous &&
          relation !== 'CITES' &&
          !cue.provision &&
          previous.number !== c.number &&
          cue.start >= previous.tailEnd &&
          tailToCue.test(text.slice(previous.tailEnd, cue.start))
        ) {
          assertions.push({ from: previousIndex, to: k, relation, cue: cue.phrase, sentence: shown, start: previous.start, end: c.end });
          amending = relation === 'AMENDS' ? { from: previousIndex, to: k, last: k, cue } : null;
          relation = classified[previousIndex].relation;
          cueText = classified[previousIndex].cue;
        }
      } else if (previous && cue.relation !== 'CITES' && !text.slice(previous.end, cue.start).includes(';')) {
        // the cue sits in the previous citation's description; this one continues that list
        ({ relation, cue: cueText } = classified[previousIndex]);
      } else if (previous) {
        // a new clause opened by its own cue ("…; Theo đề nghị … tại các văn bản: Số …")
        relation = cue.relation;
        cueText = cue.phrase;
      } else {
        const lead = sentenceLeadCue(sentenceCues, sentence.start, c.start) ?? leadIn(text, index, citations, c.start, sentence.start, bounds.start);
        if (lead) ({ relation, cue: cueText } = { relation: relationOf(text, lead), cue: lead.phrase });
      }
    } else if (previous) {
      ({ relation, cue: cueText } = classified[previousIndex]);
      const target = passiveOf >= 0 && passiveOf !== previousIndex && inSentence.includes(passiveOf) ? citations[passiveOf] : null;
      if (passiveCue && target && target.number !== c.number && previous.number !== c.number && continuesBareList(text, previous, c)) {
        // "A … được sửa đổi, bổ sung bởi B, C và D": C and D amend A as B does
        assertions.push({ from: k, to: passiveOf, relation: passiveCue.relation, cue: passiveCue.phrase, sentence: shown, start: target.start, end: c.end });
        lastAgent = k;
      }
      if (/^[\s,]*\([\s]*$/.test(text.slice(previous.tailEnd, c.start)) && classified[previousIndex].relation === 'REPORTS_ON') {
        // "… đề ra trong Báo cáo sơ kết thực hiện Chỉ thị B (Báo cáo số A …)": the phrase is A's title.
        // A reports on B (on every document the title lists); this text does not, it only names B, and
        // stands to A as the clause holding the title says ("thực hiện các nhiệm vụ đề ra trong …").
        const reported = titleList(text, citations, inSentence, classified);
        for (const m of reported) {
          assertions.push({ from: k, to: m, relation: 'REPORTS_ON', cue: classified[m].cue ?? 'báo cáo', sentence: shown, start: citations[m].start, end: c.end });
          classified[m] = { ...classified[m], relation: 'CITES', cue: null };
        }
        const before = inSentence[inSentence.indexOf(reported[0]) - 1];
        const holder = titleHolderCue(text, index, before === undefined ? sentence.start : citations[before].end, citations[reported[0]].start);
        relation = holder ? relationOf(text, holder) : 'CITES';
        cueText = holder?.phrase ?? null;
      }
    } else {
      const lead = leadIn(text, index, citations, c.start, sentence.start, bounds.start);
      if (lead) ({ relation, cue: cueText } = { relation: relationOf(text, lead), cue: lead.phrase });
    }
    if (amending && previousIndex === amending.last && assertions.length === asserted && alsoAmended(text, index, citations, amending, c)) {
      // "A sửa đổi, bổ sung B ‹title of B› và C ‹title of C›": A amends C as well
      const amender = citations[amending.from];
      assertions.push({ from: amending.from, to: k, relation: 'AMENDS', cue: amending.cue.phrase, sentence: shown, start: amender.start, end: c.end });
      amending.last = k;
    }
    classified.push({ relation, cue: cueText, sentence: shown });
    inSentence.push(k);
  }
  return { classified, assertions };
}

/**
 * Start of the line that one of `cues` opens with a capital ("Thực hiện …", "- Căn cứ …"), or -1.
 * A capital cue word right after a line break begins a clause even where the line above (a title
 * naming `previous` in its running text) has no full stop; PDF text breaking a sentence mid-clause
 * goes on in lower case. Not after a citation that opens its own line: in a flattened table the
 * next cell ("Số A\nngày …\nHướng dẫn thi hành Nghị định B") is A's title, and a passive cue
 * ("Được thay thế bởi B") always points back at the document before it.
 */
function lineOpeningCue(text: string, previous: FoundCitation, cues: readonly CueHit[]): number {
  if (!cues.length) return -1;
  const previousLine = nearLineStart(text, previous.start, bulletMax);
  if (previousLine >= 0 && lineBullet.test(text.slice(previousLine, previous.start))) return -1;
  for (const cue of cues) {
    const first = text[cue.start];
    if (cue.passive || first === first.toLowerCase()) continue;
    const lineStart = nearLineStart(text, cue.start, bulletMax);
    if (lineStart > 0 && lineBullet.test(text.slice(lineStart, cue.start))) return lineStart;
  }
  return -1;
}

/**
 * `previous` is the subject of the passive `cue` that `c` is the agent of: another document, in the
 * passive's clause. Past the list's next item ("Căn cứ A; Luật X được sửa đổi bởi B") or the bracket
 * A sits in ("Quy chế (kèm theo A) được sửa đổi bởi B") the passive has a subject of its own, and a
 * demonstrative one ("… A. [Điều này được hướng dẫn bởi B]") is the text itself.
 */
function isPassiveSubject(text: string, previous: FoundCitation, c: FoundCitation, cue: CueHit): boolean {
  if (previous.number === c.number) return false;
  const gap = text.slice(previous.end, cue.start);
  return !nextListItem.test(gap) && !closesBracket(gap) && !demonstrativeSubject.test(gap);
}
// a ';' before a capital opens the list's next item; one inside a title goes on in lower case
// ("… ban hành chương trình; tổ chức biên soạn giáo trình … được thay thế bởi B")
const nextListItem = /;[\s]*\p{Lu}/u;
const demonstrativeSubject = /(?:^|\s)này[\s,]*(?:đã[\s]+)?$/u;

/** Does `s` close a bracket it did not open? */
function closesBracket(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && --depth < 0) return true;
  }
  return false;
}

/** The documents a report's title lists, up to the sentence's last citation: "thực hiện Chỉ thị B và Kế hoạch C". */
function titleList(text: string, citations: readonly FoundCitation[], inSentence: readonly number[], classified: readonly ClassifiedCitation[]): number[] {
  const list = [inSentence[inSentence.length - 1]];
  for (let j = inSentence.length - 2; j >= 0; j--) {
    const member = inSentence[j];
    if (classified[member].relation !== 'REPORTS_ON' || !listGap.test(text.slice(citations[member].tailEnd, citations[list[0]].start))) break;
    list.unshift(member);
  }
  return list;
}

/**
 * The cue governing a report's title whose first listed document starts at `first`: the title begins
 * at its "Báo cáo sơ kết …" lead, and the cue before that ("giám sát việc thực hiện các nhiệm vụ đề
 * ra trong") is what this text does with the report. Null when no cue after `from` (the citation
 * before the title) reaches the title.
 */
function titleHolderCue(text: string, index: CueIndex, from: number, first: number): CueHit | null {
  const cues = index.range(from, first);
  const reporting = governingCue(text, cues, from, first);
  if (!reporting) return null;
  const lead = reportLead.exec(text.slice(Math.max(from, reporting.start - 40), reporting.start));
  const titleStart = reporting.start - (lead ? lead[0].length : 0);
  const holder = governingCue(text, cues, from, titleStart);
  if (!holder || holder.passive || titleStart - holder.end > cueReach(holder)) return null;
  return text.slice(holder.end, titleStart).includes(';') ? null : holder;
}

interface Amending {
  from: number;
  to: number;
  last: number;
  cue: CueHit;
}

// "… B ‹title› và C": the "và" right before C; a bare list may join with a comma
const joinsByAnd = /[\s,]và[\s]+(?:các[\s]+)?$/u;

/**
 * After "A sửa đổi, bổ sung B ‹title of B›", is `c` ("và C ‹title of C›") a second document A
 * amends, or the next item of an outer list ("…; A về việc sửa đổi B ‹title› và C ‹title›", where C
 * is another document the text names)? The corpus holds both. C is amended only when it is of B's
 * kind and issuer (one act amends like documents), was issued before A (an act amends none after
 * it: the outer item C is often the newer one), joins B's clause with no ';' between, and does not
 * go on to amend something itself ("và Thông tư số C sửa đổi …": a second amending act, A's peer).
 */
function alsoAmended(text: string, index: CueIndex, citations: readonly FoundCitation[], amending: Amending, c: FoundCitation): boolean {
  const amender = citations[amending.from];
  const amended = citations[amending.to];
  const last = citations[amending.last];
  if (c.number === amender.number || c.number === last.number || !c.typeCode || !c.issuerCode) return false;
  if (c.typeCode !== amended.typeCode || c.issuerCode !== amended.issuerCode || !issuedBefore(c, amender)) return false;
  const gap = text.slice(last.tailEnd, c.start);
  if (gap.length > cueReach(amending.cue) || gap.includes(';') || !(listGap.test(gap) || joinsByAnd.test(gap))) return false;
  const own = index.range(c.tailEnd, c.tailEnd + 40).find((cue) => !cue.adjacent);
  return !(own && !own.passive && (own.relation === 'AMENDS' || own.relation === 'REPLACES') && tailToCue.test(text.slice(c.tailEnd, own.start)));
}

/** Was `a` issued before `b`, as far as their years and dates tell? */
function issuedBefore(a: FoundCitation, b: FoundCitation): boolean {
  if (a.year === null || b.year === null) return false;
  if (a.year !== b.year) return a.year < b.year;
  return a.date !== null && b.date !== null && a.date < b.date;
}

/** `c` is the next member of the list `previous` is in, and names no more than a document. */
function continuesBareList(text: string, previous: FoundCitation, c: FoundCitation): boolean {
  return listGap.test(text.slice(previous.tailEnd, c.start)) && bareMemberEnd.test(text.slice(c.tailEnd, c.tailEnd + 4));
}
