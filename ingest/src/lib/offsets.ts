/**
 * Offset maps between derived text and the text it came from. `map[i]` is the offset in the
 * source of the character at `i` in the derived text; `map[length]` is the source length.
 * `null` means identity.
 */
export type OffsetMap = Int32Array | null;

/**
 * Maps spans of the plain text back to the decoded source through the two derivations:
 * source -(normalize: NFC clusters, one output char may stand for several)-> normalized
 * -(parse: markdown removed, each char from one char)-> plain.
 */
export class SourceMapper {
  constructor(
    private readonly normalizedToSource: OffsetMap,
    private readonly plainToNormalized: OffsetMap,
  ) {}

  start(plainOffset: number): number {
    const n = this.plainToNormalized ? this.plainToNormalized[plainOffset] : plainOffset;
    return this.normalizedToSource ? this.normalizedToSource[n] : n;
  }

  /** Exclusive end: right after the source characters of the last plain character. */
  end(plainEnd: number, plainStart: number): number {
    if (plainEnd <= plainStart) return this.start(plainStart);
    const last = this.plainToNormalized ? this.plainToNormalized[plainEnd - 1] : plainEnd - 1;
    // The next normalized character starts where the last one's NFC cluster ends.
    return this.normalizedToSource ? this.normalizedToSource[last + 1] : last + 1;
  }
}
