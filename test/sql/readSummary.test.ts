// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readSummary } from '../../src/summary/readSummary';
import { expectClose } from './compare';

const GOOD = {
  schema: 'prefscope.summary/v1',
  scale: 'binary',
  categories: ['A>', 'B>'],
  item_patterns: [
    { counts: [2, 0], items: 3 },
    { counts: [1, 1], items: 1 },
  ],
  pair_tables: [{ a: 'x', b: 'y', n: 4, table: [3, 1, 0, 0] }],
  annotators: [
    {
      id: 'x',
      labels: 4,
      label_counts: [4, 0],
      gold_n: 0,
      gold_exact: 0,
      gold_directional: 0,
      majority_n: 0,
      majority_agreed: 0,
      time_sum: 0,
      time_count: 0,
    },
  ],
  label_counts: { 'A>': 7, 'B>': 1 },
  slices: { domain: [{ value: 'code', item_patterns: [{ counts: [2, 0], items: 1 }] }] },
};

const broken = (edit: (doc: Record<string, any>) => void) => {
  const doc = structuredClone(GOOD) as Record<string, any>;
  edit(doc);
  return () => readSummary(doc);
};

describe('readSummary', () => {
  it('readSummary(good) returns the document typed', () => {
    expect(readSummary(GOOD)).toEqual(GOOD);
  });

  it('readSummary rejects a broken file with a message naming the field', () => {
    expect(() => readSummary(null)).toThrow('summary: "(document)" must be an object');
    expect(broken((d) => delete d.item_patterns)).toThrow('summary: missing field "item_patterns"');
    expect(broken((d) => delete d.item_patterns[1].items)).toThrow('missing field "item_patterns[1].items"');
    expect(broken((d) => (d.item_patterns[0].counts = [2, 0, 0]))).toThrow(
      'field "item_patterns[0].counts" must hold 2 numbers, not 3',
    );
    expect(broken((d) => (d.pair_tables[0].table[2] = -1))).toThrow(
      'field "pair_tables[0].table[2]" must be a number >= 0, not -1',
    );
    expect(broken((d) => (d.schema = 'prefscope.report/v1'))).toThrow('field "schema" must be "prefscope.summary/v1"');
    expect(broken((d) => (d.categories = ['A>', '=', 'B>']))).toThrow('does not fit the binary scale');
    expect(broken((d) => delete d.annotators[0].majority_agreed)).toThrow(
      'missing field "annotators[0].majority_agreed"',
    );
    expect(broken((d) => delete d.label_counts['B>'])).toThrow('missing field "label_counts.B>"');
    expect(broken((d) => delete d.slices.domain[0].item_patterns)).toThrow(
      'missing field "slices.domain[0].item_patterns"',
    );
  });

  it("expectClose (the parity tests' comparison) fails on a difference beyond the tolerance and names the path", () => {
    expect(() => expectClose({ a: [1, 2] }, { a: [1, 2 + 1e-8] }, 1e-9)).toThrow('$.a.1');
    expect(() => expectClose({ a: null }, { a: 0 })).toThrow('$.a');
    expectClose({ a: [1, 2 + 1e-12] }, { a: [1, 2] }, 1e-9);
  });
});
