import { provinces63 } from '@vanban/schema';
import { pad, ymdOf } from './calendar.js';
import type { Composer } from './forms.js';
import { signerFor } from './names.js';
import type { DocMeta } from './registry.js';

/** Blocks of a document (paragraphs, joined by blank lines), markdown-aware. */
export class Blocks {
  readonly list: string[] = [];

  constructor(private readonly markdown: boolean) {}

  add(...blocks: string[]): this {
    this.list.push(...blocks);
    return this;
  }

  /** Upper-case or emphasised lines: bold in markdown. */
  strong(lines: string[]): this {
    return this.add(this.markdown ? lines.map((l) => `**${l}**`).join('\n') : lines.join('\n'));
  }

  items(lines: string[]): this {
    return this.add(lines.map((l) => `- ${l}`).join('\n'));
  }

  text(): string {
    return `${this.list.join('\n\n')}\n`;
  }
}

const motto = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

/** "Bình Thuận, ngày 05 tháng 4 năm 2022"; a draft leaves the day blank. */
export function placeDate(c: Composer, draft = false): string {
  const { y, m, d } = ymdOf(c.doc.day);
  const day = draft ? '     ' : c.rng.chance(0.7) ? pad(d) : String(d);
  const month = c.rng.chance(0.8) ? String(m) : pad(m);
  return `${c.doc.issuer.place}, ngày ${day} tháng ${month} năm ${y}`;
}

function numberLine(c: Composer): string {
  const { doc } = c;
  if (doc.role === 'draft') return `Số:       ${doc.number}`;
  if (doc.issuer.party) return `Số ${c.rng.chance(0.1) ? doc.number.replace('-', ' -') : doc.number}`;
  return `Số: ${doc.number}`;
}

/** Wrap a subject line once, at a space, as typed in the narrow left column. */
function wrap(text: string, width: number): string {
  if (text.length <= width) return text;
  let cut = text.lastIndexOf(' ', width);
  // a line opening with "- " would read as a list item ("Bộ Lao động\n- Thương binh…")
  while (cut > 20 && text[cut + 1] === '-') cut = text.lastIndexOf(' ', cut - 1);
  return cut > 20 ? `${text.slice(0, cut)}\n${text.slice(cut + 1)}` : text;
}

/**
 * Issuer block, quốc hiệu, number, place and date, and for a letter the "V/v" subject (`vv`);
 * titled documents put their title after this.
 */
export function header(c: Composer, b: Blocks, vv?: string): void {
  const { doc, style, rng } = c;
  const issuer = doc.issuer;
  const md = style.markdown;
  const date = placeDate(c, doc.role === 'draft');
  const subject = vv === undefined ? undefined : wrap(`${rng.weighted([['V/v', 9], ['Vv', 1]] as const)} ${vv}`, 58);
  if (doc.role === 'draft') b.strong(['DỰ THẢO']);
  if (issuer.party) {
    b.strong(issuer.block).add(md ? '\\*' : '*', numberLine(c)).strong(['ĐẢNG CỘNG SẢN VIỆT NAM']).add(md ? `*${date}*` : date);
    if (subject) b.add(subject);
    return;
  }
  if (style.table && issuer.block.length === 1) {
    // the layout scrapers flatten: issuer | quốc hiệu, number | place and date, subject below
    const rows = [
      `| **${issuer.block[0]}** | **${motto[0]}** |`,
      '| --- | --- |',
      `| | **${motto[1]}** |`,
      `| ${numberLine(c)} | *${date}* |`,
      ...(subject ? [`| ${subject.replace(/\n/g, ' ')} | |`] : []),
    ];
    b.add(rows.join('\n'));
    return;
  }
  b.strong(issuer.block).strong(motto);
  if (!md && rng.chance(0.3)) b.add('---------------');
  b.add(numberLine(c));
  const dateFirst = rng.chance(0.5);
  if (dateFirst) b.add(md ? `*${date}*` : date);
  if (subject) b.add(subject);
  if (!dateFirst) b.add(md ? `*${date}*` : date);
}

/** "KẾ HOẠCH" + the subject, as the title of a plan, decision, report, directive. */
export function title(b: Blocks, typeWord: string, text: string, extra: string[] = []): void {
  b.strong([typeWord.toUpperCase(), ...extra]).add(text.charAt(0).toUpperCase() + text.slice(1));
}

/** Who a document is sent to, by issuer kind. */
export function recipients(c: Composer): string[] {
  const { issuer } = c.doc;
  const p = issuer.province >= 0 ? provinces63[issuer.province] : undefined;
  const communes = issuer.district >= 0 && p?.districts[issuer.district].kind === 'quận' ? 'UBND các phường' : 'UBND các xã, thị trấn';
  switch (issuer.kind) {
    case 'ubnd':
      return ['Các sở, ban, ngành', `UBND các huyện, thị xã, thành phố`];
    case 'tu':
      return ['Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc', 'Các ban đảng, ban cán sự đảng, đảng đoàn'];
    case 'dept':
      return c.rng.chance(0.5) ? ['Các phòng chuyên môn, đơn vị thuộc Sở'] : ['Phòng chuyên môn các huyện, thị xã, thành phố', 'Các đơn vị trực thuộc'];
    case 'district':
    case 'hu':
      return [communes, 'Các cơ quan, đơn vị trên địa bàn'];
    case 'ministry':
      return ['Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương'];
    default:
      return ['Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ', 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương'];
  }
}

export function greeting(c: Composer, b: Blocks, to: string[] = recipients(c)): void {
  if (to.length === 1) b.add(`Kính gửi: ${to[0]}.`);
  else b.add(`Kính gửi:\n\n${to.map((t, k) => `- ${t}${k === to.length - 1 ? '.' : ';'}`).join('\n')}`);
}

/** Nơi nhận and the signature (title lines and name); a draft is not signed. */
export function closing(c: Composer, b: Blocks, seed: number): void {
  const { doc, rng, style } = c;
  const issuer = doc.issuer;
  const seat = rng.int(0, issuer.seats.length - 1);
  const signer = doc.role === 'draft' ? null : signerFor(seed, issuer.key, doc.year, seat);
  c.signer = signer;
  const archive = doc.unit ?? (issuer.units[0] || 'VP');
  const receivers = [
    'Như trên',
    ...(issuer.kind === 'district' ? ['TT Huyện ủy, HĐND huyện (b/c)'] : issuer.kind === 'dept' ? ['UBND tỉnh (b/c)', 'Giám đốc, các Phó Giám đốc Sở'] : ['Lãnh đạo Văn phòng']),
    `Lưu: VT, ${archive}.`,
  ];
  const where = style.markdown ? '**Nơi nhận:**' : 'Nơi nhận:';
  const list = `${where}\n\n${receivers.map((r, k) => `- ${r}${k < receivers.length - 1 ? ';' : ''}`).join('\n')}`;
  const signature = new Blocks(style.markdown).strong(issuer.seats[seat]);
  if (signer) {
    if (rng.chance(0.2)) signature.add('(Đã ký)');
    signature.add(style.markdown && rng.chance(0.5) ? `**${signer}**` : signer);
  }
  if (rng.chance(0.8)) b.add(list, ...signature.list);
  else b.add(...signature.list, list);
}
