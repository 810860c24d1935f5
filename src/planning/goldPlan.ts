import { goldCatch, type GoldCatchInput } from '../core/goldCatch';
import { goldCatchSimulation } from '../core/goldCatchSimulation';
import { rng } from '../core/rng';

/** The gold-rate planner's inputs (the page's Planning panel, `npm run plan -- gold`). */
export interface GoldPlanOptions {
  /** F: share of tasks that are gold (each task independently); default 0.1 */
  goldShare?: number;
  /** M: the rule is checked from the M-th gold answer on; default 5 (as `low_gold_accuracy`) */
  minGold?: number;
  /** T: flagged when correct / answered < T; default 0.6 (as `low_gold_accuracy`) */
  threshold?: number;
  /** directional gold accuracy of a random clicker; default 0.4 (2 of 5 categories on the gold's side) */
  clickerAccuracy?: number;
  /** directional gold accuracy of a careful annotator; default 0.85 */
  goodAccuracy?: number;
  /** share of annotators who are clickers; default 0.1 */
  clickerShare?: number;
  /** N: labels per annotator; default 200 */
  tasks?: number;
  /** annotators in the project; default 20 */
  annotators?: number;
  /** dollars per label; default 0.30 */
  pricePerLabel?: number;
  /** Monte-Carlo runs per annotator type (0 = no simulation: the simulated fields are null); default 2000 */
  runs?: number;
  /** seed of the simulation; default 1 */
  seed?: number;
}

export interface GoldPlanPoint {
  tasks: number;
  p_caught: number;
}

export interface GoldPlanClaim {
  claim: string;
  gold_share: number;
  tasks: number;
  /** exact P(a clicker is flagged within `tasks`) at this gold share under the chosen M, T and clicker accuracy */
  p_caught: number;
}

export interface GoldPlan {
  settings: {
    gold_share: number;
    min_gold: number;
    threshold: number;
    clicker_accuracy: number;
    good_accuracy: number;
    clicker_share: number;
    tasks: number;
    annotators: number;
    price_per_label: number;
    runs: number;
    seed: number;
  };
  clicker: {
    accuracy: number;
    /** exact P(flagged within N tasks) */
    p_caught: number;
    /** the same from `runs` seeded simulated clickers, with its standard error (null when runs = 0) */
    p_caught_simulated: number | null;
    p_caught_simulated_se: number | null;
    /** exact E[min(task of the flag, N)] and its simulated counterpart */
    expected_tasks_to_catch: number;
    expected_tasks_to_catch_simulated: number | null;
    /** exact E[non-gold labels given before the flag (all N tasks' when never flagged)] and simulated */
    expected_bad_labels: number;
    expected_bad_labels_simulated: number | null;
    /** E[task of the flag | flagged within N]; null when the clicker cannot be flagged */
    mean_tasks_when_caught: number | null;
    /** P(flagged at the g-th gold answer, within N), g from M to the last g with p >= 1e-12; sums to p_caught (up to those tails) */
    caught_at_gold: { gold: number; p_caught: number }[];
    /** exact P(flagged within n tasks), n = 10, 20, …, N (step 10·⌈N/1000⌉; N itself last) */
    by_tasks: GoldPlanPoint[];
  };
  good: {
    accuracy: number;
    /** exact P(a careful annotator is flagged within N tasks): the false-flag rate */
    p_flagged: number;
    p_flagged_simulated: number | null;
    p_flagged_simulated_se: number | null;
    expected_tasks_to_flag: number;
    by_tasks: { tasks: number; p_flagged: number }[];
  };
  /** expected clickers: clicker_share × annotators */
  clickers: number;
  /** clickers × expected_bad_labels of one clicker */
  expected_bad_labels_total: number;
  /** careful annotators × p_flagged */
  expected_false_flags: number;
  /** expected gold labels: gold_share × tasks × annotators */
  gold_labels: number;
  /** gold_labels × price_per_label */
  gold_overhead_dollars: number;
  claims: GoldPlanClaim[];
}

const DEFAULTS = {
  goldShare: 0.1,
  minGold: 5,
  threshold: 0.6,
  clickerAccuracy: 0.4,
  goodAccuracy: 0.85,
  clickerShare: 0.1,
  tasks: 200,
  annotators: 20,
  pricePerLabel: 0.3,
  runs: 2000,
  seed: 1,
} satisfies Required<GoldPlanOptions>;

/** The largest number of tasks planned exactly (the catch DP is O(gold answers²)). */
export const GOLD_PLAN_MAX_TASKS = 100_000;

/** One unusable option: which, and why (in words the page and the command can show). */
export interface GoldPlanProblem {
  option: keyof GoldPlanOptions;
  message: string;
}

/**
 * What is wrong with the options (empty when they are usable): shares, accuracies and the threshold in
 * [0, 1]; M, N and annotators integers >= 1 (N at most GOLD_PLAN_MAX_TASKS); runs and seed integers >= 0
 * (runs = 0: no simulation); the price a number >= 0.
 */
export function goldPlanProblems(options: GoldPlanOptions = {}): GoldPlanProblem[] {
  const o = { ...DEFAULTS, ...options };
  const problems: GoldPlanProblem[] = [];
  const share = (option: keyof GoldPlanOptions, what: string) => {
    const x = o[option];
    if (!(Number.isFinite(x) && x >= 0 && x <= 1))
      problems.push({ option, message: `${what} must be a number from 0 to 1 (got ${x})` });
  };
  const integer = (option: keyof GoldPlanOptions, what: string, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const x = o[option];
    if (!(Number.isInteger(x) && x >= min && x <= max)) {
      const range = max < Number.MAX_SAFE_INTEGER ? `from ${min} to ${max}` : `>= ${min}`;
      problems.push({ option, message: `${what} must be an integer ${range} (got ${x})` });
    }
  };
  share('goldShare', 'the gold share');
  integer('minGold', 'the minimum number of gold answers', 1);
  share('threshold', 'the threshold');
  share('clickerAccuracy', "the clicker's accuracy");
  share('goodAccuracy', "the careful annotator's accuracy");
  share('clickerShare', 'the clicker share');
  integer('tasks', 'the number of tasks', 1, GOLD_PLAN_MAX_TASKS);
  integer('annotators', 'the number of annotators', 1);
  if (!(Number.isFinite(o.pricePerLabel) && o.pricePerLabel >= 0)) {
    problems.push({
      option: 'pricePerLabel',
      message: `the price per label must be a number >= 0 (got ${o.pricePerLabel})`,
    });
  }
  integer('runs', 'the number of simulation runs', 0);
  integer('seed', 'the seed', 0, 2 ** 32 - 1);
  return problems;
}

/** 10, 20, …, N (step 10·⌈N/1000⌉ so at most ~100 points), N last even when not a multiple of the step */
function curveTasks(N: number): number[] {
  const step = 10 * Math.ceil(N / 1000);
  const xs: number[] = [];
  for (let n = step; n < N; n += step) xs.push(n);
  xs.push(N);
  return xs;
}

/**
 * The gold-rate planner (README.md, "Planning: definitions and the plan command"): for a clicker and a careful
 * annotator, the exact catch probability (`goldCatch`), the expected tasks until the flag and the bad
 * labels given before it, its curve over the tasks, and the same by seeded simulation
 * (`goldCatchSimulation`, clicker with `rng(seed)`, careful annotator with `rng(seed + 1)`); the project's
 * totals (clickers = clicker_share × annotators, expected, not rounded); the gold overhead; and two
 * often-heard claims evaluated under the chosen rule and clicker accuracy. Invalid options throw with the
 * messages of `goldPlanProblems`.
 */
export function goldPlan(options: GoldPlanOptions = {}): GoldPlan {
  const problems = goldPlanProblems(options);
  if (problems.length) throw new Error(problems.map((p) => p.message).join('; '));
  const o = { ...DEFAULTS, ...options };
  const rule = { goldShare: o.goldShare, minGold: o.minGold, threshold: o.threshold, tasks: o.tasks };
  const at = curveTasks(o.tasks);
  const clickerInput: GoldCatchInput = { ...rule, accuracy: o.clickerAccuracy };
  const goodInput: GoldCatchInput = { ...rule, accuracy: o.goodAccuracy };
  const clicker = goldCatch(clickerInput, { at });
  const good = goldCatch(goodInput, { at });
  const simulate = o.runs > 0;
  const clickerSim = simulate ? goldCatchSimulation(clickerInput, { runs: o.runs, random: rng(o.seed) }) : null;
  const goodSim = simulate ? goldCatchSimulation(goodInput, { runs: o.runs, random: rng(o.seed + 1) }) : null;

  const caughtAtGold: { gold: number; p_caught: number }[] = [];
  let last = clicker.caughtAtGold.length - 1;
  while (last > 0 && clicker.caughtAtGold[last] < 1e-12) last--;
  for (let g = o.minGold; g <= last; g++) caughtAtGold.push({ gold: g, p_caught: clicker.caughtAtGold[g] });

  const clickers = o.clickerShare * o.annotators;
  const goldLabels = o.goldShare * o.tasks * o.annotators;
  const claim = (text: string, goldShare: number, tasks: number): GoldPlanClaim => ({
    claim: text,
    gold_share: goldShare,
    tasks,
    p_caught: goldCatch({ goldShare, minGold: o.minGold, threshold: o.threshold, accuracy: o.clickerAccuracy, tasks })
      .pCaught,
  });
  return {
    settings: {
      gold_share: o.goldShare,
      min_gold: o.minGold,
      threshold: o.threshold,
      clicker_accuracy: o.clickerAccuracy,
      good_accuracy: o.goodAccuracy,
      clicker_share: o.clickerShare,
      tasks: o.tasks,
      annotators: o.annotators,
      price_per_label: o.pricePerLabel,
      runs: o.runs,
      seed: o.seed,
    },
    clicker: {
      accuracy: o.clickerAccuracy,
      p_caught: clicker.pCaught,
      p_caught_simulated: clickerSim?.pCaught ?? null,
      p_caught_simulated_se: clickerSim?.pCaughtSe ?? null,
      expected_tasks_to_catch: clicker.expectedTasksToCatch,
      expected_tasks_to_catch_simulated: clickerSim?.expectedTasksToCatch ?? null,
      expected_bad_labels: clicker.expectedBadLabels,
      expected_bad_labels_simulated: clickerSim?.expectedBadLabels ?? null,
      mean_tasks_when_caught: clicker.pCaught > 0 ? clicker.meanTasksWhenCaught : null,
      caught_at_gold: caughtAtGold,
      by_tasks: at.map((tasks, i) => ({ tasks, p_caught: clicker.pCaughtAt[i] })),
    },
    good: {
      accuracy: o.goodAccuracy,
      p_flagged: good.pCaught,
      p_flagged_simulated: goodSim?.pCaught ?? null,
      p_flagged_simulated_se: goodSim?.pCaughtSe ?? null,
      expected_tasks_to_flag: good.expectedTasksToCatch,
      by_tasks: at.map((tasks, i) => ({ tasks, p_flagged: good.pCaughtAt[i] })),
    },
    clickers,
    expected_bad_labels_total: clickers * clicker.expectedBadLabels,
    expected_false_flags: (o.annotators - clickers) * good.pCaught,
    gold_labels: goldLabels,
    gold_overhead_dollars: goldLabels * o.pricePerLabel,
    claims: [
      claim('10% gold catches random clickers within 20 tasks', 0.1, 20),
      claim('5% gold within 40 tasks', 0.05, 40),
    ],
  };
}
