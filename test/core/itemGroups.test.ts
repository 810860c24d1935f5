// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { itemGroups } from '../../src/core/itemGroups';
import { loadFiles } from '../../src/parse/loadFiles';
import { textFile } from '../helpers/loadText';

describe('itemGroups', () => {
  it('groups the selected labelled judgements by item, in judgement order (by hand)', async () => {
    // items p1, p2, p3 in order of appearance; annotators x, y, z; categories of the 5-point scale
    const csv = 'example_id,annotator_id,label\np1,x,A>\np2,y,B>\np1,y,=\np3,x,A>\np1,z,B>\n';
    const { ratings: r } = await loadFiles([textFile('g.csv', csv)]);
    const code = (label: string) => r.categories.indexOf(label);
    const all = itemGroups(r, null);
    expect(Array.from(all.start)).toEqual([0, 3, 4, 5]);
    expect(Array.from(all.who, (a) => r.annotators[a])).toEqual(['x', 'y', 'z', 'y', 'x']);
    expect(Array.from(all.what)).toEqual([code('A>'), code('='), code('B>'), code('B>'), code('A>')]);
    expect(all.nUsed).toBe(3);
    expect(Array.from(all.given)).toEqual([1, 1, 1]);
    // a mask leaving out z's and the p3 judgement
    const mask = Uint8Array.from({ length: r.n }, (_, j) =>
      r.annotators[r.annotator[j]] === 'z' || r.items[r.item[j]] === 'p3' ? 0 : 1,
    );
    const some = itemGroups(r, mask);
    expect(Array.from(some.start)).toEqual([0, 2, 3, 3]);
    expect(some.nUsed).toBe(3);
    expect(Array.from(some.given, (g, a) => (g ? r.annotators[a] : null)).filter(Boolean)).toEqual(['x', 'y']);
  });
});
