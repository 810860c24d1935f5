import { describe, it, expect } from 'vitest';
import { sessionOrder } from '../../src/core/sessionOrder';
import { ratingsFromTriples } from '../helpers/buildRatings';

// judgement j: item, annotator, timestamp, file, row
const CASE: [string, string, number, number, number][] = [
  ['a', 'u', 30, 0, 2],
  ['b', 'u', 10, 0, 3],
  ['c', 'u', NaN, 0, 7],
  ['d', 'u', 10, 0, 1], // same stamp as b: file 0 both, row 1 < 3, so d comes first
  ['e', 'v', 5, 1, 1],
  ['f', 'u', 20, 1, 5],
  ['g', 'u', NaN, 1, 1], // missing stamp, like c: after the stamped ones, c first (file 0 < file 1)
];

function build(stamps: boolean) {
  const r = ratingsFromTriples(
    CASE.map(([i, a]) => [i, a, 0]),
    { scale: '5-point' },
  );
  if (stamps) r.timestamp = Float64Array.from(CASE, (x) => x[2]);
  return { r, file: Int32Array.from(CASE, (x) => x[3]), row: Int32Array.from(CASE, (x) => x[4]) };
}

describe('sessionOrder', () => {
  it('sessionOrder(ratings, mask, {file, row}) orders by timestamp, ties by file then row, missing stamps last', () => {
    const { r, file, row } = build(true);
    const s = sessionOrder(r, null, { file, row });
    // u: d (10, row 1), b (10, row 3), f (20), a (30), c (no stamp, file 0), g (no stamp, file 1); v: e
    expect(s.order).toBe('timestamp');
    expect(s.nMissingTimestamp).toBe(2);
    expect([...s.start]).toEqual([0, 6, 7]);
    expect([...s.sequence]).toEqual([3, 1, 5, 0, 2, 6, 4]);
    expect([...s.position]).toEqual([4, 2, 5, 1, 1, 3, 6]);
  });

  it('sessionOrder(ratings, mask) leaves unselected judgements out (position 0) and renumbers the rest', () => {
    const { r, file, row } = build(true);
    const mask = Uint8Array.from([1, 1, 1, 1, 1, 0, 1]); // f out
    const s = sessionOrder(r, mask, { file, row });
    expect([...s.position]).toEqual([3, 2, 4, 1, 1, 0, 5]);
  });

  it('sessionOrder(ratings) without stamps orders by file then row, not by judgement index', () => {
    const { r, file, row } = build(false);
    const s = sessionOrder(r, null, { file, row });
    // u in file 0: d (row 1), a (2), b (3), c (7); file 1: g (1), f (5)
    expect(s.order).toBe('file order');
    expect(s.nMissingTimestamp).toBe(0);
    expect([...s.position]).toEqual([2, 3, 4, 1, 1, 6, 5]);
    // a timestamp column with no finite value is file order too
    r.timestamp = new Float64Array(r.n).fill(NaN);
    expect(sessionOrder(r, null, { file, row })).toMatchObject({ order: 'file order', nMissingTimestamp: 0 });
    // without file and row, the judgement index is the order
    expect([...sessionOrder(r).position]).toEqual([1, 2, 3, 4, 1, 5, 6]);
  });

  it('sessionOrder(ratings) on empty data gives empty sequences', () => {
    const r = ratingsFromTriples([], { scale: '5-point' });
    const s = sessionOrder(r);
    expect([...s.start]).toEqual([0]);
    expect(s.sequence.length).toBe(0);
  });
});
