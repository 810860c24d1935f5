// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { countTable } from '../../src/core/countTable';
import { orderedCategories } from '../../src/core/orderedCategories';
import { agreementFromTables, agreementSection } from '../../src/sections/agreementSection';
import { withBand } from '../../src/sections/band';
import { DIAGNOSES, FLEISS_WIKI, K2011_A } from '../core/referenceVectors';
import { closeTo } from '../helpers/closeTo';
import { textFile } from '../helpers/loadText';

/** A long CSV from (item, annotator, label, extra…) rows. */
// Five pairs in two slices (`domain`): three annotators, labels on the 5-point scale.
const SLICED_ROWS = [
  ['p1', 'x', 'A>', 'code'],
  ['p1', 'y', 'A>', 'code'],
  ['p1', 'z', '=', 'code'],
  ['p2', 'x', 'B>', 'code'],
  ['p2', 'y', 'B>>', 'code'],
  ['p3', 'x', '=', 'chat'],
  ['p3', 'y', 'A>', 'chat'],
  ['p4', 'x', 'B>', 'chat'],
  ['p4', 'z', 'B>', 'chat'],
  ['p5', 'y', 'A>>', 'chat'],
  ['p5', 'z', 'A>>', 'chat'],
];

function csv(rows: (string | number)[][], header = 'example_id,annotator_id,label'): string {
  return `${header}\n${rows.map((r) => r.join(',')).join('\n')}\n`;
}

async function ratingsOf(text: string, scale: 'nominal' | null = null) {
  return (await loadFiles([textFile('t.csv', text)], { scale })).ratings;
}

/** rows = coders, columns = units, null = missing → long rows */
function reliabilityRows(data: (number | null)[][]): (string | number)[][] {
  return data.flatMap((row, c) => row.flatMap((v, u) => (v === null ? [] : [[`u${u + 1}`, `c${c + 1}`, v]])));
}

describe('agreementSection', () => {
  it('agreementSection(ratings) read from a CSV matches Krippendorff (2011) and irrCAC raw4raters', async () => {
    const a = agreementSection(await ratingsOf(csv(reliabilityRows(K2011_A)), 'nominal'), { bootstrap: 0 });
    closeTo(a.krippendorff_alpha.nominal!, 0.7434210526, 1e-9);
    closeTo(a.krippendorff_alpha.ordinal!, 0.8153875038, 1e-9);
    closeTo(a.krippendorff_alpha.interval!, 0.8491071429, 1e-9);
    closeTo(a.fleiss_kappa!, 0.76117, 5e-6); // irrCAC fleiss.kappa.raw(cac.raw4raters), 5 decimals
    closeTo(a.gwet_ac1!, 0.77544, 5e-6); // irrCAC gwet.ac1.raw(cac.raw4raters)
    expect(a.items_pairable).toBe(11);
    expect(a.directional).toBeNull();
    expect(a.reasons.directional).toMatch(/nominal/);
  });

  it('agreementSection(ratings) gives only nominal coefficients for categories of words (no order); numbers keep theirs', async () => {
    // Krippendorff (2011) with the values 1…5 written as word senses: nominal alpha unchanged, no ordinal or interval
    const senses = ['bank%1', 'bank%2', 'bank%3', 'bank%4', 'bank%5'];
    const words = reliabilityRows(K2011_A).map(([u, c, v]) => [u, c, senses[(v as number) - 1]]);
    const a = agreementSection(await ratingsOf(csv(words), 'nominal'), { bootstrap: 0 });
    closeTo(a.krippendorff_alpha.nominal!, 0.7434210526, 1e-9);
    expect([a.krippendorff_alpha.ordinal, a.krippendorff_alpha.interval]).toEqual([null, null]);
    expect(a.reasons['krippendorff_alpha.ordinal']).toBe(
      'nominal categories without an order (words, not numbers): only the nominal coefficients apply',
    );
    expect(orderedCategories('nominal', ['0', '1', '2.5'])).toBe(true);
    expect(orderedCategories('nominal', ['score 0', 'score 4'])).toBe(true);
    expect(orderedCategories('nominal', ['G', 'P'])).toBe(false);
    expect(orderedCategories('3-way', ['A>', '=', 'B>'])).toBe(true);
  });

  it("agreementSection(ratings) read from a CSV gives Fleiss' kappa 0.4302445 on Fleiss (1971) diagnoses", async () => {
    const rows = DIAGNOSES.flatMap((raters, s) => raters.map((v, r) => [`s${s}`, `r${r}`, v]));
    const a = agreementSection(await ratingsOf(csv(rows), 'nominal'), { bootstrap: 0 });
    closeTo(a.fleiss_kappa!, 0.4302445, 1e-7);
  });

  it('agreementSection(ratings) on the direction collapses A>> and A> (hand-computed: kappa 5/11)', async () => {
    // p1: A>>, A> (same side) · p2: B>, B> · p3: =, B>>
    const r = await ratingsOf(
      csv([
        ['p1', 'x', 'A>>'],
        ['p1', 'y', 'A>'],
        ['p2', 'x', 'B>'],
        ['p2', 'y', 'B>'],
        ['p3', 'x', '='],
        ['p3', 'y', 'B>>'],
      ]),
    );
    const a = agreementSection(r, { bootstrap: 0, minShared: 1 });
    closeTo(a.percent_agreement.strict!, 1 / 3, 1e-12);
    closeTo(a.percent_agreement.directional!, 2 / 3, 1e-12);
    closeTo(a.directional!.fleiss_kappa!, 5 / 11, 1e-12);
    closeTo(a.directional!.percent_agreement.strict!, 2 / 3, 1e-12);
    expect(a.cohen_pairs).toHaveLength(1);
    expect(a.cohen_pairs[0]).toMatchObject({ a: 'x', b: 'y', n: 3 });
  });

  it('agreementSection(ratings) gives null with a reason, never 1, when every label is identical', async () => {
    const r = await ratingsOf(
      csv([
        ['p1', 'x', 'A'],
        ['p1', 'y', 'A'],
        ['p2', 'x', 'A'],
        ['p2', 'y', 'A'],
      ]),
    );
    const a = agreementSection(r, { bootstrap: 50 });
    expect(a.fleiss_kappa).toBeNull();
    expect(a.krippendorff_alpha.nominal).toBeNull();
    expect(a.reasons.fleiss_kappa).toBeTruthy();
    expect(a.reasons['krippendorff_alpha.ordinal']).toBeTruthy();
    expect(a.percent_agreement.strict).toBe(1);
    expect(a.gwet_ac1).toBe(1);
    expect(a.band).toBeNull();
    expect(a.ci95.fleiss_kappa).toBeNull();
  });

  it('agreementSection(ratings) has no pairable item for single labels: every coefficient null', async () => {
    const a = agreementSection(
      await ratingsOf(
        csv([
          ['p1', 'x', 'A'],
          ['p2', 'y', 'B'],
        ]),
      ),
      { bootstrap: 0 },
    );
    expect(a.items_pairable).toBe(0);
    expect([
      a.fleiss_kappa,
      a.gwet_ac1,
      a.percent_agreement.strict,
      a.krippendorff_alpha.interval,
      a.cohen_kappa_mean,
    ]).toEqual([null, null, null, null, null]);
  });

  it('agreementSection(ratings, {bootstrap}) is reproducible by seed and its intervals bracket the estimates', async () => {
    const r = await ratingsOf(csv(reliabilityRows(K2011_A)), 'nominal');
    const a = agreementSection(r, { bootstrap: 300, seed: 7 });
    const b = agreementSection(r, { bootstrap: 300, seed: 7 });
    const c = agreementSection(r, { bootstrap: 300, seed: 8 });
    expect(a.ci95).toEqual(b.ci95);
    expect(a.ci95).not.toEqual(c.ci95);
    const [lo, hi] = a.ci95['krippendorff_alpha.ordinal']!;
    expect(lo).toBeLessThan(a.krippendorff_alpha.ordinal!);
    expect(hi).toBeGreaterThanOrEqual(a.krippendorff_alpha.ordinal!);
  });

  it('agreementSection(ratings) band follows the chosen metric with the schema texts', async () => {
    const r = await ratingsOf(csv(reliabilityRows(K2011_A)), 'nominal');
    const a = agreementSection(r, { bootstrap: 0, bandMetric: 'krippendorff_alpha.interval' });
    expect(a.band).toEqual({
      metric: 'krippendorff_alpha.interval',
      value: a.krippendorff_alpha.interval,
      range: [0.81, 1],
      label: 'Almost perfect agreement',
      action: 'Ready for training',
    });
    expect(agreementSection(r, { bootstrap: 0, bandMetric: 'fleiss_kappa' }).band!.label).toBe('Substantial agreement');
  });

  it('agreementSection(ratings) per slice equals the section of the rows of that slice alone', async () => {
    const rows = SLICED_ROWS;
    const header = 'example_id,annotator_id,label,domain';
    const whole = agreementSection(await ratingsOf(csv(rows, header)), { bootstrap: 0 });
    for (const value of ['code', 'chat']) {
      const alone = agreementSection(
        await ratingsOf(
          csv(
            rows.filter((r) => r[3] === value),
            header,
          ),
        ),
        { bootstrap: 0 },
      );
      const slice = whole.slices.domain.find((s) => s.value === value)!;
      expect(slice.items).toBe(value === 'code' ? 2 : 3);
      expect(slice.fleiss_kappa).toBeCloseTo(alone.fleiss_kappa!, 12);
      expect(slice.krippendorff_alpha.ordinal).toBeCloseTo(alone.krippendorff_alpha.ordinal!, 12);
      expect(slice.gwet_ac1).toBeCloseTo(alone.gwet_ac1!, 12);
    }
  });

  it('withBand re-reads a computed section against another metric: the same values, intervals and slices', async () => {
    const rows = SLICED_ROWS;
    const r = await ratingsOf(csv(rows, 'example_id,annotator_id,label,domain'));
    const options = { bootstrap: 50, seed: 3 };
    const byAlpha = agreementSection(r, { ...options, bandMetric: 'krippendorff_alpha.ordinal' });
    const reread = withBand(
      agreementSection(r, { ...options, bandMetric: 'fleiss_kappa' }),
      'krippendorff_alpha.ordinal',
    );
    // computed with either metric, read with the same one: one and the same section
    expect(reread).toEqual(byAlpha);
    expect(reread.band!.value).toBe(byAlpha.krippendorff_alpha.ordinal);
    // every slice value has intervals for every banded count coefficient, whichever metric is chosen
    for (const row of byAlpha.slices.domain)
      expect(Object.keys(row.ci95).sort()).toEqual([
        'fleiss_kappa',
        'gwet_ac1',
        'krippendorff_alpha.interval',
        'krippendorff_alpha.nominal',
        'krippendorff_alpha.ordinal',
      ]);
    // a share has no band, and says why
    const share = withBand(byAlpha, 'percent_agreement.strict');
    expect(share.band).toBeNull();
    expect(share.reasons.band).toMatch(/is a share/);
    expect(withBand(share, 'fleiss_kappa').reasons.band).toBeUndefined();
  });

  it('agreementSection(ratings, {removed}) equals the section of the file without that annotator', async () => {
    const rows = reliabilityRows(K2011_A);
    const full = await ratingsOf(csv(rows), 'nominal');
    const removed = agreementSection(full, { bootstrap: 0, removed: [full.annotators.indexOf('c3')] });
    const without = agreementSection(await ratingsOf(csv(rows.filter((r) => r[1] !== 'c3')), 'nominal'), {
      bootstrap: 0,
    });
    expect(removed.krippendorff_alpha).toEqual(without.krippendorff_alpha);
    expect(removed.fleiss_kappa).toBe(without.fleiss_kappa);
    expect(removed.cohen_pairs.map((p) => `${p.a}-${p.b}`)).toEqual(without.cohen_pairs.map((p) => `${p.a}-${p.b}`));
  });

  it('agreementSection(ratings) does not change when rows are shuffled and ids renamed (property)', async () => {
    const label = fc.constantFrom('A>>', 'A>', '=', 'B>', 'B>>');
    const table = fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 4 }), label), {
      minLength: 4,
      maxLength: 40,
    });
    await fc.assert(
      fc.asyncProperty(table, fc.integer(), async (rows, seed) => {
        const unique = [...new Map(rows.map((r) => [`${r[0]}/${r[1]}`, r])).values()];
        const original = unique.map(([i, a, l]) => [`item${i}`, `ann${a}`, l]);
        const shuffled = [...unique]
          .sort((x, y) => ((x[0] * 31 + x[1] * 7 + seed) % 13) - ((y[0] * 31 + y[1] * 7 + seed) % 13))
          .map(([i, a, l]) => [`z${7 - i}`, `q${(a * 3) % 5}`, l]);
        const s1 = agreementSection(await ratingsOf(csv(original)), { bootstrap: 0, minShared: 1 });
        const s2 = agreementSection(await ratingsOf(csv(shuffled)), { bootstrap: 0, minShared: 1 });
        const same = (x: number | null, y: number | null) =>
          x === null ? expect(y).toBeNull() : expect(y).toBeCloseTo(x, 10);
        for (const key of ['fleiss_kappa', 'gwet_ac1', 'cohen_kappa_mean'] as const) same(s1[key], s2[key]);
        same(s1.krippendorff_alpha.ordinal, s2.krippendorff_alpha.ordinal);
        expect(s2.percent_agreement).toEqual(s1.percent_agreement);
        // alpha stays in [-1, 1]; Fleiss (Gwet's generalisation) can fall below -1 when single-label items shift p_j
        for (const v of [s1.krippendorff_alpha.nominal, s1.krippendorff_alpha.interval])
          if (v !== null) expect(Math.abs(v)).toBeLessThanOrEqual(1 + 1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it("agreementFromTables(tables) gives Fleiss' kappa 0.2099 on the Fleiss (1971) / Wikipedia counts, the same per item or as weighted patterns", () => {
    const tables = (counts: ReturnType<typeof countTable>) => ({
      K: 5,
      sides: null,
      ordered: true,
      categories: ['1', '2', '3', '4', '5'],
      counts,
      pairs: { a: [], b: [], tables: [] },
      slices: [],
    });
    const perItem = agreementFromTables(tables(countTable(FLEISS_WIKI)), { bootstrap: 100, seed: 5 });
    closeTo(perItem.fleiss_kappa!, 0.2099307, 1e-8);
    expect(perItem.items_pairable).toBe(10);
    expect(perItem.directional).toBeNull();
    expect(perItem.reasons.cohen_kappa_mean).toBe('no annotator pair shares 10 or more items');
    // each row twice, in reverse order, as one pattern of weight 2: same section, same intervals
    const doubled = agreementFromTables(
      tables(countTable([...FLEISS_WIKI].reverse(), { weight: FLEISS_WIKI.map(() => 2) })),
      { bootstrap: 100, seed: 5 },
    );
    expect(doubled.items_pairable).toBe(20);
    closeTo(doubled.fleiss_kappa!, perItem.fleiss_kappa!, 1e-12);
    expect(
      agreementFromTables(tables(countTable([...FLEISS_WIKI, ...FLEISS_WIKI])), { bootstrap: 100, seed: 5 }),
    ).toEqual(doubled);
  });

  it('agreementFromTables(tables) lists the pairs in the order given, with their ids, on the scale and the direction', () => {
    // 3-way scale (A>, =, B>): x and y agree on 10 items; y and z share 10 items with z always one step off
    const same = [4, 0, 0, 0, 3, 0, 0, 0, 3];
    const off = [0, 4, 0, 0, 0, 3, 3, 0, 0];
    const a = agreementFromTables(
      {
        K: 3,
        sides: { side: [0, 1, 2], K: 3 },
        ordered: true,
        categories: ['A>', '=', 'B>'],
        counts: countTable([
          [2, 0, 0],
          [0, 2, 0],
          [0, 0, 2],
        ]),
        pairs: { a: ['y', 'x', 'x'], b: ['z', 'y', 'w'], tables: [off, same, [1, 0, 0, 0, 0, 0, 0, 0, 0]] },
        slices: [
          {
            name: 'domain',
            values: ['code', 'math'],
            counts: () => [
              countTable([[2, 0, 0]]),
              countTable([
                [1, 1, 0],
                [0, 0, 2],
              ]),
            ],
          },
        ],
      },
      { bootstrap: 0 },
    );
    expect(a.cohen_pairs.map((p) => [p.a, p.b, p.n, p.kappa])).toEqual([
      ['y', 'z', 10, expect.any(Number)],
      ['x', 'y', 10, 1],
    ]);
    expect(a.cohen_pairs_below_min).toBe(1);
    expect(a.directional!.cohen_pairs.map((p) => [p.a, p.b])).toEqual([
      ['y', 'z'],
      ['x', 'y'],
    ]);
    expect(a.slices.domain.map((s) => [s.value, s.items, s.items_pairable])).toEqual([
      ['code', 1, 1],
      ['math', 2, 2],
    ]);
    expect(a.slices.domain[0].fleiss_kappa).toBeNull();
  });
});

describe('agreementFromTables with a share as the band metric', () => {
  it('places no band on percent agreement and says why', async () => {
    const { agreementSection } = await import('../../src/sections/agreementSection');
    const { ratingsFromTriples } = await import('../helpers/buildRatings');
    // two items, two annotators: they agree on i1 only (hand-counted: 1 of 2 items)
    const r = ratingsFromTriples(
      [
        ['i1', 'a', 1],
        ['i1', 'b', 1],
        ['i2', 'a', 3],
        ['i2', 'b', 1],
      ],
      { scale: '5-point' },
    );
    const s = agreementSection(r, { bootstrap: 0, bandMetric: 'percent_agreement.strict' });
    expect(s.percent_agreement.strict).toBe(0.5);
    expect(s.band).toBeNull();
    expect(s.reasons.band).toMatch(/is a share, not chance-corrected/);
  });
});
