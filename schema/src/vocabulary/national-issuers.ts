import { z } from 'zod';
import { IssuerLevelSchema, type IssuerLevel } from './issuer-levels.js';

/**
 * Issuer phrases that name a national body ("của Bộ Tài chính", "của Thủ tướng Chính phủ"), by the
 * words they start with, and the level of that body. A cited document issued by one has no local
 * jurisdiction whatever its code. Levels are tried in order, so "Bộ Chính trị" is the Party's before
 * "Bộ" is a ministry; a steering committee is national only as "Ban Chỉ đạo (…) quốc gia / Trung ương".
 */
const NationalIssuerSchema = z.object({ level: IssuerLevelSchema, starts: z.array(z.string().min(1)).min(1) });

const table = [
  {
    level: 'party-central',
    starts: ['Bộ Chính trị', 'Ban Bí thư', 'Ban Chấp hành Trung ương', 'Trung ương', 'Ban Chỉ đạo (?:\\d+ )?Trung ương'],
  },
  { level: 'national-assembly', starts: ['Quốc hội', 'Ủy ban Thường vụ Quốc hội', 'Uỷ ban Thường vụ Quốc hội'] },
  { level: 'government', starts: ['Chính phủ', 'Thủ tướng', 'Văn phòng Chính phủ', 'Ban Chỉ đạo (?:\\d+ )?[Qq]uốc gia'] },
  {
    level: 'ministry',
    starts: [
      'Bộ',
      'Tổng cục',
      'Bảo hiểm xã hội Việt Nam',
      'Ngân hàng Nhà nước',
      'Kiểm toán Nhà nước',
      'Tòa án nhân dân tối cao',
      'Viện kiểm sát nhân dân tối cao',
      'liên Bộ',
      'Liên Bộ',
    ],
  },
];

const nationalIssuers = z
  .array(NationalIssuerSchema)
  .parse(table)
  .map(({ level, starts }) => ({ level, pattern: new RegExp(`^(?:${starts.join('|')})`, 'u') }));

/** The level of the national body an issuer phrase starts with ("Bộ Y tế" -> 'ministry'), if it names one. */
export function nationalLevelOfIssuerPhrase(phrase: string): IssuerLevel | undefined {
  return nationalIssuers.find((n) => n.pattern.test(phrase))?.level;
}
