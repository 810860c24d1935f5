import { spearman } from '../core/spearman';
import type { Ratings } from '../core/types';
import type { RubricGroups } from './rubricGroups';

export interface LengthRow {
  dimension: string;
  n: number;
  rho: number | null;
}
export interface AnnotatorLengthRow {
  annotator: string;
  dimension: string;
  n: number;
  rho: number | null;
}
export interface LengthOutlier {
  annotator: string;
  dimension: string;
  n: number;
  rho: number;
  pooled: number;
}

/** Per item: B's length less A's (trimmed characters), or A's length when only A has a text; NaN without; null when no item has one. */
export function itemLengths(
  nItems: number,
  { responseA, responseB }: { responseA: (string | undefined)[]; responseB: (string | undefined)[] },
): Float64Array | null {
  const out = new Float64Array(nItems).fill(NaN);
  let any = false;
  for (let i = 0; i < nItems; i++) {
    const a = responseA[i],
      b = responseB[i];
    if (a !== undefined && b !== undefined) out[i] = b.trim().length - a.trim().length;
    else if (a !== undefined) out[i] = a.trim().length;
    else continue;
    any = true;
  }
  return any ? out : null;
}

/** Spearman's ρ of each annotator's values on each dimension (columns[0…D−1]) with the length (columns[D]). */
export function lengthByAnnotator(
  r: Ratings,
  g: RubricGroups,
  columns: Float64Array[],
  D: number,
): AnnotatorLengthRow[] {
  // the groups by annotator (counting sort), each column permuted alike, each annotator a contiguous run
  const A = r.annotators.length;
  const start = new Int32Array(A + 1);
  for (let k = 0; k < g.count; k++) start[g.annotator[k] + 1]++;
  for (let a = 0; a < A; a++) start[a + 1] += start[a];
  const next = start.slice(0, A),
    order = new Int32Array(g.count);
  for (let k = 0; k < g.count; k++) order[next[g.annotator[k]]++] = k;
  const permuted = columns.map((c) => {
    const out = new Float64Array(order.length);
    for (let k = 0; k < order.length; k++) out[k] = c[order[k]];
    return out;
  });
  const rows: AnnotatorLengthRow[] = [];
  for (let a = 0; a < A; a++) {
    if (start[a + 1] === start[a]) continue;
    const length = permuted[D].subarray(start[a], start[a + 1]);
    for (let d = 0; d < D; d++) {
      const c = spearman(permuted[d].subarray(start[a], start[a + 1]), length);
      if (c.n > 0) rows.push({ annotator: r.annotators[a], dimension: r.dimensions[d], ...finiteRho(c) });
    }
  }
  return rows;
}

/** Dimensions whose subject is length itself: a correlation with length is what they measure. */
export const ABOUT_LENGTH = /concis|verbos|length|brev|short|long/i;

/** Annotators whose ρ with length on a dimension is >= 0.3 and >= 0.3 above the pooled ρ (n >= 20; not dimensions about length). */
export function lengthOutliers(pooled: LengthRow[], rows: AnnotatorLengthRow[]): LengthOutlier[] {
  const rhoOf = new Map(pooled.map((p) => [p.dimension, p.rho ?? 0]));
  return rows
    .filter(
      (row) =>
        !ABOUT_LENGTH.test(row.dimension) &&
        row.n >= 20 &&
        row.rho !== null &&
        row.rho >= 0.3 &&
        row.rho - (rhoOf.get(row.dimension) ?? 0) >= 0.3,
    )
    .map((row) => ({
      annotator: row.annotator,
      dimension: row.dimension,
      n: row.n,
      rho: row.rho!,
      pooled: rhoOf.get(row.dimension) ?? 0,
    }))
    .sort((a, b) => b.rho - b.pooled - (a.rho - a.pooled) || (a.annotator < b.annotator ? -1 : 1));
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);
export const finiteRho = (c: { rho: number; n: number }) => ({ n: c.n, rho: finite(c.rho) });
