// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dimensionRows } from '../../../src/sections/agreementSection';
import { formatFixtureError, judgementRows, loadFormatFixtures } from '../../helpers/loadFixture';

describe('HelpSteer2 per-response ratings (disagreements layout)', () => {
  it('reads each attribute as a dimension of 0–4 scores by annotator position', async () => {
    const r = await loadFormatFixtures(['helpsteer2-disagreements.jsonl']);
    expect(r.fileInfos[0].adapter).toBe('helpsteer-ratings');
    const x = r.ratings;
    expect(x.scale).toBe('nominal');
    expect(x.categories).toEqual(['score 0', 'score 1', 'score 2', 'score 3', 'score 4']);
    expect(x.dimensions).toEqual(['helpfulness', 'correctness', 'coherence', 'complexity', 'verbosity']);
    expect(x.n).toBe(5 * 3 + 5 * 2);
    const musical = x.items[1];
    expect(judgementRows(r).filter((row) => row.startsWith(musical) && row.includes('helpfulness'))).toEqual([
      `${musical} | annotator 1 | human | helpfulness | score 1`,
      `${musical} | annotator 2 | human | helpfulness | score 0`,
    ]);
    expect(r.texts.responseA[1]).toBe('C# is a musical note.');
  });

  it('gives per-attribute agreement (interval alpha by hand)', async () => {
    const { ratings } = await loadFormatFixtures(['helpsteer2-disagreements.jsonl']);
    const rows = dimensionRows(ratings, { bootstrap: 0 });
    expect(rows.map((d) => d.dimension)).toEqual([
      'helpfulness',
      'correctness',
      'coherence',
      'complexity',
      'verbosity',
    ]);
    // helpfulness: units {3, 3, 4} and {1, 0}; Do = (4/2 + 2/1) / 5 = 0.8; De = 108 / 20 = 5.4
    expect(rows[0].krippendorff_alpha.interval).toBeCloseTo(1 - 0.8 / 5.4, 12);
    // complexity: {2, 2, 2} and {1, 1}: perfect agreement
    expect(rows[3].krippendorff_alpha.interval).toBeCloseTo(1, 12);
  });

  it('a ratings file without its response field is a near miss naming it', async () => {
    const message = await formatFixtureError(['helpsteer2-ratings-no-response.jsonl']);
    expect(message).toContain('HelpSteer2 ratings file');
    expect(message).toContain('`response`');
  });
});
