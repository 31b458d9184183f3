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

/** `vanban export`: the whole graph as JSON lines, CSV (edges with both ends) or GraphML (Gephi, yEd). */
export async function runExport(o: { db: string; format?: string; out?: string }): Promise<void> {
  const format = o.format ?? 'jsonl';
  if (!['jsonl', 'csv', 'graphml'].includes(format)) throw new UsageError('--format phải là jsonl, csv hoặc graphml');
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
  try {
    const { documents, edges } = store.exportGraph();
    if (format === 'jsonl') {
      for (const d of documents) await write(`${JSON.stringify({ kind: 'document', ...d })}\n`);
      for (const e of edges) await write(`${JSON.stringify({ kind: 'edge', ...e })}\n`);
    } else if (format === 'csv') {
      const docs = new Map<string, StoredDocument>();
      for (const d of documents) docs.set(d.id, d);
      await write('from_id,from_number,from_year,from_province,relation,to_id,to_number,to_year,to_province,asserted_by,sentence\n');
      for (const e of edges) {
        const a = docs.get(e.from);
        const b = docs.get(e.to);
        await write(`${[e.from, a?.number, a?.year, a?.province, e.relation, e.to, b?.number, b?.year, b?.province, e.assertedBy, e.sentence].map(csv).join(',')}\n`);
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
      }
      let n = 0;
      for (const e of edges) await write(`    <edge id="e${n++}" source="${xml(e.from)}" target="${xml(e.to)}"><data key="relation">${e.relation}</data><data key="sentence">${xml(e.sentence)}</data></edge>\n`);
      await write('  </graph>\n</graphml>\n');
    }
  } finally {
    if (o.out) await new Promise<void>((resolve) => out.end(resolve));
    store.close();
  }
  if (failed) throw failed;
}
