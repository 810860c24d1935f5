// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles, type LoadResult } from '../../src/parse/loadFiles';
import { aiJudgeSection } from '../../src/sections/aiJudgeSection';
import { PLANTED, RANDOM_CLICKERS } from '../fixtures/generateDemo';
import { closeTo } from '../helpers/closeTo';
import { diskFile, textFile } from '../helpers/loadText';
import { JUDGE_HAND_CSV as HAND_CSV } from '../fixtures/judgeHandCase';

const load = (csv: string) => loadFiles([textFile('judge.csv', csv)]);
const demo = async () => loadFiles([await diskFile(join(import.meta.dirname, '../../public/samples/demo.csv.gz'))]);

/**
 * The hand case (test/fixtures/judgeHandCase.ts): six items, humans h1-h3, one judge, gold on i1, i3, i5. 5-point codes
 * 0 A>>, 1 A>, 2 =, 3 B>, 4 B>>. Human majority (majorityVote):
 *   item  humans          majority            judge (conf)   gold   judge side / majority side
 *   i1    A>  A>  B>      A> (A side 2:1)     A>>  (0.95)    A>     A / A  ✓
 *   i2    B>  B>>         B> (milder of tie)  B>   (0.85)    -      B / B  ✓
 *   i3    =   A>  =       =                   A>   (0.62)    =      A / =  ✗
 *   i4    A>  B>          = (sides tie)       =    (0.55)    -      = / =  ✓
 *   i5    B>> .   B>>     B>>                 A>   (0.30)    B>>    A / B  ✗
 *   i6    .   A>  A>      A>                  A>   (0.91)    -      A / A  ✓
 */

describe('aiJudgeSection', () => {
  it('aiJudgeSection(loaded) computes every field of a hand-computed case', async () => {
    const loaded = await load(HAND_CSV);
    expect(loaded.ratings.scale).toBe('5-point');
    const { judges } = aiJudgeSection(loaded);
    expect(judges).toHaveLength(1);
    const j = judges[0];
    expect(j.id).toBe('ai_judge');
    expect(j.items).toBe(6);

    const m = j.vs_majority;
    expect(m.n).toBe(6);
    // judge × majority table (codes): (0,1) (3,3) (1,2) (2,2) (1,4) (1,1); exact: i2, i4, i6 → po = 3/6
    // judge marginals 0:1 1:3 2:1 3:1 4:0, majority 0:0 1:2 2:2 3:1 4:1 → pe = (0 + 6 + 2 + 1 + 0)/36 = 1/4
    // kappa = (1/2 − 1/4) / (1 − 1/4) = 1/3
    closeTo(m.kappa!, 1 / 3, 1e-12);
    // same side: i1, i2, i4, i6 → 4/6
    closeTo(m.directional_accuracy!, 4 / 6, 1e-12);
    // Wilson 4/6: p = 2/3, z²/n = 0.64025, centre = (0.66667 + 0.32012)/1.64025 = 0.60161,
    // half = 1.96·√(0.037037 + 0.026677)/1.64025 = 0.30162 → [0.3000, 0.9032]
    closeTo(m.directional_accuracy_ci95![0], 0.3, 1e-4);
    closeTo(m.directional_accuracy_ci95![1], 0.9032, 1e-4);
    // decisive (neither says =): i1 A/A ✓, i2 B/B ✓, i5 A/B ✗, i6 A/A ✓ → 3/4
    expect(m.decisive_n).toBe(4);
    closeTo(m.decisive_accuracy!, 3 / 4, 1e-12);
    // rows judge A, =, B; columns majority A, =, B: judge A → i1, i6 (A), i3 (=), i5 (B); judge = → i4 (=); judge B → i2 (B)
    expect(m.confusion).toEqual({
      labels: ['A', '=', 'B'],
      counts: [
        [2, 1, 1],
        [0, 1, 0],
        [0, 0, 1],
      ],
    });

    // gold: i1 A>> vs A> (same side ✓), i3 A> vs = ✗, i5 A> vs B>> ✗ → 1/3; Wilson 1/3 → [0.0615, 0.7923]
    expect(j.vs_gold!.n).toBe(3);
    closeTo(j.vs_gold!.directional_accuracy, 1 / 3, 1e-12);
    closeTo(j.vs_gold!.ci95[0], 0.0615, 1e-4);
    closeTo(j.vs_gold!.ci95[1], 0.7923, 1e-4);

    expect(j.vs_annotators.map((a) => [a.id, a.n])).toEqual([
      ['h1', 5],
      ['h2', 5],
      ['h3', 4],
    ]);
    const [h1, h2, h3] = j.vs_annotators;
    // h1 on i1-i5: pairs (judge, h1) = (0,1) (3,3) (1,2) (2,1) (1,4); exact i2 → po = 1/5
    // judge 0:1 1:2 2:1 3:1, h1 1:2 2:1 3:1 4:1 → pe = (2·2 + 1·1 + 1·1)/25 = 6/25; kappa = (5/25 − 6/25)/(19/25) = −1/19
    // same side: i1, i2 → 2/5
    closeTo(h1.kappa!, -1 / 19, 1e-12);
    closeTo(h1.directional_agreement, 2 / 5, 1e-12);
    // h2 on i1, i2, i3, i4, i6: (0,1) (3,4) (1,1) (2,3) (1,1); exact i3, i6 → 2/5
    // judge 0:1 1:2 2:1 3:1, h2 1:3 3:1 4:1 → pe = (2·3 + 1·1)/25 = 7/25; kappa = (10/25 − 7/25)/(18/25) = 1/6
    // same side: i1, i2, i3, i6 → 4/5
    closeTo(h2.kappa!, 1 / 6, 1e-12);
    closeTo(h2.directional_agreement, 4 / 5, 1e-12);
    // h3 on i1, i3, i5, i6: (0,3) (1,2) (1,4) (1,1); exact i6 → 1/4
    // judge 0:1 1:3, h3 1:1 2:1 3:1 4:1 → pe = 3/16; kappa = (4/16 − 3/16)/(13/16) = 1/13; same side: i6 → 1/4
    closeTo(h3.kappa!, 1 / 13, 1e-12);
    closeTo(h3.directional_agreement, 1 / 4, 1e-12);

    // calibration (accuracy = same side as the majority): [0.3, 0.4) i5 ✗; [0.5, 0.6) i4 ✓; [0.6, 0.7) i3 ✗;
    // [0.8, 0.9) i2 ✓; [0.9, 1] i1, i6 ✓✓ (mean 0.93)
    const cal = j.calibration!;
    expect(cal.n).toBe(6);
    expect(cal.bins.map((b) => b.n)).toEqual([0, 0, 0, 1, 0, 1, 1, 0, 1, 2]);
    expect(cal.bins.map((b) => b.accuracy)).toEqual([null, null, null, 0, null, 1, 0, null, 1, 1]);
    closeTo(cal.bins[9].mean_confidence!, 0.93, 1e-12);
    closeTo(cal.bins[3].mean_confidence!, 0.3, 1e-12);
    expect(cal.bins[0]).toEqual({ from: 0, to: 0.1, n: 0, mean_confidence: null, accuracy: null, ci95: null });
    closeTo(cal.bins[9].from, 0.9, 1e-12);
    expect(cal.bins[9].to).toBe(1);
    // Wilson 2/2: z²/n = 1.9208, centre = 1.9604/2.9208 = 0.6712, half = 1.96·0.4900/2.9208 = 0.3288 → [0.3424, 1]
    closeTo(cal.bins[9].ci95![0], 0.3424, 1e-4);
    expect(cal.bins[9].ci95![1]).toBe(1);
    // ECE = (|0 − 0.30| + |1 − 0.55| + |0 − 0.62| + |1 − 0.85| + 2·|1 − 0.93|)/6 = (0.30 + 0.45 + 0.62 + 0.15 + 0.14)/6 = 1.66/6
    closeTo(cal.ece, 1.66 / 6, 1e-12);

    // reliability: gold as vs_gold; majority = unique plurality of >= 2 human labels: i1 A> (judge A>> ✗),
    // i3 = (A> ✗), i5 B>> (A> ✗), i6 A> (A> ✓); i2 and i4 tie, → 1/4
    expect(j.reliability.gold_n).toBe(3);
    closeTo(j.reliability.gold_accuracy_directional!, 1 / 3, 1e-12);
    expect(j.reliability.majority_n).toBe(4);
    closeTo(j.reliability.majority_agreement!, 1 / 4, 1e-12);
  });

  it('aiJudgeSection(loaded, {removed}) leaves removed humans out of the majority and the annotator list', async () => {
    const loaded = await load(HAND_CSV);
    const h1 = loaded.ratings.annotators.indexOf('h1');
    const j = aiJudgeSection(loaded, { removed: [h1] }).judges[0];
    // without h1: i1 A>/B> → =, i2 B>>, i3 A>/= → =, i4 B>, i5 B>>, i6 A>; judge sides A B A = A A
    // same side: i2, i6 → 2/6
    expect(j.vs_majority.n).toBe(6);
    closeTo(j.vs_majority.directional_accuracy!, 2 / 6, 1e-12);
    expect(j.vs_annotators.map((a) => a.id)).toEqual(['h2', 'h3']);
  });

  it('aiJudgeSection(loaded) with two LLM judges on a binary scale, one without confidences (hand-computed)', async () => {
    const loaded = await load(`example_id,annotator_id,annotator_kind,label,ai_confidence
x1,h1,human,A>,
x1,h2,human,A>,
x1,gpt,llm,A>,0.9
x1,claude,llm,B>,
x2,h1,human,B>,
x2,gpt,llm,B>,0.7
x2,claude,llm,B>,
x3,gpt,llm,A>,0.6
`);
    expect(loaded.ratings.scale).toBe('binary');
    const { judges } = aiJudgeSection(loaded);
    expect(judges.map((j) => [j.id, j.items])).toEqual([
      ['gpt', 3],
      ['claude', 2],
    ]);
    const [gpt, claude] = judges;
    // gpt: x1 A/A, x2 B/B (x3 has no human label) → n 2, all agree; kappa: po 1, pe = (1·1 + 1·1)/4 = 1/2 → 1
    expect(gpt.vs_majority).toMatchObject({
      n: 2,
      kappa: 1,
      directional_accuracy: 1,
      decisive_accuracy: 1,
      decisive_n: 2,
    });
    expect(gpt.vs_majority.confusion).toEqual({
      labels: ['A', 'B'],
      counts: [
        [1, 0],
        [0, 1],
      ],
    });
    // calibration: 0.9 ✓ (bin 9), 0.7 ✓ (bin 7); ECE = 1/2·|1 − 0.9| + 1/2·|1 − 0.7| = 0.2
    closeTo(gpt.calibration!.ece, 0.2, 1e-12);
    expect(gpt.calibration!.bins.map((b) => b.n)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
    // claude: x1 B/A ✗, x2 B/B ✓ → 1/2; kappa: po 1/2, judge B:2, majority A:1 B:1 → pe = 2·1/4 = 1/2 → 0
    expect(claude.vs_majority).toMatchObject({ n: 2, directional_accuracy: 0.5, kappa: 0 });
    expect(claude.calibration).toBeNull();
    expect(gpt.vs_gold).toBeNull();
    expect(gpt.reliability).toEqual({
      gold_n: 0,
      gold_accuracy_directional: null,
      majority_n: 1,
      majority_agreement: 1,
    });
    expect(claude.reliability).toEqual({
      gold_n: 0,
      gold_accuracy_directional: null,
      majority_n: 1,
      majority_agreement: 0,
    });
    // the other judge is not a human: each judge is compared with h1 and h2 only
    expect(gpt.vs_annotators.map((a) => a.id)).toEqual(['h1', 'h2']);
  });

  it('aiJudgeSection(loaded) on nominal data compares categories (hand-computed)', async () => {
    const loaded = await load(`example_id,annotator_id,label,ai_label
n1,h1,cat,cat
n1,h2,cat,cat
n2,h1,dog,cat
n2,h2,dog,cat
n3,h1,bird,bird
`);
    expect(loaded.ratings.scale).toBe('nominal');
    const m = aiJudgeSection(loaded).judges[0].vs_majority;
    // judge/majority: cat/cat, cat/dog, bird/bird → 2/3; no ties on a nominal scale, so every item is decisive
    // kappa: po 2/3, judge bird 1 cat 2, majority bird 1 cat 1 dog 1 → pe = 3/9 → (2/3 − 1/3)/(2/3) = 1/2
    closeTo(m.directional_accuracy!, 2 / 3, 1e-12);
    closeTo(m.kappa!, 0.5, 1e-12);
    expect(m.decisive_n).toBe(3);
    expect(m.confusion).toEqual({
      labels: ['bird', 'cat', 'dog'],
      counts: [
        [1, 0, 0],
        [0, 1, 1],
        [0, 0, 0],
      ],
    });
  });

  it('aiJudgeSection(loaded) is empty without an AI judge', async () => {
    expect(aiJudgeSection(await load('example_id,annotator_id,label\ni1,h1,A>\ni1,h2,B>\n'))).toEqual({
      judges: [],
      panel: null,
      human_length_controlled: null,
    });
  });

  it('aiJudgeSection(demo) recovers the planted judge: 80% directional accuracy against the truth (gold)', async () => {
    const loaded: LoadResult = await demo();
    const { judges } = aiJudgeSection(loaded);
    expect(judges).toHaveLength(1);
    const j = judges[0];
    expect(j.items).toBe(2000);
    expect(j.vs_majority.n).toBe(2000);
    // generateDemo's aiJudge: the true label with probability 0.8 (confidence 0.55-0.99), else a label on
    // another side (confidence 0.40-0.80). Gold labels are the truth on 200 items: SE = √(0.8·0.2/200) = 0.028
    expect(j.vs_gold!.n).toBe(200);
    expect(Math.abs(j.vs_gold!.directional_accuracy - 0.8)).toBeLessThan(3 * Math.sqrt(0.16 / 200));
    expect(j.vs_gold!.ci95[0]).toBeLessThan(0.8);
    expect(j.vs_gold!.ci95[1]).toBeGreaterThan(0.8);
    expect(j.reliability.gold_accuracy_directional).toBe(j.vs_gold!.directional_accuracy);
    // against three noisy humans the judge agrees less often than with the truth
    expect(j.vs_majority.directional_accuracy!).toBeLessThan(j.vs_gold!.directional_accuracy);
    // no confidence is below 0.40; [0.40, 0.50) holds only wrong verdicts: 0.2 · 9.5/40 of 2000 = 95 expected
    // (0.40 takes half a rounding step), binomial SD √(2000·0.0475·0.9525) = 9.5
    const bins = j.calibration!.bins;
    expect(bins.slice(0, 4).map((b) => b.n)).toEqual([0, 0, 0, 0]);
    expect(Math.abs(bins[4].n - 95)).toBeLessThan(4 * 9.5);
    // wrong verdicts rarely meet the human majority; [0.9, 1] holds only right ones
    expect(bins[4].accuracy!).toBeLessThan(0.2);
    expect(bins[9].accuracy!).toBeGreaterThan(0.8);
    // the random clickers agree with the judge only by chance (kappa ≈ 0); honest annotators well above
    const kappa = new Map(j.vs_annotators.map((a) => [a.id, a.kappa!]));
    expect(kappa.size).toBe(25);
    for (const id of RANDOM_CLICKERS) expect(Math.abs(kappa.get(id)!)).toBeLessThan(0.1);
    for (const [id, k] of kappa) if (!PLANTED.includes(id)) expect(k).toBeGreaterThan(0.3);
  });
});
