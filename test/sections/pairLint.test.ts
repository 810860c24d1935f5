// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgementFilter } from '../../src/core/judgementFilter';
import { majorityVote } from '../../src/core/majorityVote';
import { loadFiles, type LoadResult } from '../../src/parse/loadFiles';
import { pairLint } from '../../src/sections/pairLint';
import { pairStatistics } from '../../src/sections/pairStatistics';
import { diskFile, textFile } from '../helpers/loadText';

const LONG = 'x'.repeat(130);
// p1, p2, p3: one (prompt, A, B) — p2 with A and B swapped. Final labels p1 A, p2 B (the mirror of A: agrees), p3 B
// (same orientation as p1, other side: conflict). p4, p5: swapped, A and B → mirror images, no conflict.
// p6, p7: identical responses and a repeated pair (= and =). p8: empty A. p9, p10: no prompt, equal A and B →
// repeated, A against = → conflict; p11 has those responses under a prompt: not with them.
// split: Q1 under train (p1) and test (p2, p3); Q4 under test and train within p8 itself; Q3's p7 has an empty
// cell, which is no value; LONG under train and test (cut to 120 characters). batch: Q2 under b1 (p4) and b2 (p5).
const CSV = `item,annotator,label,prompt,response_a,response_b,split,batch
p1,u1,A,Q1,x,y,train,b1
p1,u2,A,Q1,x,y,train,b1
p2,u1,B,Q1,y,x,test,b1
p3,u1,B,Q1,x,y,test,b1
p4,u1,A,Q2,u,v,train,b1
p5,u1,B,Q2,v,u,train,b2
p6,u1,=,Q3,same,same,train,b1
p7,u1,=,Q3,same,same,,b1
p8,u1,A,Q4,,z,test,b1
p8,u2,A,Q4,,z,train,b1
p9,u1,A,,m,n,train,b1
p10,u1,=,,m,n,train,b1
p11,u1,A,Q5,m,n,train,b1
p12,u1,A,${LONG},r,s,train,b1
p13,u1,B,${LONG},s2,r2,test,b1
`;

/** The final label of each item by hand (the single label, or the two equal ones). */
function finalLabels(loaded: LoadResult, byItem: Record<string, string>): Int32Array {
  const r = loaded.ratings;
  return Int32Array.from(r.items, (id) => (id in byItem ? r.categories.indexOf(byItem[id]) : -1));
}

const FINAL = {
  p1: 'A>',
  p2: 'B>',
  p3: 'B>',
  p4: 'A>',
  p5: 'B>',
  p6: '=',
  p7: '=',
  p8: 'A>',
  p9: 'A>',
  p10: '=',
  p11: 'A>',
  p12: 'A>',
  p13: 'B>',
};

describe('pairLint', () => {
  it('pairLint(loaded, finalLabels) lists identical, empty, repeated pairs and prompts across slices (hand-computed)', async () => {
    const loaded = await loadFiles([textFile('lint.csv', CSV)]);
    expect(loaded.ratings.categories).toEqual(['A>', '=', 'B>']);
    const lint = pairLint(loaded, finalLabels(loaded, FINAL));
    expect(lint).toEqual({
      identical: ['p6', 'p7'],
      identical_count: 2,
      empty: ['p8'],
      empty_count: 1,
      repeated: [
        { items: ['p1', 'p2', 'p3'], items_count: 3, swapped: true, conflicting: true },
        { items: ['p4', 'p5'], items_count: 2, swapped: true, conflicting: false },
        { items: ['p6', 'p7'], items_count: 2, swapped: false, conflicting: false },
        { items: ['p9', 'p10'], items_count: 2, swapped: false, conflicting: true },
      ],
      repeated_count: 4,
      repeated_conflicting: 2,
      prompts_across_slices: [
        { slice: 'split', prompt: 'Q1', values: ['train', 'test'], items: ['p1', 'p2', 'p3'], items_count: 3 },
        { slice: 'split', prompt: 'Q4', values: ['train', 'test'], items: ['p8'], items_count: 1 },
        {
          slice: 'split',
          prompt: `${'x'.repeat(119)}…`,
          values: ['train', 'test'],
          items: ['p12', 'p13'],
          items_count: 2,
        },
        { slice: 'batch', prompt: 'Q2', values: ['b1', 'b2'], items: ['p4', 'p5'], items_count: 2 },
      ],
      prompts_across_slices_count: 4,
    });
    expect(lint.prompts_across_slices[2].prompt).toHaveLength(120);
  });

  it('pairLint(loaded, finalLabels) ignores items without a final label in the conflict, and the majority vote gives the same answer here', async () => {
    const loaded = await loadFiles([textFile('lint.csv', CSV)]);
    // without p3's label, p1 (A) and p2 (B, swapped) agree
    const withoutP3 = Object.fromEntries(Object.entries(FINAL).filter(([id]) => id !== 'p3'));
    expect(pairLint(loaded, finalLabels(loaded, withoutP3)).repeated[0].conflicting).toBe(false);
    const vote = majorityVote(loaded.ratings, judgementFilter(loaded.ratings)).label;
    expect(pairLint(loaded, vote)).toEqual(pairLint(loaded, finalLabels(loaded, FINAL)));
  });

  it('pairLint(loaded) without response texts lists no empty pairs; nominal labels compare categories and a swapped copy not at all', async () => {
    const noTexts = await loadFiles([textFile('n.csv', 'item,annotator,label,prompt\na,u1,A,Q\nb,u1,B,Q\n')]);
    const lint = pairLint(noTexts, new Int32Array(2).fill(-1));
    expect([lint.empty_count, lint.identical_count, lint.repeated_count, lint.prompts_across_slices_count]).toEqual([
      0, 0, 0, 0,
    ]);
    const nominal = await loadFiles([
      textFile(
        'c.csv',
        'item,annotator,label,prompt,response_a,response_b\na,u1,cat,Q,x,y\nb,u1,dog,Q,x,y\nc,u1,cat,Q,y,x\nd,u1,cat,R,x,y\ne,u1,cat,R,x,y\n',
      ),
    ]);
    expect(nominal.ratings.scale).toBe('nominal');
    const labels = Int32Array.from(nominal.ratings.items, (id) =>
      nominal.ratings.categories.indexOf(id === 'b' ? 'dog' : 'cat'),
    );
    // {a, b, c}: a cat against b dog conflicts (c, swapped, is not compared); {d, e}: cat and cat
    expect(pairLint(nominal, labels).repeated.map((g) => [g.items.join(''), g.swapped, g.conflicting])).toEqual([
      ['abc', true, true],
      ['de', false, false],
    ]);
  });

  it('pairLint(loaded) caps every list at 200 entries and keeps the full counts', async () => {
    // 250 prompts, each with two items (train, test) of identical responses: 500 identical, 250 repeated groups,
    // 250 prompts across splits; and one prompt with 250 copies: a group of 250 items
    const lines = ['item,annotator,label,prompt,response_a,response_b,split'];
    for (let i = 0; i < 250; i++) lines.push(`d${i}a,u1,A,P${i},s,s,train`, `d${i}b,u1,A,P${i},s,s,test`);
    for (let i = 0; i < 250; i++) lines.push(`z${i},u1,A,Z,p,q,train`);
    const loaded = await loadFiles([textFile('cap.csv', lines.join('\n') + '\n')]);
    const lint = pairLint(loaded, new Int32Array(loaded.ratings.items.length).fill(-1));
    expect([lint.identical.length, lint.identical_count]).toEqual([200, 500]);
    expect([lint.repeated.length, lint.repeated_count, lint.repeated_conflicting]).toEqual([200, 251, 0]);
    expect([lint.prompts_across_slices.length, lint.prompts_across_slices_count]).toEqual([200, 250]);
    // groups in order of their first item: the 250-copy group comes last, past the cap; its own list is capped
    expect(lint.repeated[0].items).toEqual(['d0a', 'd0b']);
    const only = await loadFiles([textFile('z.csv', [lines[0], ...lines.slice(501)].join('\n') + '\n')]);
    const z = pairLint(only, new Int32Array(250).fill(-1)).repeated[0];
    expect([z.items.length, z.items_count, z.items[199]]).toEqual([200, 250, 'z199']);
  });

  it('pairLint(demo) agrees with pairStatistics and a naive count of prompts across pairing strategies', async () => {
    const loaded = await loadFiles([await diskFile(join(import.meta.dirname, '../../public/samples/demo.csv.gz'))]);
    const r = loaded.ratings;
    const lint = pairLint(loaded, majorityVote(r, judgementFilter(r)).label);
    expect(lint.identical_count).toBe(pairStatistics(loaded).identical_responses);
    expect(lint.empty_count).toBe(0);
    // naive: per slice column, prompt → the set of values of its judgements (model_pair is derived, not a column)
    const expected: string[] = [];
    for (const s of r.slices) {
      if (s.name === 'model_pair') continue;
      const values = new Map<string, Set<string>>();
      for (let j = 0; j < r.n; j++) {
        const p = loaded.texts.prompt[r.item[j]]!;
        if (!values.has(p)) values.set(p, new Set());
        values.get(p)!.add(s.values[s.code[j]]);
      }
      for (const [p, v] of values)
        if (v.size > 1) expected.push(`${s.name}: ${p.length > 120 ? `${p.slice(0, 119)}…` : p}`);
    }
    // the generator draws the strategy apart from the prompt, and each prompt template belongs to one domain
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.every((e) => e.startsWith('pairing_strategy: '))).toBe(true);
    expect(lint.prompts_across_slices_count).toBe(expected.length);
    expect(lint.prompts_across_slices.map((e) => `${e.slice}: ${e.prompt}`).sort()).toEqual(expected.sort());
  });
});
