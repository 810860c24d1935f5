// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routingCurve } from '../../src/core/routingCurve';
import { loadFiles } from '../../src/parse/loadFiles';
import { aiJudgeSection } from '../../src/sections/aiJudgeSection';
import { routingSection } from '../../src/sections/routingSection';
import { closeTo } from '../helpers/closeTo';
import { diskFile, textFile } from '../helpers/loadText';
import { JUDGE_HAND_CSV as HAND_CSV } from '../fixtures/judgeHandCase';

const load = (csv: string) => loadFiles([textFile('judge.csv', csv)]);

/**
 * The hand case (test/fixtures/judgeHandCase.ts), worked out in aiJudgeSection.test.ts. Per item: judge side, c = judge on the reference's side,
 * a = share of the human labels on the judge's side, X = (1 − a) + a·c.
 *   item  humans        majority  gold  judge (conf)  c (majority)  c (gold)  a     X (majority)  X (gold)
 *   i1    A>  A>  B>    A>        A>    A>>  (0.95)   1             1         2/3   1             1
 *   i2    B>  B>>       B>        -     B>   (0.85)   1             -         1     1             -
 *   i3    =   A>  =     =         =     A>   (0.62)   0             0         1/3   2/3           2/3
 *   i4    A>  B>        =         -     =    (0.55)   1             -         0     1             -
 *   i5    B>> B>>       B>>       B>>   A>   (0.30)   0             0         0     1             1
 *   i6    A>  A>        A>        -     A>   (0.91)   1             -         1     1             -
 */

describe('routingSection', () => {
  it('routingSection(loaded) builds the routing table against the human majority (hand-computed)', async () => {
    const section = routingSection(await load(HAND_CSV), { grid: [0, 0.6, 1] });
    expect(section.reference).toBe('majority');
    expect(section.judges).toHaveLength(1);
    const { id, n, table, reason } = section.judges[0];
    expect([id, n, reason]).toEqual(['ai_judge', 6, null]);
    // Σc = 4 (i1, i2, i4, i6) = 4/6, the judge's directional accuracy against the majority
    expect(table!.aiCorrect).toBe(4);
    // t = 0.6: R = {i5 (0.30), i4 (0.55)}: |R| = 2, Σ(1 − a) = 1 + 1 = 2, ΣX = 2;
    //          A = {i1, i2, i3, i6}: |A| = 4, Σc = 1 + 1 + 0 + 1 = 3, Σ(1 − a) = 1/3 + 0 + 2/3 + 0 = 1,
    //          ΣX = 1 + 1 + 2/3 + 1 = 11/3
    // t = 0: nothing routed; t = 1: all routed (ΣX = 17/3, Σ(1 − a) = 1/3 + 0 + 2/3 + 1 + 1 + 0 = 3)
    expect(table!.routed).toEqual([0, 2, 6]);
    expect(table!.above).toEqual([6, 4, 0]);
    closeTo(table!.routedDisagree[1], 2, 1e-12);
    closeTo(table!.routedCorrect[1], 2, 1e-12);
    closeTo(table!.aboveAiCorrect[1], 3, 1e-12);
    closeTo(table!.aboveDisagree[1], 1, 1e-12);
    closeTo(table!.aboveCorrect[1], 11 / 3, 1e-12);
    closeTo(table!.routedCorrect[2], 17 / 3, 1e-12);
    closeTo(table!.routedDisagree[2], 3, 1e-12);
    // the section is plain JSON and feeds routingCurve directly: t = 0.6, s = 0 → (2 + 3)/6
    expect(JSON.parse(JSON.stringify(section))).toEqual(section);
    closeTo(routingCurve(table!, { spot: 0 }).accuracy[1], 5 / 6, 1e-12);
  });

  it('routingSection(loaded, {reference: "gold"}) uses the gold items only (hand-computed)', async () => {
    const { judges } = routingSection(await load(HAND_CSV), { reference: 'gold', grid: [0.6] });
    // gold items i1, i3, i5; t = 0.6: R = {i5}: |R| = 1, Σ(1 − a) = 1, ΣX = 1;
    // A = {i1, i3}: Σc = 1, Σ(1 − a) = 1/3 + 2/3 = 1, ΣX = 1 + 2/3 = 5/3
    const t = judges[0].table!;
    expect(judges[0].n).toBe(3);
    expect(t.aiCorrect).toBe(1);
    expect([t.routed[0], t.above[0]]).toEqual([1, 2]);
    closeTo(t.routedDisagree[0], 1, 1e-12);
    closeTo(t.routedCorrect[0], 1, 1e-12);
    closeTo(t.aboveAiCorrect[0], 1, 1e-12);
    closeTo(t.aboveDisagree[0], 1, 1e-12);
    closeTo(t.aboveCorrect[0], 5 / 3, 1e-12);
  });

  it('routingSection(loaded) gives a null table to a judge without confidences and skips items without humans', async () => {
    const { judges } = routingSection(
      await load(`example_id,annotator_id,annotator_kind,label,ai_confidence
x1,h1,human,A>,
x1,gpt,llm,A>,0.9
x1,claude,llm,B>,
x2,h1,human,B>,
x2,gpt,llm,A>,0.7
x3,gpt,llm,A>,0.6
`),
    );
    // gpt: x1 (c 1, a 1) and x2 (c 0, a 0); x3 has no human label
    // claude: x1 has a human label but no confidence
    expect(judges.map((j) => [j.id, j.n, j.no_confidence])).toEqual([
      ['gpt', 2, 0],
      ['claude', 0, 1],
    ]);
    expect(judges[0].table!.aiCorrect).toBe(1);
    expect(judges[1].table).toBeNull();
    expect(judges[1].reason).toMatch(/confidence/);
    expect(routingSection(await load('example_id,annotator_id,label\ni1,h1,A>\n'))).toEqual({
      reference: 'majority',
      judges: [],
    });
    // no gold item at all: nothing usable, and the reason says so
    const gold = routingSection(await load('example_id,annotator_id,label,ai_label,ai_confidence\ni1,h1,A>,A>,0.8\n'), {
      reference: 'gold',
    });
    expect(gold.judges[0]).toMatchObject({ n: 0, no_confidence: 0, table: null });
    expect(gold.judges[0].reason).toMatch(/reference/);
  });

  it('routingSection(demo) agrees with aiJudgeSection at t = 0, s = 0 (AI alone), against the majority and gold', async () => {
    const loaded = await loadFiles([await diskFile(join(import.meta.dirname, '../../public/samples/demo.csv.gz'))]);
    const judge = aiJudgeSection(loaded).judges[0];
    const majority = routingSection(loaded).judges[0];
    expect(majority.n).toBe(judge.vs_majority.n);
    closeTo(routingCurve(majority.table!).accuracy[0], judge.vs_majority.directional_accuracy!, 1e-12);
    const gold = routingSection(loaded, { reference: 'gold' }).judges[0];
    expect(gold.n).toBe(judge.vs_gold!.n);
    closeTo(routingCurve(gold.table!).accuracy[0], judge.vs_gold!.directional_accuracy, 1e-12);
    // routing every item (t = 1; no confidence is 1) is at least as accurate as the AI alone
    expect(routingCurve(majority.table!).accuracy[100]).toBeGreaterThan(routingCurve(majority.table!).accuracy[0]);
  });
});
