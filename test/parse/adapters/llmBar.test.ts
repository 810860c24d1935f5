// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contentId } from '../../../src/parse/adapters/adapter';
import { goldLabels, judgementRows, loadFormatFixtures } from '../../helpers/loadFixture';

const R1 = contentId('List three primary colors.', 'Red, yellow, blue', 'Green is a primary color.');
const R2 = contentId("Give an antonym of 'cold'.", 'chilly', 'hot');
const R3 = contentId("Spell 'cat' backwards.", 'tac', 'act');

describe('LLMBar evaluator result file', () => {
  // r1: label 1, winners 1 / 1; r2: label 2, winners 1 / 2; r3: label 1, an auxiliary stage first, winners 1 / null
  it('reads swap = False as the judge named after the file and swap = True as "(swapped)"; label is gold', async () => {
    const r = await loadFormatFixtures(['llmbar-result.json']);
    expect(r.fileInfos[0].adapter).toBe('llmbar');
    expect(judgementRows(r)).toEqual(
      [
        `${R1} | llmbar-result | ai | overall | A>`,
        `${R1} | llmbar-result (swapped) | ai | overall | A>`,
        `${R2} | llmbar-result | ai | overall | A>`,
        `${R2} | llmbar-result (swapped) | ai | overall | B>`,
        `${R3} | llmbar-result | ai | overall | A>`,
      ].sort(),
    );
    expect(goldLabels(r)).toEqual({ [R1]: 'A>', [R2]: 'B>', [R3]: 'A>' });
    expect(r.issues).toEqual([
      {
        file: 'llmbar-result.json',
        row: 3,
        column: 'results.swap = True',
        message: 'winner null is not 1 or 2; left out',
      },
    ]);
    expect(r.fileStats[0]).toEqual({
      name: 'llmbar-result.json',
      rows: 3,
      judgements: 5,
      dropped: 1,
      judge: 'llmbar-result',
    });
  });
});
