import { extractFile } from '@vanban/ingest';
const r = await extractFile(process.argv[2]);
for (const d of r.documents) console.log(d.index, d.start, d.end, d.number, JSON.stringify(r.text.slice(d.start, d.start + 80)), d.citations.map((c) => `${c.number}|${c.year}|${c.relation}`).join(' '), d.signer, d.province, d.district, d.issuerLevel, d.topics.join(','));
