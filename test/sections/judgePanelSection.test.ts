// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { aiJudgeSection } from '../../src/sections/aiJudgeSection';
import { loadReal, withRealExports } from '../helpers/realExports';
import { textFile } from '../helpers/loadText';

const LLMBAR = ['llmbar-natural/GPT-4-Vanilla/result.json', 'llmbar-natural/ChatGPT-Vanilla/result.json'];

describe('ai_judge.panel', () => {
  it('panels the first-order judges against the human majority when there is no gold (hand-computed)', async () => {
    // three judges j1..j3 (j1 also swapped: not a second member) and a human majority on p1..p4
    const rows = ['example_id,annotator_id,annotator_type,label'];
    const votes: Record<string, string[]> = {
      h: ['A>', 'A>', 'B>', 'B>'],
      j1: ['A>', 'A>', 'A>', 'B>'], // errs on p3
      j2: ['A>', 'B>', 'A>', 'B>'], // errs on p2, p3
      j3: ['A>', 'A>', 'B>', 'A>'], // errs on p4
      'j1 (swapped)': ['B>', 'B>', 'B>', 'B>'],
    };
    for (const [who, labels] of Object.entries(votes))
      labels.forEach((l, i) => rows.push(`p${i + 1},${who},${who === 'h' ? 'human' : 'ai'},${l}`));
    const panel = aiJudgeSection(await loadFiles([textFile('panel.csv', rows.join('\n'))])).panel!;
    expect(panel).toMatchObject({ members: ['j1', 'j2', 'j3'], reference: 'human_majority', items: 4 });
    expect(panel.accuracy).toEqual([0.75, 0.5, 0.75]);
    // errors j1 (0,0,1,0), j2 (0,1,1,0): phi = (1·2 − 0·1)/√(1·3·2·2) = 2/√12; j1–j3 and j2–j3: −1/3, −1/√3
    expect(panel.error_correlation[0][1]).toBeCloseTo(2 / Math.sqrt(12), 12);
    expect(panel.error_correlation[0][2]).toBeCloseTo(-1 / 3, 12);
    expect(panel.error_correlation[1][2]).toBeCloseTo(-1 / Math.sqrt(3), 12);
    // ρ̄ = (0.57735 − 0.33333 − 0.57735)/3 = −0.11111 → clamped to 0 → 3 effective judges
    expect(panel.mean_error_correlation).toBeCloseTo(-1 / 9, 12);
    expect(panel.effective_judges).toBe(3);
    // majority: p1 A, p2 A, p3 A (wrong), p4 B → 3 / 4, no ties
    expect(panel.majority).toMatchObject({ accuracy: 0.75, ties: 0 });
  });

  withRealExports(...LLMBAR).it('LLMBar Natural: GPT-4 and ChatGPT on gold, as numpy counts them', async () => {
    // python 3.11.2, numpy 1.24.2 on the two result.json files ("swap = False" winners against label):
    // accuracy 0.95 and 0.8; numpy.corrcoef of the error indicators 0.3441236008058419; the two agree and are
    // right on 79 pairs, disagree on 17
    const panel = aiJudgeSection(await loadReal(LLMBAR)).panel!;
    expect(panel).toMatchObject({ members: ['GPT-4-Vanilla', 'ChatGPT-Vanilla'], reference: 'gold', items: 100 });
    expect(panel.accuracy).toEqual([0.95, 0.8]);
    expect(panel.error_correlation[0][1]).toBeCloseTo(0.3441236008058419, 12);
    expect(panel.effective_judges).toBeCloseTo(2 / 1.3441236008058419, 12);
    expect(panel.majority).toMatchObject({ accuracy: 0.79, ties: 17 });
    // two judges: a disagreement is a tie, so neither adds accuracy to the other alone
    expect(panel.adds_most).toBeNull();
  });
});
