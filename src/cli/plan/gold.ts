import { goldPlan, goldPlanProblems, type GoldPlanOptions } from '../../planning/goldPlan';
import { parseCommandLine } from '../commandLine';
import type { PlanCommand } from './command';
import { fail } from '../command';

const USAGE = `usage: npm run --silent plan -- gold [--gold-share F] [--min-gold M] [--threshold T] [--accuracy A] [--tasks N]
  [--good-accuracy A] [--clicker-share S] [--annotators K] [--price DOLLARS] [--runs R] [--seed S]
  --gold-share F      share of tasks that are gold, 0-1 (default 0.1)
  --min-gold M        the rule is checked after every gold answer from the M-th on (default 5)
  --threshold T       flagged when correct / answered < T, 0-1 (default 0.6)
  --accuracy A        a clicker's directional gold accuracy, 0-1 (default 0.4: random on a 5-point scale)
  --tasks N           labels per annotator (default 200, at most 100000)
  --good-accuracy A   a careful annotator's gold accuracy, 0-1 (default 0.85): its p_flagged is the false-flag rate
  --clicker-share S   share of annotators who are clickers, 0-1 (default 0.1)
  --annotators K      annotators in the project (default 20)
  --price DOLLARS     price per label (default 0.30)
  --runs R            simulated annotators per type for p_caught_simulated (default 2000)
  --seed S            seed of the simulation (default 1)`;

const OPTIONS = {
  'gold-share': { type: 'string' },
  'min-gold': { type: 'string' },
  threshold: { type: 'string' },
  accuracy: { type: 'string' },
  tasks: { type: 'string' },
  'good-accuracy': { type: 'string' },
  'clicker-share': { type: 'string' },
  annotators: { type: 'string' },
  price: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
} as const;

/** command-line option → planner option */
const NAMES: [keyof typeof OPTIONS, keyof GoldPlanOptions][] = [
  ['gold-share', 'goldShare'],
  ['min-gold', 'minGold'],
  ['threshold', 'threshold'],
  ['accuracy', 'clickerAccuracy'],
  ['tasks', 'tasks'],
  ['good-accuracy', 'goodAccuracy'],
  ['clicker-share', 'clickerShare'],
  ['annotators', 'annotators'],
  ['price', 'pricePerLabel'],
  ['runs', 'runs'],
  ['seed', 'seed'],
];

/**
 * `plan gold`: the gold-rate planner (`goldPlan`). Prints the schema's top-level `p_caught`,
 * `expected_tasks_to_catch` and `p_caught_simulated` (of the clicker, accuracy `--accuracy`), then the
 * whole plan.
 */
export const gold: PlanCommand = {
  usage: USAGE,
  run(argv) {
    const { values, positionals } = parseCommandLine(argv, OPTIONS, USAGE, fail);
    if (positionals.length) fail(`unexpected argument "${positionals[0]}"\n${USAGE}`);
    const options: GoldPlanOptions = {};
    for (const [flag, key] of NAMES) {
      const text = values[flag];
      if (text === undefined) continue;
      const x = text.trim() === '' ? NaN : Number(text);
      if (Number.isNaN(x)) fail(`--${flag} must be a number (got "${text}")`);
      options[key] = x;
    }
    const problems = goldPlanProblems(options);
    if (problems.length) {
      const flag = (option: keyof GoldPlanOptions) => NAMES.find(([, key]) => key === option)![0];
      fail(problems.map((p) => `--${flag(p.option)}: ${p.message}`).join('; '));
    }
    const plan = goldPlan(options);
    return {
      p_caught: plan.clicker.p_caught,
      expected_tasks_to_catch: plan.clicker.expected_tasks_to_catch,
      p_caught_simulated: plan.clicker.p_caught_simulated,
      ...plan,
    };
  },
};
