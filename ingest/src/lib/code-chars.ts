/** Character tests of số ký hiệu scanning, on UTF-16 code units. */

export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** An ASCII letter or Đ/đ: the letters of a code (`QĐ-TTg`). */
export const isCodeLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0x110 || c === 0x111;
