import { z } from 'zod';

/**
 * Document types: the code used inside số ký hiệu (`QĐ` in `1863/QĐ-TTg`), the name staff write in
 * text, and the abbreviations seen before a number ("QĐ 1863/QĐ-TTg", "CT số 20-CT/TW").
 * `normative` types carry their year inside the number (`56/2017/NĐ-CP`).
 */
export const DocumentTypeSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  normative: z.boolean(),
});
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

const table: DocumentType[] = [
  { code: 'QĐ', name: 'Quyết định', aliases: ['QĐ', 'Qđ'], normative: false },
  { code: 'CT', name: 'Chỉ thị', aliases: ['CT'], normative: false },
  { code: 'KH', name: 'Kế hoạch', aliases: ['KH'], normative: false },
  { code: 'CV', name: 'Công văn', aliases: ['CV'], normative: false },
  { code: 'NĐ', name: 'Nghị định', aliases: ['NĐ'], normative: true },
  { code: 'NQ', name: 'Nghị quyết', aliases: ['NQ'], normative: false },
  { code: 'NQLT', name: 'Nghị quyết liên tịch', aliases: ['NQLT'], normative: true },
  { code: 'TT', name: 'Thông tư', aliases: ['TT'], normative: true },
  { code: 'TTLT', name: 'Thông tư liên tịch', aliases: ['TTLT'], normative: true },
  { code: 'TTLB', name: 'Thông tư liên bộ', aliases: ['TTLB'], normative: false },
  { code: 'BC', name: 'Báo cáo', aliases: ['BC'], normative: false },
  { code: 'TB', name: 'Thông báo', aliases: ['TB'], normative: false },
  { code: 'HD', name: 'Hướng dẫn', aliases: ['HD'], normative: false },
  { code: 'KL', name: 'Kết luận', aliases: ['KL'], normative: false },
  { code: 'CĐ', name: 'Công điện', aliases: ['CĐ'], normative: false },
  { code: 'VBHN', name: 'Văn bản hợp nhất', aliases: ['VBHN'], normative: false },
  { code: 'TTr', name: 'Tờ trình', aliases: ['TTr'], normative: false },
  { code: 'CTr', name: 'Chương trình', aliases: ['CTr'], normative: false },
  { code: 'QC', name: 'Quy chế', aliases: ['QC'], normative: false },
  { code: 'QyĐ', name: 'Quy định', aliases: ['QyĐ'], normative: false },
  { code: 'ĐA', name: 'Đề án', aliases: ['ĐA'], normative: false },
  { code: 'DA', name: 'Dự án', aliases: [], normative: false },
  { code: 'HĐ', name: 'Hợp đồng', aliases: [], normative: false },
  { code: 'BB', name: 'Biên bản', aliases: [], normative: false },
  { code: 'GM', name: 'Giấy mời', aliases: [], normative: false },
  { code: 'L', name: 'Luật', aliases: [], normative: true },
  { code: 'PL', name: 'Pháp lệnh', aliases: [], normative: true },
  { code: 'HP', name: 'Hiến pháp', aliases: [], normative: true },
];

export const documentTypes: readonly DocumentType[] = z.array(DocumentTypeSchema).parse(table);

const byCode = new Map(documentTypes.map((t) => [t.code.toUpperCase(), t]));
const byName = new Map(documentTypes.map((t) => [t.name.toLowerCase(), t]));

/** Type for a code segment of a number, case-insensitive (`qđ` -> Quyết định). */
export function documentTypeByCode(code: string): DocumentType | undefined {
  return byCode.get(code.toUpperCase());
}

/** Type for a name as written in text ("Quyết định", "QUYẾT ĐỊNH", "quyết_định"). */
export function documentTypeByName(name: string): DocumentType | undefined {
  const key = name.normalize('NFC').replace(/[_\s]+/g, ' ').trim().toLowerCase();
  return byName.get(key) ?? documentTypes.find((t) => t.aliases.some((a) => a.toLowerCase() === key));
}
