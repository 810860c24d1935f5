// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { itemCounts } from '../../src/core/itemCounts';
import { countPatterns } from '../../src/core/countPatterns';
import { countTable } from '../../src/core/countTable';
import { directionalSides } from '../../src/core/directionalSides';
import { judgementFilter } from '../../src/core/judgementFilter';
import { fleissKappa } from '../../src/core/fleissKappa';
import { gwetAc1 } from '../../src/core/gwetAc1';
import { krippendorffAlpha } from '../../src/core/krippendorffAlpha';
import { percentAgreement } from '../../src/core/percentAgreement';
import { AI } from '../../src/core/types';
import { closeTo } from '../helpers/closeTo';
import { ratingsFromReliability, ratingsFromTriples } from '../helpers/buildRatings';
import { hayesKrippendorff2007 } from './referenceVectors';

describe('itemCounts', () => {
  it('itemCounts(ratings, mask) counts the selected labels per item', () => {
    const ratings = ratingsFromTriples([
      ['i1', 'a', 'x'],
      ['i1', 'b', 'y'],
      ['i1', 'c', 'y'],
      ['i2', 'a', 'x'],
      ['i3', 'c', 'x'],
    ]);
    ratings.annotatorKind[2] = AI; // annotator c is an AI judge: filtered out
    const t = itemCounts(ratings, judgementFilter(ratings));
    expect(t.K).toBe(2);
    expect(t.rows).toBe(3);
    expect(Array.from(t.counts)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(Array.from(t.m)).toEqual([2, 1, 0]);
    expect(Array.from(itemCounts(ratings).m)).toEqual([3, 1, 1]);
  });

  it('itemCounts(ratings, mask, {collapse: true}) maps 5-point codes onto A / tie / B', () => {
    const ratings = ratingsFromReliability([[0, 1, 2, 3, 4]], { scale: '5-point' });
    const t = itemCounts(ratings, null, { collapse: true });
    expect(t.K).toBe(3);
    expect(Array.from(t.counts)).toEqual([1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1]);
    expect(() => itemCounts(ratingsFromReliability([[1, 2]]), null, { collapse: true })).toThrow(/preference scale/);
  });
});

describe('directionalSides', () => {
  it('directionalSides(fivePoint) keeps the sides the scale has', () => {
    expect(directionalSides(Int8Array.from([0, 1, 2, 3, 4]))).toEqual({
      side: Int32Array.from([0, 0, 1, 2, 2]),
      K: 3,
      labels: ['A', '=', 'B'],
    });
    expect(directionalSides(Int8Array.from([1, 2, 3]))).toEqual({
      side: Int32Array.from([0, 1, 2]),
      K: 3,
      labels: ['A', '=', 'B'],
    });
    expect(directionalSides(Int8Array.from([1, 3]))).toEqual({
      side: Int32Array.from([0, 1]),
      K: 2,
      labels: ['A', 'B'],
    });
    expect(directionalSides(Int8Array.from([-1, -1]))).toBeNull();
    expect(directionalSides(new Int8Array(0))).toBeNull();
  });
});

describe('countTable', () => {
  it('countTable(rows, {weight}) builds counts, row sums and weights; rejects ragged rows', () => {
    const t = countTable(
      [
        [1, 2],
        [0.5, 0],
      ],
      { weight: [3, 1] },
    );
    expect(Array.from(t.m)).toEqual([3, 0.5]);
    expect(Array.from(t.weight!)).toEqual([3, 1]);
    expect(() => countTable([[1, 2], [1]])).toThrow(/row 1/);
  });
});

describe('countPatterns', () => {
  it('countPatterns(counts) gives sorted distinct vectors with multiplicities over labelled items', () => {
    const p = countPatterns(
      countTable([
        [0, 2],
        [1, 1],
        [0, 2],
        [0, 0],
        [2, 0],
        [1, 1],
        [0, 2],
      ]),
    );
    expect(p.rows).toBe(3);
    expect(Array.from(p.counts)).toEqual([0, 2, 1, 1, 2, 0]);
    expect(Array.from(p.weight!)).toEqual([3, 2, 1]);
    expect(Array.from(p.m)).toEqual([2, 2, 2]);
    // fractional counts fall back to string keys
    const f = countPatterns(
      countTable([
        [0.5, 1],
        [0.5, 1],
      ]),
    );
    expect(Array.from(f.weight!)).toEqual([2]);
    // weights add up
    expect(
      Array.from(
        countPatterns(
          countTable(
            [
              [1, 1],
              [1, 1],
            ],
            { weight: [2, 5] },
          ),
        ).weight!,
      ),
    ).toEqual([7]);
  });

  it('countPatterns(counts) leaves every coefficient unchanged (Hayes & Krippendorff 2007)', () => {
    const t = itemCounts(ratingsFromReliability(hayesKrippendorff2007()));
    const p = countPatterns(t);
    expect(p.rows).toBeLessThan(40);
    for (const level of ['nominal', 'ordinal', 'interval'] as const)
      closeTo(krippendorffAlpha(p, { level }).value, krippendorffAlpha(t, { level }).value, 1e-12);
    closeTo(fleissKappa(p).value, fleissKappa(t).value, 1e-12);
    closeTo(gwetAc1(p).value, gwetAc1(t).value, 1e-12);
    closeTo(percentAgreement(p).strict, percentAgreement(t).strict, 1e-12);
    expect(percentAgreement(p).nPairs).toBe(239);
  });

  it('countPatterns(counts) gives the 35 patterns of 3 labels on 5 codes', () => {
    const rows: number[][] = [];
    for (let a = 0; a < 5; a++)
      for (let b = a; b < 5; b++)
        for (let c = b; c < 5; c++) {
          const row = [0, 0, 0, 0, 0];
          for (const c0 of [a, b, c]) row[c0]++;
          rows.push(row, row);
        }
    const p = countPatterns(countTable(rows));
    expect(p.rows).toBe(35);
    expect(Array.from(p.weight!).every((w) => w === 2)).toBe(true);
  });
});
