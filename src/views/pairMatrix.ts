import { clusterOrder } from '../core/clusterOrder';
import type { CohenPairRow } from '../sections/agreementSection';

export interface PairMatrix {
  /** annotator ids in display order (clusters together) */
  order: string[];
  cells: { a: string; b: string; kappa: number | null; n: number }[];
  /** annotators with at least one listed pair; the matrix shows at most `max` of them */
  annotators: number;
}

/** More annotators than this would draw tens of thousands of cells: the matrix keeps the most paired. */
export const MAX_MATRIX_ANNOTATORS = 30;

/**
 * The annotator-pair heatmap: every listed pair (both triangles) among the `max` annotators with the most
 * shared labels, ordered by average-linkage clustering on 1 − kappa so that groups who agree sit together.
 */
export function pairMatrix(all: CohenPairRow[], max = MAX_MATRIX_ANNOTATORS): PairMatrix {
  const shared = new Map<string, number>();
  for (const p of all) for (const id of [p.a, p.b]) shared.set(id, (shared.get(id) ?? 0) + p.n);
  const kept = new Set(
    [...shared]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, max)
      .map(([id]) => id),
  );
  const pairs = all.filter((p) => kept.has(p.a) && kept.has(p.b));
  const ids = [...kept].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const distance = new Float64Array(n * n).fill(NaN);
  for (let i = 0; i < n; i++) distance[i * n + i] = 0;
  for (const p of pairs) {
    const i = index.get(p.a)!,
      j = index.get(p.b)!;
    if (p.kappa !== null) distance[i * n + j] = distance[j * n + i] = 1 - p.kappa;
  }
  const order = clusterOrder(n, distance).map((i) => ids[i]);
  const cells = pairs.flatMap((p) => [
    { a: p.a, b: p.b, kappa: p.kappa, n: p.n },
    { a: p.b, b: p.a, kappa: p.kappa, n: p.n },
  ]);
  return { order, cells, annotators: shared.size };
}
