// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contentId } from '../../../src/parse/adapters/adapter';
import { chatbotArena } from '../../../src/parse/adapters/chatbotArena';
import { mtBench } from '../../../src/parse/adapters/mtBench';
import type { LoadResult } from '../../../src/parse/loadFiles';
import { formatFixtureError, judgementRows, loadFormatFixtures } from '../../helpers/loadFixture';

const AUSTRALIA = '58210e39b3fd4441a2bd4a518bb44c2d';
const CATS = '2564acd09e3942fd97657d05282d4389';
const TOKYO = '90bfd142157948aba01931726c888e7f';
const SPIDER = 'a7c5accc53e649a3bc6b2e41d962ebc4';

/** Per item, the value of a slice (every battle has one judgement). */
function sliceByItem(r: LoadResult, name: string): Record<string, string> {
  const x = r.ratings;
  const s = x.slices.find((c) => c.name === name);
  if (!s) throw new Error(`no slice ${name}`);
  return Object.fromEntries(Array.from({ length: x.n }, (_, j) => [x.items[x.item[j]], s.values[s.code[j]]]));
}

describe('Chatbot Arena battle file', () => {
  it('reads the conversations dataset: one battle, one user vote; both kinds of tie are ties', async () => {
    const r = await loadFormatFixtures(['chatbot-arena-conversations.jsonl']);
    expect(r.fileInfos[0].adapter).toBe('chatbot-arena');
    expect(judgementRows(r)).toEqual([
      `${CATS} | arena_user_973 | human | overall | =`,
      `${AUSTRALIA} | arena_user_973 | human | overall | B>`,
      `${TOKYO} | arena_user_16 | human | overall | A>`,
      `${SPIDER} | arena_user_22 | human | overall | =`,
    ]);
    expect(r.ratings.scale).toBe('3-way');
    // line 5 has an empty judge, line 6 a raw log vote type instead of a winner
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [5, 'judge'],
      [6, 'winner'],
    ]);
    expect(r.issues[1].message).toContain('"leftvote"');
    expect(r.rowsDropped).toBe(2);
  });

  it('keeps the raw verdict, language, anony and turn as slices, and tstamp as the timestamp', async () => {
    const r = await loadFormatFixtures(['chatbot-arena-conversations.jsonl']);
    expect(sliceByItem(r, 'verdict')).toEqual({
      [AUSTRALIA]: 'model_b',
      [CATS]: 'tie',
      [TOKYO]: 'model_a',
      [SPIDER]: 'tie (bothbad)',
    });
    expect(sliceByItem(r, 'language')).toEqual({
      [AUSTRALIA]: 'English',
      [CATS]: 'English',
      [TOKYO]: 'German',
      [SPIDER]: 'Spanish',
    });
    expect(sliceByItem(r, 'anony')).toEqual({
      [AUSTRALIA]: 'true',
      [CATS]: 'true',
      [TOKYO]: 'false',
      [SPIDER]: 'true',
    });
    expect(sliceByItem(r, 'turn')[TOKYO]).toBe('2');
    expect(r.ratings.slices.map((s) => s.name)).toContain('model_pair');
    const x = r.ratings;
    const at = (item: string) => x.timestamp![Array.from(x.item).findIndex((i) => x.items[i] === item)];
    expect(at(AUSTRALIA)).toBeCloseTo(1682351591132.2, 1); // 1682351591.1322 s
    expect(at(SPIDER)).toBeCloseTo(1682351760100, 1);
    expect(new Date(at(AUSTRALIA)).toISOString()).toBe('2023-04-24T15:53:11.132Z');
  });

  it('takes prompt and responses from the first turn, models as written', async () => {
    const r = await loadFormatFixtures(['chatbot-arena-conversations.jsonl']);
    const i = r.ratings.items.indexOf(TOKYO);
    expect(r.texts.prompt[i]).toBe('Wie spät ist es in Tokio, wenn es in Berlin 12 Uhr ist?');
    expect(r.texts.responseA[i]).toBe('In Tokio ist es dann 19 Uhr (Winterzeit: 20 Uhr).');
    expect(r.texts.responseB[i]).toBe('Es ist 3 Uhr.');
    expect(r.models.a[i]).toBe('koala-13b');
    expect(r.models.b[i]).toBe('oasst-pythia-12b');
    // no reordering: the left model stays A, the side the user saw first
    const a = r.ratings.items.indexOf(AUSTRALIA);
    expect([r.models.a[a], r.models.b[a]]).toEqual(['chatglm-6b', 'koala-13b']);
  });

  it("reads the leaderboard's clean_battle JSON (no question_id, no conversations): each battle is its own item", async () => {
    const r = await loadFormatFixtures(['chatbot-arena-clean-battle.json']);
    expect(r.fileInfos[0].adapter).toBe('chatbot-arena');
    const id = (a: string, b: string, judge: string, tstamp: string) => contentId(a, b, judge, tstamp, '');
    expect(judgementRows(r)).toEqual(
      [
        `${id('vicuna-13b', 'alpaca-13b', 'arena_user_1', '1682352000.5')} | arena_user_1 | human | overall | A>`,
        `${id('alpaca-13b', 'vicuna-13b', 'arena_user_2', '1682352060')} | arena_user_2 | human | overall | =`,
        `${id('gpt-4', 'claude-v1', 'arena_user_1', '1682352120.25')} | arena_user_1 | human | overall | B>`,
        `${id('claude-v1', 'gpt-4', 'arena_user_3', '1682352180')} | arena_user_3 | human | overall | =`,
      ].sort(),
    );
    expect(new Set(r.ratings.items).size).toBe(4);
    expect(r.ratings.items.every((i) => /^[0-9a-f]{16}$/.test(i))).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.texts.prompt.filter(Boolean)).toEqual([]);
    expect(Object.values(sliceByItem(r, 'language')).sort()).toEqual(['Chinese', 'English', 'English', 'English']);
    expect(Object.values(sliceByItem(r, 'verdict')).sort()).toEqual(['model_a', 'model_b', 'tie', 'tie (bothbad)']);
  });

  it('says plainly that every battle has a single vote', async () => {
    const r = await loadFormatFixtures(['chatbot-arena-clean-battle.json']);
    expect(r.fileInfos[0].notes.join(' ')).toMatch(/single vote/);
    expect(r.fileInfos[0].notes.join(' ')).toMatch(/cannot be computed/);
    // and indeed no item has two labels
    const perItem = new Map<number, number>();
    for (const i of r.ratings.item) perItem.set(i, (perItem.get(i) ?? 0) + 1);
    expect(Math.max(...perItem.values())).toBe(1);
  });

  it('says which field a near-miss file lacks', async () => {
    const message = await formatFixtureError(['chatbot-arena-no-winner.json']);
    expect(message).toContain('Chatbot Arena');
    expect(message).toContain('`winner`');
    expect(message).toContain('none of records 1–3 has');
    expect(message).not.toContain('MT-Bench');
  });

  it('chatbotArena.detect needs an arena sign (tstamp, anony, an arena_user_ judge, or language with conversations)', () => {
    const vote = { question_id: 'q', model_a: 'a', model_b: 'b', winner: 'model_a', judge: 'u1' };
    const conv = [{ role: 'user', content: 'Hi' }];
    expect(chatbotArena.detect([vote], 'x.json')).toBeNull();
    expect(chatbotArena.detect([{ ...vote, language: 'English' }], 'x.json')).toBeNull(); // a generic language column alone
    for (const sign of [
      { tstamp: 1 },
      { anony: true },
      { judge: 'arena_user_7' },
      { language: 'English', conversation_a: conv },
    ]) {
      expect(chatbotArena.detect([{ ...vote, ...sign }], 'x.json')?.missing).toEqual([]);
      if (!('judge' in sign))
        expect(mtBench.detect([{ ...vote, ...sign, judge: 'expert_1', turn: 1 }], 'x.json')).toBeNull();
    }
    expect(chatbotArena.detect([{ model_a: 'a', model_b: 'b', tstamp: 1 }], 'x.json')?.missing).toEqual([
      'winner',
      'judge',
    ]);
  });
});
