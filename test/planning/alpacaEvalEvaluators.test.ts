// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALPACA_EVAL_EVALUATORS } from '../../src/planning/alpacaEvalEvaluators';
import { sharedPath, withShared } from '../helpers/shared';

const LEADERBOARD = 'reference-data/alpaca-eval-evaluators/evaluators_leaderboard.csv';

describe('the AlpacaEval evaluators table', () => {
  it('holds the humans row as published (65.7% agreement at $300 and 36,800 s per 1,000 comparisons) and 17 LLM judges', () => {
    expect(ALPACA_EVAL_EVALUATORS).toHaveLength(18);
    const humans = ALPACA_EVAL_EVALUATORS.filter((r) => r.human);
    expect(humans.map((r) => r.judge)).toEqual(['humans']);
    expect(humans[0].agreement).toBeCloseTo(0.6566358, 6);
    expect(humans[0].price_per_1000).toBe(300);
    expect(humans[0].seconds_per_1000).toBeCloseTo(36800, 6);
    // open models run locally have no price on the leaderboard
    expect(ALPACA_EVAL_EVALUATORS.filter((r) => r.price_per_1000 === null).map((r) => r.judge)).toEqual([
      'guanaco_33b',
      'oasst_pythia_12b',
      'stablelm_alpha_7b',
    ]);
    // the `longest` baseline always prefers the longer output, at no cost
    expect(ALPACA_EVAL_EVALUATORS.find((r) => r.judge === 'longest')).toMatchObject({
      prefers_longer: 1,
      price_per_1000: 0,
      seconds_per_1000: 0,
    });
  });

  withShared(LEADERBOARD).it('equals the leaderboard CSV of tatsu-lab/alpaca_eval @02f2cce, row for row', () => {
    const [header, ...lines] = readFileSync(sharedPath(LEADERBOARD), 'utf8')
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
    const col = (name: string) => header.findIndex((h) => h.startsWith(name));
    const num = (s: string) => (s === '' ? null : Number(s));
    expect(
      lines.map((c) => ({
        judge: c[0],
        human: c[0] === 'humans',
        agreement: Number(c[col('Human agreement')]) / 100,
        price_per_1000: num(c[col('Price')]),
        seconds_per_1000: num(c[col('Time')]),
        prefers_longer: num(c[col('Proba. prefer longer')]),
      })),
    ).toEqual(ALPACA_EVAL_EVALUATORS);
  });
});
