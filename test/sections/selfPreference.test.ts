// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { aiJudgeSection } from '../../src/sections/aiJudgeSection';
import { familyOf, familyRules, formatFamilies, parseFamilies } from '../../src/sections/selfPreference';
import { DEFAULT_FAMILIES } from '../../src/defaults';
import { textFile } from '../helpers/loadText';

// judge gpt-4o (openai) on 6 pairs; p6 has openai on both sides, p5 none: both left out
const CSV = [
  'example_id,model_a,model_b,annotator_id,annotator_type,label',
  'p1,gpt-3.5,llama-2,gpt-4o,ai,A>',
  'p1,gpt-3.5,llama-2,h1,human,B>',
  'p2,claude-2,gpt-3.5,gpt-4o,ai,B>',
  'p2,claude-2,gpt-3.5,h1,human,B>',
  'p3,gpt-3.5,mistral-7b,gpt-4o,ai,A>',
  'p3,gpt-3.5,mistral-7b,h1,human,=',
  'p4,vicuna-13b,text-davinci-003,gpt-4o,ai,A>',
  'p4,vicuna-13b,text-davinci-003,h1,human,A>',
  'p7,gpt-3.5,llama-2,gpt-4o,ai,=',
  'p5,llama-2,mistral-7b,gpt-4o,ai,A>',
  'p6,gpt-3.5,gpt-4,gpt-4o,ai,A>',
].join('\n');

describe('self-preference', () => {
  it("counts a judge's verdicts for its own family's answer, beside the humans' on the same pairs (hand-computed)", async () => {
    const loaded = await loadFiles([textFile('self.csv', CSV)]);
    const judge = aiJudgeSection(loaded).judges.find((j) => j.id === 'gpt-4o')!;
    // qualifying: p1, p2, p3, p4, p7 (openai on one side) → 5 pairs, p7 a tie
    // decisive: p1 own (A = gpt-3.5), p2 own (B = gpt-3.5), p3 own, p4 other (A = vicuna) → 3 of 4
    // with a decisive human majority: p1 (B: other), p2 (B: own), p4 (A: other); p3's human says "=" → left out
    // judge there: p1 own, p2 own, p4 other → 2 / 3; humans 1 / 3; difference 1/3
    expect(judge.self_preference).toMatchObject({
      family: 'openai',
      pairs: 5,
      ties: 1,
      judge: { k: 3, n: 4 },
      on_human_pairs: { judge: { k: 2, n: 3 }, humans: { k: 1, n: 3 } },
    });
    expect(judge.self_preference!.on_human_pairs!.difference).toBeCloseTo(1 / 3, 12);
  });

  it('an edited rule moves the family: with meta as the only family, the judge matches none', async () => {
    const loaded = await loadFiles([textFile('self.csv', CSV)]);
    const judge = aiJudgeSection(loaded, { families: { meta: 'llama|vicuna' } }).judges[0];
    expect(judge.self_preference).toBeNull();
    // a judge named after a llama model: its family's answers are llama-2 and vicuna-13b
    const renamed = await loadFiles([textFile('self.csv', CSV.replaceAll('gpt-4o', 'llama-3-judge'))]);
    const sp = aiJudgeSection(renamed, { families: { meta: 'llama|vicuna' } }).judges[0].self_preference!;
    // qualifying: p1 (B), p4 (A), p7 (B); p5 has llama-2 vs mistral (one side) → also; p6 none
    // decisive: p1 A> other, p4 A> own, p5 A> own (llama-2 is A) → 2 / 3, p7 tie
    expect(sp).toMatchObject({ family: 'meta', pairs: 4, ties: 1, judge: { k: 2, n: 3 } });
  });

  it('family rules: the first pattern a name contains, case-insensitive; the one-line form reads back', () => {
    const rules = familyRules(null);
    expect(familyOf('GPT-4-Vanilla', rules)).toBe('openai');
    expect(familyOf('text_davinci_003', rules)).toBe('openai');
    expect(familyOf('alpaca-7b', rules)).toBe('meta');
    expect(familyOf('Claude-3-Opus', rules)).toBe('anthropic');
    expect(familyOf('phi-3', rules)).toBeNull();
    expect(parseFamilies(formatFamilies(DEFAULT_FAMILIES))).toEqual({ ok: true, rules: DEFAULT_FAMILIES });
    expect(parseFamilies(' ')).toEqual({ ok: true, rules: null });
    expect(parseFamilies('openai')).toEqual({ ok: false, error: '"openai" is not family=pattern' });
    expect(parseFamilies('x=(')).toEqual({ ok: false, error: 'family "x": "(" is not a valid pattern' });
  });
});
