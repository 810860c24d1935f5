import { bradleyTerryPosition } from '../core/bradleyTerryPosition';
import { HUMAN } from '../core/types';
import type { LoadResult } from '../parse/loadFiles';

// `model_ratings.position`: the advantage of the side shown first per human annotator, as a Bradley-Terry term.

/** One annotator's first-position advantage (`bradleyTerryPosition`). */
export interface PositionAdvantageRow {
  annotator: string;
  /** its counted judgements (the side shown first from `shown_first`, else A) */
  judgements: number;
  /** of those, the ones between models of its own main group (fitted), and those models */
  comparisons: number;
  models: number;
  /** share of the score (ties half) that went to the side shown first */
  first_score_share: number | null;
  /** γ: the odds of the model shown first are multiplied by γ (1 = no advantage); null when not fitted or not converged */
  gamma: number | null;
  /** Wald 95% interval exp(log γ ± 1.96 se), and se(log γ); null when γ is not identified */
  gamma_ci95: [number, number] | null;
  log_gamma_se: number | null;
  /** likelihood-ratio test against γ = 1: statistic and χ²₁ p-value */
  lr_statistic: number | null;
  p_value: number | null;
}

export interface PositionAdvantage {
  /** an annotator is fitted with at least this many judgements */
  min_judgements: number;
  /** judgements without a known side shown first (no `shown_first`): side A is taken as shown first, as in `position_bias` */
  order_assumed: number;
  /** human annotators with at least `min_judgements`, by annotator order */
  annotators: PositionAdvantageRow[];
  /** human annotators with some, but fewer, judgements */
  below_minimum: number;
  /** all those judgements together (every human annotator), as one annotator; null when none */
  pooled: PositionAdvantageRow | null;
}

/** Human annotators are fitted with at least this many judgements whose order (side shown first) is known. */
export const MIN_POSITION_JUDGEMENTS = 30;

/**
 * `bradleyTerryPosition` per human annotator over its counted judgements (the model shown first is model A when
 * `shownFirst` is 0 or unknown, model B when 1; the outcome is turned to the score of the one shown first), for
 * annotators with at least `MIN_POSITION_JUDGEMENTS`, and once over all of them. With A always first, γ is told
 * apart from the models' strengths by the models appearing on both sides.
 */
export function positionAdvantage(
  r: LoadResult['ratings'],
  judge: number[],
  shown: number[],
  a: number[],
  b: number[],
  outcome: number[],
  M: number,
  humans: boolean,
): PositionAdvantage {
  const byAnnotator = new Map<number, number[]>();
  for (let k = 0; k < judge.length && humans; k++) {
    if (r.annotatorKind[judge[k]] !== HUMAN) continue;
    const list = byAnnotator.get(judge[k]);
    if (list) list.push(k);
    else byAnnotator.set(judge[k], [k]);
  }
  const row = (annotator: string, ks: number[]): PositionAdvantageRow => {
    const first = ks.map((k) => (shown[k] === 0 ? a[k] : b[k]));
    const second = ks.map((k) => (shown[k] === 0 ? b[k] : a[k]));
    const s = ks.map((k) => (shown[k] === 0 ? outcome[k] : 1 - outcome[k]));
    const p = bradleyTerryPosition(first, second, s, M);
    const fitted = p.nFitted >= 2 && p.converged && Number.isFinite(p.gamma);
    const identified = fitted && Number.isFinite(p.logGammaSe);
    return {
      annotator,
      judgements: ks.length,
      comparisons: p.comparisons,
      models: p.nFitted,
      first_score_share: p.comparisons > 0 ? p.firstScore / p.comparisons : null,
      gamma: fitted ? p.gamma : null,
      gamma_ci95: identified ? p.gammaCi : null,
      log_gamma_se: identified ? p.logGammaSe : null,
      lr_statistic: fitted ? p.lrStatistic : null,
      p_value: fitted ? p.pValue : null,
    };
  };
  const annotators: PositionAdvantageRow[] = [];
  let below = 0;
  const all: number[] = [];
  for (const [u, ks] of [...byAnnotator].sort((x, y) => x[0] - y[0])) {
    all.push(...ks);
    if (ks.length >= MIN_POSITION_JUDGEMENTS) annotators.push(row(r.annotators[u], ks));
    else below++;
  }
  return {
    min_judgements: MIN_POSITION_JUDGEMENTS,
    order_assumed: 0,
    annotators,
    below_minimum: below,
    pooled:
      all.length > 0
        ? row(
            '(all human annotators)',
            all.sort((x, y) => x - y),
          )
        : null,
  };
}
