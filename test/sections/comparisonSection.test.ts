import { describe, expect, it } from 'vitest';
import { comparisonSection, differenceVerdict, NotComparable } from '../../src/sections/comparisonSection';
import { loadFiles } from '../../src/parse/loadFiles';
import { textFile } from '../helpers/loadText';

const loadText = (text: string, name: string) => loadFiles([textFile(name, text)]);

const row = (delta: number | null, ci: [number, number] | null, pHolm: number | null) => ({
  id: 'fleiss_kappa',
  name: "Fleiss' kappa",
  a: 0.5,
  b: delta === null ? null : 0.5 + delta,
  delta,
  ci95: ci,
  p: pHolm,
  p_holm: pHolm,
});

describe('differenceVerdict', () => {
  it('never says a change is beyond the noise that its corrected p does not support, and says why', () => {
    expect(differenceVerdict(row(-0.08, [-0.13, -0.03], 0.001), false, 12)).toBe(
      "Fleiss' kappa fell by 0.08 [-0.13, -0.03]: the change is larger than the noise (Holm-adjusted p = 0.0010, 12 rows compared)",
    );
    // the interval leaves out 0, the correction over 12 rows does not: both said
    expect(differenceVerdict(row(0.05, [0.01, 0.09], 0.2), false, 12)).toBe(
      "Fleiss' kappa rose by 0.05 [0.01, 0.09]: the interval leaves out 0, but not once corrected for the 12 rows compared (Holm-adjusted p = 0.20): within the noise",
    );
    expect(differenceVerdict(row(0.01, [-0.02, 0.04], 1), false, 12)).toBe(
      "Fleiss' kappa rose by 0.01 [-0.02, 0.04]: within the noise",
    );
    expect(differenceVerdict(row(0.2, [0.1, 0.3], 1e-9), false, 3)).toMatch(/Holm-adjusted p < 0\.0001, 3 rows/);
    expect(differenceVerdict({ ...row(0.1, null, null), name: 'Share of A>' }, true, 3)).toBe(
      'Share of A> rose by 10.0 points: no interval (the bootstrap is off or undefined)',
    );
    expect(differenceVerdict(row(null, null, null), false, 3)).toBe("Fleiss' kappa: not defined in run B");
    expect(differenceVerdict({ ...row(null, null, null), a: null }, false, 3)).toBe(
      "Fleiss' kappa: not defined in either run",
    );
  });
});

describe('comparisonSection', () => {
  const csv = (labels: string) =>
    `item,annotator,label\n${[...labels].flatMap((l, i) => [`p${i},x,${l}`, `p${i},y,${l}`, `p${i},z,A`]).join('\n')}\n`;

  it('of a run against itself: every difference 0, nothing changed, no flip, every annotator in both', async () => {
    const run = (await loadText(csv('ABABBAAB'), 'a.csv')).ratings;
    const c = comparisonSection(
      { ratings: run, annotators: [] },
      { ratings: run, annotators: [] },
      { bootstrap: 100, seed: 3 },
    );
    expect(c.items).toEqual({ shared: 8, a_only: 0, b_only: 0 });
    // no annotator rows were given: the share flagged is not defined
    expect(c.rows.find((r) => r.id === 'annotators.flagged_share')?.verdict).toMatch(/not defined in either run$/);
    for (const r of c.rows.filter((x) => x.id !== 'annotators.flagged_share')) {
      expect(r.delta, r.id).toBe(0);
      expect(r.ci95, r.id).toEqual([0, 0]);
      expect(r.changed, r.id).toBe(false);
      expect(r.verdict, r.id).toMatch(
        /did not move \[0\.00, 0\.00\]: within the noise$|did not move \[0\.0, 0\.0\]: within the noise$/,
      );
    }
    expect(c.flips).toEqual({ compared: 8, flipped: 0, items: [] });
  });

  it('refuses runs read on different scales, naming both', async () => {
    const three = (await loadText(csv('ABAB'), 'a.csv')).ratings;
    const five = (await loadText('item,annotator,label\np1,x,A>>B\np1,y,A>B\np2,x,B>>A\np2,y,tie\n', 'b.csv')).ratings;
    expect(() => comparisonSection({ ratings: three, annotators: [] }, { ratings: five, annotators: [] })).toThrow(
      NotComparable,
    );
    expect(() => comparisonSection({ ratings: three, annotators: [] }, { ratings: five, annotators: [] })).toThrow(
      /different scales \(A: binary, .*; B: 5-point/,
    );
  });
});
