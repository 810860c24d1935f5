import { dawidSkene } from '../core/dawidSkene';
import { judgementFilter } from '../core/judgementFilter';
import { majorityVote } from '../core/majorityVote';
import type { Ratings } from '../core/types';
import { DEFAULT_SETTINGS } from '../defaults';

/** Final labels of one aggregation method, per item (-1 = no label). */
export interface FinalLabels {
  method: string;
  label: Int32Array;
  confidence: Float64Array;
  n: Int32Array;
}

export type Method = 'majority' | 'weighted' | 'dawid_skene';
export const METHODS: Method[] = ['majority', 'weighted', 'dawid_skene'];
export const METHOD_NAMES: Record<Method, string> = {
  majority: 'Majority vote',
  weighted: 'Reliability-weighted vote',
  dawid_skene: 'Dawid-Skene',
};
/** What the user may ask for: a method, or `auto` (Dawid-Skene when it converges, else majority vote). */
export type MethodSetting = Method | 'auto';
export const METHOD_SETTINGS: MethodSetting[] = ['auto', ...METHODS];

/**
 * The method a setting gives for this fit, and why when it is not the one asked for (or is asked for though its
 * numbers are not settled): `auto` is Dawid-Skene when its EM converged, else majority vote.
 */
export function resolveMethod(
  setting: MethodSetting,
  converged: boolean,
  iterations: number,
): { method: Method; reason: string | null } {
  const unsettled = `Dawid-Skene stopped after ${iterations} passes without converging (the largest posterior change was still 1e-6 or more)`;
  if (setting === 'auto')
    return converged
      ? { method: 'dawid_skene', reason: null }
      : { method: 'majority', reason: `${unsettled}, so the final labels are majority vote's` };
  if (setting === 'dawid_skene' && !converged)
    return { method: 'dawid_skene', reason: `${unsettled}: its labels are those of the last pass, as asked` };
  return { method: setting, reason: null };
}

/** The report's `aggregation` section (`docs/report-schema.md`), plus per-method detail the page shows. */
export interface AggregationSection {
  /** the method whose labels the exports use (the setting resolved) */
  method: Method;
  /** the setting: a method or `auto` */
  requested_method: MethodSetting;
  /** why `method` is not the one asked for, or a caveat about it; null when there is none */
  method_reason: string | null;
  items: number;
  iterations: number;
  converged: boolean;
  /** Dawid-Skene: items whose posterior argmax was a label none of their annotators gave (each kept one of its own) */
  outside_given: number;
  /** categories of the scale that no kept human label used (Dawid-Skene gives them no mass) */
  unused_categories: string[];
  /** directional accuracy of each method's final labels on the gold items (null without gold) */
  gold_accuracy: Record<Method, number | null>;
  gold_items: number;
  /** items whose final label under `method` differs from the majority vote */
  changed_vs_majority: number;
  /** per method: final labels per category */
  label_counts: Record<Method, number[]>;
  /** per method: items whose label differs from the majority vote */
  differs_from_majority: Record<Method, number>;
}

export interface AggregationDetail {
  section: AggregationSection;
  labels: Record<Method, FinalLabels>;
  /** Dawid-Skene: the largest posterior change per iteration, the class priors, per annotator K × K, and per item K */
  trace: number[];
  priors: number[];
  confusion: Float64Array;
  /** Dawid-Skene posteriors, nItems × K row-major (rows of items without a kept human label are 0) */
  posterior: Float64Array;
}

/**
 * Final labels by majority vote, reliability-weighted vote (weights = composite scores, 0.5 where an
 * annotator has none) and Dawid-Skene, on the human judgements less the removed annotators; `method` (a method
 * or `auto`) picks the labels the exports use (`resolveMethod`).
 */
export function aggregationSection(
  r: Ratings,
  {
    removed = [],
    composite,
    method: setting = DEFAULT_SETTINGS.method,
  }: { removed?: readonly number[]; composite: ArrayLike<number>; method?: MethodSetting },
): AggregationDetail {
  const mask = judgementFilter(r, { removed });
  const weights = Float64Array.from({ length: r.annotators.length }, (_, a) =>
    Number.isFinite(composite[a]) ? composite[a] : 0.5,
  );
  const mv = majorityVote(r, mask);
  const wv = majorityVote(r, mask, { weights });
  const ds = dawidSkene(r, mask);
  const labels: Record<Method, FinalLabels> = {
    majority: { method: 'majority', label: mv.label, confidence: mv.confidence, n: mv.n },
    weighted: { method: 'weighted', label: wv.label, confidence: wv.confidence, n: wv.n },
    dawid_skene: { method: 'dawid_skene', label: ds.label, confidence: ds.confidence, n: mv.n },
  };
  const side = (c: number) => (r.scale === 'nominal' ? c : Math.sign(r.fivePoint[c] - 2));
  let goldItems = 0;
  let items = 0;
  const correct: Record<Method, number> = { majority: 0, weighted: 0, dawid_skene: 0 };
  const differs: Record<Method, number> = { majority: 0, weighted: 0, dawid_skene: 0 };
  const counts: Record<Method, number[]> = {
    majority: r.categories.map(() => 0),
    weighted: r.categories.map(() => 0),
    dawid_skene: r.categories.map(() => 0),
  };
  for (let i = 0; i < r.items.length; i++) {
    if (mv.label[i] < 0) continue;
    items++;
    const gold = r.itemGold[i];
    if (gold >= 0) goldItems++;
    for (const m of METHODS) {
      const l = labels[m].label[i];
      if (l < 0) continue;
      counts[m][l]++;
      if (l !== mv.label[i]) differs[m]++;
      if (gold >= 0 && side(l) === side(gold)) correct[m]++;
    }
  }
  const accuracy = (m: Method) => (goldItems ? correct[m] / goldItems : null);
  const { method, reason } = resolveMethod(setting, ds.converged, ds.iterations);
  return {
    section: {
      method,
      requested_method: setting,
      method_reason: reason,
      items,
      iterations: ds.iterations,
      converged: ds.converged,
      outside_given: ds.outsideGiven,
      unused_categories: ds.unused.map((k) => r.categories[k]),
      gold_accuracy: {
        majority: accuracy('majority'),
        weighted: accuracy('weighted'),
        dawid_skene: accuracy('dawid_skene'),
      },
      gold_items: goldItems,
      changed_vs_majority: differs[method],
      label_counts: counts,
      differs_from_majority: differs,
    },
    labels,
    trace: ds.maxChange,
    priors: Array.from(ds.priors),
    confusion: ds.confusion,
    posterior: ds.posterior,
  };
}
