import { createWriteStream, openSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { StoredDocument } from '@vanban/store';
import { openExisting } from '../open-store.js';
import { UsageError } from '../usage-error.js';

const xml = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const csv = (s: unknown): string => {
  const v = String(s ?? '');
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

const FORMATS = ['jsonl', 'csv', 'graphml'] as const;
const WHATS = ['documents', 'edges'] as const;
const documentColumns = ['id', 'number', 'year', 'date', 'type', 'issuer', 'issuer_level', 'province', 'district', 'subject', 'signer', 'topics', 'draft', 'known', 'source'] as const;
const documentRow = (d: StoredDocument): unknown[] => [d.id, d.number, d.year, d.date, d.type, d.issuer, d.issuerLevel, d.province, d.district, d.subject, d.signer, d.topics.join('; '), d.draft, d.known, d.source];

/** `--format`, `--what`: any case ("CSV"); checked before the database is opened. */
function choice<T extends string>(value: string | undefined, choices: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase() as T;
  if (!choices.includes(v)) throw new UsageError(`${option} phải là ${choices.join(', ').replace(/, ([^,]*)$/, ' hoặc $1')}, nhận được "${value}"`);
  return v;
}

/**
 * `vanban export`: the whole graph as JSON lines, CSV (edges with both ends, or documents) or
 * GraphML (Gephi, yEd). CSV starts with a UTF-8 BOM, without which Excel misreads Vietnamese.
 * How many rows went where is said on stderr.
 */
export async function runExport(o: { db: string; format?: string; out?: string; what?: string }): Promise<void> {
  const format = choice(o.format, FORMATS, '--format') ?? 'jsonl';
  const what = choice(o.what, WHATS, '--what');
  if (format === 'graphml' && what) throw new UsageError('--what không dùng với --format graphml (đồ thị cần cả văn bản và quan hệ)');
  const store = openExisting(o.db);
  let out: Writable;
  try {
    // opened here, so that a path that cannot be written fails now, naming it (exit 1)
    out = o.out ? createWriteStream('', { fd: openSync(o.out, 'w') }) : process.stdout;
  } catch (error) {
    store.close();
    throw error;
  }
  let failed: Error | null = null;
  out.on('error', (error: NodeJS.ErrnoException) => (failed ??= Object.assign(error, { path: error.path ?? o.out })));
  const write = async (s: string): Promise<void> => {
    if (failed) throw failed;
    if (!out.write(s)) await once(out, 'drain'); // rejects if the stream fails meanwhile
  };
  const written = { documents: 0, edges: 0 };
  try {
    const { documents, edges } = store.exportGraph();
    if (format === 'jsonl') {
      if (what !== 'edges') for (const d of documents) (await write(`${JSON.stringify({ kind: 'document', ...d })}\n`), written.documents++);
      if (what !== 'documents') for (const e of edges) (await write(`${JSON.stringify({ kind: 'edge', ...e })}\n`), written.edges++);
    } else if (format === 'csv' && what === 'documents') {
      await write(`\uFEFF${documentColumns.join(',')}\n`);
      for (const d of documents) (await write(`${documentRow(d).map(csv).join(',')}\n`), written.documents++);
    } else if (format === 'csv') {
      const docs = new Map<string, StoredDocument>();
      for (const d of documents) docs.set(d.id, d);
      await write('\uFEFFfrom_id,from_number,from_year,from_province,relation,to_id,to_number,to_year,to_province,asserted_by,sentence\n');
      for (const e of edges) {
        const a = docs.get(e.from);
        const b = docs.get(e.to);
        await write(`${[e.from, a?.number, a?.year, a?.province, e.relation, e.to, b?.number, b?.year, b?.province, e.assertedBy, e.sentence].map(csv).join(',')}\n`);
        written.edges++;
      }
    } else {
      const keys: Array<[string, string, keyof StoredDocument]> = [
        ['number', 'string', 'number'], ['year', 'int', 'year'], ['type', 'string', 'type'], ['issuer', 'string', 'issuer'],
        ['issuerLevel', 'string', 'issuerLevel'], ['province', 'string', 'province'], ['date', 'string', 'date'], ['known', 'boolean', 'known'],
      ];
      await write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n');
      for (const [name, type] of keys) await write(`  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>\n`);
      await write('  <key id="label" for="node" attr.name="label" attr.type="string"/>\n  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>\n  <key id="sentence" for="edge" attr.name="sentence" attr.type="string"/>\n');
      await write('  <graph id="vanban" edgedefault="directed">\n');
      for (const d of documents) {
        const data = keys.filter(([, , k]) => d[k] !== null && d[k] !== undefined).map(([name, , k]) => `<data key="${name}">${xml(d[k])}</data>`).join('');
        await write(`    <node id="${xml(d.id)}"><data key="label">${xml(d.number ?? d.id)}</data>${data}</node>\n`);
        written.documents++;
      }
      let n = 0;
      for (const e of edges) await write(`    <edge id="e${n++}" source="${xml(e.from)}" target="${xml(e.to)}"><data key="relation">${e.relation}</data><data key="sentence">${xml(e.sentence)}</data></edge>\n`);
      written.edges = n;
      await write('  </graph>\n</graphml>\n');
    }
  } finally {
    if (o.out) await new Promise<void>((resolve) => out.end(resolve));
    store.close();
  }
  if (failed) throw failed;
  const counts = [written.documents || what === 'documents' ? `${written.documents} văn bản` : '', written.edges || what === 'edges' ? `${written.edges} quan hệ` : ''].filter(Boolean).join(', ');
  process.stderr.write(`Đã xuất ${counts || 'không có gì'} (${format}) ${o.out ? `vào ${o.out}` : 'ra đầu ra chuẩn'}.\n`);
}
