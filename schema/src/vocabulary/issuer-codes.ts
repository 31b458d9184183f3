import { z } from 'zod';
import { IssuerLevelSchema, type IssuerLevel } from './issuer-levels.js';

/**
 * Issuer codes as they appear inside số ký hiệu (`TTg` in `1863/QĐ-TTg`, `TU` in `41-KH/TU`).
 * `scope` says whether the code alone fixes the jurisdiction: national codes have none, local
 * codes belong to the citing document's province unless the issuer phrase says otherwise, and
 * `ambiguous` codes (a bare `LĐTBXH` is the Ministry or a provincial department) are decided by
 * the issuer phrase ("của Bộ…" / "của Sở… tỉnh…").
 */
export const IssuerCodeSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  level: IssuerLevelSchema,
  scope: z.enum(['national', 'local', 'ambiguous']),
});
export type IssuerCode = z.infer<typeof IssuerCodeSchema>;

const table: IssuerCode[] = [
  { code: 'TW', name: 'Ban Chấp hành Trung ương Đảng', level: 'party-central', scope: 'national' },
  { code: 'BCT', name: 'Bộ Công Thương', level: 'ministry', scope: 'national' },
  { code: 'TTg', name: 'Thủ tướng Chính phủ', level: 'government', scope: 'national' },
  { code: 'CP', name: 'Chính phủ', level: 'government', scope: 'national' },
  { code: 'VPCP', name: 'Văn phòng Chính phủ', level: 'government', scope: 'national' },
  { code: 'QH', name: 'Quốc hội', level: 'national-assembly', scope: 'national' },
  { code: 'UBTVQH', name: 'Ủy ban Thường vụ Quốc hội', level: 'national-assembly', scope: 'national' },
  { code: 'ĐGS', name: 'Đoàn giám sát của Ủy ban Thường vụ Quốc hội', level: 'national-assembly', scope: 'national' },
  // the National Assembly's council and committees, with their term suffix (`BC-UBPLTP15`): as named from 2025, then before
  { code: 'HĐDT', name: 'Hội đồng Dân tộc', level: 'national-assembly', scope: 'national' },
  { code: 'UBPLTP', name: 'Ủy ban Pháp luật và Tư pháp', level: 'national-assembly', scope: 'national' },
  { code: 'UBKTTC', name: 'Ủy ban Kinh tế và Tài chính', level: 'national-assembly', scope: 'national' },
  { code: 'UBQPANĐN', name: 'Ủy ban Quốc phòng, An ninh và Đối ngoại', level: 'national-assembly', scope: 'national' },
  { code: 'UBVHXH', name: 'Ủy ban Văn hóa và Xã hội', level: 'national-assembly', scope: 'national' },
  { code: 'UBKHCNMT', name: 'Ủy ban Khoa học, Công nghệ và Môi trường', level: 'national-assembly', scope: 'national' },
  { code: 'UBPL', name: 'Ủy ban Pháp luật', level: 'national-assembly', scope: 'national' },
  { code: 'UBTP', name: 'Ủy ban Tư pháp', level: 'national-assembly', scope: 'national' },
  { code: 'UBTCNS', name: 'Ủy ban Tài chính, Ngân sách', level: 'national-assembly', scope: 'national' },
  { code: 'UBQPAN', name: 'Ủy ban Quốc phòng và An ninh', level: 'national-assembly', scope: 'national' },
  { code: 'UBVHGDTTNNĐ', name: 'Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng', level: 'national-assembly', scope: 'national' },
  { code: 'UBVHGD', name: 'Ủy ban Văn hóa, Giáo dục', level: 'national-assembly', scope: 'national' },
  { code: 'UBXH', name: 'Ủy ban Xã hội', level: 'national-assembly', scope: 'national' },
  { code: 'UBĐN', name: 'Ủy ban Đối ngoại', level: 'national-assembly', scope: 'national' },
  { code: 'TCT', name: 'Tổng cục Thuế', level: 'ministry', scope: 'national' },
  { code: 'TCHQ', name: 'Tổng cục Hải quan', level: 'ministry', scope: 'national' },
  { code: 'BHXH', name: 'Bảo hiểm xã hội Việt Nam', level: 'ministry', scope: 'ambiguous' },
  { code: 'NHNN', name: 'Ngân hàng Nhà nước Việt Nam', level: 'ministry', scope: 'national' },
  { code: 'KTNN', name: 'Kiểm toán Nhà nước', level: 'ministry', scope: 'national' },
  { code: 'TANDTC', name: 'Tòa án nhân dân tối cao', level: 'ministry', scope: 'national' },
  { code: 'VKSNDTC', name: 'Viện kiểm sát nhân dân tối cao', level: 'ministry', scope: 'national' },
  { code: 'CTK', name: 'Cục Thống kê', level: 'ministry', scope: 'national' },
  { code: 'UBND', name: 'Ủy ban nhân dân', level: 'province', scope: 'local' },
  { code: 'HĐND', name: 'Hội đồng nhân dân', level: 'province', scope: 'local' },
  { code: 'UB', name: 'Ủy ban nhân dân', level: 'province', scope: 'local' },
  { code: 'TU', name: 'Tỉnh ủy', level: 'province', scope: 'local' },
  { code: 'ThU', name: 'Thành ủy', level: 'province', scope: 'local' },
  { code: 'HU', name: 'Huyện ủy', level: 'district', scope: 'local' },
  { code: 'QU', name: 'Quận ủy', level: 'district', scope: 'local' },
  { code: 'LĐTBXH', name: 'Lao động - Thương binh và Xã hội', level: 'department', scope: 'ambiguous' },
  { code: 'LĐ-TBXH', name: 'Lao động - Thương binh và Xã hội', level: 'department', scope: 'ambiguous' },
  { code: 'SXD', name: 'Sở Xây dựng', level: 'department', scope: 'local' },
  { code: 'STC', name: 'Sở Tài chính', level: 'department', scope: 'local' },
  { code: 'SYT', name: 'Sở Y tế', level: 'department', scope: 'local' },
  { code: 'SGDĐT', name: 'Sở Giáo dục và Đào tạo', level: 'department', scope: 'local' },
  { code: 'SLĐTBXH', name: 'Sở Lao động - Thương binh và Xã hội', level: 'department', scope: 'local' },
  { code: 'STP', name: 'Sở Tư pháp', level: 'department', scope: 'local' },
  { code: 'SNV', name: 'Sở Nội vụ', level: 'department', scope: 'local' },
  { code: 'SKHĐT', name: 'Sở Kế hoạch và Đầu tư', level: 'department', scope: 'local' },
  { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường', level: 'department', scope: 'local' },
  { code: 'SCT', name: 'Sở Công Thương', level: 'department', scope: 'local' },
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', level: 'department', scope: 'local' },
  { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', level: 'department', scope: 'local' },
  { code: 'SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn', level: 'department', scope: 'local' },
  { code: 'SGTVT', name: 'Sở Giao thông vận tải', level: 'department', scope: 'local' },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ', level: 'department', scope: 'local' },
  { code: 'CT', name: 'Cục Thuế', level: 'department', scope: 'local' },
];

export const issuerCodes: readonly IssuerCode[] = z.array(IssuerCodeSchema).parse(table);

const byCode = new Map(issuerCodes.map((c) => [c.code.toUpperCase(), c]));

/** Ministries are `B…` codes (BTC, BLĐTBXH, BGDĐT…); provincial departments are `S…` codes. */
const ministryCode = /^B[A-ZĐ]{1,8}$/;
const departmentCode = /^S[A-ZĐ]{1,8}$/;

/**
 * Steering committees (Ban Chỉ đạo) write `BCĐ…`, which the ministries' `B…` pattern would take for a
 * Bộ. They stay out of the table: their codes carry the number of the decision they are named after
 * (`BCĐ35`, `BCĐ389`, `BCĐQG1237`), and the table lists codes whose trailing digits are a footnote
 * marker. `BCĐQG` (quốc gia, set up by the Prime Minister) and `BCĐTW` (Trung ương, the Party's)
 * are national; a bare `BCĐ…` is a province's (`57/KH-BCĐ`, `80/KH-BCĐBVMT`) as often as the
 * centre's (`12-CTr/BCĐ`), so its issuer phrase decides. Longest prefix first.
 */
const steeringCommittees: readonly IssuerCode[] = z.array(IssuerCodeSchema).parse([
  { code: 'BCĐQG', name: 'Ban Chỉ đạo quốc gia', level: 'government', scope: 'national' },
  { code: 'BCĐTW', name: 'Ban Chỉ đạo Trung ương', level: 'party-central', scope: 'national' },
  { code: 'BCĐ', name: 'Ban Chỉ đạo', level: 'department', scope: 'ambiguous' },
]);

/** What an issuer code (any case, `QH13`/`UBTVQH15` with their term suffix) tells. */
export function issuerByCode(code: string): IssuerCode | undefined {
  const upper = code.toUpperCase().replace(/\d+$/, '');
  const known = byCode.get(upper);
  if (known) return known;
  // a prefix: the programme's letters may follow (`BCĐBVMT`, `BCĐTTN`)
  const committee = steeringCommittees.find((c) => upper.startsWith(c.code));
  if (committee) return { ...committee, code };
  if (ministryCode.test(upper)) return { code, name: `Bộ (${code})`, level: 'ministry', scope: 'national' };
  if (departmentCode.test(upper)) return { code, name: `Sở (${code})`, level: 'department', scope: 'local' };
  return undefined;
}

export function isNationalLevel(level: IssuerLevel | null | undefined): boolean {
  return level === 'party-central' || level === 'national-assembly' || level === 'government' || level === 'ministry';
}
