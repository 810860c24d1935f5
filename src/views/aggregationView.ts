import type { LoadResult } from '../parse/loadFiles';
import { METHODS, type AggregationDetail, type AggregationSection, type Method } from '../sections/aggregationSection';
import type { AnnotatorRow } from '../sections/annotatorsSection';

export interface Flip {
  item: string;
  /** per method: its label (null: no label, or the method cannot run here) and its confidence in it (NaN: none) */
  labels: Record<Method, string | null>;
  confidences: Record<Method, number>;
  /** Dawid-Skene's confidence */
  confidence: number;
  n: number;
  gold: string | null;
  prompt: string | null;
  responseA: string | null;
  responseB: string | null;
}

export interface AggregationView {
  aggregation: AggregationSection;
  trace: number[];
  priors: number[];
  /** Dawid-Skene confusion matrices (rows: true category, columns: given label) of the active annotators */
  confusions: { id: string; labels: number; matrix: number[] }[];
  /** items where the methods disagree (the first `limit`), with labels, Dawid-Skene confidence and texts */
  flips: { total: number; items: Flip[] };
  /** Dawid-Skene posterior confidence of the final labels, in 10 bins from 0 to 1 */
  confidenceHistogram: number[];
  /** per method: milliseconds its fit took in the worker */
  ms: Record<Method, number>;
}

/** What the final-labels panel shows of an aggregation: confusions, the pairs the methods disagree on, confidence. */
export function aggregationView(
  loaded: LoadResult,
  detail: AggregationDetail,
  rows: AnnotatorRow[],
  limit = 200,
): AggregationView {
  const r = loaded.ratings;
  const K = r.categories.length;
  const index = new Map(r.annotators.map((id, a) => [id, a]));
  const confusions = rows
    .filter((row) => !row.removed)
    .map((row) => {
      const a = index.get(row.id)!;
      return {
        id: row.id,
        labels: row.labels,
        matrix: Array.from(detail.confusion.subarray(a * K * K, (a + 1) * K * K)),
      };
    });
  const flips: AggregationView['flips'] = { total: 0, items: [] };
  const histogram = new Array(10).fill(0);
  const { labels } = detail;
  const ds = labels.dawid_skene;
  const mv = labels.majority;
  for (let i = 0; i < r.items.length; i++) {
    if (ds.label[i] >= 0) histogram[Math.min(9, Math.floor(ds.confidence[i] * 10))]++;
    if (METHODS.every((m) => (labels[m]?.label[i] ?? mv.label[i]) === mv.label[i])) continue;
    flips.total++;
    if (flips.items.length < limit) flips.items.push(methodsOnItem(loaded, detail, i));
  }
  return {
    aggregation: detail.section,
    ms: detail.ms,
    trace: detail.trace,
    priors: detail.priors,
    confusions,
    flips,
    confidenceHistogram: histogram,
  };
}

/** Every method's label and confidence for item `i`, with its gold label and texts (a row of the item view). */
export function methodsOnItem(loaded: LoadResult, detail: AggregationDetail, i: number): Flip {
  const r = loaded.ratings;
  const name = (c: number) => (c >= 0 ? r.categories[c] : null);
  const { labels } = detail;
  const per = <T>(value: (m: Method) => T) =>
    Object.fromEntries(METHODS.map((m) => [m, value(m)])) as Record<Method, T>;
  return {
    item: r.items[i],
    labels: per((m) => name(labels[m]?.label[i] ?? -1)),
    confidences: per((m) => labels[m]?.confidence[i] ?? NaN),
    confidence: labels.dawid_skene.confidence[i],
    n: labels.majority.n[i],
    gold: name(r.itemGold[i]),
    prompt: loaded.texts.prompt[i] ?? null,
    responseA: loaded.texts.responseA[i] ?? null,
    responseB: loaded.texts.responseB[i] ?? null,
  };
}
