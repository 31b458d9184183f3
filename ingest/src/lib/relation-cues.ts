/**
 * Which cue governs a citation: the nearest before it in its clause, a provision's verb, a "thực
 * hiện … theo" that carries a document out, a footnote's marker or a lead-in line. Read by
 * `classifyRelations` (relations.ts).
 */
import type { RelationType } from '@vanban/schema';
import type { FoundCitation } from './citations.js';
import type { CueHit } from './relations.js';
import { sentenceStart } from './sentences.js';

/** The cues of a text, sorted by start: those starting in a range by binary search. */
export class CueIndex {
  constructor(private readonly cues: readonly CueHit[]) {}

  /** Cues starting in [from, to), sorted. */
  range(from: number, to: number): readonly CueHit[] {
    return this.cues.slice(upperBound(this.cues, from), upperBound(this.cues, to));
  }
}

/**
 * How far a cue reaches to govern the citation after it ("thực hiện nghiêm túc, có hiệu quả Chỉ thị…").
 * Replacing and amending clauses describe what they replace before naming where it was issued
 * ("thay thế Danh mục … công bố tại các Quyết định: Số …"), so they reach further.
 */
export const cueReach = (cue: CueHit): number => (cue.relation === 'REPLACES' || cue.relation === 'AMENDS' ? 300 : 60);

// a report's lead before its cue: "sơ kết 05 năm thực hiện", "báo cáo kết quả thực hiện"
export const reportLead = /(?:sơ kết|tổng kết|báo cáo)[^.;\n]{0,25}$/iu;

/** Start of the line holding `at` if it begins at most `max` characters back (a long line is not scanned), else -1. */
export function nearLineStart(text: string, at: number, max: number): number {
  const stop = Math.max(0, at - max);
  for (let i = at - 1; i >= stop; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return stop === 0 ? 0 : -1;
}
/** A bullet or item number before a line's first word is this short. */
export const bulletMax = 24;
/** A footnote's first citation is this near its line's start. */
const footnoteMax = 300;
export const lineBullet = /^[\s]*(?:[-+•*–]|\(?(?:\d{1,2}|[a-zđ])[.)]|\d{1,2}(?:\.\d{1,2})+\.?)?[\s]*$/u;

/** "thực hiện" after "sơ kết 05 năm" or "báo cáo kết quả" is reporting, not implementing. */
export function relationOf(text: string, cue: CueHit): RelationType {
  if (cue.relation === 'IMPLEMENTS' && reportLead.test(text.slice(Math.max(0, cue.start - 40), cue.start))) return 'REPORTS_ON';
  return cue.relation;
}

/**
 * Nearest cue before `at` in the sentence; adjacent-only cues count only right before it. An
 * adjacent cue closing a pair with a cue of its kind ("sửa đổi, bổ sung Quyết định số …") is that
 * cue's: the clause starts at the pair's first verb, as in "sửa đổi, bổ sung một số điều của …".
 */
export function governingCue(text: string, cues: readonly CueHit[], from: number, at: number): CueHit | null {
  let hi = upperBound(cues, at);
  while (--hi >= 0) {
    const cue = cues[hi];
    if (cue.start < from) return null;
    if (cue.end > at) continue;
    if (cue.adjacent && !/^[\s]*(?:các[\s]+)?(?:tại[\s]+)?$/u.test(text.slice(cue.end, at))) continue;
    const head = cue.adjacent && hi > 0 ? cues[hi - 1] : null;
    return head && pairs(text, head, cue) && head.start >= from ? head : cue;
  }
  return null;
}

// "sửa đổi, bổ sung", "sửa đổi và bổ sung", "căn cứ theo"
const pairJoin = /^[\s]*(?:,[\s]*)?(?:và[\s]+)?$/u;
const pairs = (text: string, head: CueHit, cue: CueHit): boolean =>
  head.relation === cue.relation && !head.adjacent && !head.passive && !head.provision && pairJoin.test(text.slice(head.end, cue.start));

/**
 * A provision cue ("quy định tại") only says where a rule is written, unless the clause it sits in
 * acts on that rule: a basis ("Căn cứ nội dung chi quy định tại Thông tư …"), an amendment or repeal
 * ("Bãi bỏ mức thu quy định tại mục II Nghị quyết …"), a guide; or it opens the sentence as a basis
 * ("Theo quy định tại Luật …, Nghị định số …, việc lập dự toán …").
 */
export function provisionCue(text: string, cue: CueHit, cues: readonly CueHit[], from: number, at: number): CueHit {
  const opens = (hit: CueHit): boolean => hit.start - from <= bulletMax && lineBullet.test(text.slice(from, hit.start));
  const at0 = cues.indexOf(cue);
  if (at0 === 0 && opens(cue)) return cue.phrase.startsWith('theo ') ? { ...cue, relation: 'BASED_ON' } : cue;
  const lead = sentenceLeadCue(cues, from, cue.start);
  for (let k = at0 - 1; k >= 0; k--) {
    const before = cues[k];
    if (before.adjacent || before.provision) continue;
    const relation = relationOf(text, before);
    if (before.passive || relation === 'CITES' || /[;]/.test(text.slice(before.end, at))) return cue;
    // "Thực hiện nghiêm chế độ báo cáo quy định tại Chỉ thị …" carries the directive out; "… thực hiện
    // theo quy định tại …" and "được thực hiện trong thời hạn quy định tại …" only comply with it
    const acting = { ...cue, relation, phrase: before.phrase };
    if (relation === 'IMPLEMENTS') return (k === 0 && opens(before) && !cue.phrase.startsWith('theo ')) || actsOnTasks(text, before, cue, at) ? acting : cue;
    return before === lead || at - before.end <= cueReach(before) ? acting : cue;
  }
  return cue;
}

// the tasks a document sets, as the object of the verb carrying them out
const taskNoun = '(?:nhiệm vụ|nội dung|giải pháp|chỉ tiêu|yêu cầu|mục tiêu)';
const tasksObject = new RegExp(
  `^[\\s]+(?:(?:tốt|nghiêm túc|có hiệu quả|hiệu quả|đầy đủ)[\\s]+)?(?:(?:các|những|mọi)[\\s]+)?${taskNoun}(?:[\\s]*(?:,|và)[\\s]*${taskNoun})*[\\s]+(?:đã[\\s]+)?(?:được[\\s]+(?:giao[\\s]+)?)?$`,
  'iu',
);

// a point or clause of an article ("điểm b khoản 7 Điều 52") is one rule, not tasks
const rulePin = /(?:^|\s)(?:điểm|khoản|tiết)\s/iu;

/**
 * "thực hiện các nội dung, nhiệm vụ quy định tại X", "triển khai các nhiệm vụ theo X": the verb carries
 * out the tasks X sets, as "thực hiện các nhiệm vụ đề ra tại X" does. Only a bare task noun: a noun
 * with its own description ("nhiệm vụ chuyên trách … theo quy định tại Nghị định") is a duty the rule
 * defines, and "theo đúng" (as "thực hiện đúng") or "các nội dung quy định tại điểm b khoản 7 …" is
 * complying with a rule.
 */
function actsOnTasks(text: string, verb: CueHit, cue: CueHit, at: number): boolean {
  if (cue.phrase.startsWith('theo đúng') || rulePin.test(text.slice(cue.end, at))) return false;
  return tasksObject.test(text.slice(verb.end, cue.start));
}

export const isTheo = (cue: CueHit): boolean => cue.relation === 'BASED_ON' && cue.phrase.startsWith('theo');
/** How far back in its clause a "thực hiện" reaches a "theo" that names what is carried out. */
const alongReach = 200;

// the verb opens its clause: "1.3. Tiếp tục thực hiện …", "…, thực hiện thắng lợi …", not "kinh phí
// thực hiện các chế độ … theo Quyết định" nor "… thì được thực hiện theo Nghị quyết" (a source of rules)
const clauseOpening = /(?:^|[,:(\n])[\s]*(?:[-+•*–]|\(?(?:\d{1,2}|[a-zđ])[.)]|\d{1,2}(?:\.\d{1,2})+\.?)?[\s]*$/u;

/**
 * "Tiếp tục thực hiện hiệu quả Đề án … theo Kế hoạch số …", "thực hiện thắng lợi nhiệm vụ … theo tinh
 * thần Nghị quyết số …": the work carried out is the one the cited document sets, so the text
 * implements it. Only where the verb opens its clause and has its own object before "theo", and
 * nothing else lies between (no document, no ';', no other cue).
 */
export function implementedAlong(text: string, cue: CueHit, cues: readonly CueHit[], from: number): CueHit {
  for (let k = cues.indexOf(cue) - 1; k >= 0; k--) {
    const before = cues[k];
    if (before.adjacent) continue;
    if (before.start < from || cue.start - before.end > alongReach || /[;]/.test(text.slice(before.end, cue.start))) return cue;
    const head = before.start - from <= 24 ? text.slice(from, before.start) : `x${text.slice(before.start - 24, before.start)}`;
    // "Thực hiện theo Thông tư …" (nothing carried out but the rules) keeps its basis
    const carried = /\p{L}/u.test(text.slice(before.end, cue.start));
    const along = carried && relationOf(text, before) === 'IMPLEMENTS' && (clauseOpening.test(head) || actsOnTasks(text, before, cue, cue.end));
    return along ? { ...cue, relation: 'IMPLEMENTS', phrase: before.phrase } : cue;
  }
  return cue;
}

/** A cue opening the sentence ("Căn cứ …", "1.2. Tiếp tục thực hiện …") governs its whole list. */
export function sentenceLeadCue(cues: readonly CueHit[], from: number, at: number): CueHit | null {
  const cue = cues[upperBound(cues, from)];
  const opener = cue && (cue.relation === 'BASED_ON' || cue.relation === 'IMPLEMENTS');
  return opener && cue.start < at && cue.start - from <= 30 && !cue.adjacent ? cue : null;
}

/** The cue a citation with none of its own hangs under: its footnote's marker, or a lead-in line. */
export function leadIn(text: string, index: CueIndex, citations: readonly FoundCitation[], at: number, sentenceFrom: number, floor: number): CueHit | null {
  return footnoteCue(text, index, at, floor) ?? introCue(text, index, citations, sentenceFrom, floor);
}

const footnoteLine = /^[\s]*\[(\d{1,3})\][\s]/u;
const inRunningText = /^[ \t]*[,;]?[ \t]*[\p{L}\d]/u;

/** Start of the footnote line ("[2] …") `at` is on, if it begins after `from`. */
export function footnoteStart(text: string, from: number, at: number): number | undefined {
  const lineStart = nearLineStart(text, at, footnoteMax);
  return lineStart > from && footnoteLine.test(text.slice(lineStart, Math.min(at, lineStart + 12))) ? lineStart : undefined;
}

/**
 * A footnote ("[2] Tại Kế hoạch số …" at the foot of the text) says what its marker in the body
 * refers to ("theo đúng tinh thần chỉ đạo của Ủy ban nhân dân tỉnh[2]"): the cue governing the
 * marker governs the footnote's citations.
 */
function footnoteCue(text: string, index: CueIndex, at: number, floor: number): CueHit | null {
  const near = nearLineStart(text, at, footnoteMax);
  const lineStart = Math.max(floor, near);
  const note = near < 0 ? null : footnoteLine.exec(text.slice(lineStart, Math.min(at, lineStart + 12)));
  if (!note) return null;
  const mark = `[${note[1]}]`;
  let m = text.lastIndexOf(mark, lineStart - 1);
  // the marker sits in running text, right after a word; a mark opening a line is another footnote
  while (m > floor && /\s/u.test(text[m - 1])) m = text.lastIndexOf(mark, m - 1);
  // a mark closing a line (a heading "Điều 5. Tổ chức thực hiện[2]", a consolidated text's sentence)
  // notes where the text was amended, under no clause of its own
  if (m <= floor || !inRunningText.test(text.slice(m + mark.length, m + mark.length + 4))) return null;
  const from = sentenceStart(text, m, floor);
  const cues = index.range(from, m);
  const cue = governingCue(text, cues, from, m);
  if (cue && !cue.passive && m - cue.end <= cueReach(cue)) return cue;
  return sentenceLeadCue(cues, from, m);
}

/**
 * A citation whose sentence has no cue hangs under a lead-in: the nearest earlier line ending with
 * ":" or a short heading line ("1. Tiếp tục tổ chức thực hiện các chương trình"), within a few lines.
 */
function introCue(text: string, index: CueIndex, citations: readonly FoundCitation[], sentenceFrom: number, floor: number): CueHit | null {
  let lineEnd = sentenceFrom;
  for (let n = 0; n < 6 && lineEnd > floor; n++) {
    const end = text.lastIndexOf('\n', lineEnd - 1);
    if (end < floor) return null;
    let start = text.lastIndexOf('\n', end - 1) + 1;
    if (start < floor) start = floor;
    const line = text.slice(start, end).trim();
    lineEnd = start;
    if (!line) continue;
    const nextLine = text.slice(end + 1, end + 3).trimStart();
    const heading = line.endsWith(':') || (line.length <= 160 && !/[.;,]$/.test(line) && /^[\p{Lu}\d]/u.test(line) && /^[\p{Lu}\d\n-]/u.test(nextLine || '\n'));
    if (!heading) {
      if (line.length > 400) return null;
      continue;
    }
    let best: CueHit | null = null;
    for (const cue of index.range(start, end)) if (!cue.adjacent) best ??= cue;
    // "Trả lời Công văn số 577…, Tổng cục Thuế có ý kiến như sau:" — that cue has its own citation
    if (best && citations.some((c) => c.start > best.end && c.start < end)) return null;
    return best;
  }
  return null;
}

function upperBound(cues: readonly CueHit[], at: number): number {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid].start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
