// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  bestMethodSentence,
  methodInUseSentence,
  noFinalLabelsSentence,
  outsideGivenSentence,
} from '../../src/views/aggregationSentences';
import { METHODS, type AggregationSection, type Method } from '../../src/sections/aggregationSection';

/** The same value for every method, then the named ones changed. */
const each = <T>(value: T, change: Partial<Record<Method, T>> = {}) =>
  ({ ...Object.fromEntries(METHODS.map((m) => [m, value])), ...change }) as Record<Method, T>;

const base: AggregationSection = {
  method: 'dawid_skene',
  requested_method: 'auto',
  method_reason: null,
  items: 100,
  items_with_several_labels: 100,
  iterations: 12,
  converged: true,
  outside_given: 0,
  unused_categories: [],
  gold_accuracy: each(0.9, { dawid_skene: 0.95 }),
  gold_items: 40,
  changed_vs_majority: 3,
  label_counts: each([50, 50], { dawid_skene: [49, 51] }),
  differs_from_majority: each(0, { dawid_skene: 3 }),
  methods: [],
};
const a = (change: Partial<AggregationSection>): AggregationSection => ({ ...base, ...change });

describe('aggregation sentences (from the numbers of the method table)', () => {
  it('bestMethodSentence names one best method, a tie as a tie, three equal scores as the same, and no gold', () => {
    expect(bestMethodSentence(base)).toBe('On the 40 gold pairs, Dawid-Skene is the most accurate (0.950).');
    expect(
      bestMethodSentence(
        a({
          gold_accuracy: each(0.905),
        }),
      ),
    ).toBe(`On the 40 gold pairs, all ${METHODS.length} methods score the same (0.905).`);
    expect(
      bestMethodSentence(
        a({
          gold_accuracy: each(0.9, { weighted: 0.95, dawid_skene: 0.95 }),
        }),
      ),
    ).toBe('On the 40 gold pairs, Reliability-weighted vote and Dawid-Skene are the most accurate, tied (0.950).');
    // differences below the third decimal are ties too
    expect(
      bestMethodSentence(
        a({
          gold_accuracy: each(0.9, { dawid_skene: 0.9004 }),
        }),
      ),
    ).toBe(`On the 40 gold pairs, all ${METHODS.length} methods score the same (0.900).`);
    expect(bestMethodSentence(a({ gold_items: 12 }))).toBe(
      'On the 12 gold pairs, Dawid-Skene is the most accurate (0.950) — with only 12 gold pairs, too few to rank the methods with confidence.',
    );
    expect(
      bestMethodSentence(
        a({
          gold_items: 0,
          gold_accuracy: each(null),
        }),
      ),
    ).toBe('There are no gold pairs to tell the methods apart: compare their agreement instead.');
    // no kept human label (FastChat's judge file; everyone removed): the methods are not compared at all
    const none =
      'No pair has a human label to aggregate: final labels combine the labels of the human annotators kept (an AI judge is audited in Judges & bias; removed annotators are left out).';
    expect(bestMethodSentence(a({ items: 0, items_with_several_labels: 0, gold_items: 0 }))).toBe(none);
    expect(noFinalLabelsSentence(a({ items: 0, items_with_several_labels: 0 }))).toBe(none);
    expect(noFinalLabelsSentence(base)).toBeNull();
    // one label per pair (HH-RLHF's chosen/rejected): nothing to aggregate, gold or not
    expect(bestMethodSentence(a({ items_with_several_labels: 0 }))).toBe(
      "No pair has two labels or more: every method gives each pair its one label back, so there is nothing to aggregate and the methods' fits (passes, convergence) say nothing here.",
    );
  });

  it('methodInUseSentence says which labels the exports use, and that Dawid-Skene did not converge when it did not', () => {
    expect(methodInUseSentence(base)).toBe(
      'Dawid-Skene converged in 12 passes; the exports use Dawid-Skene (automatic: Dawid-Skene when it converges, else majority vote).',
    );
    expect(methodInUseSentence(a({ converged: false, iterations: 100, method: 'majority', method_reason: 'x' }))).toBe(
      'Dawid-Skene did not converge (stopped after 100 passes); the exports use Majority vote (automatic: Dawid-Skene when it converges, else majority vote).',
    );
    expect(
      methodInUseSentence(
        a({ converged: false, iterations: 100, requested_method: 'dawid_skene', method_reason: 'x' }),
      ),
    ).toBe(
      'Dawid-Skene did not converge (stopped after 100 passes); the exports use Dawid-Skene, as chosen, though its labels are not settled.',
    );
    expect(methodInUseSentence(a({ requested_method: 'weighted', method: 'weighted' }))).toBe(
      'Dawid-Skene converged in 12 passes; the exports use Reliability-weighted vote, as chosen.',
    );
    expect(methodInUseSentence(a({ iterations: 1 }))).toMatch(/^Dawid-Skene converged in 1 pass;/);
  });

  it('outsideGivenSentence says what Dawid-Skene was kept from doing, or nothing', () => {
    expect(outsideGivenSentence(base)).toBeNull();
    expect(outsideGivenSentence(a({ outside_given: 1, unused_categories: ['='] }))).toBe(
      "The category = was never used, so Dawid-Skene gives it no weight. On 1 pair Dawid-Skene's most likely label was one none of the pair's annotators gave; each keeps the most likely of its own labels instead.",
    );
  });
});
