import { directionalSides } from '../core/directionalSides';
import { countPatterns } from '../core/countPatterns';
import { fleissKappa } from '../core/fleissKappa';
import { itemCounts, type ItemCounts } from '../core/itemCounts';
import { judgementFilter } from '../core/judgementFilter';
import { krippendorffAlpha, type AlphaLevel } from '../core/krippendorffAlpha';
import { quantile7 } from '../core/quantile7';
import { rng } from '../core/rng';
import { subsampleCounts } from '../core/subsampleCounts';
import type { Scale } from '../core/types';
import { voteWinner } from '../core/voteWinner';
import type { LoadResult } from '../parse/loadFiles';
import { money } from '../format';

/** The mean of a quantity over the repeats and the 2.5th / 97.5th percentiles (type 7) of its values. */
export interface SubsampleStat {
  mean: number;
  ci95: [number, number];
}

/** What one more label per pair buys, against k − 1 labels (gold accuracy, directional). */
export interface SubsampleMarginal {
  /** k − 1 */
  from_k: number;
  /** 1000 × price: what the extra label costs per 1,000 pairs */
  extra_cost_per_1000_pairs: number;
  /** mean gold accuracy at k less that at k − 1 (a share; negative when it drops) */
  gold_accuracy_gain: number;
  /** gold_accuracy_gain / extra_cost_per_1000_pairs; null when the price is 0 */
  gain_per_dollar_per_1000_pairs: number | null;
  /** extra_cost_per_1000_pairs / (1000 × gain): dollars per extra pair labelled right; null unless gain > 0 */
  cost_per_extra_correct_pair: number | null;
  /** the same in plain words */
  text: string;
}

export interface SubsamplePoint {
  k: number;
  /** items with >= k labels (the only ones used at this k) */
  items: number;
  /** of them, gold items */
  gold_items: number;
  /** k × price per label */
  cost_per_pair: number;
  /** every used item has exactly k labels: the draw is the data itself, the same in every repeat */
  draw_is_data: boolean;
  /** Krippendorff's alpha (ordinal on preference scales, nominal on nominal data); null for k = 1 */
  alpha: SubsampleStat | null;
  /** Fleiss' kappa (Gwet's form); null for k = 1 */
  fleiss: SubsampleStat | null;
  /** share of gold items whose k-label majority is on the gold label's side (A / = / B; nominal: equal) */
  gold_accuracy: SubsampleStat | null;
  /** share of gold items whose k-label majority equals the gold label */
  gold_accuracy_exact: SubsampleStat | null;
  /** share of the items whose k-label majority equals their majority over all their labels */
  agreement_with_full: SubsampleStat;
  /** the same on the side (A / = / B; nominal: equal) */
  agreement_with_full_directional: SubsampleStat;
  /** k >= 2 with gold accuracy at k and k − 1, else null */
  marginal: SubsampleMarginal | null;
  /** why a value is null (keys: alpha, fleiss, gold_accuracy, marginal) */
  reasons: Record<string, string>;
}

export interface SubsampleCurve {
  repeats: number;
  seed: number;
  price_per_label: number;
  scale: Scale;
  alpha_level: AlphaLevel;
  /** the largest number of human labels on one item */
  max_labels: number;
  /** items with >= 1 human label on the overall dimension */
  items: number;
  points: SubsamplePoint[];
  method: string;
  reading: string;
  /** why there is no point (no human label), else null */
  reason: string | null;
}

export interface SubsampleCurveOptions {
  maxK?: number;
  repeats?: number;
  seed?: number;
  pricePerLabel?: number;
  /** annotator codes left out */
  removed?: readonly number[];
}

/**
 * "Is the third or fifth label worth it?" from the user's own data: for k = 1…K (K = min(maxK, the most
 * human labels on one item)), `repeats` times, k of each item's human labels on the overall dimension are
 * drawn without replacement (`subsampleCounts` on the items grouped by (label counts, gold label) into
 * sorted patterns: the same law as a draw per item, in work that does not grow with the items; items with
 * >= k labels only; one seeded stream for the whole curve, k ascending, so the result depends on neither
 * row order nor maxK), and on the draw: Krippendorff's alpha and Fleiss' kappa (k >= 2), the accuracy of the k-label majority
 * (`voteWinner`: a side tie is `=`, on binary scales side A) on gold items, and its agreement with the
 * item's majority over all its labels. Each quantity: mean and type-7 2.5 / 97.5 percentiles over the
 * repeats (repeats where it is undefined are left out). With k = every item's label count the draw is the
 * data (computed once). `marginal` prices the step from k − 1 to k.
 */
export function subsampleCurve(
  loaded: LoadResult,
  { maxK = 7, repeats = 50, seed = 1, pricePerLabel = 0.3, removed = [] }: SubsampleCurveOptions = {},
): SubsampleCurve {
  if (!(Number.isInteger(maxK) && maxK >= 1)) throw new Error(`invalid maxK: ${maxK}`);
  if (!(Number.isInteger(repeats) && repeats >= 1)) throw new Error(`invalid repeats: ${repeats}`);
  if (!(pricePerLabel >= 0 && pricePerLabel < Infinity)) throw new Error(`invalid price: ${pricePerLabel}`);
  const r = loaded.ratings;
  const K = r.categories.length;
  const nominal = r.scale === 'nominal';
  const level: AlphaLevel = nominal ? 'nominal' : 'ordinal';
  const fivePoint = nominal ? null : r.fivePoint;
  const side = nominal ? null : (directionalSides(r.fivePoint)?.side ?? null);
  const items = itemCounts(r, judgementFilter(r, { removed }));
  // items grouped by (count vector, gold label): countPatterns on the counts with gold + 1 as an extra
  // column gives the distinct groups, sorted, with their sizes; nothing below depends on item order
  const K1 = K + 1;
  const ext = new Float64Array(items.rows * K1);
  for (let i = 0; i < items.rows; i++) {
    for (let c = 0; c < K; c++) ext[i * K1 + c] = items.counts[i * K + c];
    const g = r.itemGold[i];
    ext[i * K1 + K] = g >= 0 && g < K ? g + 1 : 0;
  }
  const grouped = countPatterns({ counts: ext, m: items.m, rows: items.rows, K: K1 });
  const G = grouped.rows;
  const full: ItemCounts = { counts: new Float64Array(G * K), m: grouped.m, weight: grouped.weight, rows: G, K };
  const gold = new Int32Array(G);
  const fullWinner = new Int32Array(G);
  let labelledItems = 0,
    maxLabels = 0;
  for (let p = 0; p < G; p++) {
    for (let c = 0; c < K; c++) full.counts[p * K + c] = grouped.counts[p * K1 + c];
    gold[p] = grouped.counts[p * K1 + K] - 1;
    fullWinner[p] = voteWinner(full.counts, p * K, K, fivePoint);
    labelledItems += full.weight![p];
    if (full.m[p] > maxLabels) maxLabels = full.m[p];
  }
  const base = {
    repeats,
    seed,
    price_per_label: pricePerLabel,
    scale: r.scale,
    alpha_level: level,
    max_labels: maxLabels,
    items: labelledItems,
  };
  const method = `k labels drawn per item without replacement, ${repeats} seeded repeats (seed ${seed}); intervals are the 2.5th and 97.5th percentiles (type 7) over the repeats`;
  if (G === 0) {
    return {
      ...base,
      points: [],
      method,
      reading: 'No human label on the overall dimension: nothing to subsample.',
      reason: 'no human label on the overall dimension',
    };
  }
  const sameSide = (a: number, b: number) => (side ? side[a] === side[b] : a === b);
  const random = rng(seed);
  const points: SubsamplePoint[] = [];
  const topK = Math.min(maxK, maxLabels);
  for (let k = 1; k <= topK; k++) {
    let drawIsData = true;
    for (let p = 0; p < G; p++)
      if (full.m[p] > k) {
        drawIsData = false;
        break;
      }
    // the draw is the same in every repeat when every used item has exactly k labels: compute it once
    const draws = drawIsData ? 1 : repeats;
    const alpha: number[] = [],
      fleiss: number[] = [],
      goldDir: number[] = [],
      goldExact: number[] = [],
      fullExact: number[] = [],
      fullDir: number[] = [];
    let nItems = 0,
      goldItems = 0;
    for (let t = 0; t < draws; t++) {
      const sub = subsampleCounts(full, k, { random });
      if (k >= 2) {
        alpha.push(krippendorffAlpha(sub, { level }).value);
        fleiss.push(fleissKappa(sub).value);
      }
      let n = 0,
        gN = 0,
        gDir = 0,
        gExact = 0,
        fExact = 0,
        fDir = 0;
      const { counts, source, weight } = sub;
      for (let o = 0; o < sub.rows; o++) {
        const p = source[o],
          w = weight[o];
        const v = voteWinner(counts, o * K, K, fivePoint);
        const f = fullWinner[p];
        n += w;
        if (v === f) fExact += w;
        if (sameSide(v, f)) fDir += w;
        const g = gold[p];
        if (g >= 0) {
          gN += w;
          if (v === g) gExact += w;
          if (sameSide(v, g)) gDir += w;
        }
      }
      nItems = n;
      goldItems = gN;
      fullExact.push(fExact / n);
      fullDir.push(fDir / n);
      if (gN > 0) {
        goldDir.push(gDir / gN);
        goldExact.push(gExact / gN);
      }
    }
    const reasons: Record<string, string> = {};
    const alphaStat = k >= 2 ? stat(alpha) : null;
    const fleissStat = k >= 2 ? stat(fleiss) : null;
    if (k === 1) reasons.alpha = reasons.fleiss = 'one label per item: no pair of labels to agree';
    else {
      if (!alphaStat) reasons.alpha = 'undefined in every repeat (no variation in the drawn labels)';
      if (!fleissStat) reasons.fleiss = 'undefined in every repeat (a single category drawn)';
    }
    const goldStat = stat(goldDir);
    if (!goldStat) reasons.gold_accuracy = `no gold item with ${k} or more labels`;
    points.push({
      k,
      items: nItems,
      gold_items: goldItems,
      cost_per_pair: +(k * pricePerLabel).toPrecision(12),
      draw_is_data: drawIsData,
      alpha: alphaStat,
      fleiss: fleissStat,
      gold_accuracy: goldStat,
      gold_accuracy_exact: stat(goldExact),
      agreement_with_full: stat(fullExact)!,
      agreement_with_full_directional: stat(fullDir)!,
      marginal: null,
      reasons,
    });
  }
  for (let p = 1; p < points.length; p++) {
    const now = points[p],
      before = points[p - 1];
    if (!now.gold_accuracy || !before.gold_accuracy) {
      now.reasons.marginal = 'no gold accuracy at this k or the one before';
      continue;
    }
    now.marginal = marginal(now.k, before.gold_accuracy.mean, now.gold_accuracy.mean, pricePerLabel);
  }
  const reading =
    `Each point uses only the items with at least k human labels, and draws k of their labels at random ${repeats} times; ` +
    'the band shows how much the numbers move with which labels are drawn, not how they would move on new items. ' +
    'Gold accuracy is the share of gold items whose k-label majority is on the gold side. ' +
    'With an even k the vote often ties, and a tie counts as "=" (on a binary scale as side A), so an even k can score below k − 1. ' +
    'Agreement with full is the share of items whose k-label majority equals the majority of all their labels. ' +
    'Where every item has exactly k labels the draw is the data itself, so the band has no width. ' +
    'Consecutive k may use different items (those with fewer labels drop out), so compare neighbours with care.';
  return { ...base, points, method, reading, reason: null };
}

/** Mean and type-7 2.5 / 97.5 percentiles of the defined values; null when none is defined. */
function stat(values: number[]): SubsampleStat | null {
  const defined = Float64Array.from(values.filter((v) => Number.isFinite(v))).sort();
  if (defined.length === 0) return null;
  let sum = 0;
  for (const v of defined) sum += v;
  return { mean: sum / defined.length, ci95: [quantile7(defined, 0.025), quantile7(defined, 0.975)] };
}

function marginal(k: number, before: number, now: number, price: number): SubsampleMarginal {
  const extra = 1000 * price;
  const gain = now - before;
  const perDollar = price > 0 ? gain / extra : null;
  const perCorrect = gain > 0 ? extra / (1000 * gain) : null;
  const points = `${Math.abs(100 * gain).toFixed(1)} percentage points`;
  const cost = price > 0 ? `costs ${money(extra)} more per 1,000 pairs` : 'costs nothing extra';
  const text =
    gain > 0
      ? `Going from ${k - 1} to ${k} labels ${cost} and raises gold accuracy by ${points}` +
        (perCorrect !== null && price > 0 ? `: about ${money(perCorrect)} per extra pair labelled right.` : '.')
      : `Going from ${k - 1} to ${k} labels ${cost} and ${gain < 0 ? `lowers gold accuracy by ${points}` : 'does not change gold accuracy'}: not worth it for accuracy.`;
  return {
    from_k: k - 1,
    extra_cost_per_1000_pairs: extra,
    gold_accuracy_gain: gain,
    gain_per_dollar_per_1000_pairs: perDollar,
    cost_per_extra_correct_pair: perCorrect,
    text,
  };
}
