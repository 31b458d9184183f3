import { readFileSync } from 'node:fs';
import { extractText, normalizeText } from '@vanban/ingest';
const src = readFileSync(process.argv[2], 'utf8');
const n = normalizeText(src).text;
console.log(JSON.stringify(n.slice(-200)));
const d = extractText(src, { source: 'x' }).documents[0];
console.log(d.signer, '|', d.signerTitle);
