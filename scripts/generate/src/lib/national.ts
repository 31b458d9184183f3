import type { Composer } from './forms.js';
import { Blocks, closing, header, title } from './layout.js';
import { assignments, partyIntro, situations, tasks } from './paragraphs.js';
import { typeName } from './registry.js';
import { fill, letter, refsOf, subjectLine, type RenderContext } from './templates.js';

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Chỉ thị, Nghị quyết, Kết luận of the Bộ Chính trị / Ban Bí thư, or a Tỉnh ủy's Chỉ thị. */
export function partyDirective(c: Composer, ctx: RenderContext): string {
  const { doc, rng, style } = c;
  const b = new Blocks(style.markdown);
  header(c, b);
  const by = doc.issuer.kind === 'politburo' ? 'CỦA BỘ CHÍNH TRỊ' : doc.issuer.kind === 'secretariat' ? 'CỦA BAN BÍ THƯ' : `CỦA ${doc.issuer.self.toUpperCase()}`;
  title(b, typeName(doc.typeCode), `về ${c.t(doc.subject.text)}`, [by]);
  const implemented = refsOf(doc, 'IMPLEMENTS')[0];
  if (implemented) b.add(`Thực hiện ${c.cite(implemented.doc, 'IMPLEMENTS')}, ${doc.issuer.self} yêu cầu các cấp ủy, tổ chức đảng tập trung lãnh đạo, chỉ đạo một số nội dung sau:`);
  b.add(...rng.sample(partyIntro, 2).map((t) => c.t(t)));
  if (!implemented) b.add(`Để khắc phục những hạn chế nêu trên, ${doc.issuer.self} yêu cầu các cấp ủy, tổ chức đảng, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tập trung lãnh đạo, chỉ đạo một số nội dung sau:`);
  const items = [...rng.sample(tasks.child, 2), ...rng.sample(tasks[doc.theme], 2)].map((t) => c.t(t));
  b.add([...new Set(items)].map((t, k) => `${k + 1}. ${t}`).join('\n'));
  b.add(`${typeName(doc.typeCode)} này được phổ biến đến chi bộ.`);
  closing(c, b, ctx.seed);
  return b.text();
}

/** Quyết định, Nghị định, Thông tư of the Prime Minister, Government or a ministry. */
export function nationalLegal(c: Composer, ctx: RenderContext): string {
  const { doc, rng, style } = c;
  const b = new Blocks(style.markdown);
  const issuer = doc.issuer;
  header(c, b);
  title(b, typeName(doc.typeCode), subjectLine(c));
  if (doc.typeCode === 'QĐ') b.strong([issuer.kind === 'ministry' ? `BỘ TRƯỞNG ${issuer.name.toUpperCase()}` : 'THỦ TƯỚNG CHÍNH PHỦ']);
  const preamble = ['Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;'];
  for (const r of refsOf(doc, 'BASED_ON')) preamble.push(`Căn cứ ${c.cite(r.doc, 'BASED_ON')};`);
  const proposer = issuer.kind === 'ministry' ? 'Cục trưởng Cục Trẻ em' : 'Bộ trưởng Bộ Lao động - Thương binh và Xã hội';
  if (doc.typeCode === 'QĐ') preamble.push(`${issuer.kind === 'ministry' ? 'Theo' : 'Xét'} đề nghị của ${proposer},`);
  else preamble.push(`Theo đề nghị của ${proposer};`);
  const text = c.t(doc.subject.text);
  if (doc.typeCode === 'NĐ') preamble.push(`Chính phủ ban hành Nghị định ${text}.`);
  if (doc.typeCode === 'TT') preamble.push(`Bộ trưởng ${issuer.name} ban hành Thông tư ${text}.`);
  b.add(preamble.join('\n'));
  if (doc.typeCode === 'QĐ') {
    b.strong(['QUYẾT ĐỊNH:']);
    b.add(`Điều 1. ${capitalize(text)} với những nội dung chủ yếu sau:`);
    b.add('1. Mục tiêu', fill(c, rng.pick(situations[doc.theme])));
    b.add('2. Nhiệm vụ, giải pháp', rng.sample(tasks[doc.theme], 2).map((t) => `- ${c.t(t)}`).join('\n'));
    b.add(`Điều 2. ${capitalize(c.t(rng.pick(assignments)))}`);
    b.add('Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chịu trách nhiệm thi hành Quyết định này./.');
  } else {
    b.strong(['Chương I', 'QUY ĐỊNH CHUNG']);
    b.add(`Điều 1. Phạm vi điều chỉnh\n\n${typeName(doc.typeCode)} này ${text}.`);
    b.add(`Điều 2. Đối tượng áp dụng\n\n${c.t('Cơ quan, tổ chức, cơ sở giáo dục, gia đình, cá nhân có liên quan đến việc bảo vệ, chăm sóc trẻ em.')}`);
    b.strong(['Chương II', 'NỘI DUNG CỤ THỂ']);
    b.add(`Điều 3. Trách nhiệm của các cơ quan, đơn vị\n\n${rng.sample(tasks[doc.theme], 2).map((t) => c.t(t)).join('\n')}`);
    b.add(`Điều 4. Hiệu lực thi hành\n\n${typeName(doc.typeCode)} này có hiệu lực thi hành kể từ ngày ${rng.int(1, 28)} tháng ${rng.int(1, 12)} năm ${doc.year + (rng.chance(0.5) ? 0 : 1)}.`);
  }
  closing(c, b, ctx.seed);
  return b.text();
}

/** Chỉ thị of the Prime Minister: situation, then tasks for ministries and provinces. */
export function nationalDirective(c: Composer, ctx: RenderContext): string {
  const { doc, rng, style } = c;
  const b = new Blocks(style.markdown);
  header(c, b);
  title(b, 'Chỉ thị', `Về ${c.t(doc.subject.text)}`);
  b.add(...rng.sample(situations[doc.theme], 1).map((t) => fill(c, t)), c.t(partyIntro[1]));
  b.add('Để khắc phục tình trạng trên, Thủ tướng Chính phủ yêu cầu:');
  b.add(
    [
      `1. Bộ Lao động - Thương binh và Xã hội: ${c.t(rng.pick(tasks[doc.theme]))}`,
      `2. Bộ Giáo dục và Đào tạo: ${c.t(rng.pick(tasks.child))}`,
      `3. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương: ${c.t(rng.pick(assignments))}`,
    ].join('\n'),
  );
  b.add('Bộ Lao động - Thương binh và Xã hội theo dõi, đôn đốc và định kỳ báo cáo Thủ tướng Chính phủ./.');
  closing(c, b, ctx.seed);
  return b.text();
}

export { letter as nationalLetter };
