import { Rng } from './random.js';

// Frequencies roughly follow how common the family names are; "Lưu" is kept on purpose (a real
// family name that also opens the "Lưu: VT" archive line of every letter).
const families: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9], ['Phạm', 7], ['Hoàng', 5], ['Huỳnh', 4], ['Phan', 4],
  ['Vũ', 4], ['Võ', 3], ['Đặng', 2], ['Bùi', 2], ['Đỗ', 2], ['Hồ', 2], ['Ngô', 2], ['Dương', 1],
  ['Lý', 1], ['Đào', 1], ['Đoàn', 1], ['Trịnh', 1], ['Trương', 1], ['Lâm', 1], ['Mai', 1],
  ['Hà', 1], ['Cao', 1], ['Tạ', 0.5], ['Lưu', 0.5], ['Kiều', 0.3], ['Châu', 0.3], ['Thái', 0.3],
];
const middlesMale = ['Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Công', 'Đình', 'Xuân', 'Quang', 'Thanh', 'Tiến', 'Ngọc', 'Anh'];
const middlesFemale = ['Thị', 'Thị', 'Thị Thu', 'Thị Hồng', 'Ngọc', 'Thanh', 'Thu', 'Kim', 'Thị Minh', 'Hồng'];
const givenMale = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Lâm', 'Long', 'Minh', 'Nam',
  'Nghĩa', 'Phong', 'Phúc', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Hiếu',
];
const givenFemale = [
  'Anh', 'Châu', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hiền', 'Hoa', 'Hương', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai',
  'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Tâm', 'Thảo', 'Thủy', 'Trang', 'Vân', 'Yến',
];

/** A Vietnamese full name: family, one or two middle names, given name. */
export function personName(rng: Rng): string {
  const family = rng.weighted(families);
  return rng.chance(0.65)
    ? `${family} ${rng.pick(middlesMale)} ${rng.pick(givenMale)}`
    : `${family} ${rng.pick(middlesFemale)} ${rng.pick(givenFemale)}`;
}

/**
 * The same office is signed by the same few people over a term: a name depends on the issuer,
 * the term (five-year window) and the signing seat, not on the document.
 */
export function signerFor(seed: number, issuerKey: string, year: number, seat: number): string {
  const term = Math.floor((year - 2011) / 5);
  return personName(Rng.for(seed, 'signer', issuerKey, term, seat));
}
