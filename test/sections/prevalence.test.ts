// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { agreementSection } from '../../src/sections/agreementSection';
import { prevalenceSentence } from '../../src/views/prevalenceNote';
import { textFile } from '../helpers/loadText';

/** Two annotators on n pairs: `same` pairs both A>, one pair A> / B>, and `balanced` pairs split A> A> / B> B>. */
function csv(same: number, balancedPairs: number): string {
  const rows = ['example_id,annotator_id,label'];
  let i = 0;
  for (let k = 0; k < same; k++, i++) rows.push(`p${i},x,A>`, `p${i},y,A>`);
  rows.push(`p${i},x,A>`, `p${i},y,B>`);
  i++;
  for (let k = 0; k < balancedPairs; k++, i++) rows.push(`p${i},x,B>`, `p${i},y,B>`);
  return rows.join('\n');
}

describe('prevalence note', () => {
  it('flags high percent agreement with a collapsed kappa when one label dominates (hand-computed)', async () => {
    // 9 pairs A>/A>, 1 pair A>/B>: percent agreement 0.9; π(A>) = 19/20, π(B>) = 1/20;
    // chance agreement of Fleiss' kappa 0.95² + 0.05² = 0.905, kappa = (0.9 − 0.905) / 0.095 = −0.0526
    const { ratings } = await loadFiles([textFile('skewed.csv', csv(9, 0))]);
    const a = agreementSection(ratings, { bootstrap: 0 });
    expect(a.percent_agreement.strict).toBeCloseTo(0.9, 12);
    expect(a.fleiss_kappa).toBeCloseTo(-0.005 / 0.095, 12);
    expect(a.prevalence).not.toBeNull();
    const p = a.prevalence!;
    expect(p.percent_agreement).toBeCloseTo(0.9, 12);
    expect(p.label_shares['A>']).toBeCloseTo(0.95, 12);
    expect(p.label_shares['B>']).toBeCloseTo(0.05, 12);
    expect(p.gwet_ac1).toBe(a.gwet_ac1);
    expect(p.coefficient).toBe(Math.min(a.fleiss_kappa!, a.krippendorff_alpha.nominal!));
    expect(prevalenceSentence(p)).toMatch(
      /^Percent agreement is 0\.900 but .* only -0\.0\d+: A> holds 95\.0% of the labels/,
    );
  });

  it('says nothing when the labels are balanced: 5 A>/A>, 1 A>/B>, 4 B>/B> keeps kappa near percent agreement', async () => {
    // percent agreement 0.9; π(A>) = 11/20, π(B>) = 9/20: chance 0.505, kappa = 0.395 / 0.495 = 0.798 (gap 0.10)
    const { ratings } = await loadFiles([textFile('balanced.csv', csv(5, 4))]);
    const a = agreementSection(ratings, { bootstrap: 0 });
    expect(a.fleiss_kappa).toBeCloseTo(0.395 / 0.495, 12);
    expect(a.prevalence).toBeNull();
  });
});
