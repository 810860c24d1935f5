import { judgementFilter } from '../core/judgementFilter';
import { labelValue, type LabelValue } from '../core/labelValue';
import { AI, type Ratings } from '../core/types';
import { voteWinner } from '../core/voteWinner';
import { count, money, percent } from '../format';

export interface NextLabelOptions {
  /** annotator codes left out of the Dawid-Skene fit (as `aggregationSection`) */
  removed?: readonly number[];
  /** the annotator who gives the next label (id); null = the typical kept human annotator */
  from?: string | null;
  /** price of one label (default 1) */
  pricePerLabel?: number;
  /** points of the curve (default 41) */
  curvePoints?: number;
  /** rows kept in `ranking` (default 100) */
  top?: number;
  /** `nextLabelRanking` of the same data and options, when the caller has it already */
  ranked?: NextLabelRanking;
}

/** One candidate of the ranking. */
export interface NextLabelRow {
  item: string;
  /** expected information gain of one more label, in bits */
  eig_bits: number;
  eig_bits_per_dollar: number;
  /** entropy of the Dawid-Skene posterior, in bits */
  entropy_bits: number;
  /** the Dawid-Skene label (category name) */
  label: string | null;
  /** its posterior probability */
  confidence: number;
  /** expected rise of the probability that the Dawid-Skene label is right, after one more label */
  expected_accuracy_gain: number;
}

export interface NextLabelPoint {
  /** labels bought, one per item */
  labels: number;
  /** labels × price */
  budget: number;
  /** expected accuracy over `items` after labelling the `labels` top-ranked candidates */
  top_ranked: number;
  /** the same for `labels` candidates drawn at random (exact expectation) */
  random: number;
}

export interface NextLabelSection {
  method: 'dawid_skene';
  /** 'typical' or the annotator id */
  from: string;
  price_per_label: number;
  /** items with a Dawid-Skene posterior (labelled by kept humans) */
  items: number;
  /** of those, the ones the next label can go to (a chosen annotator's own items are left out) */
  candidates: number;
  /** Σ posterior entropy over the candidates, in bits */
  entropy_bits_total: number;
  /** mean largest posterior over `items`: the expected accuracy of the Dawid-Skene labels under the model */
  expected_accuracy: number | null;
  /** the `top` best candidates by eig_bits (descending), ties by item id */
  ranking: NextLabelRow[];
  curve: NextLabelPoint[];
  /** one plain-language sentence */
  reading: string;
  /** why the ranking is empty; null when it is not */
  reason: string | null;
}

/** The full ordered candidate list (input of `nextLabelCsv`, so any batch size can be exported). */
export interface NextLabelRanking {
  /** 'typical' or the annotator id */
  from: string;
  /** the K × K confusion of the next label (row t: P(label | true class t)); null when the ranking is empty */
  confusion: Float64Array | null;
  /** per item (`labelValue`); NaN for items that are no candidates */
  value: LabelValue;
  /** candidate item codes, eig descending, ties by item id ascending */
  order: Int32Array;
  /** per item: the Dawid-Skene label (`dawidSkene`'s tie rule), -1 without a posterior */
  label: Int32Array;
  /** per item: the largest posterior (the Dawid-Skene label's expected accuracy), NaN without a posterior */
  confidence: Float64Array;
  /** items with a Dawid-Skene posterior */
  items: number;
  reason: string | null;
}

const TYPICAL = 'typical';

/**
 * The candidates for one more label, ranked by `labelValue`'s expected information gain under the
 * Dawid-Skene fit of `aggregationSection` (the same kept judgements: human, overall dimension, less
 * `removed`). The next label comes from `from` (its own Dawid-Skene confusion; every item it already judged,
 * on any dimension, is left out: it cannot label them again) or, with `from` null, from the typical kept
 * human annotator: the mean of their confusion matrices weighted by their labels in the fit.
 * Empty (with a reason) when no item has a posterior, K < 2, or `from` is unknown, an AI judge, removed, or
 * without a label in the fit (its confusion is unknown).
 */
export function nextLabelRanking(
  r: Ratings,
  detail: {
    posterior: Float64Array;
    confusion: Float64Array;
    labels?: { dawid_skene: { label: Int32Array; confidence: Float64Array } };
  },
  { removed = [], from = null }: Pick<NextLabelOptions, 'removed' | 'from'> = {},
): NextLabelRanking {
  const K = r.categories.length,
    nItems = r.items.length,
    nAnn = r.annotators.length;
  if (detail.posterior.length !== nItems * K)
    throw new Error(`posterior length ${detail.posterior.length}, expected ${nItems} × ${K}`);
  if (detail.confusion.length !== nAnn * K * K)
    throw new Error(`confusion length ${detail.confusion.length}, expected ${nAnn} × ${K} × ${K}`);
  const { posterior } = detail;
  const label = new Int32Array(nItems).fill(-1),
    confidence = new Float64Array(nItems).fill(NaN),
    topFlags = new Float64Array(K);
  const fivePoint = r.scale === 'nominal' ? null : r.fivePoint;
  let items = 0;
  for (let i = 0; i < nItems; i++) {
    let sum = 0,
      max = 0;
    for (let k = 0; k < K; k++) {
      sum += posterior[i * K + k];
      max = Math.max(max, posterior[i * K + k]);
    }
    if (!(sum > 0)) continue;
    items++;
    confidence[i] = max / sum;
    // the fit's own label when it is given (it keeps each item to a label one of its annotators gave), else the argmax
    const fitted = detail.labels?.dawid_skene.label[i] ?? -1;
    if (fitted >= 0) {
      label[i] = fitted;
      confidence[i] = posterior[i * K + fitted] / sum;
      continue;
    }
    for (let k = 0; k < K; k++) topFlags[k] = posterior[i * K + k] >= max - 1e-12 ? 1 : 0;
    label[i] = voteWinner(topFlags, 0, K, fivePoint); // dawidSkene's rule for its `label`
  }
  const nanValue = (): LabelValue => {
    const nan = () => new Float64Array(nItems).fill(NaN);
    return { entropy: nan(), gain: nan(), accuracy: nan(), accuracyGain: nan() };
  };
  const fromName = from ?? TYPICAL;
  const empty = (reason: string): NextLabelRanking => ({
    from: fromName,
    confusion: null,
    value: nanValue(),
    order: new Int32Array(0),
    label,
    confidence,
    items,
    reason,
  });
  if (K < 2) return empty(`the scale has ${K} categor${K === 1 ? 'y' : 'ies'}: nothing to learn from a label`);
  if (!items) return empty('no item has a Dawid-Skene posterior (no kept human label)');
  const mask = judgementFilter(r, { removed });
  const labels = new Float64Array(nAnn);
  for (let j = 0; j < r.n; j++) if (mask[j] && r.label[j] >= 0) labels[r.annotator[j]]++;
  const confusion = new Float64Array(K * K);
  let exclude: Uint8Array | null = null;
  if (from === null) {
    let total = 0;
    for (let a = 0; a < nAnn; a++) {
      if (!labels[a]) continue;
      total += labels[a];
      for (let x = 0; x < K * K; x++) confusion[x] += labels[a] * detail.confusion[a * K * K + x];
    }
    if (!total) return empty('no kept human label');
    for (let x = 0; x < K * K; x++) confusion[x] /= total;
  } else {
    const a = r.annotators.indexOf(from);
    if (a < 0) return empty(`unknown annotator "${from}"`);
    if (r.annotatorKind[a] === AI)
      return empty(`"${from}" is an AI judge, outside the Dawid-Skene fit of the human labels`);
    if (removed.includes(a))
      return empty(`"${from}" is removed, so the Dawid-Skene fit has no confusion matrix for it`);
    if (!labels[a]) return empty(`"${from}" has no label in the Dawid-Skene fit, so its confusion matrix is unknown`);
    confusion.set(detail.confusion.subarray(a * K * K, (a + 1) * K * K));
    exclude = new Uint8Array(nItems);
    for (let j = 0; j < r.n; j++) if (r.annotator[j] === a) exclude[r.item[j]] = 1;
  }
  const value = labelValue(posterior, K, confusion, { exclude });
  const candidates: number[] = [];
  for (let i = 0; i < nItems; i++) if (!Number.isNaN(value.gain[i])) candidates.push(i);
  const ids = r.items,
    gain = value.gain;
  candidates.sort((x, y) => gain[y] - gain[x] || (ids[x] < ids[y] ? -1 : ids[x] > ids[y] ? 1 : x - y));
  const reason = candidates.length ? null : `"${from}" has judged every item with a posterior: no candidate left`;
  return { from: fromName, confusion, value, order: Int32Array.from(candidates), label, confidence, items, reason };
}

/**
 * The value of the next label ("expected information gain" under Dawid-Skene, `labelValue`): the candidates
 * of `nextLabelRanking`, the `top` best, and the curve of expected accuracy over `items` (under the model)
 * after one more label for each of n candidates, n = 0 … candidates in `curvePoints` evenly spaced integer
 * steps: top-ranked = (Σ accuracy + Σ accuracyGain of the n best) / items; random = (Σ accuracy + n × mean
 * accuracyGain of the candidates) / items, the exact expectation for n distinct candidates at random (both
 * treat each label's rise as independent of the others: the Dawid-Skene parameters are held fixed).
 */
export function nextLabelSection(
  r: Ratings,
  detail: Parameters<typeof nextLabelRanking>[1],
  { removed = [], from = null, pricePerLabel = 1, curvePoints = 41, top = 100, ranked: given }: NextLabelOptions = {},
): NextLabelSection {
  if (!(pricePerLabel > 0 && pricePerLabel < Infinity)) throw new Error(`invalid pricePerLabel: ${pricePerLabel}`);
  if (!Number.isInteger(curvePoints) || curvePoints < 2) throw new Error(`invalid curvePoints: ${curvePoints}`);
  if (!Number.isInteger(top) || top < 0) throw new Error(`invalid top: ${top}`);
  const ranked = given ?? nextLabelRanking(r, detail, { removed, from });
  const { value, order, items } = ranked;
  const c = order.length;
  // accuracy summed over every item with a posterior (candidates or not); gains cumulated in rank order
  let accuracySum = 0;
  for (const x of ranked.confidence) if (!Number.isNaN(x)) accuracySum += x;
  const unit = r.scale === 'nominal' ? 'items' : 'pairs';
  const base = {
    method: 'dawid_skene' as const,
    from: ranked.from,
    price_per_label: pricePerLabel,
    items,
    candidates: c,
    expected_accuracy: items ? accuracySum / items : null,
  };
  if (!c) {
    return {
      ...base,
      entropy_bits_total: 0,
      ranking: [],
      curve: [],
      reading: `No ${unit} to rank for one more label: ${ranked.reason}.`,
      reason: ranked.reason,
    };
  }
  const cumGain = new Float64Array(c + 1),
    cumEig = new Float64Array(c + 1);
  let entropyTotal = 0;
  for (let k = 0; k < c; k++) {
    const i = order[k];
    cumGain[k + 1] = cumGain[k] + value.accuracyGain[i];
    cumEig[k + 1] = cumEig[k] + value.gain[i];
    entropyTotal += value.entropy[i];
  }
  const topRanked = (n: number) => (accuracySum + cumGain[n]) / items;
  const random = (n: number) => (accuracySum + cumGain[c] * (n / c)) / items;
  const curve: NextLabelPoint[] = [];
  for (let p = 0; p < curvePoints; p++) {
    const n = Math.round((p * c) / (curvePoints - 1));
    if (curve.length && curve[curve.length - 1].labels === n) continue;
    curve.push({ labels: n, budget: n * pricePerLabel, top_ranked: topRanked(n), random: random(n) });
  }
  const ranking: NextLabelRow[] = Array.from(order.subarray(0, top), (i) => ({
    item: r.items[i],
    eig_bits: value.gain[i],
    eig_bits_per_dollar: value.gain[i] / pricePerLabel,
    entropy_bits: value.entropy[i],
    label: r.categories[ranked.label[i]] ?? null,
    // the posterior of the item's Dawid-Skene label (the argmax, unless that is a label none of its annotators gave)
    confidence: ranked.confidence[i],
    expected_accuracy_gain: value.accuracyGain[i],
  }));
  const m = Math.min(Math.max(top, 1), c);
  const now = percent(accuracySum / items);
  let reading: string;
  if (!(cumEig[c] > 0))
    reading = `One more label would not move any Dawid-Skene posterior (no expected information gain), so expected accuracy stays at ${now}.`;
  else if (m === c)
    reading = `Labelling all ${count(c)} candidate ${unit} once more (${money(c * pricePerLabel)}) lifts expected accuracy from ${now} to ${percent(topRanked(c))}.`;
  else {
    const share = percent(cumEig[m] / cumEig[c]);
    reading = `The top ${count(m)} ${unit} carry ${share} of the information one more label per ${unit === 'pairs' ? 'pair' : 'item'} would buy; spending ${money(m * pricePerLabel)} on them lifts expected accuracy from ${now} to ${percent(topRanked(m))}, versus ${percent(random(m))} at random.`;
  }
  return { ...base, entropy_bits_total: entropyTotal, ranking, curve, reading, reason: null };
}
