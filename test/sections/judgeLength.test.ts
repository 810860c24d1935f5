// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { aiJudgeSection } from '../../src/sections/aiJudgeSection';
import { lengthBaseline } from '../../src/sections/judgeLength';
import { loadReal, withRealExports } from '../helpers/realExports';
import { textFile } from '../helpers/loadText';

const ALPACA = 'alpaca-eval-alpaca-7b/annotations.json';

describe('length-controlled win rate against the baseline model', () => {
  it('takes the model on most pairs as the baseline and counts the other side as the candidate (by hand)', async () => {
    // base on every pair, on side B of p2: candidate lengths − base lengths = +40, −32, +6, 0
    const x = (n: number) => 'x'.repeat(n);
    const csv = [
      'example_id,model_a,model_b,response_a,response_b,annotator_id,annotator_type,label',
      `p1,base,m1,${x(2)},${x(42)},j,ai,B>`, // candidate m1 longer (+40), wins
      `p2,m2,base,${x(2)},${x(34)},j,ai,B>`, // candidate m2 shorter (−32), base wins
      `p3,base,m1,${x(1)},${x(7)},j,ai,=`, // a tie: left out
      `p4,base,m2,${x(3)},${x(3)},j,ai,A>`, // equal lengths, base wins
      `p5,base,m1,${x(3)},${x(9)},j,ai,B>`, // +6, candidate wins
    ].join('\n');
    const loaded = await loadFiles([textFile('len.csv', csv)]);
    expect(lengthBaseline(loaded)).toBe('base');
    const lc = aiJudgeSection(loaded).judges[0].length_controlled!;
    // decisive 4: wins p1, p5; losses p2, p4 → raw 0.5; lengths differing by more than 30 (as the length bias):
    // p1 (longer won) and p2 (base longer, won) → 2 / 2; p5's +6 is not counted
    // wins sit at the two largest differences: separation, so no controlled rate, with the reason
    expect(lc).toMatchObject({ baseline: 'base', pairs: 5, n: 4, ties: 1, raw: 0.5, longer_wins: 1, longer_wins_n: 2 });
    expect(lc.controlled).toBeNull();
    expect(lc.reason).toMatch(/separat/);
  });

  withRealExports(ALPACA).it(
    "AlpacaEval alpaca-7b: the leaderboard's wins, and the logistic fit scipy gives on the same lengths",
    async () => {
      // alpaca_eval_gpt4_leaderboard.csv (tatsu-lab/alpaca_eval @cd543a1): alpaca-7b 205 wins, 584 losses,
      // 16 draws against text_davinci_003. Fit recomputed with python 3.11.2, numpy 1.24.2, scipy 1.10.1
      // (scipy.optimize.minimize BFGS on the logistic likelihood of win ~ (len_2 − len_1) / sd, UTF-16 lengths of
      // the stripped outputs; se from the inverse analytic Hessian): intercept −1.0250624642561743, slope
      // 1.4872611470008816, se 0.0890727004061091 / 0.17529302121863014; the longer output won 528 of 780 (any length difference)
      const judge = aiJudgeSection(await loadReal([ALPACA])).judges[0];
      const lc = judge.length_controlled!;
      expect(lc).toMatchObject({ baseline: 'text_davinci_003', n: 789, ties: 16, longer_wins_n: 634 });
      expect(lc.raw).toBeCloseTo(205 / 789, 12);
      // counted in python 3.11 from annotations.json (str.strip, preference 1 / 2): lengths differing by more than
      // 30 characters, as the length-bias section counts them — 450 of 634 (any difference: 528 of 780)
      expect(lc.longer_wins).toBeCloseTo(450 / 634, 12);
      expect(lc.controlled).toBeCloseTo(0.26404246758715105, 9);
      expect(lc.controlled_ci95![0]).toBeCloseTo(0.23153895348271156, 9);
      expect(lc.controlled_ci95![1]).toBeCloseTo(0.29933150943224657, 9);
      expect(lc.slope).toBeCloseTo(1.4872611470008816, 8);
      expect(lc.slope_se).toBeCloseTo(0.17529302121863014, 8);
      // the judge is of the openai family, as text_davinci_003: its own family's answers win 584 of 789
      expect(judge.self_preference).toMatchObject({
        family: 'openai',
        judge: { k: 584, n: 789 },
        on_human_pairs: null,
      });
    },
  );
});
