import { beforeAll, describe, expect, it } from 'vitest';
import { judgementFilter } from '../../src/core/judgementFilter';
import { AI } from '../../src/core/types';
import { loadFiles, type LoadResult } from '../../src/parse/loadFiles';
import { aiJudgeSection } from '../../src/sections/aiJudgeSection';
import { biasSection } from '../../src/sections/biasSection';
import { comparisonSection, type ComparisonSection } from '../../src/sections/comparisonSection';
import { runOf } from '../../src/sections/splitRuns';
import { generateDemo } from '../fixtures/generateDemo';
import { textFile } from '../helpers/loadText';

// The judge and bias rows of a comparison: each run's value must be the figure the `ai_judge`, `bias` and
// `annotators` sections give for that run alone (those sections are checked against references elsewhere),
// and a change planted in run B must be found, with nothing else moving.

/** Run A with its AI judge answering `A>` on every pair (a judge that always picks the side shown first). */
function judgeAlwaysA(loaded: LoadResult): LoadResult {
  const r = loaded.ratings;
  const label = r.label.slice();
  const aOver = r.categories.indexOf('A>');
  const ai = judgementFilter(r, { kind: AI });
  for (let j = 0; j < r.n; j++) if (ai[j]) label[j] = aOver;
  return { ...loaded, ratings: { ...r, label } };
}

let a: LoadResult, b: LoadResult;
let c: ComparisonSection;
const row = (section: ComparisonSection, id: string) => {
  const found = section.rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id} among ${section.rows.map((r) => r.id).join(', ')}`);
  return found;
};

beforeAll(async () => {
  [a, b] = await Promise.all([1, 2].map((seed) => loadFiles([textFile(`demo-${seed}.csv`, generateDemo(seed))])));
  c = comparisonSection(runOf(a), runOf(b), { bootstrap: 200, seed: 5 });
}, 60_000);

describe('comparisonSection: judges, bias and flags', () => {
  it("gives each run the judge's figures of its ai_judge section", () => {
    const judges = [a, b].map((x) => aiJudgeSection(x).judges);
    expect(judges[0]).toHaveLength(1);
    const id = judges[0][0].id;
    const kappa = row(c, `judge.${id}.kappa`);
    const accuracy = row(c, `judge.${id}.directional_accuracy`);
    expect(kappa.a).toBeCloseTo(judges[0][0].vs_majority.kappa!, 12);
    expect(kappa.b).toBeCloseTo(judges[1][0].vs_majority.kappa!, 12);
    expect(accuracy.a).toBeCloseTo(judges[0][0].vs_majority.directional_accuracy!, 12);
    expect(accuracy.b).toBeCloseTo(judges[1][0].vs_majority.directional_accuracy!, 12);
    expect(accuracy).toMatchObject({ unit: 'share', better: 'higher' });
    expect(kappa).toMatchObject({ unit: 'coefficient', better: 'higher' });
  });

  it('gives each run the position and length shares of its bias section, for the humans and the judge', () => {
    const bias = [a, b].map((x) => biasSection(x));
    const id = aiJudgeSection(a).judges[0].id;
    const judgeRow = <T extends { id: string }>(rows: T[]) => rows.find((x) => x.id === id)!;
    for (const [k, side] of [
      [0, 'a'],
      [1, 'b'],
    ] as const) {
      const { position, length } = bias[k];
      expect(row(c, 'position.humans')[side]).toBeCloseTo(position!.pooled.share!, 12);
      expect(row(c, `position.judge.${id}`)[side]).toBeCloseTo(judgeRow(position!.annotators).share!, 12);
      expect(row(c, 'length.humans')[side]).toBeCloseTo(length!.pooled.share!, 12);
      expect(row(c, `length.judge.${id}`)[side]).toBeCloseTo(judgeRow(length!.annotators).share!, 12);
    }
    expect(row(c, 'position.humans')).toMatchObject({ unit: 'share', better: null });
  });

  it("gives each run the share of human annotators its annotator table flags, with Newcombe's interval", () => {
    const flagged = [a, b].map((x) => {
      const rows = runOf(x).annotators.filter((r) => r.kind === 'human');
      return rows.filter((r) => r.flagged).length / rows.length;
    });
    const r = row(c, 'annotators.flagged_share');
    expect(r.a).toBeCloseTo(flagged[0], 12);
    expect(r.b).toBeCloseTo(flagged[1], 12);
    expect(r.ci95![0]).toBeLessThanOrEqual(r.delta!);
    expect(r.ci95![1]).toBeGreaterThanOrEqual(r.delta!);
    expect(r.better).toBe('lower');
  });

  it('finds a judge turned position-biased, and nothing moving among the humans', () => {
    const planted = comparisonSection(runOf(a), runOf(judgeAlwaysA(a)), { bootstrap: 200, seed: 5 });
    const id = aiJudgeSection(a).judges[0].id;
    const position = row(planted, `position.judge.${id}`);
    // no order shown in the demo: side A is shown first, and the judge now always picks it
    expect(position.b).toBe(1);
    expect(position.changed).toBe(true);
    expect(position.verdict).toMatch(/ rose by .*: the change is larger than the noise/);
    const kappa = row(planted, `judge.${id}.kappa`);
    expect(kappa.changed).toBe(true);
    expect(kappa.delta).toBeLessThan(0);
    // the humans are the same judgements in both runs: paired resampling leaves no noise
    for (const id of ['position.humans', 'length.humans', 'fleiss_kappa'])
      expect(row(planted, id)).toMatchObject({ delta: 0, ci95: [0, 0], changed: false });
  });
});
