// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { rng } from '../../src/core/rng';
import { loadFiles } from '../../src/parse/loadFiles';
import { biasSection } from '../../src/sections/biasSection';
import { POSITION_BIASED, RANDOM_CLICKERS } from '../fixtures/generateDemo';
import { closeTo } from '../helpers/closeTo';
import { diskFile, textFile } from '../helpers/loadText';

const Y = 'y'.repeat(60);
// p2 holds p1's texts in swapped order, p4 repeats p1, p3 has another prompt. Lengths: "short" 5, Y 60.
const CSV = `item,annotator,annotator_kind,label,prompt,response_a,response_b,shown_first
p1,u1,human,A>,q,"  short ",${Y},A
p2,u1,human,B>,q,${Y},short,A
p4,u1,human,B>,q,short,${Y},B
p3,u1,human,A>,r,short,${Y},B
p1,u2,human,=,q,short,${Y},A
p2,u2,human,=,q,${Y},short,B
p3,u2,human,B>,r,short,${Y},A
p1,u3,human,A>,q,short,${Y},
p2,u3,human,A>,q,${Y},short,
p1,j1,ai,B>>,q,short,${Y},
p2,j1,ai,A>>,q,${Y},short,
p3,j1,ai,B>,r,short,${Y},
p4,j1,ai,B>,q,short,${Y},
`;

describe('biasSection: no position test where positions mean nothing', () => {
  it('biasSection(loaded) does not test an annotator who always saw the same model first, nor resolved pairs, and says why', async () => {
    // u1 and the judge always saw base first (a fixed baseline as side A); u2 saw the models in both orders
    const rows = ['item,annotator,annotator_kind,label,model_a,model_b,shown_first'];
    for (let i = 0; i < 30; i++) {
      rows.push(`i${i},u1,human,${i < 25 ? 'A>' : 'B>'},base,m${i % 3},A`, `i${i},judge,ai,A>,base,m${i % 3},A`);
      rows.push(`i${i},u2,human,${i % 2 ? 'A>' : 'B>'},base,m${i % 3},${i % 3 ? 'A' : 'B'}`);
    }
    const position = biasSection(await loadFiles([textFile('baseline.csv', rows.join('\n'))])).position!;
    const row = (id: string) => position.annotators.find((a) => a.id === id)!;
    expect(row('u1')).toMatchObject({
      n: 30,
      first: 25,
      p_value: null,
      flagged: false,
      untested: "always saw base first: the share of first-side wins is base's win rate, not a position bias",
    });
    expect(row('judge')).toMatchObject({
      flagged: false,
      untested: "always saw base first: the share of first-side wins is base's win rate, not a position bias",
    });
    expect(row('u2').untested).toBeNull();
    expect(row('u2').p_value).not.toBeNull();
    // the Bonferroni divisor counts only the annotators tested
    expect(position.tested).toBe(1);
    // pooled humans saw other models first too: tested
    expect(position.pooled.reason).toBeNull();
    // one resolved label per pair (no annotator column): not tested, pooled or not
    const resolved = biasSection(await loadFiles([textFile('trl.csv', 'item,label\np1,A\np2,A\np3,A\n')])).position!;
    expect(resolved.pooled).toMatchObject({
      share: null,
      p_value: null,
      reason: expect.stringMatching(/^one resolved label per pair/),
    });
    expect(resolved.annotators[0].untested).toMatch(/^one resolved label per pair/);
  });
});

describe('biasSection', () => {
  it('biasSection(loaded) computes position, length and swap figures by their definitions (hand-computed)', async () => {
    const s = biasSection(await loadFiles([textFile('bias.csv', CSV)]));
    const position = s.position!;
    // u1: p1 A (A first) ✓, p2 B (A first) ✗, p4 B (B first) ✓, p3 A (B first) ✗ → 2 of 4
    // u2: ties left out; p3 B (A first) ✗ → 0 of 1.  u3: order unknown, A counts as first: 2 of 2
    // j1 (no order): p2 A ✓; p1, p3, p4 B ✗ → 1 of 4
    expect(position.annotators.map((a) => [a.id, a.kind, a.n, a.first])).toEqual([
      ['u1', 'human', 4, 2],
      ['u2', 'human', 1, 0],
      ['u3', 'human', 2, 2],
      ['j1', 'ai', 4, 1],
    ]);
    // j1: 1 of 4, p = P(X ≤ 1) + P(X ≥ 3) = (1 + 4 + 4 + 1) / 16 = 0.625
    closeTo(position.annotators[3].p_value!, 10 / 16, 1e-14);
    expect(position.annotators[3].share).toBe(0.25);
    expect(position.pooled).toMatchObject({ n: 7, first: 4 }); // humans only
    expect(position.uses_shown_first).toBe(true);
    // nobody has 20 decisive judgements: nothing tested, nothing flagged
    expect(position.tested).toBe(0);
    expect(position.p_threshold).toBeNull();
    expect(position.annotators.some((a) => a.flagged)).toBe(false);
    expect(position.rule).toContain('alpha / m');

    const length = s.length!;
    expect(length.min_difference).toBe(30);
    expect(length.pairs).toBe(4); // every item: 5 vs 60 characters (the leading/trailing spaces of p1's A trimmed)
    // longer: B on p1, p3, p4; A on p2. u1: p4 ✓ only → 1 of 4; u2: p3 ✓ → 1 of 1; u3: p2 ✓ → 1 of 2; j1: 4 of 4
    expect(length.annotators.map((a) => [a.id, a.n, a.longer])).toEqual([
      ['u1', 4, 1],
      ['u2', 1, 1],
      ['u3', 2, 1],
      ['j1', 4, 4],
    ]);
    closeTo(length.annotators[3].p_value!, 2 / 16, 1e-14);
    expect(length.pooled).toMatchObject({ n: 7, longer: 3 });
    // bins: log2(5/60) = −3.58 (first bin), log2(60/5) = 3.58 (last bin)
    // humans, first bin: u1 p1 A, p4 B, p3 A; u2 p3 B; u3 p1 A → 3 of 5 choose A; last bin: u1 B, u3 A → 1 of 2
    const humans = length.bins.filter((b) => b.judge === null);
    expect(humans.map((b) => [b.from, b.to, b.n])).toEqual([
      [null, -2, 5],
      [-2, -1, 0],
      [-1, -0.5, 0],
      [-0.5, 0.5, 0],
      [0.5, 1, 0],
      [1, 2, 0],
      [2, null, 2],
    ]);
    expect(humans[0].share_a).toBe(0.6);
    // Wilson 3 of 5 (test/core/wilsonInterval.test.ts hand values)
    closeTo(humans[0].ci95![0], 0.230724281276013, 1e-12);
    closeTo(humans[0].ci95![1], 0.882379225767352, 1e-12);
    expect(humans[3].share_a).toBeNull();
    expect(humans[3].ci95).toBeNull();
    const judge = length.bins.filter((b) => b.judge === 'j1');
    expect(judge.map((b) => [b.kind, b.n, b.share_a])).toEqual([
      ['ai', 3, 0],
      ['ai', 0, null],
      ['ai', 0, null],
      ['ai', 0, null],
      ['ai', 0, null],
      ['ai', 0, null],
      ['ai', 1, 1],
    ]);

    // swap: item pairs (p1, p2) and (p2, p4). (p1, p2): u1 A/B ✓, u2 =/= ✓, u3 A/A ✗, j1 B/A ✓;
    // (p2, p4): u1 B/B ✗, j1 A/B ✓ → 4 of 6
    expect(s.swap).toMatchObject({ item_pairs: 2, pairs: 6, consistent: 4 });
    closeTo(s.swap!.share!, 4 / 6, 1e-15);
    expect(s.swap!.ci95![0]).toBeLessThan(4 / 6);
    expect(s.swap!.ci95![1]).toBeGreaterThan(4 / 6);
  });

  it('biasSection(loaded) without texts has no length or swap part; nominal data has no part at all', async () => {
    const plain = biasSection(
      await loadFiles([textFile('plain.csv', 'item,annotator,label\ni1,u1,A\ni2,u1,B\ni1,u2,A\n')]),
    );
    expect(plain.length).toBeNull();
    expect(plain.swap).toBeNull();
    expect(plain.position!.annotators.map((a) => [a.id, a.n, a.first])).toEqual([
      ['u1', 2, 1],
      ['u2', 1, 1],
    ]);
    expect(plain.position!.uses_shown_first).toBe(false);
    const nominal = biasSection(
      await loadFiles([textFile('nominal.csv', 'item,annotator,label\ni1,u1,cat\ni2,u1,dog\ni1,u2,bird\n')]),
    );
    expect(nominal).toEqual({ position: null, length: null, swap: null });
  });

  it('biasSection flags a planted 0.75 first-side annotator and (Bonferroni) almost no fair one, over 20 seeds', async () => {
    // per seed: 25 fair annotators with 100 decisive labels each, one biased with 200 (first side w.p. 0.75),
    // the order shown random per judgement
    let biasedFlagged = 0,
      falseFlags = 0,
      unadjusted = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const random = rng(seed);
      const lines = ['item,annotator,label,shown_first'];
      let item = 0;
      const add = (id: string, count: number, pFirst: number) => {
        for (let k = 0; k < count; k++) {
          const shownB = random() < 0.5;
          const first = random() < pFirst;
          lines.push(`i${item++},${id},${first !== shownB ? 'A>' : 'B>'},${shownB ? 'B' : 'A'}`);
        }
      };
      for (let a = 0; a < 25; a++) add(`fair${a}`, 100, 0.5);
      add('biased', 200, 0.75);
      const s = biasSection(await loadFiles([textFile('synthetic.csv', lines.join('\n'))]));
      const p = s.position!;
      expect(p.tested).toBe(26);
      closeTo(p.p_threshold!, 0.05 / 26, 1e-15);
      const biased = p.annotators.find((a) => a.id === 'biased')!;
      expect(biased.n).toBe(200);
      expect(Math.abs(biased.share! - 0.75)).toBeLessThan(0.1);
      if (biased.flagged) biasedFlagged++;
      for (const a of p.annotators) {
        if (a.id === 'biased') continue;
        if (a.flagged) falseFlags++;
        if (a.p_value! < 0.05) unadjusted++;
      }
    }
    expect(biasedFlagged).toBe(20);
    // expected false flags ≤ 20 × 0.05 = 1 (Bonferroni bounds the family-wise error per seed by alpha)
    expect(falseFlags).toBeLessThanOrEqual(2);
    // without the correction, ~3.5% of the 500 fair tests (the exact test's size at n = 100) would be flagged
    expect(unadjusted).toBeGreaterThan(5);
  });

  it('biasSection(demo) flags the planted position-biased annotator and not the random clickers', async () => {
    const loaded = await loadFiles([await diskFile(join(import.meta.dirname, '../../public/samples/demo.csv.gz'))]);
    const s = biasSection(loaded);
    const position = s.position!;
    const row = (id: string) => position.annotators.find((a) => a.id === id)!;
    expect(row(POSITION_BIASED[0]).flagged).toBe(true);
    expect(row(POSITION_BIASED[0]).share!).toBeGreaterThan(0.85); // A> or A>> w.p. 0.85, else honest
    for (const id of RANDOM_CLICKERS) expect(row(id).flagged).toBe(false);
    // no other human is flagged
    expect(position.annotators.filter((a) => a.flagged && a.kind === 'human').map((a) => a.id)).toEqual([
      ...POSITION_BIASED,
    ]);
    expect(position.uses_shown_first).toBe(false);
    expect(position.tested).toBe(26); // 25 annotators and the AI judge, each with ≥ 20 decisive labels
    // the demo's latent preference leans to the longer response (generateDemo: lengthEdge), so humans pick it
    // more often than not, and the share choosing A rises from the first length-ratio bin to the last
    const length = s.length!;
    expect(length.pairs).toBeGreaterThan(1000);
    expect(length.pooled.ci95![0]).toBeGreaterThan(0.5);
    const humans = length.bins.filter((b) => b.judge === null);
    expect(humans[0].ci95![1]).toBeLessThan(humans[6].ci95![0]);
    expect(length.bins.filter((b) => b.judge === 'ai_judge')).toHaveLength(7);
    expect(s.swap).toBeNull(); // no pair is repeated in swapped order
    // the pooled figures are the sums over the human rows; `removed` takes annotators out of them only
    const sum = (rows: { id: string; kind: string; n: number }[], skip: string[] = []) =>
      rows.filter((a) => a.kind === 'human' && !skip.includes(a.id)).reduce((t, a) => t + a.n, 0);
    expect(position.pooled.n).toBe(sum(position.annotators));
    expect(length.pooled.n).toBe(sum(length.annotators));
    const without = biasSection(loaded, { removed: [loaded.ratings.annotators.indexOf(POSITION_BIASED[0])] });
    expect(without.position!.pooled.n).toBe(sum(position.annotators, [...POSITION_BIASED]));
    expect(without.position!.pooled.first).toBe(position.pooled.first - row(POSITION_BIASED[0]).first);
    expect(without.position!.annotators).toEqual(position.annotators);
    expect(without.length!.pooled.n).toBe(sum(length.annotators, [...POSITION_BIASED]));
  });
});
