/**
 * `pnpm bench:extract`: extraction speed on the same bytes, printed (no asserts).
 *   floor         one plain regex pass over the parsed text (what any scan costs)
 *   stages        the extraction stages after parsing (split, header, citations, cues and topics, relations)
 *   whole         bytes -> records (decode, normalize, parse, stages)
 * alternating round by round (ratios to the floor: totals, and the median of the rounds' own).
 * The same three on `--threads` worker threads at once (default: one per core, as `vanban ingest`
 * extracts), each thread doing every round: what the machine does, beside what one core does.
 *   remark        remark-parse alone, on the markdown files, alternating round by round with the
 *                 whole path on the same files (the ratio is the median of the rounds' ratios)
 * Then RSS while streaming a large generated corpus file by file (`--stream-mb`, default 500).
 * Input: every file under ../shared/corpus (or VANBAN_CORPUS), repeated to `--mb` (default 40).
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { classifyRelations, extractBytes, extractFile, extractHeader, findReferences, resolveWithinDocument, splitDocuments } from '@vanban/ingest';
import { scanNumbers } from '../../ingest/src/lib/citations.js';
import { cueHits } from '../../ingest/src/lib/relations.js';
import { scanPhrases } from '../../ingest/src/lib/vocabulary.js';
import { markdownPieces } from '../../ingest/src/lib/markdown-chunks.js';
import { prepareFiles, readBenchFiles, stepLabels, stepRounds, steps, type Step } from './extract-rounds.js';
import type { ThreadJob } from './extract-threads-worker.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const corpus = resolve(process.env.VANBAN_CORPUS ?? new URL('../../../shared/corpus', import.meta.url).pathname);
const targetMb = arg('mb', 40);
const streamMb = arg('stream-mb', 500);
const threads = arg('threads', availableParallelism());

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.(md|txt)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const files = readBenchFiles([...walk(join(corpus, 'seeds')), ...walk(join(corpus, 'real'))]);
const baseBytes = files.reduce((n, f) => n + f.bytes.length, 0);
const rounds = Math.max(1, Math.round((targetMb * 1e6) / baseBytes));
const mb = (baseBytes * rounds) / 1e6;
console.log(`input: ${files.length} files from ${corpus}, ${(baseBytes / 1e6).toFixed(2)} MB x ${rounds} rounds = ${mb.toFixed(1)} MB`);

const streamOnly = process.argv.includes('--stream-only');
if (!streamOnly) {
  const prepared = prepareFiles(files);
  const round = stepRounds(files, prepared);

  // The floor, the stages and the whole path alternate round by round, so that a slow spell of this
  // shared machine lands on all three: run one after the other, the stages of one 40 MB run read
  // 38.8 MB/s while the per-stage timings of the same run summed to 68.
  interface Timed {
    label: string;
    seconds: number;
    /** Seconds of each round. */
    rounds: number[];
  }
  function alternate(steps: Array<[label: string, round: () => number]>): Timed[] {
    for (const [, round] of steps) round(); // warm-up round
    const timed = steps.map(([label]): Timed => ({ label, seconds: 0, rounds: [] }));
    for (let r = 0; r < rounds; r++) {
      steps.forEach(([, round], k) => {
        const t0 = performance.now();
        round();
        const seconds = (performance.now() - t0) / 1000;
        timed[k].seconds += seconds;
        timed[k].rounds.push(seconds);
      });
    }
    return timed;
  }

  const [floor, stages, whole] = alternate(steps.map((step) => [stepLabels[step], round[step]]));

  // where the stage time goes, per stage (same texts, one more pass)
  const perStage: Record<string, number> = {};
  const timed = <T>(key: string, fn: () => T): T => {
    const t0 = performance.now();
    const result = fn();
    perStage[key] = (perStage[key] ?? 0) + performance.now() - t0;
    return result;
  };
  for (let r = 0; r < rounds; r++) {
    for (const p of prepared) {
      for (const slice of timed('split', () => splitDocuments(p.plain))) {
        const text = p.plain.slice(slice.start, slice.end);
        timed('header', () => extractHeader(text));
        const numbers = timed('citations (full) and bare serials', () => scanNumbers(text));
        const full = numbers.full;
        const refs = timed('citations (short, anaphoric)', () => findReferences(text, full, numbers.serials));
        const all = [...full, ...refs.linked].sort((a, b) => a.start - b.start);
        timed('resolve', () => resolveWithinDocument(all));
        const phrases = timed('cues and topics (one pass)', () => scanPhrases(text));
        timed('relations', () => classifyRelations(text, all, cueHits(phrases.cues)));
      }
    }
  }

  // the same steps on every core at once, alternating round by round as above: wall time of each
  // round from the message that starts it to the last thread's answer
  const threadedRuns = async (): Promise<Timed[]> => {
    const job: ThreadJob = { paths: files.map((f) => f.path) };
    const workers = Array.from({ length: threads }, () => new Worker(new URL('./extract-threads.mjs', import.meta.url), { workerData: job }));
    // a thread that fails ends the bench instead of leaving it waiting
    const answer = (w: Worker): Promise<void> =>
      new Promise((ok, fail) => {
        const onError = (error: Error): void => fail(error);
        w.once('error', onError);
        w.once('message', () => {
          w.off('error', onError);
          ok();
        });
      });
    const roundOnAll = async (step: Step): Promise<number> => {
      const answers = workers.map(answer);
      const t0 = performance.now();
      for (const w of workers) w.postMessage(step);
      await Promise.all(answers);
      return (performance.now() - t0) / 1000;
    };
    try {
      await Promise.all(workers.map(answer));
      for (const step of steps) await roundOnAll(step); // warm-up round
      const timed = steps.map((step): Timed => ({ label: `${step}, ${threads} threads`, seconds: 0, rounds: [] }));
      for (let r = 0; r < rounds; r++) {
        for (const [k, step] of steps.entries()) {
          const seconds = await roundOnAll(step);
          timed[k].seconds += seconds;
          timed[k].rounds.push(seconds);
        }
      }
      return timed;
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  };
  const onAllCores = await threadedRuns();

  const md = prepared.filter((p) => p.isMarkdown);
  const mdBytes = md.reduce((n, p) => n + Buffer.byteLength(p.source), 0);
  const parser = unified().use(remarkParse);
  const mdFiles = files.filter((f, i) => prepared[i].isMarkdown);
  // remark alone and the whole path alternate round by round, so a burst of load elsewhere on the
  // machine lands on both; the ratio printed is the median of the per-round ratios
  const remarkRound = (): number => md.reduce((n, p) => n + parser.parse(p.normalized).children.length, 0);
  // the whole path hands remark a long file in pieces (one tree alive at a time): remark on those
  // same pieces is the stricter yardstick, as big trees alone cost remark extra collection
  const pieces = md.map((p) => {
    const starts = markdownPieces(p.normalized);
    return starts.map((start, k) => p.normalized.slice(start, starts[k + 1] ?? p.normalized.length));
  });
  const remarkPiecesRound = (): number => pieces.reduce((n, list) => n + list.reduce((m, piece) => m + parser.parse(piece).children.length, 0), 0);
  const wholeRound = (): number => mdFiles.reduce((n, f) => n + extractBytes(f.bytes, { source: f.path, markdown: f.markdown }).documents.length, 0);
  // each timed round ends with a full collection of its own garbage (node --expose-gc), so neither
  // side pays for the other's (without it the side measured second collected the first one's
  // trees); the cost of a collection with no new garbage is measured in the same round and taken
  // off both sides, so the fixed part of a collection does not flatter the ratio
  const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => {});
  remarkRound();
  remarkPiecesRound();
  wholeRound();
  const remarkMs: number[] = [];
  const piecesMs: number[] = [];
  const wholeMs: number[] = [];
  const timedRound = (round: () => number, idle: number): number => {
    const t0 = performance.now();
    round();
    gc();
    return performance.now() - t0 - idle;
  };
  const markdownRounds = Math.max(rounds, 10);
  for (let r = 0; r < markdownRounds; r++) {
    gc();
    const idle = timedRound(() => 0, 0);
    remarkMs.push(timedRound(remarkRound, idle));
    piecesMs.push(timedRound(remarkPiecesRound, idle));
    wholeMs.push(timedRound(wholeRound, idle));
  }
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const remark = { label: 'remark-parse alone (markdown files)', seconds: sum(remarkMs) / 1000 };
  const wholeMd = { label: 'whole path (markdown files)', seconds: sum(wholeMs) / 1000 };
  const roundRatios = remarkMs.map((ms, r) => ms / wholeMs[r]);
  const pieceRatios = piecesMs.map((ms, r) => ms / wholeMs[r]);
  const remarkPieces = { label: 'remark-parse alone, same pieces', seconds: sum(piecesMs) / 1000 };
  const mdMb = (mdBytes * remarkMs.length) / 1e6;

  const rate = (x: { seconds: number }, size = mb): number => size / x.seconds;
  // each round's rate against the floor's in the same round: the median, and the spread
  const ratiosToFloor = (x: Timed): number[] => x.rounds.map((seconds, r) => floor.rounds[r] / seconds);
  console.log(`\nstage (${rounds} rounds, alternating)            MB/s     vs floor   per round: median (range)`);
  console.log(`${floor.label.padEnd(40)} ${rate(floor).toFixed(1).padStart(8)}   1.000      ${(baseBytes / 1e6 / median(floor.rounds)).toFixed(1)} MB/s`);
  for (const x of [stages, whole]) {
    const ratios = ratiosToFloor(x);
    console.log(
      `${x.label.padEnd(40)} ${rate(x).toFixed(1).padStart(8)}   ${(rate(x) / rate(floor)).toFixed(3)}      ${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}), ${(baseBytes / 1e6 / median(x.rounds)).toFixed(1)} MB/s`,
    );
  }
  console.log(`\non ${threads} threads at once (${threads} × ${mb.toFixed(1)} MB)     MB/s     vs floor   per round: median (range)`);
  const [threadedFloor] = onAllCores;
  console.log(`${threadedFloor.label.padEnd(40)} ${rate(threadedFloor, mb * threads).toFixed(1).padStart(8)}   1.000      ${((threads * baseBytes) / 1e6 / median(threadedFloor.rounds)).toFixed(1)} MB/s`);
  for (const x of onAllCores.slice(1)) {
    const ratios = x.rounds.map((seconds, r) => onAllCores[0].rounds[r] / seconds);
    const size = mb * threads;
    console.log(
      `${x.label.padEnd(40)} ${rate(x, size).toFixed(1).padStart(8)}   ${(rate(x, size) / rate(onAllCores[0], size)).toFixed(3)}      ${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}), ${((threads * baseBytes) / 1e6 / median(x.rounds)).toFixed(1)} MB/s`,
    );
  }
  console.log('\nper stage (after parsing)                   MB/s');
  for (const [key, ms] of Object.entries(perStage)) console.log(`  ${key.padEnd(38)} ${(mb / (ms / 1000)).toFixed(1).padStart(8)}`);
  console.log(`\nmarkdown only (${mdMb.toFixed(1)} MB):`);
  console.log(`${remark.label.padEnd(40)} ${rate(remark, mdMb).toFixed(1).padStart(8)}`);
  console.log(`${wholeMd.label.padEnd(40)} ${rate(wholeMd, mdMb).toFixed(1).padStart(8)}   ${((100 * rate(wholeMd, mdMb)) / rate(remark, mdMb)).toFixed(1)} % of remark-parse alone (totals)`);
  const spread = (xs: number[]): string => `median ${(100 * median(xs)).toFixed(1)} %, range ${(100 * Math.min(...xs)).toFixed(1)}–${(100 * Math.max(...xs)).toFixed(1)} %`;
  console.log(`${remarkPieces.label.padEnd(40)} ${rate(remarkPieces, mdMb).toFixed(1).padStart(8)}`);
  console.log(`per round (${remarkMs.length} rounds, alternating, each with its garbage collection), whole path as a share of:`);
  console.log(`  remark-parse on the whole files         ${spread(roundRatios)}`);
  console.log(`  remark-parse on the same pieces         ${spread(pieceRatios)}`);
}

// Streaming: write a large corpus to a temporary folder, then extract it file by file in a fresh
// process, so the peak RSS is the pipeline's own and not this process's prepared inputs.
if (streamMb > 0 && !process.argv.includes('--stream-only')) {
  const { spawnSync } = await import('node:child_process');
  spawnSync(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, '--stream-only', '--stream-mb', String(streamMb)], { stdio: 'inherit' });
}
if (process.argv.includes('--stream-only')) {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-bench-'));
  try {
    let written = 0;
    let k = 0;
    while (written < streamMb * 1e6) {
      const f = files[k % files.length];
      const name = join(dir, `${String(k).padStart(7, '0')}${f.path.endsWith('.md') ? '.md' : '.txt'}`);
      writeFileSync(name, f.bytes);
      written += f.bytes.length;
      k++;
    }
    const names = readdirSync(dir).sort();
    let peak = 0;
    let docs = 0;
    const t0 = performance.now();
    for (const name of names) {
      docs += (await extractFile(join(dir, name))).documents.length;
      peak = Math.max(peak, process.memoryUsage.rss());
    }
    const s = (performance.now() - t0) / 1000;
    const total = names.reduce((n, name) => n + statSync(join(dir, name)).size, 0) / 1e6;
    console.log(`\nstreaming ${total.toFixed(0)} MB in ${names.length} files: ${docs} documents in ${s.toFixed(1)} s (${(total / s).toFixed(1)} MB/s), peak RSS ${(peak / 1e6).toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
