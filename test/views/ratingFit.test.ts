// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ComparedRatings, ModelsCompared } from '../../src/sections/ratingModels';
import { ratingFitSentence } from '../../src/views/ratingFit';

const method = (name: ComparedRatings['name'], aic: number | null, comparisons = 100): ComparedRatings => ({
  name,
  rating: [],
  rating_ci95: [],
  comparisons,
  log_likelihood: aic === null ? null : -aic / 2 + 3,
  parameters: aic === null ? null : 3,
  aic,
  tie_parameter: name === 'bradley_terry' ? 0.25 : null,
  tie_parameter_ci95: null,
  converged: true,
  bootstrap_kept: 0,
});
const compared = (methods: ComparedRatings[]): ModelsCompared => ({
  models: [],
  methods,
  elo: { k_factor: 4, initial: 1000, base: 10, scale: 400, seed: 1, bootstrap_seed: 2, bootstrap: 0 },
});

describe('ratingFitSentence', () => {
  it('names the lowest AIC, the gaps to it, and reads gaps under 2 as no evidence (hand-made AICs)', () => {
    const c = compared([
      method('bradley_terry', 520.4),
      method('bradley_terry_decisive', 519.9, 75),
      method('davidson', 500),
      method('rao_kupper', 501.5),
      method('elo', null),
      method('win_rate', null),
    ]);
    expect(ratingFitSentence(c)).toBe(
      'By AIC on the same 100 comparisons (ties: 25.0% of them), Davidson (ties modelled) fits best; Rao-Kupper (ties modelled) +1.5, Bradley-Terry, without ties +19.9, Bradley-Terry, ties half +20.4 — gaps under 2 are no evidence either way.',
    );
    expect(ratingFitSentence(compared([method('bradley_terry', 10), method('davidson', 11)]))).toMatch(
      /every gap is under 2, so the data do not prefer one way of treating ties\.$/,
    );
    expect(ratingFitSentence(compared([method('bradley_terry', 10), method('davidson', 30)]))).toMatch(
      /every other model is 2 or more behind\.$/,
    );
    expect(ratingFitSentence(compared([method('davidson', 10), method('elo', null)]))).toBeNull();
  });
});
