import type { Ratings } from '../core/types';
import type { RubricGroups } from './rubricGroups';

export interface DisagreementRow {
  dimension: string;
  /** annotator pairs on one item with both the reference and this dimension labelled */
  pairs: number;
  reference_disagree: number;
  dimension_disagree: number;
  both_disagree: number;
  /** of the pairs disagreeing on the reference, the share also disagreeing on this dimension */
  share_of_reference: number | null;
  /** correlation of the two disagreement indicators (phi coefficient) */
  phi: number | null;
}

export interface RubricDisagreement {
  reference: string;
  pairs: number;
  disagreements: number;
  dimensions: DisagreementRow[];
  explains_most: string | null;
}

/**
 * Over every pair of annotators on one item: disagreement (different side; nominal: category) on the
 * reference (the `overall` dimension, or with overall < 0 the verdicts) against that on each rubric dimension.
 */
export function rubricDisagreement(
  r: Ratings,
  g: RubricGroups,
  overall: number,
  verdict: Int32Array,
  rubric: number[],
  side: Int32Array,
  names: { overall: string; verdict: string },
): RubricDisagreement {
  const D = r.dimensions.length;
  const reference = (k: number) => (overall >= 0 ? g.label[k * D + overall] : verdict[k]);
  const counts = rubric.map(() => ({ pairs: 0, ref: 0, dim: 0, both: 0 }));
  let pairs = 0,
    disagreements = 0;
  for (let i = 0; i < r.items.length; i++) {
    for (let x = g.itemStart[i]; x < g.itemStart[i + 1]; x++) {
      const rx = reference(x);
      if (rx < 0) continue;
      for (let y = x + 1; y < g.itemStart[i + 1]; y++) {
        const ry = reference(y);
        if (ry < 0) continue;
        const refDisagree = side[rx] !== side[ry];
        pairs++;
        if (refDisagree) disagreements++;
        rubric.forEach((d, t) => {
          const lx = g.label[x * D + d],
            ly = g.label[y * D + d];
          if (lx < 0 || ly < 0) return;
          const c = counts[t];
          const dimDisagree = side[lx] !== side[ly];
          c.pairs++;
          if (refDisagree) c.ref++;
          if (dimDisagree) c.dim++;
          if (refDisagree && dimDisagree) c.both++;
        });
      }
    }
  }
  const dimensions: DisagreementRow[] = rubric.map((d, t) => {
    const { pairs: n, ref, dim, both } = counts[t];
    const n10 = ref - both,
      n01 = dim - both,
      n00 = n - ref - dim + both;
    const denominator = Math.sqrt(ref * (n - ref) * dim * (n - dim));
    return {
      dimension: r.dimensions[d],
      pairs: n,
      reference_disagree: ref,
      dimension_disagree: dim,
      both_disagree: both,
      share_of_reference: ref ? both / ref : null,
      phi: denominator > 0 ? (both * n00 - n10 * n01) / denominator : null,
    };
  });
  const ranked = dimensions
    .filter((row) => row.phi !== null && row.pairs >= 10)
    .sort((a, b) => b.phi! - a.phi! || (b.share_of_reference ?? 0) - (a.share_of_reference ?? 0));
  return {
    reference: overall >= 0 ? names.overall : names.verdict,
    pairs,
    disagreements,
    dimensions,
    explains_most: ranked[0]?.dimension ?? null,
  };
}
