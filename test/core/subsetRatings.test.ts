import { describe, expect, it } from 'vitest';
import { subsetRatings } from '../../src/core/subsetRatings';
import type { Ratings } from '../../src/core/types';

const r: Ratings = {
  n: 4,
  item: Int32Array.from([0, 0, 1, 1]),
  annotator: Int32Array.from([0, 1, 0, 1]),
  label: Int32Array.from([0, 1, 1, 2]),
  dimension: new Int32Array(4),
  items: ['p', 'q'],
  annotators: ['x', 'y'],
  annotatorKind: new Uint8Array(2),
  dimensions: ['overall'],
  scale: '3-way',
  categories: ['A>', '=', 'B>'],
  fivePoint: Int8Array.from([1, 2, 3]),
  time: Float64Array.from([1, 2, 3, 4]),
  timestamp: null,
  shownFirst: null,
  aiConfidence: null,
  itemGold: Int32Array.from([-1, 2]),
  slices: [{ name: 'domain', values: ['a', 'b'], code: Int32Array.from([0, 0, 1, 1]) }],
};

describe('subsetRatings', () => {
  it('keeps the selected judgements in order, with every per-judgement array and slice', () => {
    const s = subsetRatings(r, Uint8Array.from([1, 0, 0, 1]));
    expect(s.n).toBe(2);
    expect([...s.item]).toEqual([0, 1]);
    expect([...s.annotator]).toEqual([0, 1]);
    expect([...s.label]).toEqual([0, 2]);
    expect([...s.time!]).toEqual([1, 4]);
    expect([...s.slices[0].code]).toEqual([0, 1]);
    expect(s.timestamp).toBeNull();
    expect(s.items).toBe(r.items);
    expect([...s.itemGold]).toEqual([-1, 2]);
  });
});
