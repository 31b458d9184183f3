import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerFields, loadGold, precision, ratio, recall, scoreGold } from './score.js';

const corpusDir = resolve(new URL('../../../shared/corpus', import.meta.url).pathname);

/** Quality targets of the extraction issue, measured against the team's gold annotations. */
describe.skipIf(!existsSync(corpusDir))('extraction quality against gold (../shared/corpus)', () => {
  it('seeds: citations P and R ≥ 0.98, relation accuracy ≥ 0.9, header fields ≥ 0.9', async () => {
    const s = await scoreGold(await loadGold('seeds'), corpusDir);
    expect(s.documents).toBe(6);
    expect(precision(s.citations)).toBeGreaterThanOrEqual(0.98);
    expect(recall(s.citations)).toBeGreaterThanOrEqual(0.98);
    expect(ratio(s.relations)).toBeGreaterThanOrEqual(0.9);
    const header = headerFields.reduce((a, f) => ({ correct: a.correct + s.header[f].correct, total: a.total + s.header[f].total }), { correct: 0, total: 0 });
    expect(ratio(header)).toBeGreaterThanOrEqual(0.9);
  });

  it('hand-annotated real sample (≥ 30 files): citations P and R ≥ 0.95; relations and assertions no worse than measured', async () => {
    const s = await scoreGold(await loadGold('real'), corpusDir);
    expect(s.files).toBeGreaterThanOrEqual(30);
    expect(precision(s.citations)).toBeGreaterThanOrEqual(0.95);
    expect(recall(s.citations)).toBeGreaterThanOrEqual(0.95);
    // no target in the issue: floors a little under the figures of 2026-12-03, fourth session
    // (relations 0.981, assertions P 0.974 R 0.927), so a change that loses what the relation rules
    // gained fails here
    expect(ratio(s.relations)).toBeGreaterThanOrEqual(0.97);
    expect(precision(s.assertions)).toBeGreaterThanOrEqual(0.95);
    expect(recall(s.assertions)).toBeGreaterThanOrEqual(0.9);
  });
});
