import { provinces63, type RelationType } from '@vanban/schema';
import { dayOf, ymdOf } from './calendar.js';
import type { Composer } from './forms.js';
import { Blocks, closing, greeting, header, title } from './layout.js';
import { assignments, covid, objectives, situations, slogans, tasks } from './paragraphs.js';
import { unitWord } from './issuers.js';
import type { DocMeta } from './registry.js';
import { typeName } from './registry.js';

/** What the templates need besides the document: the seed (signers) and cited-only laws. */
export interface RenderContext {
  seed: number;
  external: Map<string, DocMeta>;
}

type Ref = { doc: DocMeta; relation: RelationType };

export const refsOf = (doc: DocMeta, ...relations: RelationType[]): Ref[] => doc.parents.filter((r) => relations.includes(r.relation));

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Fill the placeholders of a bank paragraph (topics are recorded on the unfilled text). */
export function fill(c: Composer, template: string): string {
  const { rng, doc } = c;
  const { y } = ymdOf(doc.day);
  const b = rng.int(20, 180);
  const p = doc.issuer.province >= 0 ? provinces63[doc.issuer.province] : undefined;
  const where = !p ? 'cả nước' : doc.issuer.district >= 0 ? `trên địa bàn ${p.districts[doc.issuer.district].kind}` : `toàn ${unitWord(p)}`;
  const values: Record<string, string> = {
    y: String(y), py: String(y - 1), n1: String(rng.int(120, 4800)), n2: String(rng.int(5, 90)), n3: String(rng.int(2, 40)), n4: String(rng.int(300, 9000)),
    a: String(rng.int(Math.floor(b / 2), b)), b: String(b), pct: String(rng.int(35, 96)), where, slogan: template.includes('{slogan}') ? c.t(rng.pick(slogans)) : '',
    self: doc.issuer.self, phone: `0${rng.int(200, 299)}.${rng.int(3500000, 3899999)}`, deadline: `15/12/${y}`,
  };
  return c.t(template).replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? k);
}

/** The subject as a title or "V/v" line: the verb and the document carried out, or the words. */
export function subjectLine(c: Composer): string {
  const s = c.doc.subject;
  if (s.parent && s.verb) return `${s.verb} ${c.cite(s.parent, s.relation ?? 'IMPLEMENTS', { noise: false, subject: c.rng.chance(0.5) ? 'plain' : 'none' })}`;
  return c.t(s.text);
}

/** "Thực hiện A; B, " — the clause carrying out the documents `refs` (main first). */
function implementsClause(c: Composer, refs: Ref[]): string {
  const { rng } = c;
  const main = refs[0].doc;
  const twin = main.twin;
  let first: string;
  if (twin && rng.chance(0.6)) {
    const [a, b] = main.serial < twin.serial ? [main, twin] : [twin, main];
    first = c.citeTwins(a, b, 'IMPLEMENTS');
  } else if (rng.chance(0.15) && !main.title) {
    first = `chỉ đạo của ${c.issuerPhrase(main)} tại ${c.cite(main, 'IMPLEMENTS', { issuer: false, subject: 'none' })}`;
  } else first = c.cite(main, 'IMPLEMENTS');
  const cue = first.startsWith('chỉ đạo') ? 'Thực hiện' : rng.pick(['Thực hiện', 'Triển khai thực hiện', 'Để triển khai có hiệu quả', 'Tiếp tục thực hiện', 'Quán triệt và thực hiện']);
  const rest = refs.slice(1).map((r) => `; ${c.cite(r.doc, 'IMPLEMENTS', { subject: 'none' })}`).join('');
  return `${cue} ${first}${rest}`;
}

/** "Căn cứ A;\nCăn cứ B;" lines, plus the Luật Trẻ em for documents issued after it. */
function basisLines(c: Composer, ctx: RenderContext, refs: Ref[]): string[] {
  const lines = refs.map((r) => {
    const pin = r.doc.normativeYear !== null && c.rng.chance(0.15) ? `Điều ${c.rng.int(2, 12)} ` : '';
    return `${c.rng.chance(0.8) ? 'Căn cứ' : 'Trên cơ sở'} ${pin}${c.cite(r.doc, 'BASED_ON')};`;
  });
  const law = ctx.external.get('102/2016/QH13');
  if (law && c.doc.day > law.day + 60 && c.rng.chance(0.3)) lines.unshift(`Căn cứ ${c.cite(law, 'BASED_ON', { subject: 'none', issuer: false })};`);
  return lines;
}

/** Items for the documents to keep carrying out, to consult (CITES), and theme tasks. */
function taskItems(c: Composer, extra: Ref[], cites: Ref[], count: number): string[] {
  const { rng, doc } = c;
  const items = rng.sample(tasks[doc.theme], count).map((t) => fill(c, t));
  if (doc.theme !== 'summer' && doc.theme !== 'child' && rng.chance(0.3)) items.push(c.t(rng.pick(tasks.child)));
  if (extra.length) items.splice(1, 0, `Tiếp tục thực hiện có hiệu quả ${extra.map((r) => c.cite(r.doc, 'IMPLEMENTS', { subject: 'none' })).join('; ')};`);
  for (const r of cites) items.push(`Các cơ quan, đơn vị tham khảo ${c.cite(r.doc, 'CITES', { subject: 'plain' })} để vận dụng phù hợp với tình hình thực tế;`);
  return items;
}

function situation(c: Composer): string {
  const { doc, rng } = c;
  const text = fill(c, rng.pick(situations[doc.theme]));
  return doc.year >= 2020 && doc.year <= 2021 && rng.chance(0.5) ? `${text} ${c.t(covid)}` : text;
}

/** Kế hoạch of a UBND, Tỉnh ủy, department, district or Huyện ủy (also a draft plan). */
export function plan(c: Composer, ctx: RenderContext): string {
  const { doc, rng, style } = c;
  const b = new Blocks(style.markdown);
  header(c, b);
  title(b, 'Kế hoạch', subjectLine(c));
  const implemented = refsOf(doc, 'IMPLEMENTS');
  const [main, ...extra] = implemented;
  const intro = [...basisLines(c, ctx, refsOf(doc, 'BASED_ON'))];
  const what = `${doc.issuer.self} ban hành Kế hoạch ${doc.role === 'annual' ? c.t(doc.subject.text) : 'thực hiện'} như sau:`;
  intro.push(main ? `${implementsClause(c, [main])}, ${what}` : capitalize(what));
  b.add(intro.join('\n'));
  b.strong(['I. MỤC ĐÍCH, YÊU CẦU']).add('1. Mục đích').items(rng.sample(objectives.slice(0, 2), 2).map((t) => c.t(t)));
  b.add('2. Yêu cầu').items(rng.sample(objectives.slice(2), 2).map((t) => c.t(t)));
  b.strong([rng.pick(['II. NỘI DUNG, NHIỆM VỤ', 'II. NHIỆM VỤ, GIẢI PHÁP'])]);
  if (main && rng.chance(0.3) && !main.doc.title) b.add(`${c.issuedOn(main.doc, 'CITES')}. ${situation(c)}`);
  else if (rng.chance(0.6)) b.add(situation(c));
  const items = taskItems(c, extra, refsOf(doc, 'CITES'), rng.int(2, 3));
  // "Quyết định 1863" links to the full citation of the same type and serial: only when that is unambiguous
  const alike = (d: DocMeta) => d !== main?.doc && d.typeCode === main?.doc.typeCode && d.serial === main?.doc.serial;
  if (main && !main.doc.title && !c.mentions.some((m) => alike(m.target)) && !doc.parents.some((r) => alike(r.doc))) {
    items.push(`Các đơn vị bám sát nội dung ${c.shortRef(main.doc, 'CITES')} để đưa vào chương trình công tác năm;`);
  }
  b.items(items);
  b.strong(['III. TỔ CHỨC THỰC HIỆN']).add(`1. ${doc.issuer.kind === 'dept' ? 'Các phòng chuyên môn' : 'Các sở, ban, ngành'}: ${c.t(rng.pick(assignments))}`);
  b.add(`2. ${doc.issuer.kind === 'district' ? 'UBND các xã, thị trấn' : 'Các địa phương, đơn vị'}: ${c.t(rng.pick(assignments))}`);
  b.add(fill(c, rng.pick(closingLines)));
  closing(c, b, ctx.seed);
  return b.text();
}

const closingLines = [
  'Trong quá trình triển khai, nếu có khó khăn, vướng mắc, đề nghị các đơn vị phản ánh về {self} (qua bộ phận chuyên môn, điện thoại {phone}) để được hướng dẫn.',
  'Định kỳ 6 tháng và hằng năm, các đơn vị gửi báo cáo kết quả về {self} trước ngày 15/6 và 15/12 để tổng hợp.',
  'Đề nghị các cơ quan, đơn vị quan tâm, phối hợp; kết quả gửi về {self} trước ngày {deadline} để tổng hợp./.',
];

/** Công văn (also a ministry's letter, a reply, a draft letter). */
export function letter(c: Composer, ctx: RenderContext): string {
  const { doc, rng, style } = c;
  const b = new Blocks(style.markdown);
  header(c, b, subjectLine(c));
  greeting(c, b);
  const implemented = refsOf(doc, 'IMPLEMENTS');
  const asked = refsOf(doc, 'RESPONDS_TO')[0];
  const intro = basisLines(c, ctx, refsOf(doc, 'BASED_ON'));
  const request = `${doc.issuer.self} đề nghị các cơ quan, đơn vị triển khai một số nội dung sau:`;
  let extra = implemented.slice(1);
  if (asked) intro.push(`Phúc đáp ${c.cite(asked.doc, 'RESPONDS_TO')}, ${doc.issuer.self} có ý kiến như sau:`);
  else if (implemented.length) intro.push(`${implementsClause(c, implemented.slice(0, 1))}, ${request}`);
  else intro.push(`Nhằm ${c.t(doc.subject.text)}, ${request}`);
  if (asked) extra = implemented;
  b.add(intro.join('\n'));
  if (rng.chance(0.5)) b.add(situation(c));
  const items = taskItems(c, extra, refsOf(doc, 'CITES'), rng.int(2, 3));
  b.add(items.map((t, k) => `${k + 1}. ${capitalize(t)}`).join('\n'));
  b.add(fill(c, rng.pick(closingLines)));
  closing(c, b, ctx.seed);
  return b.text();
}

/** Quyết định of a UBND (or its Chủ tịch): preamble, articles; may replace or amend an older one. */
export function decision(c: Composer, ctx: RenderContext): string {
  const { doc, rng, style } = c;
  const b = new Blocks(style.markdown);
  const p = provinces63[doc.issuer.province];
  header(c, b);
  const amended = refsOf(doc, 'AMENDS')[0];
  const replaced = refsOf(doc, 'REPLACES')[0];
  title(b, 'Quyết định', amended ? `Sửa đổi, bổ sung một số điều của ${c.cite(amended.doc, 'AMENDS', { noise: false, subject: 'none' })}` : subjectLine(c));
  b.strong([`${rng.chance(0.5) ? 'CHỦ TỊCH ' : ''}${doc.issuer.name.toUpperCase()}`]);
  // the law on local government in force on the day: the 2015 one from 2016, the 2003 one before
  const localLaw = ctx.external.get('77/2015/QH13');
  const preamble = [
    doc.day < dayOf(2016, 1, 1) ? 'Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;' : 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
  ];
  if (localLaw && doc.day >= dayOf(2016, 1, 1) && rng.chance(0.4)) preamble[0] = `Căn cứ ${c.cite(localLaw, 'BASED_ON', { subject: 'none', issuer: false })};`;
  preamble.push(...basisLines(c, ctx, refsOf(doc, 'BASED_ON', 'IMPLEMENTS')));
  const proposal = refsOf(doc, 'CITES').find((r) => r.doc.typeCode === 'TTr');
  if (proposal) preamble.push(`Theo đề nghị của Giám đốc ${proposal.doc.issuer.citeLocal[1] ?? proposal.doc.issuer.citeLocal[0]} tại ${c.cite(proposal.doc, 'CITES', { issuer: false, subject: 'none' })}.`);
  b.add(preamble.join('\n')).strong(['QUYẾT ĐỊNH:']);
  const what = doc.normativeYear ? 'Quy định' : 'Kế hoạch';
  if (amended) b.add(`Điều 1. Sửa đổi, bổ sung khoản ${rng.int(1, 4)} Điều ${rng.int(2, 9)} của ${c.cite(amended.doc, 'AMENDS', { subject: 'none' })} như sau:`, `“${c.t(rng.pick(tasks[doc.theme]))}”`);
  else b.add(`Điều 1. Ban hành kèm theo Quyết định này ${what} ${c.t(doc.subject.text.replace(/^ban hành (?:Quy định|Kế hoạch) (?:về )?/, ''))}.`);
  const replaces = replaced ? ` và thay thế ${c.cite(replaced.doc, 'REPLACES', { subject: 'none' })}` : '';
  b.add(`Điều 2. Quyết định này có hiệu lực kể từ ngày ${doc.normativeYear ? rng.int(10, 28) + ' tháng ' + (ymdOf(doc.day + 30).m) + ' năm ' + ymdOf(doc.day + 30).y : 'ký'}${replaces}.`);
  b.add(`Điều 3. Chánh Văn phòng ${doc.issuer.citeLocal[0]}, Giám đốc các sở, ban, ngành ${unitWord(p)}; Chủ tịch UBND các huyện, thị xã, thành phố và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.`);
  closing(c, b, ctx.seed);
  return b.text();
}

/** Báo cáo sơ kết / tổng kết of a UBND or district about one document it carries out. */
export function report(c: Composer, ctx: RenderContext): string {
  const { doc, rng, style } = c;
  const b = new Blocks(style.markdown);
  const reported = refsOf(doc, 'REPORTS_ON')[0].doc;
  header(c, b);
  const span = doc.year - reported.year;
  const what = span >= 8 ? `Tổng kết ${span} năm thực hiện` : span >= 2 ? `Sơ kết ${String(span).padStart(2, '0')} năm thực hiện` : `Kết quả thực hiện`;
  title(b, 'Báo cáo', `${what} ${c.cite(reported, 'REPORTS_ON', { noise: false, subject: 'plain' })}`);
  b.add(`${doc.issuer.self} báo cáo kết quả thực hiện ${c.cite(reported, 'REPORTS_ON', { subject: 'none', date: rng.chance(0.4) })} như sau:`);
  b.strong(['I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO']);
  b.add(!reported.title && rng.chance(0.5) ? `${c.issuedOn(reported, 'CITES')}. ${c.t(objectives[0])}` : c.t(objectives[1]));
  b.strong(['II. KẾT QUẢ ĐẠT ĐƯỢC']).add(situation(c)).items(rng.sample(tasks[doc.theme], 2).map((t) => c.t(t)));
  b.strong(['III. KHÓ KHĂN, HẠN CHẾ']).add(c.t(situations.child[1]));
  b.strong(['IV. ĐỀ XUẤT, KIẾN NGHỊ']).add(`Đề nghị cấp trên quan tâm bố trí kinh phí, tăng cường tập huấn cho đội ngũ làm công tác trẻ em ở cơ sở.`);
  b.add(`Trên đây là báo cáo của ${doc.issuer.self}./.`);
  closing(c, b, ctx.seed);
  return b.text();
}

/** A department's cover letter asking the UBND to sign the draft that follows it in the file. */
export function coverLetter(c: Composer, ctx: RenderContext, draft: DocMeta): string {
  const { doc, style, rng } = c;
  const b = new Blocks(style.markdown);
  const kind = typeName(draft.typeCode);
  const p = provinces63[doc.issuer.province];
  const ubnd = `Ủy ban nhân dân ${unitWord(p)}`;
  const about = c.t(draft.subject.text);
  header(c, b, `đề nghị ban hành ${kind.toLowerCase()} ${about}`);
  greeting(c, b, [`${ubnd} ${p.name}`]);
  const main = refsOf(doc, 'IMPLEMENTS');
  b.add(`${implementsClause(c, main)}, ${doc.issuer.self} đã phối hợp với các cơ quan liên quan xây dựng dự thảo ${kind} của ${ubnd} về ${about}.`);
  // most cover letters also say why; a short one is realistic too
  if (rng.chance(0.7)) b.add(situation(c), c.t(rng.pick(objectives)));
  b.add(`${doc.issuer.self} kính trình ${ubnd} xem xét, ban hành (có dự thảo kèm theo)./.`);
  closing(c, b, ctx.seed);
  return b.text();
}
