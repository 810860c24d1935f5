// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { verdictLabel } from '../../../src/parse/adapters/judgeOutput';
import { goldLabels, judgementRows, loadFormatFixtures } from '../../helpers/loadFixture';

describe('judge output file (JudgeBench run_judge.py)', () => {
  // jb-1: label A>B, games A>B and B>A (the second judged with A and B swapped: A>B once flipped back);
  // jb-2: label B>A, games A>B and A>B (flipped back: B>A); jb-3: label B>A, games A=B and null.
  it('reads game 1 as the judge model and game 2, flipped back, as the same judge "(swapped)"; label is gold', async () => {
    const r = await loadFormatFixtures(['judge-output.jsonl']);
    expect(r.fileInfos[0].adapter).toBe('judge-output');
    expect(judgementRows(r)).toEqual([
      'jb-1 | gpt-4o-mini (swapped) | ai | overall | A>',
      'jb-1 | gpt-4o-mini | ai | overall | A>',
      'jb-2 | gpt-4o-mini (swapped) | ai | overall | B>',
      'jb-2 | gpt-4o-mini | ai | overall | A>',
      'jb-3 | gpt-4o-mini | ai | overall | =',
    ]);
    expect(goldLabels(r)).toEqual({ 'jb-1': 'A>', 'jb-2': 'B>', 'jb-3': 'B>' });
    expect(r.issues).toEqual([
      {
        file: 'judge-output.jsonl',
        row: 3,
        column: 'judgments[1].decision',
        message: 'game 2: decision "null" is not a verdict; left out',
      },
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'games with no decision (null: no verdict parsed, or the judge failed) were left out',
    ]);
    expect(r.ratings.slices.find((s) => s.name === 'source')!.values).toEqual([
      'mmlu-pro-physics',
      'livebench-math',
      'livebench-reasoning',
    ]);
  });

  it('verdictLabel(v) reads A>B, A>>B, B<A, A=B and their spacing; refuses anything else', () => {
    expect(['A>B', 'A >> B', 'B<A', 'B>A', 'b>>a', 'A=B', 'A<<B'].map(verdictLabel)).toEqual([
      'A>',
      'A>>',
      'A>',
      'B>',
      'B>>',
      '=',
      'B>>',
    ]);
    expect(['A>A', 'C>B', '', 'yes'].map(verdictLabel)).toEqual([null, null, null, null]);
  });
});
