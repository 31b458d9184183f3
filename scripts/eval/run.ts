/**
 * `pnpm eval`: precision / recall / F1 of citations (number + year), relation accuracy,
 * assertions and header-field accuracy against the team's gold annotations, on the seeds and on
 * the hand-annotated sample of real documents; then a crash-free pass over every real document
 * with per-folder counts; then a generated corpus (VANBAN_EVAL_DOCS, default 5,000) scored against
 * its own gold. `--verbose` lists every disagreement.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { formatScore, generateCorpus, scoreGenerated } from '@vanban/generate';
import { extractFile } from '@vanban/ingest';
import { f1, headerFields, loadGold, precision, ratio, recall, scoreGold, type Score } from './score.js';

const corpusDir = resolve(process.env.VANBAN_CORPUS ?? new URL('../../../shared/corpus', import.meta.url).pathname);
const verbose = process.argv.includes('--verbose');
const pct = (x: number): string => x.toFixed(3);

function report(title: string, s: Score): void {
  console.log(`\n## ${title}: ${s.files} files, ${s.documents} documents`);
  console.log(`citations (number+year)  P ${pct(precision(s.citations))}  R ${pct(recall(s.citations))}  F1 ${pct(f1(s.citations))}   (tp ${s.citations.tp}, fp ${s.citations.fp}, fn ${s.citations.fn})`);
  console.log(`relation accuracy        ${pct(ratio(s.relations))}   (${s.relations.correct}/${s.relations.total} matched citations)`);
  console.log(`assertions               P ${pct(precision(s.assertions))}  R ${pct(recall(s.assertions))}  F1 ${pct(f1(s.assertions))}   (tp ${s.assertions.tp}, fp ${s.assertions.fp}, fn ${s.assertions.fn})`);
  const header = headerFields.map((f) => `${f} ${s.header[f].correct}/${s.header[f].total}`).join(', ');
  const all = headerFields.reduce((a, f) => ({ correct: a.correct + s.header[f].correct, total: a.total + s.header[f].total }), { correct: 0, total: 0 });
  console.log(`header fields            ${pct(ratio(all))}   (${header})`);
  if (verbose) for (const e of s.errors) console.log(`  - ${e}`);
  else if (s.errors.length) console.log(`  ${s.errors.length} disagreements (--verbose lists them)`);
}

async function crashFreePass(): Promise<void> {
  const realDir = join(corpusDir, 'real');
  console.log(`\n## every file under ${realDir}`);
  console.log('folder                      files  unreadable  documents  citations  messages   ms');
  let total = 0;
  for (const folder of (await readdir(realDir)).sort()) {
    const files = (await readdir(join(realDir, folder))).sort();
    let documents = 0;
    let citations = 0;
    let messages = 0;
    let unreadable = 0;
    const t0 = performance.now();
    for (const name of files) {
      const r = await extractFile(join(realDir, folder, name));
      if (!r.ok) unreadable++;
      documents += r.documents.length;
      citations += r.documents.reduce((n, d) => n + d.citations.length, 0);
      messages += r.messages.length + r.documents.reduce((n, d) => n + d.messages.length, 0);
    }
    total += files.length;
    const ms = performance.now() - t0;
    console.log(`${folder.padEnd(27)} ${String(files.length).padStart(5)}  ${String(unreadable).padStart(10)}  ${String(documents).padStart(9)}  ${String(citations).padStart(9)}  ${String(messages).padStart(8)}  ${ms.toFixed(0).padStart(4)}`);
  }
  console.log(`${total} files, no crash`);
}

/** Recall and precision at scale: a generated corpus against its own gold (target ≥ 0.99). */
async function generatedPass(docs: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-eval-'));
  try {
    await generateCorpus({ docs, outDir: dir, seed: 7 });
    console.log(`\n## generated corpus: ${docs} documents (seed 7) against its gold.jsonl`);
    console.log(formatScore(await scoreGenerated(dir)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`corpus: ${corpusDir}`);
report('seeds (gold/seeds)', await scoreGold(await loadGold('seeds'), corpusDir));
report('real sample (gold/real)', await scoreGold(await loadGold('real'), corpusDir));
await crashFreePass();
await generatedPass(Number(process.env.VANBAN_EVAL_DOCS ?? 5000));
