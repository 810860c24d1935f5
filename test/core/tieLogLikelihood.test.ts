import { describe, expect, it } from 'vitest';
import { bradleyTerry } from '../../src/core/bradleyTerry';
import { davidson } from '../../src/core/davidson';
import { raoKupper } from '../../src/core/raoKupper';
import { tieLogLikelihood } from '../../src/core/tieLogLikelihood';
import { closeTo } from '../helpers/closeTo';
import { countRows, davidsonProbabilities, fromRatings, raoKupperProbabilities, simulatePairs } from './tieSimulation';

describe('tieLogLikelihood (hand-computed)', () => {
  // one pair, model 0 against 1: 3 wins, 2 ties, 1 loss; strengths (2, 1)
  const { a, b, s, w } = countRows([[0, 1, 3, 2, 1]]);
  const p = [2, 1];

  it('tieLogLikelihood(…, "bradley-terry", π, null) uses τ = T/N: 3 log(⅔·⅔) + 2 log ⅓ + log(⅔·⅓)', () => {
    const ll = tieLogLikelihood(a, b, s, 'bradley-terry', p, null, { weight: w });
    closeTo(ll.tie, 1 / 3, 1e-15);
    closeTo(ll.logLik, 3 * Math.log(4 / 9) + 2 * Math.log(1 / 3) + Math.log(2 / 9), 1e-12);
    expect([ll.parameters, ll.comparisons, ll.ties, ll.models]).toEqual([2, 6, 2, 2]);
    closeTo(ll.aic, 4 - 2 * ll.logLik, 1e-12);
  });

  it('davidson and rao-kupper at (2, 1) with ν = 1, θ = 2', () => {
    // Davidson: D = 2 + 1 + √2; P = (2, √2, 1) / D
    const D = 3 + Math.SQRT2;
    closeTo(
      tieLogLikelihood(a, b, s, 'davidson', p, 1, { weight: w }).logLik,
      3 * Math.log(2 / D) + 2 * Math.log(Math.SQRT2 / D) + Math.log(1 / D),
      1e-12,
    );
    // Rao–Kupper: P(0 wins) = 2/(2 + 2) = 1/2, P(1 wins) = 1/(1 + 4) = 1/5, P(tie) = 3·2/(4·5) = 3/10
    closeTo(
      tieLogLikelihood(a, b, s, 'rao-kupper', p, 2, { weight: w }).logLik,
      3 * Math.log(1 / 2) + 2 * Math.log(3 / 10) + Math.log(1 / 5),
      1e-12,
    );
  });

  it('comparisons with a model without strength are left out; unknown models and missing ties throw', () => {
    const ll = tieLogLikelihood([0, 0, 2], [1, 2, 1], [1, 1, 0.5], 'bradley-terry', [2, 1, NaN], null);
    expect([ll.comparisons, ll.ties, ll.models, ll.parameters]).toEqual([1, 0, 2, 2]);
    closeTo(ll.logLik, Math.log(2 / 3), 1e-12); // τ = 0: P(0 wins) = 2/3
    expect(tieLogLikelihood([], [], [], 'davidson', [1], 1).logLik).toBeNaN();
    expect(() => tieLogLikelihood([0], [1], [1], 'elo' as 'davidson', [1, 1], 1)).toThrow('invalid model: "elo"');
    expect(() => tieLogLikelihood([0], [1], [1], 'davidson', [1, 1], null)).toThrow('tie parameter required');
  });
});

describe('tieLogLikelihood: AIC across models on seeded simulations', () => {
  const theta = [-300, -150, 0, 150, 300];
  const pi = fromRatings(theta);

  /** AIC of each model on the same comparisons (the main component) and parameters (4 strengths + 1 tie) */
  function aics(data: ReturnType<typeof simulatePairs>) {
    const { a, b, s, w } = data;
    const d = davidson(a, b, s, 5, { weight: w });
    const rk = raoKupper(a, b, s, 5, { weight: w });
    const bt = bradleyTerry(a, b, s, 5, { weight: w });
    const decisive = bradleyTerry(a, b, s, 5, { weight: w.map((x, k) => (s[k] === 0.5 ? 0 : x)) });
    const ll = {
      davidson: tieLogLikelihood(a, b, s, 'davidson', d.strength, d.nu, { weight: w }),
      raoKupper: tieLogLikelihood(a, b, s, 'rao-kupper', rk.strength, rk.theta, { weight: w }),
      btHalf: tieLogLikelihood(a, b, s, 'bradley-terry', bt.strength, null, { weight: w }),
      btDecisive: tieLogLikelihood(a, b, s, 'bradley-terry', decisive.strength, null, { weight: w }),
    };
    for (const x of Object.values(ll)) expect([x.comparisons, x.parameters]).toEqual([ll.davidson.comparisons, 5]);
    return ll;
  }

  it('data from Davidson with many ties: Davidson and Rao–Kupper beat Bradley–Terry (ties half) in AIC', () => {
    const ll = aics(simulatePairs(pi, 1000, (x, y) => davidsonProbabilities(x, y, 1.5), 9));
    expect(ll.davidson.aic).toBeLessThan(ll.btHalf.aic - 10);
    expect(ll.raoKupper.aic).toBeLessThan(ll.btHalf.aic - 10);
    // the true model fits best; the decisive strengths are this Bradley–Terry model's MLE, so they beat the
    // ties-as-half strengths under it
    expect(ll.davidson.aic).toBeLessThan(ll.raoKupper.aic);
    expect(ll.btDecisive.logLik).toBeGreaterThanOrEqual(ll.btHalf.logLik);
  });

  it('data from Rao–Kupper: Rao–Kupper has the lowest AIC', () => {
    const ll = aics(simulatePairs(pi, 1000, (x, y) => raoKupperProbabilities(x, y, 2), 10));
    expect(ll.raoKupper.aic).toBeLessThan(ll.davidson.aic);
    expect(ll.raoKupper.aic).toBeLessThan(ll.btDecisive.aic);
  });
});
