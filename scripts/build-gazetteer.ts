// Builds schema/src/data/gazetteer.json from the reference files in ../shared/corpus/gazetteer.
// Usage: tsx scripts/build-gazetteer.ts [sourceDir] [outFile]
//
// The output is committed and read at runtime, so the build is strict: any disagreement between
// the source files aborts instead of producing a silently incomplete table.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = resolve(process.argv[2] ?? join(root, '../shared/corpus/gazetteer'));
const outFile = resolve(process.argv[3] ?? join(root, 'schema/src/data/gazetteer.json'));

// The sources mix "Hoà"/"Hòa" and "Thuỷ"/"Thủy" even within one file; we store the traditional
// placement (the one the 915/CTK-CSCL list uses: "Thanh Hóa", "Khánh Hòa") so names compare equal.
// Keep in sync with toneOld() in schema/src/gazetteer.ts.
function toneOld(s: string): string {
  return s
    .normalize('NFD')
    .replace(/(?<![qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu, '$1$3$2')
    .normalize('NFC');
}
const clean = (s: string) => toneOld(s.normalize('NFC').trim().replace(/\s+/g, ' '));

// The 2025-03-01 snapshot already calls unit 46 "Thành phố Huế" (a centrally-run city since
// 2025-01-01), but the documents we ingest and the eval gold use the name it had until then.
const SHORT_NAME_OVERRIDES: Record<string, string> = { '46': 'Thừa Thiên Huế' };

type Kind63 = 'tỉnh' | 'thành phố';
type DistrictKind = 'huyện' | 'quận' | 'thị xã' | 'thành phố';
const DISTRICT_KINDS = new Set<string>(['huyện', 'quận', 'thị xã', 'thành phố']);

function fail(msg: string): never {
  throw new Error(`build-gazetteer: ${msg}`);
}

// Minimal CSV reader: one record per line, optional double-quoted fields (no embedded newlines).
function readCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(join(srcDir, file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const split = (line: string) =>
    [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => m[1]?.replace(/""/g, '"') ?? m[2]);
  const header = split(lines[0]);
  return lines.slice(1).map((line) => {
    const cells = split(line);
    if (cells.length !== header.length) fail(`${file}: bad row ${line}`);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
}

// "Tỉnh Bắc Giang" -> "Bắc Giang"; "Thành Phố Bắc Kạn" (sic, the source capitalises some) -> "Bắc Kạn".
function stripPrefix(full: string, prefixes: string[]): string {
  for (const p of prefixes) {
    if (full.toLowerCase().startsWith(p.toLowerCase() + ' ')) return full.slice(p.length + 1);
  }
  return full;
}

// --- 63 provinces and their level-2 units (the JSON is authoritative, the CSV a cross-check) ---
type SrcL2 = { level2_id: string; name: string; type: string };
type SrcL1 = { level1_id: string; name: string; type: string; level2s: SrcL2[] };
const src = JSON.parse(readFileSync(join(srcDir, 'dvhcvn_63tinh_2025-03-01.json'), 'utf8')) as { data: SrcL1[] };

const provinces63 = src.data
  .map((p) => {
    const fullName = clean(p.name);
    const kind: Kind63 = p.type === 'Tỉnh' ? 'tỉnh' : p.type === 'Thành phố Trung ương' ? 'thành phố' : fail(`type ${p.type}`);
    const districts = p.level2s
      .map((d) => {
        const kind = d.type.toLowerCase();
        if (!DISTRICT_KINDS.has(kind)) fail(`district type ${d.type}`);
        return { code: d.level2_id, name: clean(stripPrefix(d.name.trim(), [d.type])), kind: kind as DistrictKind };
      })
      .sort((a, b) => a.code.localeCompare(b.code));
    const name = SHORT_NAME_OVERRIDES[p.level1_id] ?? stripPrefix(fullName, ['Tỉnh', 'Thành phố']);
    return { code: p.level1_id, name, fullName, kind, districts };
  })
  .sort((a, b) => a.code.localeCompare(b.code));

const csvDistricts = readCsv('districts_63tinh_2025-03-01.csv');
const jsonDistricts = provinces63.flatMap((p) => p.districts.map((d) => `${p.code}/${d.code}/${d.kind}/${d.name}`));
const csvKeys = csvDistricts.map(
  (r) => `${r.level1_id}/${r.level2_id}/${r.district_type.toLowerCase()}/${clean(stripPrefix(r.district_name, [r.district_type]))}`,
);
if (provinces63.length !== 63) fail(`expected 63 provinces, got ${provinces63.length}`);
if (jsonDistricts.length !== 696) fail(`expected 696 level-2 units, got ${jsonDistricts.length}`);
if (jsonDistricts.sort().join('\n') !== csvKeys.sort().join('\n')) fail('district JSON and CSV disagree');

// --- 34 provinces after 2025-07-01 (915/CTK-CSCL omits "Tỉnh", keeps "Thành phố") ---
const provinces34 = readCsv('provinces_34_after_2025-07-01_915_CTK-CSCL.csv')
  .map((r) => {
    const raw = clean(r['Tên 34 tỉnh sau sáp nhập']);
    const city = raw.startsWith('Thành phố ');
    const name = stripPrefix(raw, ['Tỉnh', 'Thành phố']);
    return { code: r['Mã số'], name, fullName: city ? raw : `Tỉnh ${name}`, kind: (city ? 'thành phố' : 'tỉnh') as Kind63 };
  })
  .sort((a, b) => a.code.localeCompare(b.code));
if (provinces34.length !== 34) fail(`expected 34 new provinces, got ${provinces34.length}`);

// --- 63 -> 34, joined on codes; the names in the mapping file are only checked ---
const by63 = new Map(provinces63.map((p) => [p.code, p]));
const by34 = new Map(provinces34.map((p) => [p.code, p]));
const merge63to34: Record<string, string> = {};
const mapping = readCsv('provinces_63_to_34_mapping.csv').sort((a, b) => a.old_level1_id.localeCompare(b.old_level1_id));
for (const r of mapping) {
  const from = by63.get(r.old_level1_id) ?? fail(`mapping: unknown old code ${r.old_level1_id}`);
  const to = by34.get(r.new_level1_id) ?? fail(`mapping: unknown new code ${r.new_level1_id}`);
  if (clean(r.old_name) !== from.fullName) fail(`mapping: ${r.old_name} vs ${from.fullName}`);
  if (stripPrefix(clean(r.new_name), ['Tỉnh', 'Thành phố']) !== to.name) fail(`mapping: ${r.new_name} vs ${to.name}`);
  merge63to34[from.name] = to.name;
}
if (Object.keys(merge63to34).length !== 63) fail('mapping does not cover the 63 provinces');
const targets = new Set(Object.values(merge63to34));
for (const p of provinces34) if (!targets.has(p.name)) fail(`no old province maps to ${p.name}`);

// --- write: one line per province / mapping entry, so diffs stay readable ---
const j = (v: unknown) => JSON.stringify(v);
const out =
  `{"provinces63":[\n${provinces63.map(j).join(',\n')}\n],\n` +
  `"provinces34":[\n${provinces34.map(j).join(',\n')}\n],\n` +
  `"merge63to34":{\n${Object.entries(merge63to34).map(([k, v]) => `${j(k)}:${j(v)}`).join(',\n')}\n}}\n`;
JSON.parse(out); // guard against a formatting slip above
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, out);
console.log(`wrote ${outFile}: ${provinces63.length} provinces, ${jsonDistricts.length} level-2 units, ${provinces34.length} new provinces, ${out.length} chars`);
