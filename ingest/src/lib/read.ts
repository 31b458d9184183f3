import type { Message } from '@vanban/schema';
import { message } from './messages.js';

export interface DecodedSource {
  /** Decoded text without BOM: the coordinate system of every span Vanban reports. */
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';
  messages: Message[];
  /** False when the bytes are not a text document (binary, empty): nothing to extract. */
  readable: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
// Vietnamese Windows code page, as Word and older systems save "ANSI" text; in the WHATWG encoding
// table, so Node decodes it (tone marks as combining characters, which extraction composes)
// https://encoding.spec.whatwg.org/#names-and-labels
const windows1258 = new TextDecoder('windows-1258');

/**
 * Decode a file's bytes: UTF-8 with or without BOM, UTF-16 with BOM. Text that is not UTF-8 at
 * all (more invalid sequences than valid non-ASCII letters) is read as Windows-1258 and reported;
 * a few invalid sequences in UTF-8 text are decoded with U+FFFD and reported; binary data (NUL
 * bytes without a UTF-16 BOM) is refused with a message.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  const messages: Message[] = [];
  if (bytes.length === 0) {
    return { text: '', encoding: 'utf-8', readable: false, messages: [message('Empty file: nothing to extract', 'read:empty')] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', readable: true, messages };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', readable: true, messages };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) {
    return {
      text: '',
      encoding: 'utf-8',
      readable: false,
      messages: [message('Binary data, not a text document (NUL bytes found); expected UTF-8 or UTF-16 with BOM', 'read:binary', 'error')],
    };
  }
  const text = utf8.decode(body);
  const bad = countReplacement(text);
  if (bad > 0 && bad > countNonAscii(text) - bad) {
    messages.push(message('Not UTF-8: read as Windows-1258 (Vietnamese ANSI); save the file as UTF-8 to be sure of every letter', 'read:windows-1258'));
    return { text: windows1258.decode(body), encoding: 'windows-1258', readable: true, messages };
  }
  if (bad > 0) {
    messages.push(message(`Invalid UTF-8: ${bad} byte sequence(s) replaced with U+FFFD`, 'read:invalid-utf8'));
  }
  return { text, encoding: 'utf-8', readable: true, messages };
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function countReplacement(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) count++;
  return count;
}

function countNonAscii(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) count++;
  return count;
}
