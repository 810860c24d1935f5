import { approachCosts } from '../../core/approachCosts';
import { costComparison } from '../../core/costComparison';
import { parseCommandLine } from '../commandLine';
import {
  APPROACHES,
  APPROACH_TARGETS,
  COMPARISON_PRICES,
  COMPARISON_SCALES,
  SCALING_SCENARIOS,
} from '../../planning/planDefaults';
import { ALPACA_EVAL_EVALUATORS } from '../../planning/alpacaEvalEvaluators';
import type { PlanCommand } from './command';
import { fail } from '../command';

const USAGE = `usage: npm run --silent plan -- cost [--human P] [--hybrid P] [--ai P] [--scales N,N,…] [--targets N,N,…]
  prices per pair (defaults: human 1.50, hybrid 0.25, AI 0.02); scales of the comparison (default 10000,50000,100000,500000,1000000);
  targets of the labelling approaches (default 10000 … 300000000). Prints the scaling scenarios with their totals, the
  comparison, each approach's cost range and days per target, and the AlpacaEval evaluators scenario.`;

/** `plan cost`: the page's cost planners (closed form) with the prices given. */
export const cost: PlanCommand = {
  usage: USAGE,
  run(argv) {
    const { values: v, positionals } = parseCommandLine(
      argv,
      {
        human: { type: 'string' },
        hybrid: { type: 'string' },
        ai: { type: 'string' },
        scales: { type: 'string' },
        targets: { type: 'string' },
      },
      USAGE,
      fail,
    );
    if (positionals.length) fail(`plan cost takes no file (got ${positionals.join(' ')})\n${USAGE}`);
    const price = (raw: string | undefined, name: string, fallback: number) => {
      if (raw === undefined) return fallback;
      const x = Number(raw);
      if (!(raw.trim() !== '' && x >= 0 && x < Infinity)) fail(`--${name} takes a price of 0 or more, not "${raw}"`);
      return x;
    };
    const list = (raw: string | undefined, name: string, fallback: number[]) => {
      if (raw === undefined) return fallback;
      const xs = raw.split(',').map((s) => Number(s.trim()));
      if (xs.length === 0 || xs.some((x) => !(Number.isInteger(x) && x > 0)))
        fail(`--${name} takes whole numbers above 0 separated by commas, not "${raw}"`);
      return xs;
    };
    const [human, hybrid, ai] = Object.values(COMPARISON_PRICES);
    const prices = {
      'Human only': price(v.human, 'human', human),
      'Hybrid AI + human': price(v.hybrid, 'hybrid', hybrid),
      'AI only': price(v.ai, 'ai', ai),
    };
    const targets = list(v.targets, 'targets', APPROACH_TARGETS);
    return {
      scaling: SCALING_SCENARIOS.map((s) => ({ ...s, total_cost: s.pairs * s.price_per_pair })),
      comparison: { prices, rows: costComparison(prices, list(v.scales, 'scales', COMPARISON_SCALES)) },
      approaches: targets.map((target) => ({ target, approaches: approachCosts(APPROACHES, target) })),
      evaluators: {
        source: 'tatsu-lab/alpaca_eval evaluators_leaderboard.csv (Apache-2.0), commit 02f2cce',
        rows: ALPACA_EVAL_EVALUATORS,
      },
    };
  },
};
