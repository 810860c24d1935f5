import type { RoutingOptions } from '../core/routingCurve';
import type { AiJudgeRow } from './aiJudgeSection';
import type { BiasSection } from './biasSection';
import type { ModelRatings } from './modelRatings';
import type { PairLint } from './pairLint';
import type { RoutingReference } from './routingSection';
import type { TimeSection } from './timeSection';

/**
 * Default inputs of the hybrid-routing simulator. Prices per label in USD from the AlpacaEval evaluators
 * leaderboard (github.com/tatsu-lab/alpaca_eval @02f2cce,
 * `src/alpaca_eval/leaderboards/evaluators/evaluators_leaderboard.csv`; its figures are in
 * `alpacaEvalEvaluators.ts`): an LLM judge ≈ $13 per 1,000
 * comparisons (gpt4_ranking), crowd humans $300 per 1,000; the expert at three times a crowd label is an
 * assumption. A tenth of the accepted AI labels spot-checked; 90% accuracy as the target.
 */
export const DEFAULT_ROUTING: Required<RoutingOptions> = { spot: 0.1, priceAi: 0.013, priceHuman: 0.3, priceExpert: 0.9, target: 0.9 };

export interface RoutingPointRow {
  threshold: number;
  accuracy: number | null;
  cost: number;
  human_share: number | null;
  expert_share: number | null;
}

export interface RoutingJudgeReport {
  id: string;
  n: number;
  no_confidence: number;
  reason: string | null;
  ai_only_accuracy: number | null;
  best: RoutingPointRow | null;
  /** the curve at thresholds 0, 0.05, …, 1 */
  points: RoutingPointRow[];
}

/** The report's `ai_judge` section. */
export interface AiJudgeReport {
  judges: AiJudgeRow[];
  routing: {
    reference: RoutingReference;
    inputs: { spot: number; price_ai: number; price_human: number; price_expert: number; target: number };
    judges: RoutingJudgeReport[];
  };
}

/** The report's `bias` section. */
export interface BiasReport extends BiasSection {
  time: TimeSection | null;
  pair_lint: PairLint;
  model_ratings: ModelRatings | null;
}

/** Every 5th point of a 101-point curve (thresholds 0, 0.05, …, 1). */
export function reportPoints<T extends { threshold: number }>(points: T[]): T[] {
  return points.filter((p) => Math.abs(p.threshold * 20 - Math.round(p.threshold * 20)) < 1e-9);
}
