// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chatbotArena } from '../../../src/parse/adapters/chatbotArena';
import { mtBench } from '../../../src/parse/adapters/mtBench';
import { inspectFile, type LoadResult } from '../../../src/parse/loadFiles';
import { formatFixtureError, judgementRows, loadFormatFixtures } from '../../helpers/loadFixture';
import { diskFile } from '../../helpers/loadText';

const Q81T1 = 'q81 turn 1: alpaca-13b vs gpt-4';
const Q81T2 = 'q81 turn 2: alpaca-13b vs gpt-4';
const Q82T1 = 'q82 turn 1: claude-v1 vs vicuna-13b-v1.2';
const Q83T1 = 'q83 turn 1: gpt-3.5-turbo vs llama-13b';

/** Per judgement `item / annotator = value` of a per-judgement column. */
function perJudgement(r: LoadResult, value: (j: number) => string): string[] {
  const x = r.ratings;
  return Array.from(
    { length: x.n },
    (_, j) => `${x.items[x.item[j]]} / ${x.annotators[x.annotator[j]]} = ${value(j)}`,
  ).sort();
}

function slice(r: LoadResult, name: string): (j: number) => string {
  const s = r.ratings.slices.find((c) => c.name === name);
  if (!s) throw new Error(`no slice ${name}`);
  return (j) => s.values[s.code[j]];
}

describe('MT-Bench judgment file', () => {
  it('reads the human split: items are (question, sorted model pair, turn), votes given the other way round are flipped', async () => {
    const r = await loadFormatFixtures(['mt-bench-human.jsonl']);
    expect(r.fileInfos[0].adapter).toBe('mt-bench');
    // line 1 (expert_0, gpt-4 first, model_a won) and line 9 (expert_0, alpaca-13b first, model_b won) are the
    // same item and the same verdict (gpt-4 = side B better): the later one replaces the earlier
    expect(judgementRows(r)).toEqual([
      `${Q81T1} | author_2 | human | overall | =`,
      `${Q81T1} | expert_0 | human | overall | B>`,
      `${Q81T1} | expert_1 | human | overall | B>`,
      `${Q81T2} | expert_0 | human | overall | A>`,
      `${Q81T2} | expert_1 | human | overall | B>`,
      `${Q82T1} | expert_0 | human | overall | B>`,
      `${Q82T1} | expert_2 | human | overall | A>`,
    ]);
    expect(r.ratings.scale).toBe('3-way');
    expect(r.ratings.items).toHaveLength(3);
    // line 8 has a winner that is none of model_a / model_b / tie; line 1 is replaced by line 9
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [1, null],
      [8, 'winner'],
    ]);
    expect(r.issues[1].message).toContain('"bothgood"');
    expect(r.rowsDropped).toBe(2);
  });

  it('keeps which side each judge saw first and the turn as a slice', async () => {
    const r = await loadFormatFixtures(['mt-bench-human.jsonl']);
    const first = r.ratings.shownFirst!;
    expect(perJudgement(r, (j) => (first[j] === 0 ? 'A' : first[j] === 1 ? 'B' : '?'))).toEqual([
      `${Q81T1} / author_2 = B`, // gpt-4 (side B after sorting) was model_a
      `${Q81T1} / expert_0 = A`, // line 9: alpaca-13b was model_a
      `${Q81T1} / expert_1 = A`,
      `${Q81T2} / expert_0 = A`,
      `${Q81T2} / expert_1 = B`,
      `${Q82T1} / expert_0 = A`,
      `${Q82T1} / expert_2 = B`,
    ]);
    expect(perJudgement(r, slice(r, 'turn')).filter((s) => s.startsWith('q81 turn 2'))).toEqual([
      `${Q81T2} / expert_0 = 2`,
      `${Q81T2} / expert_1 = 2`,
    ]);
  });

  it("takes the turn's user message as the prompt and each side's answer of that turn, after the swap", async () => {
    const r = await loadFormatFixtures(['mt-bench-human.jsonl']);
    const i = (id: string) => r.ratings.items.indexOf(id);
    expect(r.texts.prompt[i(Q81T1)]).toBe('Write a two-line poem about the sea.');
    expect(r.texts.responseA[i(Q81T1)]).toBe('The sea is big and blue.'); // alpaca-13b's, though line 1 had it as conversation_b
    expect(r.texts.responseB[i(Q81T1)]).toMatch(/^Grey waves fold the light away/);
    expect(r.texts.prompt[i(Q81T2)]).toBe('Now make it rhyme.');
    expect(r.texts.responseA[i(Q81T2)]).toBe('The sea is blue, and I love you.');
    expect(r.texts.responseB[i(Q81T2)]).toMatch(/^The grey waves fold the day away/);
    expect(r.models.a[i(Q82T1)]).toBe('claude-v1');
    expect(r.models.b[i(Q82T1)]).toBe('vicuna-13b-v1.2');
    expect(r.ratings.slices.map((s) => s.name)).toContain('model_pair');
  });

  it('reads the gpt4_pair split beside the human one: [model, prompt] judges are AI judges on the same items', async () => {
    const r = await loadFormatFixtures(['mt-bench-human.jsonl', 'mt-bench-gpt4-pair.json']);
    expect(r.fileInfos.map((f) => f.adapter)).toEqual(['mt-bench', 'mt-bench']);
    const ai = judgementRows(r).filter((row) => row.includes('| ai |'));
    expect(ai).toEqual([
      `${Q81T1} | gpt-4 (pair-v2) | ai | overall | B>`,
      `${Q81T2} | gpt-4 (pair-v2-multi-turn) | ai | overall | =`,
      `${Q82T1} | gpt-4 (pair-v2) | ai | overall | B>`, // vicuna-13b-v1.2 was model_a and won: side B after sorting
      `${Q83T1} | gpt-4 (pair-v2) | ai | overall | A>`,
    ]);
    expect(judgementRows(r).filter((row) => row.includes('| human |'))).toHaveLength(7);
    expect(r.ratings.items).toHaveLength(4);
    // the raw verdict stays apart (GPT-4's inconsistent tie), flipped with the sides
    const verdicts = perJudgement(r, slice(r, 'verdict')).filter((s) => s.includes('gpt-4 ('));
    expect(verdicts).toEqual([
      `${Q81T1} / gpt-4 (pair-v2) = model_b`,
      `${Q81T2} / gpt-4 (pair-v2-multi-turn) = tie (inconsistent)`,
      `${Q82T1} / gpt-4 (pair-v2) = model_b`,
      `${Q83T1} / gpt-4 (pair-v2) = model_a`,
    ]);
    expect(r.texts.prompt[r.ratings.items.indexOf(Q83T1)]).toBe('What is 17 * 3?');
  });

  it('reads a CSV whose conversations and list judges are JSON (or Python) text', async () => {
    const r = await loadFormatFixtures(['mt-bench-human.csv']);
    expect(r.fileInfos[0].adapter).toBe('mt-bench');
    expect(judgementRows(r)).toEqual([
      'q84 turn 1: gpt-3.5-turbo vs llama-13b | expert_5 | human | overall | A>',
      'q84 turn 1: gpt-3.5-turbo vs llama-13b | gpt-4 (pair-v2) | ai | overall | =',
      'q85 turn 2: alpaca-13b vs claude-v1 | author_0 | human | overall | A>',
      'q85 turn 2: alpaca-13b vs claude-v1 | gpt-4 (pair-v2) | ai | overall | A>',
    ]);
    // line 6 has no judge, line 7 no turn (line 1 is the header)
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [6, 'judge'],
      [7, 'turn'],
    ]);
    expect(r.rowsDropped).toBe(2);
    const q84 = r.ratings.items.indexOf('q84 turn 1: gpt-3.5-turbo vs llama-13b');
    expect(r.texts.prompt[q84]).toBe('Name three primary colours.');
    expect(r.texts.responseA[q84]).toBe('Red, yellow and blue.');
    expect(r.texts.responseB[q84]).toBe('Red, green, purple.');
    const q85 = r.ratings.items.indexOf('q85 turn 2: alpaca-13b vs claude-v1');
    expect(r.texts.prompt[q85]).toBe('Now in French, please.');
    expect(r.texts.responseA[q85]).toBe('Un chat était assis sur le tapis.');
    expect(r.texts.responseB[q85]).toBe("Le chat s'est assis sur le tapis.");
  });

  it('says which field a near-miss file lacks', async () => {
    const message = await formatFixtureError(['mt-bench-no-winner.jsonl']);
    expect(message).toContain('MT-Bench');
    expect(message).toContain('`winner`');
    expect(message).toContain('none of records 1–2 has');
    expect(message).not.toContain('Chatbot Arena');
  });

  it('mtBench.detect tells MT-Bench votes from Chatbot Arena battles, in both directions', () => {
    const conv = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: 'Hello' },
    ];
    const mt = { question_id: 81, model_a: 'a', model_b: 'b', winner: 'tie', judge: 'expert_1', turn: 1 };
    const gpt4 = { ...mt, judge: ['gpt-4', 'pair-v2'] };
    const arena = {
      question_id: 'x',
      model_a: 'a',
      model_b: 'b',
      winner: 'tie',
      judge: 'arena_user_5',
      conversation_a: conv,
      conversation_b: conv,
      turn: 1,
      anony: true,
      language: 'English',
      tstamp: 1682351591.1,
    };
    expect(mtBench.detect([mt], 'x.jsonl')?.missing).toEqual([]);
    expect(mtBench.detect([gpt4], 'x.jsonl')?.missing).toEqual([]);
    expect(chatbotArena.detect([mt], 'x.jsonl')).toBeNull();
    expect(chatbotArena.detect([gpt4], 'x.jsonl')).toBeNull();
    expect(mtBench.detect([arena], 'x.jsonl')).toBeNull();
    expect(chatbotArena.detect([arena], 'x.jsonl')?.missing).toEqual([]);
    // any single arena sign is enough to refuse the record as MT-Bench
    const { anony: _a, language: _l, tstamp: _t, ...bare } = arena;
    expect(mtBench.detect([{ ...bare, tstamp: 1 }], 'x.jsonl')).toBeNull();
    expect(mtBench.detect([{ ...bare, anony: false }], 'x.jsonl')).toBeNull();
    expect(mtBench.detect([{ ...bare, language: 'English' }], 'x.jsonl')).toBeNull();
    expect(mtBench.detect([bare], 'x.jsonl')).toBeNull(); // arena_user_ judge
    // conversations with a plain judge id and no arena sign: MT-Bench
    expect(mtBench.detect([{ ...bare, judge: 'alice' }], 'x.jsonl')?.missing).toEqual([]);
    expect(chatbotArena.detect([{ ...bare, judge: 'alice' }], 'x.jsonl')).toBeNull();
  });

  it('claims none of the generic tables (read as plain tables with no near-miss warning)', async () => {
    for (const name of ['annotations.csv', 'long.csv', 'wide.csv', 'judge.csv', 'gold.csv']) {
      const { info } = await inspectFile(await diskFile(join(import.meta.dirname, '../../fixtures', name)));
      expect([name, info.adapter, info.warning]).toEqual([name, 'csv', null]);
    }
    const demo = {
      example_id: 'p1',
      annotator_id: 'a',
      label: 'A>',
      time_seconds: 3,
      timestamp: '2024-05-01T10:00:00Z',
      prompt: 'p',
      response_a: 'x',
      response_b: 'y',
      model_a: 'gpt-4',
      model_b: 'llama-2',
      ai_label: 'A>',
      domain: 'code',
    };
    expect(mtBench.detect([demo], 'demo.csv')).toBeNull();
    expect(chatbotArena.detect([demo], 'demo.csv')).toBeNull();
  });
});
