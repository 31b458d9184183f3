import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Source texts are kept once, compressed: they are read only for snippets and the document view. */
export function deflateText(text: string): Buffer {
  return deflateRawSync(Buffer.from(text, 'utf8'), { level: 9 });
}

export function inflateText(blob: Uint8Array): string {
  return blob.length ? inflateRawSync(blob).toString('utf8') : '';
}
