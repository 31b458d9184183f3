import { expect, it } from 'vitest';
import * as ingest from '../src/index.js';

it('exports exactly the pipeline stages and the extract entry points', () => {
  expect(Object.keys(ingest).sort()).toEqual(
    [
      'classifyRelations',
      'decodeSource',
      'extractBytes',
      'extractFile',
      'extractHeader',
      'extractText',
      'findCues',
      'findFullCitations',
      'findReferences',
      'looksLikeMarkdown',
      'normalizeText',
      'resolveWithinDocument',
      'splitDocuments',
      'tagTopics',
      'toPlainText',
    ].sort(),
  );
});
