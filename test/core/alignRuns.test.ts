import { describe, expect, it } from 'vitest';
import { alignItems, countsFor, shareOf } from '../../src/core/alignRuns';
import { loadFiles } from '../../src/parse/loadFiles';
import { textFile } from '../helpers/loadText';

const ratings = async (text: string) => (await loadFiles([textFile('r.csv', text)])).ratings;
const all = (n: number) => new Uint8Array(n).fill(1);

describe('alignItems and countsFor', () => {
  it('put the items of both runs first (by id), then each run’s own, and count labels in that order', async () => {
    const a = await ratings('item,annotator,label\np1,x,A\np1,y,B\np2,x,A\np3,x,B\n');
    const b = await ratings('item,annotator,label\np4,x,A\np3,y,A\np3,z,A\np1,x,B\n');
    const aligned = alignItems(a, all(a.n), b, all(b.n));
    expect(aligned.shared).toBe(2);
    expect([aligned.aOnly, aligned.bOnly]).toEqual([1, 1]);
    // shared p1, p3 first in run A's order, then p2 (A only); for B: p1, p3, then p4
    expect(Array.from(aligned.a, (i) => a.items[i])).toEqual(['p1', 'p3', 'p2']);
    expect(Array.from(aligned.b, (i) => b.items[i])).toEqual(['p1', 'p3', 'p4']);
    const countsB = countsFor(b, all(b.n), aligned.b, false);
    // binary scale A / B: p1 one B, p3 two A, p4 one A
    expect(Array.from(countsB.counts)).toEqual([0, 1, 2, 0, 1, 0]);
    expect(Array.from(countsB.m)).toEqual([1, 2, 1]);
    expect(shareOf(countsB, 0)).toBeCloseTo(3 / 4, 12);
  });
});
