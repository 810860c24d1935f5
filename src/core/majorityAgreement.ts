import type { Ratings } from './types';
import { labelScale } from './labelScale';

export interface MajorityAgreement {
  /** per annotator: labels on items whose other labels have a unique plurality (`majority_n`) */
  n: Int32Array;
  /** per annotator: of those, labels equal to the plurality of the others */
  agreed: Int32Array;
  /** agreed / n (`majority_agreement`); NaN when n = 0 */
  share: Float64Array;
}

/**
 * Leave-one-out majority agreement (`docs/report-schema.md` "annotators"): for each selected label of annotator a
 * on an item, the other selected labels of that item (every label not given by a) are counted; when there
 * are >= 2 of them and their plurality category is unique, the label counts in `n[a]`, and in `agreed[a]`
 * when it equals that plurality (exact categories; `collapse: true` compares sides A / tie / B instead
 * and throws for nominal data). The mask decides which labels exist (normally human, overall dimension).
 * Judgements are bucketed by item, and by annotator within each item, by two counting sorts (O(n + items
 * + annotators)); per annotator run the run's labels are taken out of the item's counts and put back.
 */
export function majorityAgreement(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  { collapse = false }: { collapse?: boolean } = {},
): MajorityAgreement {
  const { K, side } = labelScale(ratings, collapse);
  const nAnn = ratings.annotators.length,
    nItems = ratings.items.length;
  const { item, annotator, label } = ratings;
  const use = (j: number) => (!mask || mask[j] === 1) && label[j] >= 0;
  // counting sort by annotator, then (stable) by item: buckets per item, annotator-ascending inside
  const startA = new Int32Array(nAnn + 1),
    startI = new Int32Array(nItems + 1);
  for (let j = 0; j < ratings.n; j++) {
    if (!use(j)) continue;
    startA[annotator[j] + 1]++;
    startI[item[j] + 1]++;
  }
  for (let a = 0; a < nAnn; a++) startA[a + 1] += startA[a];
  for (let i = 0; i < nItems; i++) startI[i + 1] += startI[i];
  const m = startA[nAnn];
  const byAnn = new Int32Array(m),
    byItem = new Int32Array(m);
  const nextA = startA.slice(0, nAnn),
    nextI = startI.slice(0, nItems);
  for (let j = 0; j < ratings.n; j++) if (use(j)) byAnn[nextA[annotator[j]]++] = j;
  for (let p = 0; p < m; p++) byItem[nextI[item[byAnn[p]]]++] = byAnn[p];

  const n = new Int32Array(nAnn),
    agreed = new Int32Array(nAnn);
  const counts = new Int32Array(K);
  const cat = (j: number) => (side ? side[label[j]] : label[j]);
  for (let i = 0; i < nItems; i++) {
    const s = startI[i],
      e = startI[i + 1];
    if (e - s < 3) continue; // the annotator's own label plus >= 2 others
    counts.fill(0);
    for (let p = s; p < e; p++) counts[cat(byItem[p])]++;
    for (let p = s; p < e;) {
      const a = annotator[byItem[p]];
      let q = p;
      while (q < e && annotator[byItem[q]] === a) counts[cat(byItem[q++])]--;
      if (e - s - (q - p) >= 2) {
        let best = 0,
          ties = 0;
        for (let c = 1; c < K; c++) {
          if (counts[c] > counts[best]) {
            best = c;
            ties = 0;
          } else if (counts[c] === counts[best]) ties++;
        }
        if (ties === 0) {
          n[a] += q - p;
          for (let r = p; r < q; r++) if (cat(byItem[r]) === best) agreed[a]++;
        }
      }
      for (let r = p; r < q; r++) counts[cat(byItem[r])]++;
      p = q;
    }
  }
  const share = new Float64Array(nAnn);
  for (let a = 0; a < nAnn; a++) share[a] = n[a] > 0 ? agreed[a] / n[a] : NaN;
  return { n, agreed, share };
}
