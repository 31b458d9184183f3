import { applyFileNoise, Composer, type FileStyle, type MentionRecord } from './forms.js';
import { goldDocument, pathFor, type GoldDocument } from './gold.js';
import { nationalDirective, nationalLegal, nationalLetter, partyDirective } from './national.js';
import { Rng } from './random.js';
import type { DocMeta } from './registry.js';
import { coverLetter, decision, letter, plan, report, type RenderContext } from './templates.js';

export interface RenderedFile {
  path: string;
  text: string;
  gold: GoldDocument[];
  /** The citations written in each document, for the audit. */
  mentions: MentionRecord[][];
}

/** Format and file-level noise of a file: 2/3 markdown, a few NFD, Ð or word-segmented files. */
export function chooseStyle(rng: Rng): FileStyle {
  const markdown = rng.chance(2 / 3);
  const segmented = !markdown && rng.chance(0.15);
  return {
    markdown,
    table: markdown && rng.chance(0.2),
    segmented,
    nfd: !segmented && rng.chance(0.04),
    eth: rng.weighted([['none', 92], ['all', 3], ['some', 5]] as const),
  };
}

function body(c: Composer, ctx: RenderContext, next?: DocMeta): string {
  const { doc } = c;
  const kind = doc.issuer.kind;
  if (doc.role === 'cover' && next) return coverLetter(c, ctx, next);
  if (doc.issuer.party && doc.typeCode !== 'KH' && doc.typeCode !== 'CV') return partyDirective(c, ctx);
  if (doc.role === 'national') {
    if (doc.typeCode === 'CT') return nationalDirective(c, ctx);
    if (doc.typeCode === 'CV') return nationalLetter(c, ctx);
    return nationalLegal(c, ctx);
  }
  if (doc.role === 'report') return report(c, ctx);
  if (doc.role === 'decision' && kind === 'ubnd') return decision(c, ctx);
  if (doc.typeCode === 'KH') return plan(c, ctx);
  return letter(c, ctx);
}

/** The text of one file (one document, or a cover letter and its draft) and its gold lines. */
export function renderFile(docs: DocMeta[], fileIndex: number, ctx: RenderContext, takenPaths: Set<string>): RenderedFile {
  const style = chooseStyle(Rng.for(ctx.seed, 'style', fileIndex));
  const first = pathFor(docs[0], style.markdown);
  let path = first;
  // identities are unique, their slugs almost always (`HĐ` and `HD` fold alike)
  for (let n = 2; takenPaths.has(path); n++) path = first.replace(/\.(md|txt)$/, `-${n}.$1`);
  takenPaths.add(path);
  const parts: string[] = [];
  const gold: GoldDocument[] = [];
  const mentions: MentionRecord[][] = [];
  docs.forEach((doc, index) => {
    const c = new Composer(Rng.for(ctx.seed, 'text', doc.idx), style, doc);
    const text = body(c, ctx, docs[index + 1]);
    parts.push(text);
    gold.push(goldDocument(doc, c, path, index, c.signer));
    mentions.push(c.mentions);
  });
  const noise = Rng.for(ctx.seed, 'noise', fileIndex);
  return { path, text: applyFileNoise(parts.join('\n\n'), style, noise), gold, mentions };
}
