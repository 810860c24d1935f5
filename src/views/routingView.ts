import type { routingCurve } from '../core/routingCurve';
import type { RoutingReference } from '../sections/routingSection';

/** The hybrid-routing simulator's curve for one judge, as plain arrays (`docs/report-schema.md`, `ai_judge.routing`). */
export interface RoutingView {
  judge: string;
  reference: RoutingReference;
  n: number;
  points: {
    threshold: number;
    accuracy: number | null;
    cost: number;
    human_share: number | null;
    expert_share: number | null;
  }[];
  best: { threshold: number; accuracy: number; cost: number; human_share: number; expert_share: number } | null;
  ai_only_accuracy: number | null;
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** A routing curve as plain rows. */
export function routingView(
  judge: string,
  reference: RoutingReference,
  n: number,
  curve: ReturnType<typeof routingCurve>,
  aiOnly: number,
): RoutingView {
  return {
    judge,
    reference,
    n,
    points: Array.from(curve.threshold, (t, i) => ({
      threshold: t,
      accuracy: finite(curve.accuracy[i]),
      cost: curve.cost[i],
      human_share: finite(curve.humanShare[i]),
      expert_share: finite(curve.expertShare[i]),
    })),
    best: curve.best && {
      threshold: curve.best.threshold,
      accuracy: curve.best.accuracy,
      cost: curve.best.cost,
      human_share: curve.best.humanShare,
      expert_share: curve.best.expertShare,
    },
    ai_only_accuracy: n > 0 ? aiOnly : null,
  };
}
