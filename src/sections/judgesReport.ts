import type { AiJudgeRow } from './aiJudgeSection';
import type { PanelReport } from './judgePanelSection';
import type { LengthControlledReport } from './judgeLength';
import type { BiasSection } from './biasSection';
import type { ModelRatings } from './modelRatings';
import type { PairLint } from './pairLint';
import type { RoutingReference } from './routingSection';
import type { TimeSection } from './timeSection';

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
  panel: PanelReport | null;
  human_length_controlled: LengthControlledReport | null;
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
