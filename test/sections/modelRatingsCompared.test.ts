// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bradleyTerry } from '../../src/core/bradleyTerry';
import { bradleyTerryPosition } from '../../src/core/bradleyTerryPosition';
import { davidson } from '../../src/core/davidson';
import { elo } from '../../src/core/elo';
import { raoKupper } from '../../src/core/raoKupper';
import { rng } from '../../src/core/rng';
import { tieLogLikelihood } from '../../src/core/tieLogLikelihood';
import { loadFiles } from '../../src/parse/loadFiles';
import { modelRatings } from '../../src/sections/modelRatings';
import { MIN_POSITION_JUDGEMENTS } from '../../src/sections/positionAdvantage';
import { RATING_MODELS } from '../../src/sections/ratingModels';
import { closeTo } from '../helpers/closeTo';
import { textFile } from '../helpers/loadText';

// The hand-built file of modelRatings.test.ts: human verdicts, overall dimension (m1, m2, m3 = codes 0, 1, 2),
// in file order as comparisons (model A, model B, score of A):
//   i1 (m1, m2): A> 1, = 0.5; i2 (m2, m1): = 0.5; i3 (m2, m3): A>> 1, B> 0; i4 (m3, m2): B> 0;
//   i5 (m1, m3): A> 1 three times; i6 (m3, m1): B> 0, A> 1
// Not counted: i7 (same model), i8 (no model B), the style row, the AI judge.
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
const A = [0, 0, 1, 1, 1, 2, 0, 0, 0, 2, 2];
const B = [1, 1, 0, 2, 2, 1, 2, 2, 2, 0, 0];
const S = [1, 0.5, 0.5, 1, 0, 0, 1, 1, 1, 0, 1];

const centred = (x: ArrayLike<number>) => {
  const mean = (x[0] + x[1] + x[2]) / 3;
  return [x[0] - mean, x[1] - mean, x[2] - mean];
};

describe('modelRatings: models_compared (hand-built file)', () => {
  it('each rating model equals its kernel run directly on the same 11 comparisons', async () => {
    const m = modelRatings(await loadFiles([textFile('models.csv', CSV)]), { bootstrap: 0 })!;
    const mc = m.models_compared;
    expect(mc.models).toEqual(['m1', 'm2', 'm3']); // = models' order (here also the codes' order)
    expect(mc.methods.map((x) => x.name)).toEqual([...RATING_MODELS]);
    const by = Object.fromEntries(mc.methods.map((x) => [x.name, x]));

    // bradley_terry: the existing ratings, and the constant-tie-rate likelihood at their strengths
    const bt = bradleyTerry(A, B, S, 3);
    expect(by.bradley_terry.rating).toEqual(m.models.map((x) => x.rating));
    const llBt = tieLogLikelihood(A, B, S, 'bradley-terry', bt.strength, null);
    closeTo(by.bradley_terry.log_likelihood!, llBt.logLik, 1e-12);
    closeTo(by.bradley_terry.tie_parameter!, 2 / 11, 1e-15); // τ = ties / judgements: i1 u2 and i2 u1
    expect([by.bradley_terry.parameters, by.bradley_terry.comparisons]).toEqual([3, 11]);

    // bradley_terry_decisive: Bradley–Terry on the 9 decisive comparisons
    const decisive = bradleyTerry(A, B, S, 3, { weight: S.map((x) => (x === 0.5 ? 0 : 1)) });
    by.bradley_terry_decisive.rating.forEach((x, c) => closeTo(x!, decisive.rating[c], 1e-6));
    expect(by.bradley_terry_decisive.comparisons).toBe(9);
    closeTo(
      by.bradley_terry_decisive.log_likelihood!,
      tieLogLikelihood(A, B, S, 'bradley-terry', decisive.strength, null).logLik,
      1e-8,
    );
    // its strengths are the constant-tie-rate model's MLE, so they score at least the ties-half ones
    expect(by.bradley_terry_decisive.log_likelihood!).toBeGreaterThanOrEqual(by.bradley_terry.log_likelihood!);

    // davidson, rao_kupper
    const dv = davidson(A, B, S, 3);
    expect(by.davidson.rating).toEqual([...dv.rating]);
    expect(by.davidson.tie_parameter).toBe(dv.nu);
    closeTo(by.davidson.log_likelihood!, dv.logLik, 1e-12);
    closeTo(by.davidson.aic!, 2 * 3 - 2 * dv.logLik, 1e-12);
    const rk = raoKupper(A, B, S, 3);
    expect(by.rao_kupper.rating).toEqual([...rk.rating]);
    expect(by.rao_kupper.tie_parameter).toBe(rk.theta);
    closeTo(by.rao_kupper.aic!, 2 * 3 - 2 * rk.logLik, 1e-12);
    for (const name of ['bradley_terry', 'davidson', 'rao_kupper'] as const) {
      expect(by[name].parameters).toBe(3);
      expect(by[name].comparisons).toBe(11);
      expect(by[name].converged).toBe(true);
    }

    // elo: K = 4 from 1000 in the order shuffled by rng(seed = 1), shifted to mean 0
    const e = elo(A, B, S, 3, { seed: 1 });
    by.elo.rating.forEach((x, c) => closeTo(x!, centred(e.rating)[c], 1e-9));
    expect(mc.elo).toEqual({
      k_factor: 4,
      initial: 1000,
      base: 10,
      scale: 400,
      seed: 1,
      bootstrap_seed: 2,
      bootstrap: 0,
    });
    expect([by.elo.log_likelihood, by.elo.aic, by.elo.tie_parameter, by.elo.converged]).toEqual([
      null,
      null,
      null,
      null,
    ]);

    // win_rate: every model is in the main group, so it is the row's win rate
    by.win_rate.rating.forEach((x, c) => closeTo(x!, m.models[c].win_rate, 1e-12));
  });

  it('the bootstrap: same resamples as the existing intervals, intervals around the estimates, reproducible', async () => {
    const loaded = await loadFiles([textFile('models.csv', CSV)]);
    const m = modelRatings(loaded, { bootstrap: 200, seed: 3 })!;
    const by = Object.fromEntries(m.models_compared.methods.map((x) => [x.name, x]));
    // Bradley–Terry (ties half) refitted on the same resamples: exactly the existing rating_ci95
    expect(by.bradley_terry.rating_ci95).toEqual(m.models.map((x) => x.rating_ci95));
    expect(by.bradley_terry.bootstrap_kept).toBe(200 - m.bootstrap_dropped);
    for (const name of ['bradley_terry', 'davidson', 'rao_kupper', 'win_rate'] as const) {
      const x = by[name];
      expect(x.bootstrap_kept).toBeGreaterThan(100);
      x.rating.forEach((r, c) => {
        const [lo, hi] = x.rating_ci95[c]!;
        expect(lo).toBeLessThanOrEqual(r!);
        expect(hi).toBeGreaterThanOrEqual(r!);
      });
    }
    const [lo, hi] = by.davidson.tie_parameter_ci95!;
    expect(lo).toBeLessThanOrEqual(by.davidson.tie_parameter!);
    expect(hi).toBeGreaterThanOrEqual(by.davidson.tie_parameter!);
    expect(m.models_compared.elo.bootstrap).toBe(by.elo.bootstrap_kept); // 11 judgements: every kept resample
    expect(modelRatings(loaded, { bootstrap: 200, seed: 3 })).toEqual(m);
  });

  it('a model outside the main group is null in every rating model', async () => {
    const csv = `${CSV}i10,u1,A>,m4,m1,,human\ni11,u2,B>,m3,m4,,human\n`;
    const m = modelRatings(await loadFiles([textFile('models.csv', csv)]), { bootstrap: 20 })!;
    expect(m.models_compared.models).toEqual(['m1', 'm2', 'm3', 'm4']);
    for (const x of m.models_compared.methods) {
      expect(x.rating[3]).toBeNull();
      expect(x.rating_ci95[3]).toBeNull();
      expect(x.rating[0]).not.toBeNull();
    }
    // the likelihoods count the 11 judgements inside the main group, as before
    expect(m.models_compared.methods[2].comparisons).toBe(11);
  });
});

describe('modelRatings: position (first-position advantage per human annotator)', () => {
  /**
   * Two human annotators on random pairs of 4 models with a recorded side shown first: u1 gives 80 verdicts
   * and favours the side shown first (the first-shown model scores with odds γ = 3 × π_f/π_s), u2 only 12
   * (below the minimum); an AI judge's verdicts are not counted.
   */
  function csv(): string {
    const random = rng(8);
    const theta = [-150, -50, 50, 150];
    const lines = ['item,annotator,label,model_a,model_b,kind,shown_first'];
    let it = 0;
    for (const [u, n, gamma] of [
      ['u1', 80, 3],
      ['u2', 12, 1],
    ] as const)
      for (let k = 0; k < n; k++, it++) {
        const x = Math.floor(random() * 4);
        let y = Math.floor(random() * 3);
        if (y >= x) y++;
        const shownA = random() < 0.5;
        const [f, g] = shownA ? [x, y] : [y, x];
        const odds = gamma * 10 ** ((theta[f] - theta[g]) / 400);
        const u01 = random();
        const firstWins = u01 < (odds / (1 + odds)) * 0.9,
          tie = !firstWins && u01 < odds / (1 + odds);
        const label = tie ? '=' : firstWins === shownA ? 'A>' : 'B>';
        lines.push(`i${it},${u},${label},m${x},m${y},human,${shownA ? 'A' : 'B'}`);
        lines.push(`i${it},judge,A>>,m${x},m${y},ai,A`);
      }
    return lines.join('\n') + '\n';
  }

  it('γ per annotator with enough judgements equals bradleyTerryPosition on its judgements; pooled likewise', async () => {
    const loaded = await loadFiles([textFile('position.csv', csv())]);
    const r = loaded.ratings;
    expect(r.shownFirst).not.toBeNull();
    const m = modelRatings(loaded, { bootstrap: 0 })!;
    const p = m.position;
    expect(p.min_judgements).toBe(MIN_POSITION_JUDGEMENTS);
    expect(MIN_POSITION_JUDGEMENTS).toBe(30);
    expect(p.annotators.map((x) => x.annotator)).toEqual(['u1']);
    expect(p.below_minimum).toBe(1);
    // the same fit by hand: each human verdict as (model shown first, the other, score of the first)
    const code = (name: string) => m.models_compared.models.slice().sort().indexOf(name);
    const rows = { u1: [[], [], []] as number[][], all: [[], [], []] as number[][] };
    for (let j = 0; j < r.n; j++) {
      const who = r.annotators[r.annotator[j]];
      if (who === 'judge') continue;
      const i = r.item[j];
      const x = code(loaded.models.a[i]!),
        y = code(loaded.models.b[i]!);
      const side = r.fivePoint[r.label[j]];
      const s = side < 2 ? 1 : side === 2 ? 0.5 : 0;
      const first = r.shownFirst![j] === 0;
      for (const key of who === 'u1' ? (['u1', 'all'] as const) : (['all'] as const)) {
        rows[key][0].push(first ? x : y);
        rows[key][1].push(first ? y : x);
        rows[key][2].push(first ? s : 1 - s);
      }
    }
    const [f, g, s] = rows.u1;
    const direct = bradleyTerryPosition(f, g, s, 4);
    const u1 = p.annotators[0];
    expect(u1.judgements).toBe(80);
    closeTo(u1.gamma!, direct.gamma, 1e-12);
    expect(u1.gamma_ci95).toEqual(direct.gammaCi);
    closeTo(u1.p_value!, direct.pValue, 1e-12);
    expect(u1.gamma!).toBeGreaterThan(1); // the advantage simulated (γ = 3)
    expect(u1.gamma_ci95![0]).toBeLessThan(u1.gamma!);
    expect(u1.gamma_ci95![1]).toBeGreaterThan(u1.gamma!);
    const pooled = bradleyTerryPosition(rows.all[0], rows.all[1], rows.all[2], 4);
    expect(p.pooled!.judgements).toBe(92);
    closeTo(p.pooled!.gamma!, pooled.gamma, 1e-12);
  });

  it('without a shown-first column side A is taken as first (order_assumed), as the position-bias check reads it', async () => {
    const m = modelRatings(await loadFiles([textFile('models.csv', CSV)]), { bootstrap: 0 })!;
    // u1, u2, u3 have fewer than 30 verdicts each; pooled: the 11 comparisons with model A first
    expect(m.position).toMatchObject({ min_judgements: 30, order_assumed: 11, annotators: [], below_minimum: 3 });
    const direct = bradleyTerryPosition(A, B, S, 3);
    expect(m.position.pooled).toMatchObject({ annotator: '(all human annotators)', judgements: 11 });
    expect(m.position.pooled!.first_score_share).toBe(direct.firstScore / direct.comparisons);
    if (direct.converged && Number.isFinite(direct.gamma)) closeTo(m.position.pooled!.gamma!, direct.gamma, 1e-12);
    else expect(m.position.pooled!.gamma).toBeNull();
  });
});
