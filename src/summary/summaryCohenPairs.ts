import { cohenKappa } from '../core/cohenKappa';
import type { CohenPairRow } from '../report/agreementSection';
import type { SummaryPairTable } from './types';

export interface SummaryCohenPairs {
  rows: CohenPairRow[];
  /** pairs sharing at least one but fewer than `minShared` items (left out) */
  belowMin: number;
  /** mean of the defined unweighted kappas of the listed pairs; NaN when none */
  mean: number;
}

const num = (x: number) => (Number.isNaN(x) ? null : x);

/**
 * Cohen's kappa per annotator pair from the summary's K × K tables (`cohenKappa`, as `cohenPairs` does
 * on raw judgements): pairs sharing fewer than `minShared` items are counted and left out, the rest
 * listed in (a, b) order. `side` collapses each table onto the directional scale (sideK sides) first.
 * Kappa is symmetric, so a pair whose a / b order differs from the raw path's gives the same values.
 */
export function summaryCohenPairs(tables: readonly SummaryPairTable[], K: number, { minShared = 10, side = null, sideK = 0 }: { minShared?: number; side?: ArrayLike<number> | null; sideK?: number } = {}): SummaryCohenPairs {
  const width = side ? sideK : K;
  const rows: CohenPairRow[] = [];
  let belowMin = 0, sum = 0, defined = 0;
  const sorted = [...tables].sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  for (const t of sorted) {
    let shared = 0;
    for (const c of t.table) shared += c;
    if (shared === 0) continue;
    if (shared < minShared) {
      belowMin++;
      continue;
    }
    let table = t.table;
    if (side) {
      table = new Array(width * width).fill(0);
      for (let i = 0; i < K; i++) for (let j = 0; j < K; j++) table[side[i] * width + side[j]] += t.table[i * K + j];
    }
    const k = cohenKappa(table, { K: width });
    rows.push({ a: t.a, b: t.b, n: shared, kappa: num(k.kappa), kappa_linear: num(k.kappaLinear), kappa_quadratic: num(k.kappaQuadratic) });
    if (!Number.isNaN(k.kappa)) {
      sum += k.kappa;
      defined++;
    }
  }
  return { rows, belowMin, mean: defined > 0 ? sum / defined : NaN };
}
