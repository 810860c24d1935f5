// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fastChatTexts } from '../../../src/parse/adapters/fastChatPair';
import { judgementRows, loadFormatFixtures } from '../../helpers/loadFixture';

const Q87 = 'q87 turn 1: gpt-3.5-turbo vs mistral-7b-sft';
const Q88 = 'q88 turn 1: gpt-3.5-turbo vs mistral-7b-sft';
const Q89 = 'q89 turn 1: gpt-3.5-turbo vs mistral-7b-sft';

describe('FastChat pairwise judgment file (gen_judgment.py)', () => {
  // q87: model_1 = mistral-7b-sft (side B once the names are sorted); game 1 winner model_2 (gpt-3.5 = A), game 2 a tie.
  // q88: model_1 = gpt-3.5-turbo (A); both games model_1. q89: game 1 model_2 (mistral = B), game 2 "error".
  it('reads the two games as the judge judge[0] and the same judge "(swapped)", the winners on the sorted sides', async () => {
    const r = await loadFormatFixtures(['fastchat-pair.jsonl']);
    expect(r.fileInfos[0].adapter).toBe('fastchat-pair');
    expect(judgementRows(r)).toEqual([
      `${Q87} | gpt-4 (swapped) | ai | overall | =`,
      `${Q87} | gpt-4 | ai | overall | A>`,
      `${Q88} | gpt-4 (swapped) | ai | overall | A>`,
      `${Q88} | gpt-4 | ai | overall | A>`,
      `${Q89} | gpt-4 | ai | overall | B>`,
    ]);
    // the side each game showed first: game 1 shows model_1, game 2 model_2
    const x = r.ratings;
    const first = Array.from(
      { length: x.n },
      (_, j) => `${x.items[x.item[j]].slice(0, 3)} ${x.annotators[x.annotator[j]]} ${'AB'[x.shownFirst![j]]}`,
    ).sort();
    expect(first).toEqual([
      'q87 gpt-4 (swapped) A',
      'q87 gpt-4 B',
      'q88 gpt-4 (swapped) B',
      'q88 gpt-4 A',
      'q89 gpt-4 A',
    ]);
    expect(r.issues).toEqual([
      {
        file: 'fastchat-pair.jsonl',
        row: 3,
        column: 'g2_winner',
        message: 'game 2: winner "error" is not a verdict (model_1, model_2 or tie); left out',
      },
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'games whose winner was "error" or missing (no verdict parsed from the judge\'s output) were left out',
    ]);
    // the answers of game 1's prompt, put on the sorted sides
    const i = x.items.indexOf(Q87);
    expect(r.texts.prompt[i]).toBe('Write a two-line poem about a lighthouse.');
    expect(r.texts.responseA[i]).toBe(
      'On the cliff a beacon turns all night,\nso sailors find their way by borrowed light.',
    );
    expect(r.texts.responseB[i]).toBe('A lamp that never sleeps,\nguarding what the sea keeps.');
    expect(x.slices.find((s) => s.name === 'judge_prompt')!.values).toEqual(['pair-v2', 'pair-math-v1']);
    expect(r.models.a[i]).toBe('gpt-3.5-turbo');
  });

  it('fastChatTexts(prompt) finds the question and both answers of a single-turn template, nothing in another', () => {
    const p =
      "[User Question]\nQ?\n\n[The Start of Reference Answer]\nR\n[The End of Reference Answer]\n\n[The Start of Assistant A's Answer]\nline 1\nline 2\n[The End of Assistant A's Answer]\n\n[The Start of Assistant B's Answer]\nb\n[The End of Assistant B's Answer]";
    expect(fastChatTexts(p)).toEqual({ question: 'Q?', a: 'line 1\nline 2', b: 'b' });
    expect(fastChatTexts("<|The Start of Assistant A's Conversation with User|>…")).toEqual({
      question: undefined,
      a: undefined,
      b: undefined,
    });
  });
});
