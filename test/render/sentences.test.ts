import { describe, expect, it } from 'vitest';
import {
  bandWords,
  differenceSentence,
  metricText,
  sliceSentence,
  MIN_RANKED_PAIRS,
  type RankedRow,
} from '../../src/render/sentences';
import { isBanded } from '../../src/sections/metrics';

/** A slice row with Fleiss' kappa `k` (and its interval) on `n` pairable items. */
const row = (
  value: string,
  k: number | null,
  n = 100,
  ci: [number, number] | null = null,
): RankedRow & { fleiss_kappa: number | null } => ({
  value,
  items_pairable: n,
  fleiss_kappa: k,
  ci95: { fleiss_kappa: ci },
});

describe('sliceSentence(rows, metric, name)', () => {
  it('names the highest and lowest value with their bands, and says the intervals do not overlap when they do not', () => {
    const s = sliceSentence(
      [row('code', 0.7, 100, [0.6, 0.8]), row('chat', 0.3, 100, [0.2, 0.4])],
      'fleiss_kappa',
      "Fleiss' kappa",
    );
    expect(s).toBe(
      "code has the highest Fleiss' kappa (0.700 [0.600, 0.800], substantial agreement), chat the lowest (0.300 [0.200, 0.400], fair agreement): their intervals do not overlap.",
    );
  });

  it('says the slices do not differ beyond the noise when the intervals overlap, and never gives the band action', () => {
    const s = sliceSentence(
      [row('a', 0.5, 76, [0.1, 0.8]), row('b', 0.15, 80, [-0.1, 0.45])],
      'fleiss_kappa',
      "Fleiss' kappa",
    )!;
    expect(s).toMatch(/their intervals overlap, so the slices do not differ beyond the noise/);
    expect(s).not.toMatch(/redesign|broken/i);
  });

  it('calls equal values a tie, also when only some are tied at the top', () => {
    expect(sliceSentence([row('a', 0.4), row('b', 0.4), row('c', 0.4)], 'fleiss_kappa', 'kappa')).toBe(
      'Every ranked value has the same kappa (0.400).',
    );
    expect(
      sliceSentence(
        [row('a', 0.6, 100, [0.5, 0.7]), row('b', 0.6, 100, [0.5, 0.7]), row('c', 0.2, 100, [0.1, 0.3])],
        'fleiss_kappa',
        'kappa',
      ),
    ).toMatch(/^a and b share the highest kappa/);
  });

  it(`does not rank values with fewer than ${MIN_RANKED_PAIRS} pairs, and says so`, () => {
    expect(sliceSentence([row('a', 0.9, 12), row('b', 0.1, 29)], 'fleiss_kappa', 'kappa')).toBe(
      `Too few pairs to rank the values: no value has ${MIN_RANKED_PAIRS} or more pairs with two labels. 2 values have fewer than ${MIN_RANKED_PAIRS} pairs with two labels and are not ranked.`,
    );
    expect(
      sliceSentence(
        [row('a', 0.9, 12), row('b', 0.5, 40, [0.4, 0.6]), row('c', 0.2, 50, [0.1, 0.3])],
        'fleiss_kappa',
        'kappa',
      ),
    ).toMatch(/^b has the highest .* 1 value has fewer than 30 pairs with two labels and is not ranked\.$/);
  });

  it('is null with fewer than two defined values, and leaves undefined ones out', () => {
    expect(sliceSentence([], 'fleiss_kappa', 'kappa')).toBeNull();
    expect(sliceSentence([row('a', 0.5), row('b', null)], 'fleiss_kappa', 'kappa')).toBeNull();
  });

  it('says when there are no intervals to test the difference', () => {
    expect(sliceSentence([row('a', 0.7), row('b', 0.3)], 'fleiss_kappa', 'kappa')).toMatch(
      /\(no intervals: the difference is not tested\)\.$/,
    );
  });

  it('writes a share as a percentage and puts no band on it', () => {
    const share = (value: string, p: number, ci: [number, number]) => ({
      value,
      items_pairable: 100,
      percent_agreement: { strict: p },
      ci95: { 'percent_agreement.strict': ci },
    });
    const s = sliceSentence(
      [share('a', 0.52, [0.45, 0.6]), share('b', 0.9, [0.85, 0.95])],
      'percent_agreement.strict',
      'Percent agreement',
    )!;
    expect(s).toBe(
      'b has the highest Percent agreement (90.0% [85.0%, 95.0%]), a the lowest (52.0% [45.0%, 60.0%]): their intervals do not overlap.',
    );
  });
});

describe('band words and formats by the metric registry', () => {
  it('reads coefficients against the bands and never a share', () => {
    expect(isBanded('fleiss_kappa')).toBe(true);
    expect(isBanded('directional.krippendorff_alpha.ordinal')).toBe(true);
    expect(isBanded('percent_agreement.strict')).toBe(false);
    expect(bandWords('percent_agreement.strict', 0.52)).toBeNull();
    expect(bandWords('fleiss_kappa', 0.52)).toBe('moderate agreement');
    expect(metricText('percent_agreement.strict', 0.52)).toBe('52.0%');
    expect(metricText('fleiss_kappa', 0.52)).toBe('0.520');
    expect(metricText('fleiss_kappa', null)).toBe('—');
  });
});

describe('differenceSentence', () => {
  const opts = {
    what: 'values of domain',
    against: 'the whole data',
    family: '6 values of every slice column',
    level: 0.05,
  };
  it('names the rows whose adjusted p is below the level and counts those only significant uncorrected', () => {
    const rows = [
      { label: 'code', p: 0.001, q: 0.006 },
      { label: 'math', p: 0.004, q: 0.012 },
      { label: 'chat', p: 0.03, q: 0.06 }, // significant only uncorrected
      { label: 'safety', p: 0.5, q: 0.6 },
      { label: 'tiny', p: null, q: null }, // no interval: not tested
    ];
    expect(differenceSentence(rows, opts)).toBe(
      'code and math differ from the whole data after the correction (Benjamini-Hochberg over 6 values of every ' +
        'slice column, false discovery rate 5%; marked ✱); 1 more would at p < 0.05 uncorrected.',
    );
  });
  it('says when none survives, and is null without a tested row', () => {
    expect(differenceSentence([{ label: 'chat', p: 0.03, q: 0.09 }], opts)).toBe(
      'None of the values of domain differs from the whole data once the comparisons are corrected ' +
        '(Benjamini-Hochberg over 6 values of every slice column, false discovery rate 5%); 1 would at p < 0.05 uncorrected.',
    );
    expect(differenceSentence([{ label: 'x', p: null, q: null }], opts)).toBeNull();
  });
});
