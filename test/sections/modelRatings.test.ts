// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { AI, HUMAN } from '../../src/core/types';
import { rng } from '../../src/core/rng';
import { loadFiles } from '../../src/parse/loadFiles';
import { modelRatings } from '../../src/sections/modelRatings';
import { closeTo } from '../helpers/closeTo';
import { textFile } from '../helpers/loadText';

const R = 400 * Math.log10(2); // 120.412: the rating gap of 2 : 1 odds

// Human verdicts (overall dimension) per model pair, following each item's sides:
//   m1 vs m2: i1 (m1 = A): u1 A> (m1), u2 = ; i2 (m2 = A): u1 =          → m1 1 win, 2 ties, m2 0 wins
//   m2 vs m3: i3 (m2 = A): u1 A>> (m2), u2 B> (m3); i4 (m3 = A): u3 B>   → m2 2 wins, m3 1
//   m1 vs m3: i5 (m1 = A): A>, A>, A>; i6 (m3 = A): u1 B> (m1), u2 A> (m3) → m1 4 wins, m3 1
// With p = (4, 2, 1) / 7 every expected score equals the observed one (m1 vs m2: 3·4/6 = 2 = 1 + 2/2;
// m2 vs m3: 3·2/3 = 2; m1 vs m3: 5·4/5 = 4), so that is the MLE, ratings R · (1, 0, −1).
// Not counted: i7 shows m1 on both sides; i8 names no model B; the `style` dimension row; every verdict of
// the AI judge `gpt-judge` (kind ai), which contradicts the humans and alone compares m4.
const CSV = `item,annotator,label,model_a,model_b,dimension,kind
i1,u1,A>,m1,m2,,human
i1,u2,=,m1,m2,,human
i2,u1,=,m2,m1,,human
i3,u1,A>>,m2,m3,,human
i3,u2,B>,m2,m3,,human
i4,u3,B>,m3,m2,,human
i5,u1,A>,m1,m3,,human
i5,u2,A>,m1,m3,,human
i5,u3,A>,m1,m3,,human
i6,u1,B>,m3,m1,,human
i6,u2,A>,m3,m1,,human
i7,u1,A>,m1,m1,,human
i8,u1,A>,m2,,,human
i3,u3,B>>,m2,m3,style,human
i1,gpt-judge,B>>,m1,m2,,ai
i3,gpt-judge,B>>,m2,m3,,ai
i5,gpt-judge,B>>,m1,m3,,ai
i9,gpt-judge,A>>,m4,m1,,ai
`;

describe('modelRatings (hand-computed)', () => {
  it('modelRatings(loaded, {bootstrap: 0}) counts human verdicts per model and fits 4 : 2 : 1', async () => {
    const loaded = await loadFiles([textFile('models.csv', CSV)]);
    const r = loaded.ratings;
    expect(r.scale).toBe('5-point');
    expect(r.annotatorKind[r.annotators.indexOf('gpt-judge')]).toBe(AI);
    expect(r.annotatorKind[r.annotators.indexOf('u1')]).toBe(HUMAN);
    const m = modelRatings(loaded, { bootstrap: 0 })!;
    expect(m.models.map((x) => x.model)).toEqual(['m1', 'm2', 'm3']);
    expect(m.models.map(({ comparisons, wins, ties, losses }) => [comparisons, wins, ties, losses])).toEqual([
      [8, 5, 2, 1], // m1: 3 vs m2 (1 win, 2 ties) + 5 vs m3 (4 wins, 1 loss)
      [6, 2, 2, 2], // m2: 3 vs m1 (2 ties, 1 loss) + 3 vs m3 (2 wins, 1 loss)
      [8, 2, 0, 6], // m3: 3 vs m2 (1 win) + 5 vs m1 (1 win)
    ]);
    [6 / 8, 3 / 6, 2 / 8].forEach((w, i) => closeTo(m.models[i].win_rate, w, 1e-12));
    [4 / 7, 2 / 7, 1 / 7].forEach((p, i) => closeTo(m.models[i].strength!, p, 1e-9));
    [R, 0, -R].forEach((x, i) => closeTo(m.models[i].rating!, x, 1e-6));
    expect(m.models.every((x) => x.finite && x.reason === null && x.rating_ci95 === null)).toBe(true);
    expect(m.matrix.models).toEqual(['m1', 'm2', 'm3']);
    expect(m.matrix.comparisons).toEqual([
      [0, 3, 5],
      [3, 0, 3],
      [5, 3, 0],
    ]);
    // row against column, ties half: m1 vs m2 (1 + 1) / 3, m1 vs m3 4/5, m2 vs m3 2/3
    const expected = [
      [null, 2 / 3, 4 / 5],
      [1 / 3, null, 2 / 3],
      [1 / 5, 1 / 3, null],
    ];
    expected.forEach((row, i) =>
      row.forEach((x, j) =>
        x === null ? expect(m.matrix.win_rate[i][j]).toBeNull() : closeTo(m.matrix.win_rate[i][j]!, x, 1e-12),
      ),
    );
    expect(m).toMatchObject({
      judgements: 11,
      items: 6,
      same_model_judgements: 1,
      bootstrap: 0,
      seed: 1,
      bootstrap_dropped: 0,
      converged: true,
    });
  });

  it('modelRatings(loaded, {bootstrap: 200}): intervals around the estimate, reproducible by seed', async () => {
    const loaded = await loadFiles([textFile('models.csv', CSV)]);
    const m = modelRatings(loaded, { bootstrap: 200, seed: 3 })!;
    for (const x of m.models) {
      const [lo, hi] = x.rating_ci95!;
      expect(lo).toBeLessThanOrEqual(x.rating!);
      expect(hi).toBeGreaterThanOrEqual(x.rating!);
    }
    expect(modelRatings(loaded, { bootstrap: 200, seed: 3 })).toEqual(m);
    expect(modelRatings(loaded, { bootstrap: 200, seed: 4 })!.models[0].rating_ci95).not.toEqual(
      m.models[0].rating_ci95,
    );
  });

  it('modelRatings drops the resamples without a finite MLE at the rate item resampling gives', async () => {
    // Which items a resample of the 6 items contains decides whether m1, m2, m3 still beat each other both
    // ways ("i → j": i won or tied against j at least once): i1, i2: m1 ↔ m2 (ties); i3: m2 ↔ m3; i4: m2 → m3;
    // i5: m1 → m3; i6: m1 ↔ m3. P(exactly the set S is drawn) = Σ_{T ⊆ S} (−1)^{|S|−|T|} (|T| / 6)^6.
    const edges: [number, number][][] = [
      [
        [0, 1],
        [1, 0],
      ],
      [
        [0, 1],
        [1, 0],
      ],
      [
        [1, 2],
        [2, 1],
      ],
      [[1, 2]],
      [[0, 2]],
      [
        [0, 2],
        [2, 0],
      ],
    ];
    const bits = (x: number) => x.toString(2).replace(/0/g, '').length;
    let pDrop = 0,
      pAll = 0;
    for (let S = 1; S < 64; S++) {
      let pS = 0;
      for (let T = S; ; T = (T - 1) & S) {
        pS += (-1) ** (bits(S) - bits(T)) * (bits(T) / 6) ** 6;
        if (T === 0) break;
      }
      pAll += pS;
      const reach = [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ];
      for (let i = 0; i < 6; i++) if (S & (1 << i)) for (const [x, y] of edges[i]) reach[x][y] = 1;
      for (let k = 0; k < 3; k++)
        for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) if (reach[x][k] && reach[k][y]) reach[x][y] = 1;
      if (!reach.every((row) => row.every(Boolean))) pDrop += pS;
    }
    closeTo(pAll, 1, 1e-12); // the sets partition the 6^6 draws
    closeTo(pDrop, 5426 / 46656, 1e-12); // a brute-force count over all 6^6 ordered draws gives 5426
    const m = modelRatings(await loadFiles([textFile('models.csv', CSV)]), { bootstrap: 10000, seed: 5 })!;
    // binomial SE sqrt(0.117 · 0.883 / 10000) = 0.0032; 4 SE
    closeTo(m.bootstrap_dropped / 10000, pDrop, 0.013);
  });

  it('a model that never loses comes after the finite ones, with rating null and a reason', async () => {
    // m4 beats m1 and m3 once each (a human verdict this time) and never loses: +∞; the others keep 4 : 2 : 1
    const csv = `${CSV}i10,u1,A>,m4,m1,,human\ni11,u2,B>,m3,m4,,human\n`;
    const m = modelRatings(await loadFiles([textFile('models.csv', csv)]), { bootstrap: 50 })!;
    expect(m.models.map((x) => [x.model, x.finite])).toEqual([
      ['m1', true],
      ['m2', true],
      ['m3', true],
      ['m4', false],
    ]);
    const m4 = m.models[3];
    expect(m4).toMatchObject({
      comparisons: 2,
      wins: 2,
      ties: 0,
      losses: 0,
      win_rate: 1,
      strength: null,
      rating: null,
      rating_ci95: null,
    });
    expect(m4.reason).toMatch(/won every comparison/);
    [R, 0, -R].forEach((x, i) => closeTo(m.models[i].rating!, x, 1e-6));
    expect(m.matrix.win_rate[3][0]).toBe(1);
    expect(m.matrix.win_rate[3][1]).toBeNull();
  });

  it('modelRatings is null for nominal labels, without model names, or with a single model', async () => {
    const nominal = `item,annotator,label,model_a,model_b\ni1,u1,cat,m1,m2\ni1,u2,dog,m1,m2\ni2,u1,bird,m1,m2\n`;
    const loadedNominal = await loadFiles([textFile('nominal.csv', nominal)]);
    expect(loadedNominal.ratings.scale).toBe('nominal');
    expect(modelRatings(loadedNominal)).toBeNull();
    expect(
      modelRatings(await loadFiles([textFile('plain.csv', 'item,annotator,label\ni1,u1,A>\ni2,u1,B>\n')])),
    ).toBeNull();
    expect(
      modelRatings(await loadFiles([textFile('self.csv', 'item,annotator,label,model_a,model_b\ni1,u1,A>,m1,m1\n')])),
    ).toBeNull();
  });

  it("modelRatings counts the AI judge's verdicts when no human verdict compares two named models (an AlpacaEval file)", async () => {
    const aiOnly =
      'item,annotator,label,model_a,model_b,kind\ni1,u1,A>,m1,m1,human\ni2,judge,A>,m1,m2,ai\ni3,judge,B>,m1,m2,ai\ni4,judge,A>,m1,m2,ai\n';
    const ratings = modelRatings(await loadFiles([textFile('ai.csv', aiOnly)]), { bootstrap: 0 })!;
    expect(ratings.source).toBe('judge');
    expect(ratings.judgements).toBe(3);
    // m1 wins 2 of 3: Bradley-Terry strengths 2/3 and 1/3, ratings ±200 log10(2) around 0
    const m1 = ratings.models.find((m) => m.model === 'm1')!;
    expect([m1.wins, m1.losses, m1.win_rate]).toEqual([2, 1, 2 / 3]);
    expect(m1.rating).toBeCloseTo(200 * Math.log10(2), 6);
    // with a human verdict between two models, the humans' count and the judge's do not
    const mixed = `${aiOnly}i5,u1,B>,m1,m2,human\n`;
    const human = modelRatings(await loadFiles([textFile('mixed.csv', mixed)]), { bootstrap: 0 })!;
    expect([human.source, human.judgements]).toEqual(['humans', 1]);
  });
});

// ---- seeded synthetic: known ratings, coverage and shrinking intervals ----

const THETA = [-300, -180, -60, 60, 180, 300]; // true ratings, mean 0

/**
 * `nItems` items, each a random pair of distinct models on random sides, judged by 1 or 2 humans
 * independently: P(the A model scores) = π = 1 / (1 + 10^((θ_B − θ_A) / 400)), a tie with probability
 * 0.4 min(π, 1 − π), otherwise A with probability (π − t/2) / (1 − t), so the expected score (ties half) is
 * π. An AI judge says `A>>` on every item; counting it would pull every rating towards 0.
 */
function syntheticCsv(nItems: number, seed: number): string {
  const random = rng(seed);
  const lines = ['item,annotator,label,model_a,model_b,kind'];
  for (let it = 0; it < nItems; it++) {
    const x = Math.floor(random() * 6);
    let y = Math.floor(random() * 5);
    if (y >= x) y++;
    const pi = 1 / (1 + 10 ** ((THETA[y] - THETA[x]) / 400));
    const t = 0.4 * Math.min(pi, 1 - pi);
    const q = (pi - t / 2) / (1 - t);
    const judges = random() < 0.5 ? 1 : 2;
    for (let k = 0; k < judges; k++) {
      const u = random();
      const strong = random() < 0.3;
      const label = u < t ? '=' : random() < q ? (strong ? 'A>>' : 'A>') : strong ? 'B>>' : 'B>';
      lines.push(`i${it},u${Math.floor(random() * 20)}_${k},${label},m${x},m${y},human`);
    }
    lines.push(`i${it},judge,A>>,m${x},m${y},ai`);
  }
  return lines.join('\n') + '\n';
}

describe('modelRatings (seeded synthetic, known ratings)', () => {
  const run = async (nItems: number) =>
    modelRatings(await loadFiles([textFile('synthetic.csv', syntheticCsv(nItems, 11))]))!;

  it('modelRatings(loaded) covers the true ratings for most models, and 4× the items halves the intervals', async () => {
    const small = await run(1500);
    const large = await run(6000);
    const widths: number[] = [];
    for (const m of [small, large]) {
      expect(m.models.map((x) => x.model)).toEqual(['m5', 'm4', 'm3', 'm2', 'm1', 'm0']);
      expect(m.bootstrap).toBe(1000);
      expect(m.bootstrap_dropped).toBe(0);
      let covered = 0;
      let width = 0;
      for (const x of m.models) {
        const truth = THETA[Number(x.model.slice(1))];
        const [lo, hi] = x.rating_ci95!;
        if (lo <= truth && truth <= hi) covered++;
        width += (hi - lo) / m.models.length;
      }
      // 95% intervals: all 6 covered with probability ≈ 0.95^6 = 0.74, at least 5 with ≈ 0.97
      expect(covered).toBeGreaterThanOrEqual(5);
      widths.push(width);
    }
    // the standard error goes as 1 / sqrt(n): 4× the items → half the width (0.5; allow 0.4-0.6)
    expect(widths[1] / widths[0]).toBeGreaterThan(0.4);
    expect(widths[1] / widths[0]).toBeLessThan(0.6);
    // and the width is what the Fisher information says: with 1500 items (~2250 human judgements, 150 per
    // pair) the ends have SE ≈ 400/ln10 / sqrt(150 Σ π(1 − π)) ≈ 18 points, so a 95% interval ≈ 70 wide
    expect(widths[0]).toBeGreaterThan(40);
    expect(widths[0]).toBeLessThan(100);
  }, 30_000); // two files × 1,000 resamples, each refitting the rating models of `models_compared` too
});
