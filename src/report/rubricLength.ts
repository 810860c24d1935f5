import { spearman } from '../core/spearman';
import type { Ratings } from '../core/types';
import type { RubricGroups } from './rubricGroups';

export interface LengthRow { dimension: string; n: number; rho: number | null }
export interface AnnotatorLengthRow { annotator: string; dimension: string; n: number; rho: number | null }
export interface LengthOutlier { annotator: string; dimension: string; n: number; rho: number; pooled: number }

/** Per item: B's length less A's (trimmed characters), or A's length when only A has a text; NaN without; null when no item has one. */
export function itemLengths(nItems: number, { responseA, responseB }: { responseA: (string | undefined)[]; responseB: (string | undefined)[] }): Float64Array | null {
  const out = new Float64Array(nItems).fill(NaN);
  let any = false;
  for (let i = 0; i < nItems; i++) {
    const a = responseA[i], b = responseB[i];
    if (a !== undefined && b !== undefined) out[i] = b.trim().length - a.trim().length;
    else if (a !== undefined) out[i] = a.trim().length;
    else continue;
    any = true;
  }
  return any ? out : null;
}

/** Spearman's ρ of each annotator's values on each dimension (columns[0…D−1]) with the length (columns[D]). */
export function lengthByAnnotator(r: Ratings, g: RubricGroups, columns: Float64Array[], D: number): AnnotatorLengthRow[] {
  const rows: AnnotatorLengthRow[] = [];
  const groupsOf = new Map<number, number[]>();
  for (let k = 0; k < g.count; k++) {
    const list = groupsOf.get(g.annotator[k]);
    if (list) list.push(k);
    else groupsOf.set(g.annotator[k], [k]);
  }
  for (const [a, ks] of [...groupsOf].sort((x, y) => x[0] - y[0])) {
    const length = ks.map((k) => columns[D][k]);
    for (let d = 0; d < D; d++) {
      const c = spearman(ks.map((k) => columns[d][k]), length);
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
    .filter((row) => !ABOUT_LENGTH.test(row.dimension) && row.n >= 20 && row.rho !== null && row.rho >= 0.3 && row.rho - (rhoOf.get(row.dimension) ?? 0) >= 0.3)
    .map((row) => ({ annotator: row.annotator, dimension: row.dimension, n: row.n, rho: row.rho!, pooled: rhoOf.get(row.dimension) ?? 0 }))
    .sort((a, b) => b.rho - b.pooled - (a.rho - a.pooled) || (a.annotator < b.annotator ? -1 : 1));
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);
export const finiteRho = (c: { rho: number; n: number }) => ({ n: c.n, rho: finite(c.rho) });
