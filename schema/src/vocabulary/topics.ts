import { z } from 'zod';

/**
 * Topics tag documents. Patterns match the lower-cased NFC text *with* diacritics: "đuối nước"
 * (drowning) must not match "dưới nước" (under water), so no folding here.
 */
export const TopicSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  patterns: z.array(z.string().min(2)).min(1),
});
export type Topic = z.infer<typeof TopicSchema>;

const table: Topic[] = [
  { id: 'duoi-nuoc', label: 'đuối nước', patterns: ['đuối nước'] },
  { id: 'xam-hai-bao-luc', label: 'xâm hại, bạo lực trẻ em', patterns: ['xâm hại', 'bạo lực trẻ em', 'bạo lực, xâm hại', 'bạo lực gia đình'] },
  { id: 'tai-nan-thuong-tich', label: 'tai nạn thương tích', patterns: ['tai nạn thương tích', 'tai nạn, thương tích'] },
  { id: 'lao-dong-tre-em', label: 'lao động trẻ em', patterns: ['lao động trẻ em', 'lạm dụng sức lao động', 'trẻ em lao động'] },
  { id: 'tong-dai-111', label: 'Tổng đài 111', patterns: ['tổng đài 111', 'tổng đài điện thoại quốc gia bảo vệ trẻ em', 'số 111'] },
  { id: 'thang-hanh-dong', label: 'Tháng hành động vì trẻ em', patterns: ['tháng hành động vì trẻ em'] },
  { id: 'bao-ve-tre-em', label: 'bảo vệ, chăm sóc trẻ em', patterns: ['bảo vệ trẻ em', 'chăm sóc trẻ em', 'bảo vệ, chăm sóc'] },
  { id: 'nguoi-co-cong', label: 'người có công', patterns: ['người có công'] },
  { id: 'thue', label: 'thuế', patterns: ['thuế giá trị gia tăng', 'thuế thu nhập', 'thuế gtgt', 'thuế tndn', 'quản lý thuế', 'hóa đơn'] },
  { id: 'bao-hiem-xa-hoi', label: 'bảo hiểm xã hội', patterns: ['bảo hiểm xã hội', 'bảo hiểm y tế', 'bảo hiểm thất nghiệp'] },
  { id: 'dat-dai', label: 'đất đai', patterns: ['đất đai', 'thu hồi đất', 'tái định cư'] },
  { id: 'don-vi-hanh-chinh', label: 'sắp xếp đơn vị hành chính', patterns: ['sắp xếp đơn vị hành chính', 'sắp xếp các đơn vị hành chính', 'đơn vị hành chính cấp xã'] },
];

export const topics: readonly Topic[] = z.array(TopicSchema).parse(table);
