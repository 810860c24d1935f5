// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { modelPairs } from '../../src/sections/modelPairs';
import { pairStatistics } from '../../src/sections/pairStatistics';
import { textFile } from '../helpers/loadText';

const CSV = `item,annotator,label,response_a,response_b,model_a,model_b
p1,u1,A,abc,abcd,m1,m2
p1,u2,B,abc,abcd,m1,m2
p2,u1,A,same,same,m2,m1
p3,u1,=,,xyz,m1,m2
p3,u1,B,,xyz,m1,m2
p4,u3,A,,,m3,m1
`;

describe('pair statistics and model pairs (hand-computed)', () => {
  it('counts texts, identical and empty responses, lengths and duplicates', async () => {
    const loaded = await loadFiles([textFile('pairs.csv', CSV)]);
    // p1 (3 vs 4 chars), p2 (identical, 4 vs 4): both texts; p3 has only B; p4 no texts at all
    expect(pairStatistics(loaded)).toEqual({
      pairs_with_texts: 2,
      identical_responses: 1,
      empty_a: 1,
      empty_b: 0,
      median_chars_a: 3.5,
      median_chars_b: 4,
      a_longer_share: 0.25, // p1: B longer (0), p2: equal (0.5)
      duplicate_judgements: 1, // p3 by u1 twice: the later (B) wins
    });
  });

  it("counts verdicts per unordered model pair, following each item's sides", async () => {
    const loaded = await loadFiles([textFile('pairs.csv', CSV)]);
    // m1 vs m2: p1 u1 A (m1), p1 u2 B (m2), p2 u1 A (m2 was shown as A), p3 u1 B (m2)
    expect(modelPairs(loaded)).toEqual({
      rows: [
        { a: 'm1', b: 'm2', items: 3, a_wins: 1, b_wins: 3, ties: 0 },
        { a: 'm1', b: 'm3', items: 1, a_wins: 0, b_wins: 1, ties: 0 },
      ],
      source: 'humans',
    });
  });

  it("leaves out pairs of a model with itself, and counts an AI judge's verdicts when no human compares two models", async () => {
    const csv =
      'item,annotator,label,model_a,model_b,kind\ni1,u1,A,m1,m1,human\ni2,judge,A,m1,m2,ai\ni3,judge,tie,m2,m1,ai\ni4,judge,B,m2,m1,ai\n';
    const loaded = await loadFiles([textFile('judge-only.csv', csv)]);
    // i2: m1 wins; i3: a tie; i4: B = m1 wins
    expect(modelPairs(loaded)).toEqual({
      rows: [{ a: 'm1', b: 'm2', items: 3, a_wins: 2, b_wins: 0, ties: 1 }],
      source: 'judge',
    });
  });
});
