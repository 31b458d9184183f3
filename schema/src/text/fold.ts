const oldToneO: Record<string, string> = { à: 'òa', á: 'óa', ả: 'ỏa', ã: 'õa', ạ: 'ọa', è: 'òe', é: 'óe', ẻ: 'ỏe', ẽ: 'õe', ẹ: 'ọe' };
const oldToneU: Record<string, string> = { ỳ: 'ùy', ý: 'úy', ỷ: 'ủy', ỹ: 'ũy', ỵ: 'ụy' };

/**
 * Unify old and new tone placement in open syllables (`hoà` -> `hòa`, `uỷ` -> `ủy`) on
 * lower-case NFC text. Length-preserving, so offsets stay valid. `quý` is left alone: there the
 * `u` belongs to the consonant and both styles agree.
 */
export function unifyTonePlacement(lower: string): string {
  return lower
    .replace(/o([àáảãạèéẻẽẹ])(?![\p{L}])/gu, (_, v: string) => oldToneO[v])
    .replace(/(^|[^q])u([ỳýỷỹỵ])(?![\p{L}])/gu, (_, pre: string, v: string) => pre + oldToneU[v]);
}

/**
 * Folding for diacritic-insensitive matching: NFC, lower case, tone and vowel marks removed,
 * đ -> d. Length-preserving on NFC Vietnamese text (each precomposed letter folds to one letter),
 * so offsets into the folded text are offsets into the NFC text.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}
