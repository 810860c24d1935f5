// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { pairTables } from '../../src/core/pairTables';
import { judgementFilter } from '../../src/core/judgementFilter';
import { ratingsFromTriples } from '../helpers/buildRatings';

type Triple = [string, string, number];

describe('pairTables', () => {
  it('pairTables(ratings) gives each pair sharing an item its K × K table, rows = the lower annotator code', () => {
    const triples: Triple[] = [
      ['i1', 'x', 0],
      ['i1', 'y', 1],
      ['i1', 'z', 1],
      ['i2', 'x', 1],
      ['i2', 'y', 1],
      ['i3', 'w', 0], // w shares no item: no pair
    ];
    const r = pairTables(ratingsFromTriples(triples, { categories: [0, 1] }));
    expect(r.K).toBe(2);
    const ids = ['x', 'y', 'z', 'w'];
    expect(Array.from(r.a, (a, p) => `${ids[a]}${ids[r.b[p]]}`)).toEqual(['xy', 'xz', 'yz']);
    expect(r.tables.map((t) => Array.from(t))).toEqual([
      [0, 1, 0, 1],
      [0, 1, 0, 0],
      [0, 0, 0, 1],
    ]);
  });

  it('pairTables(ratings, mask, {collapse: true}) counts sides, and the mask leaves judgements out', () => {
    // 5-point codes: x says A>> and B>, y says A> and B>>: different strengths, same sides
    const triples: Triple[] = [
      ['i1', 'x', 0],
      ['i1', 'y', 1],
      ['i2', 'x', 3],
      ['i2', 'y', 4],
      ['i3', 'x', 2],
      ['i3', 'y', 2],
    ];
    const ratings = ratingsFromTriples(triples, { scale: '5-point' });
    const sides = pairTables(ratings, null, { collapse: true });
    expect(sides.K).toBe(3);
    expect(Array.from(sides.tables[0])).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    const mask = judgementFilter(ratings);
    mask[0] = 0; // x on i1
    expect(Array.from(pairTables(ratings, mask, { collapse: true }).tables[0])).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(() => pairTables(ratingsFromTriples(triples), null, { collapse: true })).toThrow(/preference scale/);
  });

  it('pairTables(ratings) on empty input or a single annotator has no pair', () => {
    expect(pairTables(ratingsFromTriples([])).tables).toEqual([]);
    expect(
      pairTables(
        ratingsFromTriples([
          ['i1', 'a', 1],
          ['i2', 'a', 2],
        ]),
      ).a.length,
    ).toBe(0);
  });
});
