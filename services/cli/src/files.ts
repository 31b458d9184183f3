import { statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

const textFile = /\.(?:md|markdown|txt)$/i;

export interface ExpandedInputs {
  /** the `.md`/`.txt` files to read, folders walked recursively, in name order */
  files: string[];
  /** inputs, or links inside folders, that point at nothing */
  missing: string[];
  /** folders that could not be listed, with the reason */
  unreadable: Array<{ path: string; reason: string }>;
  /** files inside folders left out because they are not `.md`/`.txt` (a `.docx`, a `.pdf`) */
  skipped: string[];
}

/**
 * Expand files and folders into file paths: folders recursively, `.md`/`.txt` only, hidden entries
 * left out, symbolic links followed (each folder walked once, so a link loop ends). A file named
 * directly is read whatever its extension. Nothing is dropped silently: what is left out is listed.
 */
export async function expandInputs(inputs: string[]): Promise<ExpandedInputs> {
  const out: ExpandedInputs = { files: [], missing: [], unreadable: [], skipped: [] };
  const walked = new Set<string>();
  for (const input of inputs) {
    if (input === '-') {
      out.files.push('-');
      continue;
    }
    const info = await stat(input).catch(() => null);
    if (!info) out.missing.push(input);
    else if (info.isDirectory()) await walk(input, out, walked);
    else out.files.push(input);
  }
  return out;
}

/**
 * The paths named on the command line that do not exist ("-", standard input, always does). One
 * that exists but cannot be looked at (no permission) is not counted: reading it says why.
 */
export function nonexistentPaths(paths: readonly string[]): string[] {
  return paths.filter((path) => {
    if (path === '-') return false;
    try {
      statSync(path);
      return false;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'ENOTDIR';
    }
  });
}

async function walk(dir: string, out: ExpandedInputs, walked: Set<string>): Promise<void> {
  const real = await realpath(dir).catch(() => dir);
  if (walked.has(real)) return;
  walked.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    out.unreadable.push({ path: dir, reason: (error as Error).message });
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    // a link is what it points at
    const kind = entry.isSymbolicLink() ? await stat(path).catch(() => null) : entry;
    if (!kind) out.missing.push(path);
    else if (kind.isDirectory()) await walk(path, out, walked);
    else if (!kind.isFile()) continue; // sockets, fifos, devices: not documents
    else if (textFile.test(entry.name)) out.files.push(path);
    else out.skipped.push(path);
  }
}

/** How many of the left-out files a message names. */
export const SKIPPED_EXAMPLES = 5;

/** The line that says which files in the folders were left out (ingest and extract print it). */
export function skippedNote(count: number, examples: readonly string[]): string {
  const more = count > examples.length ? ', …' : '';
  return `Bỏ qua ${count} tệp không phải .md/.txt trong thư mục (${examples.slice(0, SKIPPED_EXAMPLES).join(', ')}${more}): hãy chuyển sang .md hoặc .txt để đọc được.`;
}

export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
