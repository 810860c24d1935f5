// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { agreementSection, dimensionRows } from '../../src/report/agreementSection';
import { loadFormatFixtures } from '../helpers/loadFixture';

describe('agreement per dimension', () => {
  it('gives each dimension its own coefficients (hand-computed on the Label Studio choices fixture)', async () => {
    const { ratings } = await loadFormatFixtures(['label-studio-choices.json']);
    const rows = dimensionRows(ratings, { bootstrap: 0 });
    expect(rows.map((r) => r.dimension)).toEqual(['overall', 'helpfulness']);
    // overall: A>> / A>, = / B>, B>> / B>> → 1 of 3 pairs identical
    expect(rows[0].percent_agreement.strict).toBeCloseTo(1 / 3, 12);
    // helpfulness: A> / A>, = / =, B> / B>> → 2 of 3; Fleiss: P̄ = 2/3, Pe = (2² + 2² + 1 + 1) / 6² = 10/36
    expect(rows[1].percent_agreement.strict).toBeCloseTo(2 / 3, 12);
    expect(rows[1].fleiss_kappa).toBeCloseTo((2 / 3 - 10 / 36) / (1 - 10 / 36), 12);
    expect(rows[1].items_pairable).toBe(3);
    // the overall row is the agreement section itself
    expect(rows[0].fleiss_kappa).toBe(agreementSection(ratings, { bootstrap: 0 }).fleiss_kappa);
  });

  it('is empty for one dimension', async () => {
    const { ratings } = await loadFormatFixtures(['label-studio-pairwise.json']);
    expect(dimensionRows(ratings)).toEqual([]);
  });
});
