// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { krippendorffAlpha } from '../../src/core/krippendorffAlpha';
import { itemCounts } from '../../src/core/itemCounts';
import { countTable } from '../../src/core/countTable';
import { closeTo } from '../helpers/closeTo';
import { ratingsFromRaw, ratingsFromReliability, ratingsFromTriples } from '../helpers/buildRatings';
import {
  ABCDE,
  CONT3X3,
  CROWDKIT_TOY,
  DISTRIB_6RATERS,
  HK2007_FIRST_CODER,
  K2011_A,
  K2011_B,
  PYIRR_3DP,
  RAW_5OBSERVERS,
  RAW_BEN_GERRY,
  RAW_G1G2,
  RAW_GENDER,
  WIKI_3X15,
  WIKI_VALUE_COUNTS,
  hayesKrippendorff2007,
  tableToCounts,
  DP3,
} from './referenceVectors';

const fromMatrix = (data: (number | string | null)[][], categories?: (number | string)[]) =>
  itemCounts(ratingsFromReliability(data, { categories }));

describe('krippendorffAlpha', () => {
  for (const [name, data] of [
    ['A (unit 12 under coder B)', K2011_A],
    ['B (unit 12 under coder C)', K2011_B],
  ] as const) {
    it(`krippendorffAlpha(counts, {level}) matches Krippendorff (2011), variant ${name}`, () => {
      const t = fromMatrix(data);
      closeTo(krippendorffAlpha(t, { level: 'nominal' }).value, 0.7434210526, 1e-9);
      closeTo(krippendorffAlpha(t, { level: 'ordinal' }).value, 0.8153875038, 1e-9);
      closeTo(krippendorffAlpha(t, { level: 'interval' }).value, 0.8491071429, 1e-9);
      closeTo(krippendorffAlpha(t, { level: 'ratio', values: [1, 2, 3, 4, 5] }).value, 0.7974027747, 1e-9);
      // published, 3 dp (Krippendorff 2011; FK doctests) and NLTK test_advanced (7 dp)
      closeTo(krippendorffAlpha(t, { level: 'nominal' }).value, 0.743421052632, 1e-7);
      closeTo(krippendorffAlpha(t, { level: 'ordinal' }).value, 0.815, DP3);
      closeTo(krippendorffAlpha(t, { level: 'interval' }).value, 0.849, DP3);
    });
  }

  it('krippendorffAlpha(counts) reproduces the Krippendorff (2011) intermediates', () => {
    const nominal = krippendorffAlpha(fromMatrix(K2011_A), { level: 'nominal' });
    expect(nominal.n).toBe(40);
    expect(nominal.nItems).toBe(11);
    const nc = [0, 1, 2, 3, 4].map((c) => [0, 1, 2, 3, 4].reduce((s, k) => s + nominal.coincidence[c * 5 + k], 0));
    nc.forEach((v, c) => closeTo(v, [9, 13, 10, 5, 3][c], 1e-12));
    closeTo(nominal.Do, 0.2, 1e-10);
    closeTo(nominal.De, 0.7794871795, 1e-10);
    const interval = krippendorffAlpha(fromMatrix(K2011_A), { level: 'interval' });
    closeTo(interval.Do, 0.4333333333, 1e-10);
    closeTo(interval.De, 2.8717948718, 1e-10);
  });

  it('krippendorffAlpha(counts, {level: "ordinal"}) on string values in domain order matches the FK doctest', () => {
    const names = ['very low', 'low', 'mid', 'high', 'very high'];
    const data = K2011_A.map((row) => row.map((v) => (v === null ? null : names[v - 1])));
    closeTo(krippendorffAlpha(fromMatrix(data, names), { level: 'ordinal' }).value, 0.815, DP3);
    closeTo(krippendorffAlpha(fromMatrix(data), { level: 'nominal' }).value, 0.743, DP3);
  });

  it('krippendorffAlpha(counts, {level}) matches the Wikipedia 3×15 example (FK doctest)', () => {
    const t = fromMatrix(WIKI_3X15);
    closeTo(krippendorffAlpha(t, { level: 'nominal' }).value, 0.691358, 1e-6);
    closeTo(krippendorffAlpha(t, { level: 'interval' }).value, 0.810845, 1e-6);
    closeTo(krippendorffAlpha(t, { level: 'nominal' }).value, 0.6913580247, 1e-9);
    closeTo(krippendorffAlpha(t, { level: 'ordinal' }).value, 0.8067214199, 1e-9);
    closeTo(krippendorffAlpha(t, { level: 'interval' }).value, 0.8108448928, 1e-9);
    closeTo(krippendorffAlpha(t, { level: 'ratio', values: [1, 2, 3, 4] }).value, 0.8089436708, 1e-9);
    closeTo(krippendorffAlpha(countTable(WIKI_VALUE_COUNTS), { level: 'nominal' }).value, 0.691358, 1e-6);
  });

  it('krippendorffAlpha(counts) matches the NLTK unit tests', () => {
    const easy: [string, string, string][] = [
      ['dress1', 'coder1', 'YES'],
      ['dress1', 'coder2', 'NO'],
      ['dress1', 'coder3', 'NO'],
      ['dress2', 'coder1', 'YES'],
      ['dress2', 'coder2', 'NO'],
      ['dress3', 'coder3', 'NO'],
    ];
    closeTo(krippendorffAlpha(itemCounts(ratingsFromTriples(easy))).value, -0.3333333, 1e-7);
    closeTo(krippendorffAlpha(itemCounts(ratingsFromTriples(easy.slice(0, 5)))).value, -0.3333333, 1e-7);
    const easy3a: [string, string, number][] = [
      ['1', 'coder1', 1],
      ['1', 'coder2', 1],
      ['2', 'coder1', 2],
      ['2', 'coder2', 2],
    ];
    expect(krippendorffAlpha(itemCounts(ratingsFromTriples(easy3a))).value).toBe(1);
    // TestMissingValues: null is missing, not a category
    const missing = ratingsFromReliability([
      [1, 1, 2],
      [1, 1, null],
      [null, 1, 2],
    ]);
    expect(krippendorffAlpha(itemCounts(missing)).value).toBe(1);
  });

  it('krippendorffAlpha(counts) returns NaN with a reason when D_e = 0 (NLTK test_easy3 b returns 1; we do not)', () => {
    const easy3b: [string, string, number][] = [
      ['1', 'coder1', 1],
      ['1', 'coder2', 1],
      ['2', 'coder1', 2],
    ];
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      const r = krippendorffAlpha(itemCounts(ratingsFromTriples(easy3b, { categories: [1, 2] })), { level });
      expect(r.value).toBeNaN();
      expect(r.reason).toMatch(/D_e = 0/);
      expect(r.nItems).toBe(1);
      expect(r.n).toBe(2);
    }
  });

  it('krippendorffAlpha(counts) matches crowd-kit alpha_krippendorff', () => {
    const a = (t: [string, string, string][]) => krippendorffAlpha(itemCounts(ratingsFromTriples(t))).value;
    expect(
      a([
        ['X', 'A', 'Yes'],
        ['X', 'B', 'Yes'],
        ['Y', 'A', 'No'],
        ['Y', 'B', 'No'],
      ]),
    ).toBe(1);
    closeTo(
      a([
        ['X', 'A', 'Yes'],
        ['X', 'B', 'Yes'],
        ['Y', 'A', 'No'],
        ['Y', 'B', 'No'],
        ['Z', 'A', 'Yes'],
        ['Z', 'B', 'No'],
      ]),
      0.4444444444444444,
      1e-12,
    );
    closeTo(a(CROWDKIT_TOY), 0.14219114219114215, 1e-12);
  });

  it('krippendorffAlpha(counts, {level}) matches Hayes & Krippendorff (2007) on its example data', () => {
    const data = hayesKrippendorff2007();
    expect(data.length).toBe(5);
    expect(data[0]).toEqual(HK2007_FIRST_CODER);
    const t = fromMatrix(data);
    const ordinal = krippendorffAlpha(t, { level: 'ordinal' });
    closeTo(ordinal.value, 0.7598, 5e-5); // published
    closeTo(ordinal.value, 0.7598291892, 1e-9);
    closeTo(krippendorffAlpha(t, { level: 'nominal' }).value, 0.4765095674, 1e-9);
    closeTo(krippendorffAlpha(t, { level: 'interval' }).value, 0.7573782772, 1e-9);
    closeTo(krippendorffAlpha(t, { level: 'nominal' }).value, 0.477, DP3);
    closeTo(krippendorffAlpha(t, { level: 'interval' }).value, 0.757, DP3);
    closeTo(krippendorffAlpha(t, { level: 'ratio', values: [0, 1, 2, 3] }).value, 0.6621229662, 1e-9);
    // KALPHA header: Units 40, 159 pairable values, n_c, 14 non-zero coincidence cells
    expect(ordinal.nItems).toBe(40);
    expect(ordinal.n).toBe(159);
    expect(ordinal.coincidence.filter((x) => x > 0).length).toBe(14);
    const nc = [0, 1, 2, 3].map((c) => ordinal.coincidence.slice(c * 4, c * 4 + 4).reduce((s, x) => s + x, 0));
    nc.forEach((v, c) => closeTo(v, [42, 48, 56, 13][c], 1e-9));
  });

  it('krippendorffAlpha(counts) matches irrCAC krippen.alpha (identity weights) on the Gwet datasets', () => {
    closeTo(krippendorffAlpha(countTable(DISTRIB_6RATERS)).value, 0.4204384, 1e-7);
    closeTo(krippendorffAlpha(countTable(tableToCounts(CONT3X3))).value, 0.7972585, 1e-7);
    const raw = (d: (number | string | null)[][], categories?: (number | string)[]) =>
      krippendorffAlpha(itemCounts(ratingsFromRaw(d, { categories }))).value;
    closeTo(raw(RAW_5OBSERVERS), PYIRR_3DP.raw_5observers.krippendorff, DP3);
    closeTo(raw(RAW_GENDER), PYIRR_3DP.raw_gender.krippendorff, DP3);
    closeTo(raw(RAW_BEN_GERRY, ABCDE), PYIRR_3DP.raw_ben_gerry.krippendorff, DP3);
    closeTo(raw(RAW_G1G2, ABCDE), PYIRR_3DP.raw_g1g2.krippendorff, DP3);
  });

  it('krippendorffAlpha(counts) handles empty input, one item, a single annotator and huge counts', () => {
    expect(krippendorffAlpha(countTable([], { K: 3 })).reason).toMatch(/no unit/);
    expect(
      krippendorffAlpha(
        countTable([
          [1, 0, 0],
          [0, 1, 0],
        ]),
      ).reason,
    ).toMatch(/no unit/); // one annotator
    expect(krippendorffAlpha(countTable([[1, 1, 0]])).value).toBeCloseTo(-0, 12); // one unit, one disagreement
    const big = krippendorffAlpha(
      countTable([
        [1e6, 0],
        [0, 1e6],
      ]),
    ).value;
    closeTo(big, 1, 1e-12);
    const scaled = countTable(WIKI_VALUE_COUNTS, { weight: WIKI_VALUE_COUNTS.map(() => 1000) });
    const repeated = countTable(WIKI_VALUE_COUNTS.flatMap((row) => Array.from({ length: 1000 }, () => row)));
    closeTo(krippendorffAlpha(scaled).value, krippendorffAlpha(repeated).value, 1e-12);
  });

  it('krippendorffAlpha(counts, {level: "ordnial"}) throws a short message', () => {
    // @ts-expect-error a typo on purpose
    expect(() => krippendorffAlpha(countTable([[1, 1]]), { level: 'ordnial' })).toThrow('invalid level: "ordnial"');
  });
});
