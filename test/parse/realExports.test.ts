// @vitest-environment node
import { expect, it } from 'vitest';
import { aiJudgeSection } from '../../src/sections/aiJudgeSection';
import { biasSection } from '../../src/sections/biasSection';
import { inputSection } from '../../src/sections/inputSection';
import { modelRatings } from '../../src/sections/modelRatings';
import { withRealExports, loadReal } from '../helpers/realExports';

// Real exports of public tools, read as they were exported (sources, commits and licences in
// test/helpers/realExports.ts), with figures from their own repositories or counted independently in Python from the raw files.

/** Judgements per annotator and label. */
function labelsBy(r: Awaited<ReturnType<typeof loadReal>>): Record<string, Record<string, number>> {
  const x = r.ratings;
  const out: Record<string, Record<string, number>> = {};
  for (let j = 0; j < x.n; j++) {
    const a = (out[x.annotators[x.annotator[j]]] ??= {});
    a[x.categories[x.label[j]]] = (a[x.categories[x.label[j]]] ?? 0) + 1;
  }
  return out;
}

withRealExports('fastchat-gpt4-pair/gpt-4_pair.jsonl').describe(
  'FastChat gpt-4_pair.jsonl (lm-sys gen_judgment output)',
  () => {
    it('reads the 75 lines as the judge gpt-4 in both orders; 3 "error" games left out and counted', async () => {
      const r = await loadReal(['fastchat-gpt4-pair/gpt-4_pair.jsonl']);
      expect(r.fileInfos[0].adapter).toBe('fastchat-pair');
      // counted in Python from the file: g1 40 / 11 / 23 (A = phi-3, the name sorted first), g2 20 / 14 / 39
      expect(labelsBy(r)).toEqual({
        'gpt-4': { 'A>': 40, '=': 11, 'B>': 23 },
        'gpt-4 (swapped)': { 'A>': 20, '=': 14, 'B>': 39 },
      });
      expect(r.rowsDropped).toBe(3);
      expect(r.warnings.map((w) => w.message)).toEqual([
        '3 × games whose winner was "error" or missing (no verdict parsed from the judge\'s output) were left out',
      ]);
      expect(r.reading.chosen).not.toBe('guess');
      // each order always saw the same model first: no position test, and why
      const position = biasSection(r).position!;
      expect(position.annotators.map((a) => [a.id, a.untested])).toEqual([
        ['gpt-4', "always saw phi-3 first: the share of first-side wins is phi-3's win rate, not a position bias"],
        [
          'gpt-4 (swapped)',
          "always saw phi-3-dpo first: the share of first-side wins is phi-3-dpo's win rate, not a position bias",
        ],
      ]);
      // no human verdict: the judge's game-1 verdicts rate the two models
      expect(modelRatings(r, { bootstrap: 0 })).toMatchObject({ source: 'gpt-4', judgements: 74 });
    });
  },
);

withRealExports(
  'llmbar-natural/GPT-4-Vanilla/result.json',
  'llmbar-natural/ChatGPT-Vanilla/result.json',
  'llmbar-natural/dataset.json',
).describe('LLMBar Natural evaluator results (princeton-nlp/LLMBar)', () => {
  it('reads two result.json files as two judges named by their folders, each in both orders, against the verified labels', async () => {
    const r = await loadReal([
      'llmbar-natural/GPT-4-Vanilla/result.json',
      'llmbar-natural/ChatGPT-Vanilla/result.json',
    ]);
    expect(r.fileInfos.map((f) => f.adapter)).toEqual(['llmbar', 'llmbar']);
    expect(r.fileStats.map((f) => [f.name, f.rows, f.judgements, f.judge])).toEqual([
      ['GPT-4-Vanilla/result.json', 100, 200, 'GPT-4-Vanilla'],
      ['ChatGPT-Vanilla/result.json', 100, 200, 'ChatGPT-Vanilla'],
    ]);
    expect(r.ratings.itemGold.filter((g) => g >= 0)).toHaveLength(100);
    // LLMBar's statistics.json beside each: correct_False 95 and correct_True 96 (GPT-4), 80 and 83 (ChatGPT)
    const gold = Object.fromEntries(
      aiJudgeSection(r).judges.map((j) => [j.id, j.vs_gold && [j.vs_gold.n, j.vs_gold.directional_accuracy]]),
    );
    expect(gold).toEqual({
      'GPT-4-Vanilla': [100, 0.95],
      'GPT-4-Vanilla (swapped)': [100, 0.96],
      'ChatGPT-Vanilla': [100, 0.8],
      'ChatGPT-Vanilla (swapped)': [100, 0.83],
    });
  });

  it('reads dataset.json (no id, label 1 / 2) with content ids, the same pairs as the results, and asks how 1 / 2 is meant', async () => {
    const r = await loadReal(['llmbar-natural/dataset.json', 'llmbar-natural/GPT-4-Vanilla/result.json']);
    expect(r.fileInfos[0].mapping.item).toBe('#content');
    expect(r.ratings.items).toHaveLength(100);
    expect(r.readings.find((x) => x.files.includes('dataset.json'))!.reading).toMatchObject({
      ambiguous: true,
      convention: 'tie-first-second',
    });
    // read as 1 = first, 2 = second, the single label per pair equals the verified label
    const x = r.ratings;
    for (let j = 0; j < x.n; j++)
      if (x.annotators[x.annotator[j]] === '(single)') expect(x.label[j]).toBe(x.itemGold[x.item[j]]);
  });
});

withRealExports('gal-adultcontent2/labels.txt', 'gal-adultcontent2/gold.txt').describe(
  'Get-Another-Label AdultContent2 (header-less worker / item / label)',
  () => {
    it('reads labels.txt and gold.txt as exported, roles guessed from the values, every drop accounted for', async () => {
      const r = await loadReal(['gal-adultcontent2/labels.txt', 'gal-adultcontent2/gold.txt']);
      const input = inputSection(r, [null, null]);
      expect(r.fileInfos[0].mapping).toMatchObject({ annotator: 'column 1', item: 'column 2', label: 'column 3' });
      expect(r.fileInfos[1].mapping).toMatchObject({ item: 'column 1', goldLabel: 'column 2' });
      expect([input.items, input.annotators, input.scale, r.ratings.categories]).toEqual([
        11040,
        825,
        'nominal',
        ['G', 'P', 'R', 'X'],
      ]);
      // counted from the files: 92,721 labels; 2,918 duplicate worker-item pairs (2,922 extra rows); 333 of 1,517 gold items labelled
      expect(input.files.map((f) => [f.name, f.rows, f.judgements, f.rows_dropped])).toEqual([
        ['labels.txt', 92721, 89799, 2922],
        ['gold.txt', 1517, 0, 1184],
      ]);
      expect(r.ratings.itemGold.filter((g) => g >= 0)).toHaveLength(333);
      expect(input.warnings.map((w) => w.message.slice(0, 59))).toEqual([
        'the first row looks like data, so the file was read without',
        'the first row looks like data, so the file was read without',
        '1,184 of its 1,517 rows name pairs that no judgement file h',
        '2,922 judgements were given again by the same annotator on ',
        'the labels "G" / "P" / "R" / "X" are not preference labels:',
      ]);
      // nominal categories: no sides, so no position bias (the earlier reading flagged 32 workers on it)
      expect(biasSection(r).position).toBeNull();
    });
  },
);

withRealExports('alpaca-eval-alpaca-7b/annotations.json').describe(
  'AlpacaEval annotations of alpaca-7b (alpaca_eval_gpt4)',
  () => {
    it("gives the judge's verdicts per model pair as the leaderboard counts them; no position test against a fixed baseline", async () => {
      const r = await loadReal(['alpaca-eval-alpaca-7b/annotations.json']);
      const input = inputSection(r, [null]);
      // tatsu-lab/alpaca_eval leaderboards/data_AlpacaEval/alpaca_eval_gpt4_leaderboard.csv: alpaca-7b n_wins 205,
      // n_wins_base 584, n_draws 16, n_total 805, win_rate 26.45962733
      expect(input.model_pairs_source).toBe('alpaca_eval_gpt4');
      expect(input.model_pairs).toEqual([
        { a: 'alpaca-7b', b: 'text_davinci_003', items: 805, a_wins: 205, b_wins: 584, ties: 16 },
      ]);
      const ratings = modelRatings(r, { bootstrap: 0 })!;
      expect(ratings.models.find((m) => m.model === 'alpaca-7b')!.win_rate).toBeCloseTo(0.2645962733, 9);
      expect(input.judge_label_counts).toEqual({
        alpaca_eval_gpt4: { 'A>>': 0, 'A>': 584, '=': 16, 'B>': 205, 'B>>': 0 },
      });
      const position = biasSection(r).position!;
      expect(position.annotators[0].untested).toMatch(/^always saw text_davinci_003 first/);
      expect(position.annotators[0].flagged).toBe(false);
    });
  },
);

withRealExports('hh-rlhf-harmless-test/test.jsonl.gz').describe(
  'HH-RLHF harmless-base test (chosen / rejected)',
  () => {
    it('reads one resolved label per pair and tests no position bias on it', async () => {
      const r = await loadReal(['hh-rlhf-harmless-test/test.jsonl.gz']);
      const input = inputSection(r, [null]);
      expect([input.items, input.pair_statistics.empty_a + input.pair_statistics.empty_b]).toEqual([2312, 4]);
      const position = biasSection(r).position!;
      expect(position.pooled.reason).toMatch(/^one resolved label per pair/);
      expect(position.annotators.every((a) => !a.flagged && a.untested)).toBe(true);
    });
  },
);
