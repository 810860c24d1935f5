// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mace } from '../../src/core/mace';
import { spearman } from '../../src/core/spearman';
import type { Ratings } from '../../src/core/types';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { closeTo } from '../helpers/closeTo';
import { whenShared } from '../helpers/shared';
import { SIMPLE, SIMPLE_TRUTH, TOY_TRUTH } from './aggregationVectors';
import { CROWDKIT_TOY } from './referenceVectors';
import { goldCorrect, hasZheng, zhengRatings } from './zhengRatings';

const names = (r: Ratings, label: Int32Array) => Array.from(label, (c) => (c < 0 ? null : r.categories[c]));
const byItem = (r: Ratings, label: Int32Array) =>
  Object.fromEntries(r.items.map((id, i) => [id, label[i] < 0 ? null : r.categories[label[i]]]));

describe('mace on hand-checked cases', () => {
  // w3 says "a" whatever the others say; w1 and w2 are honest but not perfect
  const HAND: [string, string, string][] = [
    ['i1', 'w1', 'a'],
    ['i1', 'w2', 'a'],
    ['i1', 'w3', 'a'],
    ['i2', 'w1', 'b'],
    ['i2', 'w2', 'b'],
    ['i2', 'w3', 'a'],
    ['i3', 'w1', 'b'],
    ['i3', 'w2', 'a'],
    ['i3', 'w3', 'a'],
    ['i4', 'w1', 'a'],
    ['i4', 'w2', 'b'],
    ['i4', 'w3', 'a'],
  ];
  it('mace(r, null, {method: "em", start, maxIterations: 1}) is one EM pass computed independently', () => {
    const r = ratingsFromTriples(HAND);
    // start: θ = 0.8, 0.6, 0.5; ξ(a) = 0.5, 0.3, 0.9. The first E-step for i1 (all "a"), by hand:
    // P(labels | a) = (0.2·0.5 + 0.8)(0.4·0.3 + 0.6)(0.5·0.9 + 0.5) = 0.9 · 0.72 · 0.95 = 0.6156,
    // P(labels | b) = 0.1 · 0.12 · 0.45 = 0.0054, so P(a) = 0.6156 / 0.621 = 0.991304.
    const start = { competence: [0.8, 0.6, 0.5], spamming: [0.5, 0.5, 0.3, 0.7, 0.9, 0.1] };
    const zero = mace(r, null, { method: 'em', start, restarts: 1, maxIterations: 0, tolerance: 0 });
    closeTo(zero.posterior[0], 0.6156 / 0.621, 1e-12);
    // then the M-step (counts + 0.01 / K) and the E-step, in plain python (no crowd-kit), python 3.11.2:
    const one = mace(r, null, { method: 'em', start, restarts: 1, maxIterations: 1, tolerance: 0 });
    [0.709543204701978, 0.5110986007999596, 0.32982490427857214].forEach((t, a) => {
      closeTo(one.competence[a], t, 1e-12);
      closeTo(one.spamProbability[a], 1 - t, 1e-12);
    });
    [0.3087174180209773, 0.3519386685166139, 0.9981429222859576].forEach((x, a) => {
      closeTo(one.spamming[a * 2], x, 1e-12);
      closeTo(one.spamming[a * 2 + 1], 1 - x, 1e-12);
    });
    [0.9814251969394518, 0.11192014708738542, 0.566636022613575, 0.8358659248452986].forEach((p, i) => {
      closeTo(one.posterior[i * 2], p, 1e-12);
      closeTo(one.posterior[i * 2 + 1], 1 - p, 1e-12);
    });
    closeTo(one.logLikelihood, -6.541572808058685, 1e-10);
    expect(one.iterations).toBe(1);
  });

  it('mace(r) gives an annotator who always answers "a" a high spam probability, the honest ones low', () => {
    // 40 items, truth alternating a / b / c; four honest annotators each wrong on a different tenth
    const truth = ['a', 'b', 'c'];
    const triples: [string, string, string][] = [];
    for (let i = 0; i < 40; i++) {
      const t = truth[i % 3];
      for (let w = 0; w < 4; w++) triples.push([`i${i}`, `h${w}`, i % 10 === w ? truth[(i + 1) % 3] : t]);
      triples.push([`i${i}`, 'spammer', 'a']);
    }
    const r = ratingsFromTriples(triples);
    const m = mace(r);
    const spammer = r.annotators.indexOf('spammer');
    expect(m.spamProbability[spammer]).toBeGreaterThan(0.8);
    // its ξ leans to "a": under VB by (40 spam answers + 10) / (40 + 3 · 10) ≈ 0.71 (Dirichlet(10)), under EM ≈ 1
    expect(m.spamming[spammer * 3]).toBeGreaterThan(0.65);
    expect(mace(r, null, { method: 'em' }).spamming[spammer * 3]).toBeGreaterThan(0.95);
    for (let w = 0; w < 4; w++) expect(m.spamProbability[r.annotators.indexOf(`h${w}`)]).toBeLessThan(0.3);
    expect(names(r, m.label)).toEqual(r.items.map((_, i) => truth[i % 3]));
    // θ + (1 − θ) = 1, ξ rows and posterior rows sum to 1
    for (let a = 0; a < 5; a++) closeTo(m.spamming[a * 3] + m.spamming[a * 3 + 1] + m.spamming[a * 3 + 2], 1, 1e-12);
    for (let i = 0; i < 40; i++)
      closeTo(m.posterior[i * 3] + m.posterior[i * 3 + 1] + m.posterior[i * 3 + 2], 1, 1e-12);
  });

  it('mace(r) on degenerate data: empty input, one category, unlabelled annotators and items, bad options', () => {
    const empty = mace(ratingsFromTriples([]));
    expect(empty.label.length).toBe(0);
    expect(Number.isFinite(empty.logLikelihood)).toBe(true);
    const one = mace(
      ratingsFromTriples([
        ['i1', 'w1', 'a'],
        ['i1', 'w2', 'a'],
        ['i2', 'w1', 'a'],
      ]),
    );
    expect(Array.from(one.label)).toEqual([0, 0]);
    expect(Array.from(one.posterior)).toEqual([1, 1]);
    // the mask drops w2's only judgement: w2 has NaN competence, i2 no label; "c" is used by nobody selected
    const r = ratingsFromTriples([
      ['i1', 'w1', 'a'],
      ['i1', 'w3', 'b'],
      ['i2', 'w2', 'c'],
      ['i3', 'w1', 'b'],
      ['i3', 'w3', 'b'],
    ]);
    const m = mace(r, Uint8Array.from([1, 1, 0, 1, 1]));
    expect(Array.from(m.label)).toEqual([m.label[0], -1, 1]);
    expect(m.confidence[1]).toBeNaN();
    expect(m.competence[r.annotators.indexOf('w2')]).toBeNaN();
    expect(m.spamming[r.annotators.indexOf('w1') * 3 + 2]).toBe(0);
    expect(m.posterior[0 * 3 + 2]).toBe(0);
    expect(() => mace(r, null, { method: 'gibbs' as 'vb' })).toThrow('invalid method: "gibbs"');
    expect(() => mace(r, null, { restarts: 0 })).toThrow('invalid restarts: 0');
  });

  it('mace(r, null, {anyLabel: true}) changes nothing: a category nobody on the item gave is never the argmax', () => {
    // P(l | T = l) = (1 − θ) ξ_l + θ ≥ P(l | T = c) = (1 − θ) ξ_l, so each given category's posterior is at least
    // that of any category no one gave: even item x, answered only by two annotators who always say "b" and "c"
    const triples: [string, string, string][] = [];
    for (let i = 0; i < 30; i++) {
      const t = ['a', 'b', 'c'][i % 3];
      for (const w of ['h1', 'h2', 'h3']) triples.push([`i${i}`, w, t]);
      triples.push([`i${i}`, 's1', 'b'], [`i${i}`, 's2', 'c']);
    }
    triples.push(['x', 's1', 'b'], ['x', 's2', 'c']);
    const r = ratingsFromTriples(triples);
    const kept = mace(r, null, { method: 'em' });
    const free = mace(r, null, { method: 'em', anyLabel: true });
    expect(Array.from(free.label)).toEqual(Array.from(kept.label));
    expect(kept.outsideGiven).toBe(0);
    const x = r.items.indexOf('x');
    expect(kept.posterior[x * 3 + 1]).toBeGreaterThan(kept.posterior[x * 3]);
    expect(kept.posterior[x * 3 + 2]).toBeGreaterThan(kept.posterior[x * 3]);
  });
});

describe("mace on crowd-kit's toy and simple sets (tests/aggregation/test_mace_aggregation.py @35f0661)", () => {
  const toy = ratingsFromTriples(CROWDKIT_TOY);
  const simple = ratingsFromTriples(SIMPLE);
  it("mace(r) (vb) recovers the ground truth, with defaults and with crowd-kit's test settings (1 restart, 5 passes)", () => {
    for (const options of [{}, { restarts: 1, maxIterations: 5 }]) {
      expect(names(toy, mace(toy, null, options).label)).toEqual(TOY_TRUTH);
      expect(byItem(simple, mace(simple, null, options).label)).toEqual(SIMPLE_TRUTH);
    }
  });
  it('mace(r, null, {method: "em"}) recovers the toy truth and all but at most one simple task (crowd-kit: 0.9)', () => {
    expect(names(toy, mace(toy, null, { method: 'em' }).label)).toEqual(TOY_TRUTH);
    const m = mace(simple, null, { method: 'em' });
    const wrong = simple.items.filter((id, i) => simple.categories[m.label[i]] !== SIMPLE_TRUTH[id]).length;
    expect(wrong).toBeLessThanOrEqual(1);
  });
  it('mace(r, null, {seed}) is reproducible, and another seed gives the same labels on clear data', () => {
    const a = mace(simple, null, { seed: 7 });
    const b = mace(simple, null, { seed: 7 });
    expect(Array.from(b.posterior)).toEqual(Array.from(a.posterior));
    expect(Array.from(b.restartLogLikelihoods)).toEqual(Array.from(a.restartLogLikelihoods));
    const c = mace(simple, null, { seed: 8 });
    expect(Array.from(c.restartLogLikelihoods)).not.toEqual(Array.from(a.restartLogLikelihoods));
    expect(Array.from(c.label)).toEqual(Array.from(a.label));
    for (const seed of [2, 3, 4, 5]) expect(names(toy, mace(toy, null, { seed }).label)).toEqual(TOY_TRUTH);
  });
  it('relabelling annotators and items changes nothing (to the tolerance of a converged run)', () => {
    const run = { maxIterations: 5000, tolerance: 1e-13 };
    const base = mace(simple, null, run);
    // reversed rows: new item and annotator codes; renamed annotators
    const shuffled = ratingsFromTriples([...SIMPLE].reverse().map(([t, w, l]) => [`t-${t}`, `x-${w}`, l]));
    const other = mace(shuffled, null, run);
    expect(base.converged && other.converged).toBe(true);
    simple.items.forEach((id, i) => {
      const j = shuffled.items.indexOf(`t-${id}`);
      expect(other.label[j]).toBe(base.label[i]);
      for (let c = 0; c < 3; c++) closeTo(other.posterior[j * 3 + c], base.posterior[i * 3 + c], 1e-8);
    });
    simple.annotators.forEach((id, a) =>
      closeTo(other.competence[shuffled.annotators.indexOf(`x-${id}`)], base.competence[a], 1e-8),
    );
  });
});

/** numpy's legacy `RandomState(seed).random_sample(n)`: MT19937 (init_genrand) and 53-bit doubles. */
function numpyRandomSample(seed: number, n: number): Float64Array {
  const mt = new Uint32Array(624);
  mt[0] = seed >>> 0;
  for (let i = 1; i < 624; i++) mt[i] = (Math.imul(1812433253, mt[i - 1] ^ (mt[i - 1] >>> 30)) + i) >>> 0;
  let index = 624;
  const next = () => {
    if (index >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
        mt[k] = mt[(k + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      index = 0;
    }
    let y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    return (y ^ (y >>> 18)) >>> 0;
  };
  return Float64Array.from({ length: n }, () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992);
}

/**
 * crowd-kit's start for `MACE(random_state=0)`: `sps.uniform(1, 1 + 0.5).rvs(size, random_state=0)` for the
 * (spam, know) weights (nWorkers × 2) and again, from a fresh seed, for ξ (nWorkers × nLabels), each row
 * normalised; workers and labels in pandas' `factorize` order, i.e. of first appearance in the answers.
 */
function crowdKitStart(r: Ratings) {
  const workerOrder: number[] = [];
  const labelOrder: number[] = [];
  const seenW = new Set<number>();
  const seenL = new Set<number>();
  for (let j = 0; j < r.n; j++) {
    if (!seenW.has(r.annotator[j])) workerOrder.push(r.annotator[j]);
    if (!seenL.has(r.label[j])) labelOrder.push(r.label[j]);
    seenW.add(r.annotator[j]);
    seenL.add(r.label[j]);
  }
  const nW = workerOrder.length;
  const nL = labelOrder.length;
  const K = r.categories.length;
  const draws = numpyRandomSample(0, Math.max(2 * nW, nW * nL)).map((u) => 1 + 1.5 * u);
  const competence = new Float64Array(r.annotators.length);
  const spamming = new Float64Array(r.annotators.length * K);
  workerOrder.forEach((a, w) => {
    competence[a] = draws[2 * w + 1] / (draws[2 * w] + draws[2 * w + 1]);
    let sum = 0;
    for (let l = 0; l < nL; l++) sum += draws[w * nL + l];
    labelOrder.forEach((c, l) => (spamming[a * K + c] = draws[w * nL + l] / sum));
  });
  return { competence, spamming };
}

type Figures = [Record<string, number>, number, number];
interface Recorded {
  figures: Figures;
  /** worker → crowd-kit's `spamming_` row [spam, know] and `thetas_` row (ξ) by label */
  workers: Record<string, [[number, number], Record<string, number>]>;
}

/**
 * crowd-kit 1.4.1 (Toloka/crowd-kit @35f0661, Apache-2.0) `MACE()` with its defaults (n_restarts=10, n_iter=50,
 * smoothing 0.01 / K, default_noise 0.5, alpha = beta = 0.5, Dirichlet 10, random_state=0) and
 * `MACE(method="em")`, run here with Debian's python 3.11.2, numpy 1.24.2, pandas 1.5.3, scipy 1.10.1 on the
 * answers read as strings, with workers and labels recoded to integer codes in order of first appearance. The
 * recoding matters: crowd-kit's `_e_step` builds the spam counts with `groupby(["worker", "label"])`, sorted by
 * name, and its M-step stores them by position into `thetas_`, which it indexes by `factorize` (first
 * appearance) codes, so with names out of sorted order each worker is given another worker's ξ. With the codes
 * both orders agree; we checked that reindexing those counts to the factorize order on the raw answers gives the
 * same results. Its 10 restarts all draw from `random_state=0` afresh, so they are one start repeated.
 * Labels per class, right answers on the truth, and four workers' raw `spamming_` and `thetas_` (under VB
 * exp-digamma weights that sum to a little under 1; `mace` reports them renormalised).
 */
const CROWD_KIT: Record<string, { vb: Recorded; em: Recorded }> = {
  'zheng2017-d-product': {
    vb: {
      figures: [{ 0: 6166, 1: 2149 }, 6787, 8315],
      workers: {
        A3GJG5WDSBJDF9: [
          [0.997352376647017, 0.0010436872294336311],
          { 0: 0.9624547154082778, 1: 0.035684481409826815 },
        ],
        A2OQ5SUV3W7HFY: [[0.8270346501534181, 0.16539253051558014], { 0: 0.706402753686623, 1: 0.2868402716553051 }],
        ATUMNO19F5R71: [[0.008861801422225197, 0.9790469234543716], { 0: 0.4921567775750225, 1: 0.48280030664208134 }],
      },
    },
    em: {
      figures: [{ 0: 6244, 1: 2071 }, 6887, 8315],
      workers: {
        A3OJ1IOB618GL1: [
          [0.7801722364908056, 0.21982776350919442],
          { 0: 0.9998917096287667, 1: 0.00010829037123325785 },
        ],
        A9D14MQC5R919: [[0.016513595626888044, 0.9834864043731119], { 0: 0.08200823114811776, 1: 0.9179917688518824 }],
      },
    },
  },
  'zheng2017-duck-identification': {
    vb: {
      figures: [{ 0: 67, 1: 41 }, 93, 108],
      workers: {
        1737: [[0.9936593113617125, 0.0026284911314125954], { 0: 0.6154667622200256, 1: 0.38061424901370056 }],
        866: [[0.686284075104074, 0.3091207127920852], { 0: 0.28916622954752763, 1: 0.7055307564029719 }],
        1730: [[0.14886866459113324, 0.8465474632444293], { 0: 0.4458894639072342, 1: 0.540187023300963 }],
      },
    },
    em: {
      figures: [{ 0: 60, 1: 48 }, 96, 108],
      workers: {
        1766: [[0.680766169333969, 0.319233830666031], { 0: 0.9506585244183153, 1: 0.04934147558168461 }],
        896: [[0.8322359267900347, 0.1677640732099653], { 0: 0.09981188828346521, 1: 0.9001881117165348 }],
      },
    },
  },
  'zheng2017-dog': {
    vb: {
      figures: [{ 0: 178, 1: 179, 2: 173, 3: 277 }, 670, 807],
      workers: {
        29: [
          [0.9737147311442897, 0.021875167037334373],
          { 0: 0.10844191488398415, 1: 0.33239239647966895, 2: 0.48391208117934964, 3: 0.065044118620564 },
        ],
        24: [
          [0.01366016715705901, 0.96825105219576],
          { 0: 0.24004313045050168, 1: 0.23956749136885472, 2: 0.2393961602054874, 3: 0.2436367371823787 },
        ],
      },
    },
    em: {
      figures: [{ 0: 178, 1: 179, 2: 169, 3: 281 }, 672, 807],
      workers: {
        88: [
          [0.2819952001496303, 0.7180047998503697],
          { 0: 0.3328859360852035, 1: 0.0004965447359352582, 2: 0.6658872806976697, 3: 0.000730238481191622 },
        ],
      },
    },
  },
  'zheng2017-face-sentiment': {
    vb: {
      figures: [{ 0: 263, 1: 166, 2: 85, 3: 70 }, 376, 584],
      workers: {
        A3KAJ085J9OR0Z: [
          [0.5966474891700829, 0.3792924666554675],
          { 0: 0.34566918257087237, 1: 0.24379914840092834, 2: 0.19806045179690016, 3: 0.1837308946723575 },
        ],
        A2F0X4LN9N4O4C: [
          [0.01091524743865957, 0.9663589781885067],
          { 0: 0.24104331148926864, 1: 0.24061740953103922, 2: 0.24049103747296208, 3: 0.24034310533053194 },
        ],
      },
    },
    em: {
      figures: [{ 0: 245, 1: 168, 2: 98, 3: 73 }, 387, 584],
      workers: {
        AORFXVSW8DDHP: [
          [0.3342418693568543, 0.6657581306431456],
          { 0: 0.003577702710073767, 1: 0.9916059172669398, 2: 0.0029592162518514973, 3: 0.001857163771134782 },
        ],
      },
    },
  },
};

const figures = (r: Ratings, label: Int32Array): Figures => {
  const counts: Record<string, number> = {};
  for (const l of label) if (l >= 0) counts[r.categories[l]] = (counts[r.categories[l]] ?? 0) + 1;
  const { correct, n } = goldCorrect(label, r.itemGold);
  return [counts, correct, n];
};

for (const [name, expected] of Object.entries(CROWD_KIT))
  whenShared(hasZheng(name)).describe(`mace on ${name} against crowd-kit 1.4.1`, () => {
    for (const method of ['vb', 'em'] as const)
      it(`mace(r, null, {method: "${method}", start: crowd-kit's, restarts: 1, tolerance: 0}) is crowd-kit's run`, async () => {
        const r = await zhengRatings(name);
        const m = mace(r, null, { method, start: crowdKitStart(r), restarts: 1, tolerance: 0, anyLabel: true });
        expect(m.iterations).toBe(50);
        expect(figures(r, m.label)).toEqual(expected[method].figures);
        for (const [worker, [[spam, know], xi]] of Object.entries(expected[method].workers)) {
          const a = r.annotators.indexOf(worker);
          closeTo(m.competence[a], know / (spam + know), 1e-9);
          const total = Object.values(xi).reduce((s, x) => s + x, 0);
          for (const [l, x] of Object.entries(xi))
            closeTo(m.spamming[a * r.categories.length + r.categories.indexOf(l)], x / total, 1e-9);
        }
      }, 60_000);

    it("mace(r) from its own random starts: crowd-kit's labels where the fixed point is unique, else close", async () => {
      const r = await zhengRatings(name);
      for (const method of ['vb', 'em'] as const) {
        const own = mace(r, null, { method, anyLabel: true });
        const ck = mace(r, null, { method, start: crowdKitStart(r), restarts: 1, tolerance: 0, anyLabel: true });
        const [, correct, n] = figures(r, own.label);
        const [, ckCorrect] = expected[method].figures;
        const spread =
          own.restartLogLikelihoods.reduce((s, x) => Math.max(s, x), -Infinity) -
          own.restartLogLikelihoods.reduce((s, x) => Math.min(s, x), Infinity);
        if (name !== 'zheng2017-d-product') {
          // every restart reaches the same optimum, the fixed point crowd-kit's start reaches
          expect(spread).toBeLessThan(0.1);
          expect(figures(r, own.label)).toEqual(expected[method].figures);
        } else {
          // D_Product: distinct optima (restart log-likelihoods up to ~30 apart); gold accuracy within 2 points
          expect(spread).toBeGreaterThan(0.5);
          expect(Math.abs(correct - ckCorrect) / n).toBeLessThan(0.02);
        }
        // competence order agrees with crowd-kit's run
        expect(spearman(own.competence, ck.competence).rho).toBeGreaterThan(0.9);
      }
    }, 120_000);
  });

whenShared(hasZheng('zheng2017-d-product')).describe('mace on D_Product and the crowd-kit paper', () => {
  /**
   * Ustalov et al. (2024, JOSS 9(96):6227) report MACE 0.929 on D_Product. That is crowd-kit 1.4.1 `MACE()` on
   * the answers as they are (run here as above: 7725 / 8315 = 0.929, labels 0: 7630, 1: 685), i.e. with each
   * worker's ξ taken from another worker (see CROWD_KIT above). MACE as published — crowd-kit with the orders
   * aligned, and `mace` — scores 6787 / 8315 = 0.816 (crowd-kit's start) to about 0.83 (best of 10 starts):
   * under a uniform prior on the truth, 88% of items being class 0 lets "always 0" annotators pass for spammers.
   */
  it("mace(r) scores 0.80-0.85 on D_Product, not the 0.929 of crowd-kit's misaligned run", async () => {
    const r = await zhengRatings('zheng2017-d-product');
    const { correct, n } = goldCorrect(mace(r).label, r.itemGold);
    expect(correct / n).toBeGreaterThan(0.8);
    expect(correct / n).toBeLessThan(0.85);
  }, 60_000);
});
