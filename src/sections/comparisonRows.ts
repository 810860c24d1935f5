import { alignItems, outcomeCounts, outcomeTotals, shareOf } from '../core/alignRuns';
import { cohenKappa } from '../core/cohenKappa';
import { decisiveSides } from '../core/directionalSides';
import type { ItemCounts } from '../core/itemCounts';
import { judgementFilter } from '../core/judgementFilter';
import { longerSides } from '../core/lengthBias';
import { firstSideChoice } from '../core/positionBias';
import type { TwoRuns } from '../core/runDifference';
import { AI, type Ratings } from '../core/types';
import { comparisonSides, judgeVerdicts } from './aiJudgeSection';
import { MIN_LENGTH_DIFFERENCE, positionConfounds } from './biasSection';
import type { ComparedRun, DifferenceRow } from './comparisonSection';

// The comparison's rows on AI judges and on position and length bias: each a figure of per-item outcome
// counts (`outcomeCounts`), so items are resampled as for the agreement rows.

/** Adds one row: the statistic of each run's counts, B − A and its bootstrap interval. */
export type Compare = (
  id: string,
  name: string,
  runs: TwoRuns,
  statistic: (t: ItemCounts) => number,
  kind?: Pick<Partial<DifferenceRow>, 'unit' | 'better'>,
) => void;

const possessive = (name: string) => (name === 'humans' ? "humans'" : `${name}'s`);

/** A run's judgements (its mask) and the outcome of each one (negative: not counted). */
interface Side {
  r: Ratings;
  mask: Uint8Array;
  outcome: (j: number) => number;
}

/** The two runs' outcome counts over the items both masks select, shared items first. */
function twoRuns(a: Side, b: Side, K: number): TwoRuns {
  const order = alignItems(a.r, a.mask, b.r, b.mask);
  return {
    a: outcomeCounts(a.r, a.mask, order.a, K, a.outcome),
    b: outcomeCounts(b.r, b.mask, order.b, K, b.outcome),
    shared: order.shared,
  };
}

/** The AI judges' codes by id (`judgeVerdicts`: annotators of kind AI with a label on the overall dimension). */
const judgesOf = (r: Ratings) => new Map(judgeVerdicts(r).map((v) => [r.annotators[v.judge], v.judge]));

/** The judge's judgements on the overall dimension. */
const judgeMask = (r: Ratings, g: number) => {
  const mask = judgementFilter(r, { kind: AI });
  for (let j = 0; j < r.n; j++) if (r.annotator[j] !== g) mask[j] = 0;
  return mask;
};

/** AI judges in both runs, in run A's order. */
const sharedJudges = (ra: Ratings, rb: Ratings) => {
  const inB = judgesOf(rb);
  return [...judgesOf(ra)].flatMap(([id, ga]) => (inB.has(id) ? [{ id, ga, gb: inB.get(id)! }] : []));
};

/**
 * Each AI judge present in both runs against its run's human majority (the `ai_judge` section's figures):
 * Cohen's kappa on the scale's categories and the share on the majority's side.
 */
export function judgeRows(
  a: ComparedRun,
  b: ComparedRun,
  { voteA, voteB, compare }: { voteA: Int32Array; voteB: Int32Array; compare: Compare },
): void {
  const ra = a.ratings;
  const rb = b.ratings;
  const K = ra.categories.length;
  const { side } = comparisonSides(ra);
  for (const { id, ga, gb } of sharedJudges(ra, rb)) {
    const cell = (r: Ratings, vote: Int32Array) => (j: number) => {
      const m = vote[r.item[j]];
      return m < 0 || r.label[j] < 0 ? -1 : r.label[j] * K + m;
    };
    const agrees = (r: Ratings, vote: Int32Array) => (j: number) => {
      const m = vote[r.item[j]];
      return m < 0 || r.label[j] < 0 ? -1 : side[r.label[j]] === side[m] ? 0 : 1;
    };
    const sa = judgeMask(ra, ga);
    const sb = judgeMask(rb, gb);
    compare(
      `judge.${id}.kappa`,
      `${id}: Cohen's kappa with the human majority`,
      twoRuns({ r: ra, mask: sa, outcome: cell(ra, voteA) }, { r: rb, mask: sb, outcome: cell(rb, voteB) }, K * K),
      (t) => cohenKappa(outcomeTotals(t), { K }).kappa,
    );
    compare(
      `judge.${id}.directional_accuracy`,
      `${id}: share on the human majority's side`,
      twoRuns({ r: ra, mask: sa, outcome: agrees(ra, voteA) }, { r: rb, mask: sb, outcome: agrees(rb, voteB) }, 2),
      (t) => shareOf(t, 0),
      { unit: 'share', better: 'higher' },
    );
  }
}

/**
 * Position and length bias (the `bias` section's figures), for the humans pooled and each AI judge in both
 * runs: the share choosing the side shown first, and the share choosing the longer response where lengths
 * differ by more than 30 characters. A figure that measures something else than position in either run
 * (`positionConfounds`) is left out with a note. Nothing on a nominal scale.
 */
export function biasRows(
  a: ComparedRun,
  b: ComparedRun,
  { ma, mb, compare, notes }: { ma: Uint8Array; mb: Uint8Array; compare: Compare; notes: string[] },
): void {
  const ra = a.ratings;
  const rb = b.ratings;
  const firstA = firstSideChoice(ra);
  const firstB = firstSideChoice(rb);
  if (!firstA || !firstB) return;
  const judges = sharedJudges(ra, rb);
  const who = [
    { key: 'humans', name: 'humans', maskA: ma, maskB: mb, ga: -1, gb: -1 },
    ...judges.map(({ id, ga, gb }) => ({
      key: `judge.${id}`,
      name: id,
      maskA: judgeMask(ra, ga),
      maskB: judgeMask(rb, gb),
      ga,
      gb,
    })),
  ];
  const share = { unit: 'share', better: null } as const;

  // the side shown first: 0 = chosen, 1 = the other side
  const chosen = (first: (j: number) => number) => (j: number) => {
    const c = first(j);
    return c < 0 ? -1 : 1 - c;
  };
  const confounds = (run: ComparedRun) =>
    positionConfounds(
      run.ratings,
      run.models ?? null,
      judgementFilter(run.ratings, { kind: null }),
      run === a ? ma : mb,
    );
  const ca = confounds(a);
  const cb = confounds(b);
  for (const w of who) {
    const reasonA = w.ga < 0 ? ca.pooled : ca.each[w.ga];
    const reasonB = w.gb < 0 ? cb.pooled : cb.each[w.gb];
    if (reasonA || reasonB) {
      notes.push(`position, ${w.name}: not compared (${reasonA ? `run A: ${reasonA}` : `run B: ${reasonB}`})`);
      continue;
    }
    compare(
      `position.${w.key}`,
      `Position: ${possessive(w.name)} share choosing the side shown first`,
      twoRuns({ r: ra, mask: w.maskA, outcome: chosen(firstA) }, { r: rb, mask: w.maskB, outcome: chosen(firstB) }, 2),
      (t) => shareOf(t, 0),
      share,
    );
  }

  // the longer response: 0 = chosen, 1 = the shorter one
  if (!a.lengths || !b.lengths) {
    notes.push('length bias: not compared (a run has no response texts)');
    return;
  }
  const longer = (run: ComparedRun) => {
    const r = run.ratings;
    const longerSide = longerSides(run.lengths!.a, run.lengths!.b, MIN_LENGTH_DIFFERENCE);
    const decisive = decisiveSides(r.fivePoint)!;
    return (j: number) => {
      const l = longerSide[r.item[j]];
      const d = r.label[j] < 0 ? -1 : decisive[r.label[j]];
      return l < 0 || d < 0 ? -1 : d === l ? 0 : 1;
    };
  };
  const la = longer(a);
  const lb = longer(b);
  for (const w of who)
    compare(
      `length.${w.key}`,
      `Length: ${possessive(w.name)} share choosing the longer response`,
      twoRuns({ r: ra, mask: w.maskA, outcome: la }, { r: rb, mask: w.maskB, outcome: lb }, 2),
      (t) => shareOf(t, 0),
      share,
    );
}
