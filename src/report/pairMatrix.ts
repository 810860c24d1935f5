import { clusterOrder } from '../core/clusterOrder';
import type { CohenPairRow } from './agreementSection';

export interface PairMatrix {
  /** annotator ids in display order (clusters together) */
  order: string[];
  cells: { a: string; b: string; kappa: number | null; n: number }[];
}

/**
 * The annotator-pair heatmap: every listed pair (both triangles), annotators ordered by average-linkage
 * clustering on 1 − kappa so that groups who agree with each other sit together.
 */
export function pairMatrix(pairs: CohenPairRow[]): PairMatrix {
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const distance = new Float64Array(n * n).fill(NaN);
  for (let i = 0; i < n; i++) distance[i * n + i] = 0;
  for (const p of pairs) {
    const i = index.get(p.a)!, j = index.get(p.b)!;
    if (p.kappa !== null) distance[i * n + j] = distance[j * n + i] = 1 - p.kappa;
  }
  const order = clusterOrder(n, distance).map((i) => ids[i]);
  const cells = pairs.flatMap((p) => [
    { a: p.a, b: p.b, kappa: p.kappa, n: p.n },
    { a: p.b, b: p.a, kappa: p.kappa, n: p.n },
  ]);
  return { order, cells };
}
