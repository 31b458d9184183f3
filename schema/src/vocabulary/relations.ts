import { z } from 'zod';

export const RelationTypeSchema = z.enum([
  'IMPLEMENTS',
  'BASED_ON',
  'GUIDES',
  'AMENDS',
  'REPLACES',
  'REPORTS_ON',
  'RESPONDS_TO',
  'CITES',
]);
export type RelationType = z.infer<typeof RelationTypeSchema>;

/** When one document relates to another in several ways, the strongest one names the edge. */
export const relationStrength: readonly RelationType[] = RelationTypeSchema.options;

export function strongerRelation(a: RelationType, b: RelationType): RelationType {
  return relationStrength.indexOf(a) <= relationStrength.indexOf(b) ? a : b;
}

/**
 * Cue phrases (lower case, NFC, single spaces) that govern the citations after them in the
 * same clause. The nearest cue before a citation wins; a `CITES` cue stops an earlier cue from
 * reaching past it ("Xét đề nghị … tại Tờ trình số …" is not what "Căn cứ" governs).
 * `adjacent` cues only count right before the document type word ("theo Quyết định số…",
 * never "theo quy định"). `passive` cues point the other way: in "Nghị định A … được sửa đổi, bổ
 * sung bởi Nghị định B" it is B that amends A. `inert` phrases hold a cue word but are no cue and
 * are matched only so that the cue inside them is not: "ban hành kèm theo Quyết định số…" (the
 * attachment, not a basis), "Luật sửa đổi, bổ sung…" (the name of another, unnumbered document,
 * not this one amending anything), "cấp sửa đổi Giấy phép" (an amended licence). `provision` cues
 * say where a rule is written ("… theo quy định tại Nghị định số …"): a mention, unless a basis
 * clause holds them ("Căn cứ nội dung chi quy định tại Thông tư số …") or one opens the sentence
 * with "Theo" ("Theo quy định tại Luật …, Nghị định số …, việc lập kế hoạch …").
 */
export const RelationCueSchema = z.object({
  phrase: z.string().min(2),
  relation: RelationTypeSchema,
  adjacent: z.boolean().default(false),
  passive: z.boolean().default(false),
  inert: z.boolean().default(false),
  provision: z.boolean().default(false),
});
export type RelationCue = z.infer<typeof RelationCueSchema>;

const table: z.input<typeof RelationCueSchema>[] = [
  { phrase: 'thực hiện', relation: 'IMPLEMENTS' },
  { phrase: 'triển khai thực hiện', relation: 'IMPLEMENTS' },
  { phrase: 'tổ chức thực hiện', relation: 'IMPLEMENTS' },
  { phrase: 'tổ chức triển khai thực hiện', relation: 'IMPLEMENTS' },
  { phrase: 'tiếp tục thực hiện', relation: 'IMPLEMENTS' },
  { phrase: 'chỉ đạo thực hiện', relation: 'IMPLEMENTS' },
  { phrase: 'triển khai', relation: 'IMPLEMENTS' },
  { phrase: 'quán triệt', relation: 'IMPLEMENTS' },
  { phrase: 'cụ thể hóa', relation: 'IMPLEMENTS' },
  { phrase: 'thi hành', relation: 'IMPLEMENTS', adjacent: true },
  { phrase: 'căn cứ', relation: 'BASED_ON' },
  { phrase: 'trên cơ sở', relation: 'BASED_ON' },
  { phrase: 'theo', relation: 'BASED_ON', adjacent: true },
  { phrase: 'hướng dẫn thi hành', relation: 'GUIDES' },
  { phrase: 'hướng dẫn thực hiện', relation: 'GUIDES' },
  { phrase: 'hướng dẫn', relation: 'GUIDES', adjacent: true },
  { phrase: 'quy định chi tiết', relation: 'GUIDES' },
  { phrase: 'sửa đổi', relation: 'AMENDS' },
  { phrase: 'bổ sung', relation: 'AMENDS', adjacent: true },
  { phrase: 'thay thế', relation: 'REPLACES' },
  { phrase: 'bãi bỏ', relation: 'REPLACES' },
  { phrase: 'hết hiệu lực', relation: 'REPLACES' },
  { phrase: 'báo cáo kết quả thực hiện', relation: 'REPORTS_ON' },
  { phrase: 'báo cáo tình hình thực hiện', relation: 'REPORTS_ON' },
  { phrase: 'sơ kết', relation: 'REPORTS_ON' },
  { phrase: 'tổng kết', relation: 'REPORTS_ON' },
  { phrase: 'phúc đáp', relation: 'RESPONDS_TO' },
  { phrase: 'trả lời', relation: 'RESPONDS_TO' },
  { phrase: 'được sửa đổi, bổ sung bởi', relation: 'AMENDS', passive: true },
  { phrase: 'được sửa đổi, bổ sung tại', relation: 'AMENDS', passive: true },
  { phrase: 'được sửa đổi bởi', relation: 'AMENDS', passive: true },
  { phrase: 'được bổ sung bởi', relation: 'AMENDS', passive: true },
  { phrase: 'được thay thế bởi', relation: 'REPLACES', passive: true },
  { phrase: 'được thay thế bằng', relation: 'REPLACES', passive: true },
  { phrase: 'được hướng dẫn bởi', relation: 'GUIDES', passive: true },
  { phrase: 'được hướng dẫn tại', relation: 'GUIDES', passive: true },
  { phrase: 'xét đề nghị', relation: 'CITES' },
  { phrase: 'theo đề nghị', relation: 'CITES' },
  { phrase: 'đề nghị của', relation: 'CITES' },
  { phrase: 'tham khảo', relation: 'CITES' },
  // proposals and submissions are what the text considered, not its basis
  { phrase: 'theo đề xuất', relation: 'CITES' },
  { phrase: 'đề xuất của', relation: 'CITES' },
  { phrase: 'xét', relation: 'CITES', adjacent: true },
  // "đã hướng dẫn tại Công văn số…": the cited letter is the one that guides
  { phrase: 'hướng dẫn tại', relation: 'CITES' },
  { phrase: 'căn cứ hướng dẫn tại', relation: 'BASED_ON' },
  { phrase: 'thực hiện theo hướng dẫn tại', relation: 'IMPLEMENTS' },
  { phrase: 'theo tinh thần', relation: 'BASED_ON' },
  { phrase: 'theo đúng tinh thần', relation: 'BASED_ON' },
  // "Căn cứ các quy định nêu trên, Tổng cục Thuế đồng ý với … Công văn số …": the basis is the text
  // quoted above; what follows the comma is the answer, which only mentions what it names
  ...['', 'các ', 'những '].flatMap((det) =>
    ['quy định', 'hướng dẫn', 'nội dung', 'quy định và hướng dẫn'].flatMap((what) =>
      ['trên', 'nêu trên', 'đã nêu trên'].map((where) => ({ phrase: `căn cứ ${det}${what} ${where}`, relation: 'CITES' as const })),
    ),
  ),
  { phrase: 'quy định tại', relation: 'CITES', provision: true },
  { phrase: 'theo quy định tại', relation: 'CITES', provision: true },
  { phrase: 'theo đúng quy định tại', relation: 'CITES', provision: true },
  { phrase: 'kèm theo', relation: 'CITES', inert: true },
  { phrase: 'cấp sửa đổi', relation: 'CITES', inert: true },
  ...['luật', 'pháp lệnh', 'nghị định', 'nghị quyết', 'thông tư', 'thông tư liên tịch', 'quyết định'].flatMap((type) =>
    ['sửa đổi', 'thay thế'].map((verb) => ({ phrase: `${type} ${verb}`, relation: 'CITES' as const, inert: true })),
  ),
];

export const relationCues: readonly RelationCue[] = z.array(RelationCueSchema).parse(table);
