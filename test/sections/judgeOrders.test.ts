// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { aiJudgeSection } from '../../src/sections/aiJudgeSection';
import { loadReal, withRealExports } from '../helpers/realExports';
import { textFile } from '../helpers/loadText';
import { asSwappedItems } from '../helpers/swappedTexts';

const LLMBAR = ['llmbar-natural/GPT-4-Vanilla/result.json', 'llmbar-natural/ChatGPT-Vanilla/result.json'];
const FASTCHAT = 'fastchat-gpt4-pair/gpt-4_pair.jsonl';

describe('ai_judge.judges[].orders', () => {
  it('pairs a judge with its "(swapped)" twin; accuracy on gold, else on the human majority (hand-computed)', async () => {
    // p1..p4: judge J first order, "J (swapped)" the second (mapped back); two humans each; gold on p1, p2 only
    const csv = [
      'example_id,annotator_id,annotator_type,label,gold_label',
      'p1,J,ai,A>,A>',
      'p1,J (swapped),ai,A>,A>',
      'p2,J,ai,A>,B>',
      'p2,J (swapped),ai,B>,B>',
      'p3,J,ai,B>,',
      'p3,J (swapped),ai,A>,',
      'p4,J,ai,A>,',
      'p1,h1,human,A>,A>',
      'p2,h1,human,B>,B>',
      'p3,h1,human,A>,',
      'p3,h2,human,A>,',
      'p4,h1,human,B>,',
    ].join('\n');
    const loaded = await loadFiles([textFile('orders.csv', csv)]);
    const judges = aiJudgeSection(loaded).judges;
    const j = judges.find((x) => x.id === 'J')!;
    expect(judges.find((x) => x.id === 'J (swapped)')!.orders).toBeNull();
    // both orders on p1, p2, p3; consistent p1 only; p2: A then B = each the side shown first (A, then B);
    // p3: B then A = each the side shown second
    expect(j.orders).toMatchObject({
      source: 'twin',
      second_order: 'J (swapped)',
      n: 3,
      consistency: { k: 1, n: 3 },
      inconsistent: { n: 2, first: 1, second: 1, other: 0 },
      // gold exists on pairs judged in both orders (p1, p2): accuracy on those two only
      reference: 'gold',
      accuracy: { n: 2, first: { k: 1 }, second: { k: 2 }, both: { k: 1 } },
    });
  });

  it('without a twin, pairs a judge with its own verdicts on items holding the same texts swapped (hand-computed)', async () => {
    // p2 holds p1's texts with A and B exchanged, p4 p3's; p5 has no swapped copy J judged; K has a twin
    const csv = [
      'example_id,annotator_id,annotator_type,label,gold_label,prompt,response_a,response_b',
      'p1,J,ai,A>,A>,q1,x,y',
      'p2,J,ai,B>,,q1,y,x',
      'p3,J,ai,A>,,q2,u,v',
      'p4,J,ai,A>,A>,q2,v,u',
      'p5,J,ai,A>,,q3,s,t',
      'p6,h1,human,B>,,q3,t,s',
      'p1,K,ai,A>,A>,q1,x,y',
      'p2,K,ai,A>,,q1,y,x',
      'p1,K (swapped),ai,A>,A>,q1,x,y',
    ].join('\n');
    const judges = aiJudgeSection(await loadFiles([textFile('swapped.csv', csv)])).judges;
    // (p1, p2): A, then B mirrored = A: consistent; (p3, p4): A, then A mirrored = B: each the side shown first
    // gold: p1's A; p3 has none, so p4's A mirrored = B. (p1, p2) right in both; (p3, p4) right only second
    expect(judges.find((x) => x.id === 'J')!.orders).toMatchObject({
      source: 'swapped_texts',
      second_order: 'J',
      n: 2,
      consistency: { k: 1, n: 2 },
      inconsistent: { n: 1, first: 1, second: 0, other: 0 },
      reference: 'gold',
      accuracy: { n: 2, first: { k: 1 }, second: { k: 2 }, both: { k: 1 } },
    });
    // a twin comes first: K's second order is "K (swapped)" on p1, not its verdict on p2
    expect(judges.find((x) => x.id === 'K')!.orders).toMatchObject({
      source: 'twin',
      second_order: 'K (swapped)',
      n: 1,
      consistency: { k: 1 },
    });
  });

  it("reads a judge's other order from a second column, in the file's sides or as shown, and says which", async () => {
    // p1: A then A; p2: A then B (the first shown each time: A, then B); p3: B then B; p4: = then A; gold on all
    const header = 'example_id,annotator_id,label,gold_label,ai_label,ai_label_swapped';
    const rows = ['p1,h1,A>,A>,A>,A>', 'p2,h1,B>,B>,A>,B>', 'p3,h1,B>,B>,B>,B>', 'p4,h1,A>,A>,=,A>'];
    const csv = [header, ...rows].join('\n');
    const mapped = await loadFiles([textFile('two-columns.csv', csv)]);
    expect(mapped.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(
        /^ai_label_swapped read as the judge's verdicts in the other order .*: its A is the file's A/,
      ),
    );
    const o = aiJudgeSection(mapped).judges.find((j) => j.id === 'ai_judge')!.orders!;
    expect(o).toMatchObject({
      source: 'twin',
      second_order: 'ai_judge (swapped)',
      n: 4,
      consistency: { k: 2 },
      inconsistent: { n: 2, first: 1, second: 0, other: 1 },
      reference: 'gold',
      accuracy: { n: 4, first: { k: 2 }, second: { k: 4 }, both: { k: 2 } },
    });
    // the same column as shown (its A is the file's B), chosen by hand: every second verdict mirrored
    const shown = mapped.fileInfos[0].mapping;
    const asShown = await loadFiles([textFile('two-columns.csv', csv)], {
      files: [{ mapping: { ...shown, aiLabelSwapped: null, aiLabelSwappedShown: 'ai_label_swapped' } }],
    });
    expect(asShown.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/^ai_label_swapped read as the judge's verdicts in the other order as shown: .* mirrored/),
    );
    // second order now B, A, A, B: consistent p2 only; p1 A then B = the first shown each time, p3 B then A = the
    // second shown, p4 a tie; right first p1, p3, second none
    const m = aiJudgeSection(asShown).judges.find((j) => j.id === 'ai_judge')!.orders!;
    expect(m).toMatchObject({
      n: 4,
      consistency: { k: 1 },
      inconsistent: { n: 3, first: 1, second: 1, other: 1 },
      accuracy: { n: 4, first: { k: 2 }, second: { k: 0 }, both: { k: 0 } },
    });
  });

  it("a verdict as shown that names a model is that model's side: not mirrored", async () => {
    // labels are model names: p1 m1 then m1 (consistent), p2 m2 then m1, p3 m1 then m2 — read as shown or not
    const csv = [
      'example_id,annotator_id,label,model_a,model_b,ai_label,ai_label_swapped',
      'p1,h1,m1,m1,m2,m1,m1',
      'p2,h1,m2,m1,m2,m2,m1',
      'p3,h1,m1,m1,m2,m1,m2',
    ].join('\n');
    const mapped = await loadFiles([textFile('named.csv', csv)]);
    const asShown = await loadFiles([textFile('named.csv', csv)], {
      files: [
        { mapping: { ...mapped.fileInfos[0].mapping, aiLabelSwapped: null, aiLabelSwappedShown: 'ai_label_swapped' } },
      ],
    });
    for (const loaded of [mapped, asShown]) {
      const o = aiJudgeSection(loaded).judges.find((j) => j.id === 'ai_judge')!.orders!;
      expect(o).toMatchObject({ n: 3, consistency: { k: 1 } });
    }
  });

  it('pairs a judge file with one named "…_swapped" as its other order, and says so', async () => {
    const annotations = ['example_id,annotator_id,label,gold_label', 'p1,h1,A>,A>', 'p2,h1,B>,B>', 'p3,h1,B>,B>'];
    const judge = ['example_id,judge_label', 'p1,A>', 'p2,A>', 'p3,B>'];
    const other = ['example_id,judge_label', 'p1,A>', 'p2,B>', 'p3,A>'];
    const loaded = await loadFiles([
      textFile('annotations.csv', annotations.join('\n')),
      textFile('gpt4.csv', judge.join('\n')),
      textFile('gpt4_swapped.csv', other.join('\n')),
    ]);
    expect(loaded.warnings).toContainEqual({
      file: 'gpt4_swapped.csv',
      column: 'judge_label',
      message: expect.stringMatching(/^read as gpt4's verdicts in the other order .* its A is the file's A\./),
    });
    // p1 consistent and right; p2 A then B (the first shown each time), p3 B then A (the second shown each time)
    const o = aiJudgeSection(loaded).judges.find((j) => j.id === 'gpt4')!.orders!;
    expect(o).toMatchObject({
      source: 'twin',
      second_order: 'gpt4 (swapped)',
      n: 3,
      consistency: { k: 1 },
      inconsistent: { n: 2, first: 1, second: 1, other: 0 },
      reference: 'gold',
      accuracy: { n: 3, first: { k: 2 }, second: { k: 2 }, both: { k: 1 } },
    });
  });

  withRealExports(...LLMBAR).it(
    "LLMBar Natural: consistency and accuracy in both orders equal the benchmark's published statistics.json",
    async () => {
      // princeton-nlp/LLMBar @900616b, Dataset/LLMBar/Natural/evaluators/{GPT-4,ChatGPT}/Vanilla/statistics.json:
      // GPT-4: equal 95 / 100, correct_False 95 / 100, correct_True 96 / 100, correct_both 93 / 100;
      // ChatGPT: equal 71 / 100, correct_False 80 / 100, correct_True 83 / 100, correct_both 67 / 100
      const judges = aiJudgeSection(await loadReal(LLMBAR)).judges;
      const published = { 'GPT-4-Vanilla': [95, 95, 96, 93], 'ChatGPT-Vanilla': [71, 80, 83, 67] };
      for (const [id, [equal, first, second, both]] of Object.entries(published)) {
        const o = judges.find((x) => x.id === id)!.orders!;
        expect(o.reference, id).toBe('gold');
        expect(o.n, id).toBe(100);
        expect(o.consistency.k, id).toBe(equal);
        expect([o.accuracy!.first.k, o.accuracy!.second.k, o.accuracy!.both.k], id).toEqual([first, second, both]);
        expect(o.accuracy!.n, id).toBe(100);
      }
    },
  );

  withRealExports(...LLMBAR).it(
    'LLMBar Natural with the second order as items holding the texts swapped: again the published figures',
    async () => {
      // the same verdicts, each second-order one as an item "<id>-swapped" with A and B exchanged (no twin judge)
      const flat = asSwappedItems(await loadReal(LLMBAR));
      const judges = aiJudgeSection(await loadFiles([textFile('llmbar-swapped.jsonl', flat)])).judges;
      expect(judges.map((j) => j.id).sort()).toEqual(['ChatGPT-Vanilla', 'GPT-4-Vanilla']);
      const published = { 'GPT-4-Vanilla': [95, 95, 96, 93], 'ChatGPT-Vanilla': [71, 80, 83, 67] };
      for (const [id, [equal, first, second, both]] of Object.entries(published)) {
        const o = judges.find((x) => x.id === id)!.orders!;
        expect([o.source, o.reference, o.n], id).toEqual(['swapped_texts', 'gold', 100]);
        expect(o.consistency.k, id).toBe(equal);
        expect([o.accuracy!.first.k, o.accuracy!.second.k, o.accuracy!.both.k], id).toEqual([first, second, both]);
      }
    },
  );

  withRealExports(FASTCHAT).it(
    'FastChat gpt-4 pair: consistency and the position favoured, counted from the two games',
    async () => {
      // counted with python 3.11 from g1_winner / g2_winner (game 2 already mapped back; game 1 shows model_1 first):
      // 75 lines; 2 with an "error" → 73 in both orders; equal 46 (model_1 18, model_2 20, tie 8);
      // (model_1, model_2) 16 = each game's first shown; (model_2, model_1) 2 = second shown; with a tie 9
      const judges = aiJudgeSection(await loadReal([FASTCHAT])).judges;
      const o = judges.find((x) => x.id === 'gpt-4')!.orders!;
      expect(o).toMatchObject({
        n: 73,
        consistency: { k: 46 },
        inconsistent: { n: 27, first: 16, second: 2, other: 9 },
      });
      // no gold and no humans: no accuracy
      expect(o.accuracy).toBeNull();
      expect(o.reference).toBeNull();
    },
  );
});
