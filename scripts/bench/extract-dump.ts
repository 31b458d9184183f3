/**
 * `pnpm --silent extract:dump [-- --out FILE] [--generated DIR] [--limit N]`: every document the
 * engine extracts from ../shared/corpus (seeds and real) and, optionally, from the first N files of
 * a generated corpus, one JSON line per file, in a fixed order.
 *
 * For speed work: run it before and after a change (for example in a `git worktree` of the base
 * commit) and compare the two files with `cmp`. A change meant only to be faster must leave them
 * byte-identical; the eval scores only the annotated fields.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractBytes } from '@vanban/ingest';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const corpus = resolve(process.env.VANBAN_CORPUS ?? new URL('../../../shared/corpus', import.meta.url).pathname);
const out = arg('out') ?? 'extract-dump.jsonl';
const generated = arg('generated');
const limit = Number(arg('limit') ?? 4000);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.(md|txt)$/.test(e.name) ? [join(dir, e.name)] : []));
}

const files = [...walk(join(corpus, 'seeds')), ...walk(join(corpus, 'real')), ...(generated ? walk(generated).slice(0, limit) : [])];
const lines = files.map((path) => {
  const r = extractBytes(readFileSync(path), { source: path, markdown: path.endsWith('.md') ? true : undefined });
  return JSON.stringify({ source: path, ok: r.ok, documents: r.documents, messages: r.messages });
});
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${files.length} files, ${lines.reduce((n, l) => n + l.length, 0)} characters of JSON -> ${out}`);
