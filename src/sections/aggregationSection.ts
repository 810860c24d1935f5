import { dawidSkene } from '../core/dawidSkene';
import { judgementFilter } from '../core/judgementFilter';
import { majorityVote } from '../core/majorityVote';
import { oneCoinDawidSkene } from '../core/oneCoinDawidSkene';
import { wawa } from '../core/wawa';
import { wilsonInterval } from '../core/wilsonInterval';
import type { Ratings } from '../core/types';
import { DEFAULT_SETTINGS } from '../defaults';

/** Final labels of one aggregation method, per item (-1 = no label). */
export interface FinalLabels {
  method: string;
  label: Int32Array;
  confidence: Float64Array;
  n: Int32Array;
}

export type Method = 'majority' | 'weighted' | 'dawid_skene' | 'one_coin_dawid_skene' | 'wawa';
export const METHODS: Method[] = ['majority', 'weighted', 'dawid_skene', 'one_coin_dawid_skene', 'wawa'];
export const METHOD_NAMES: Record<Method, string> = {
  majority: 'Majority vote',
  weighted: 'Reliability-weighted vote',
  dawid_skene: 'Dawid-Skene',
  one_coin_dawid_skene: 'One-coin Dawid-Skene',
  wawa: 'Wawa (agreement-weighted vote)',
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
  /** every method side by side, in `METHODS` order */
  methods: MethodRow[];
}

/** One method's final labels measured: on gold (by label and by direction), against majority vote, its fit. */
export interface MethodRow {
  id: Method;
  name: string;
  /** EM passes and whether they converged; null for a vote (no iterations) */
  iterations: number | null;
  converged: boolean | null;
  /** gold items with a final label; of those, the share with the gold label, and on the gold side, with Wilson's interval */
  gold_n: number;
  gold_accuracy_exact: number | null;
  gold_accuracy: number | null;
  gold_accuracy_ci95: [number, number] | null;
  differs_from_majority: number;
  /** items whose most probable label none of their annotators gave (each keeps its best given label); null for a vote */
  outside_given: number | null;
}

export interface AggregationDetail {
  section: AggregationSection;
  labels: Record<Method, FinalLabels>;
  /** per method: milliseconds its fit took here (the page shows them; not in the report, which is reproducible) */
  ms: Record<Method, number>;
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
  // each method timed on its own (majority vote again inside Wawa and One-coin Dawid-Skene: their start)
  const ms = {} as Record<Method, number>;
  const timed = <T>(m: Method, fit: () => T): T => {
    const t0 = performance.now();
    const out = fit();
    ms[m] = performance.now() - t0;
    return out;
  };
  const mv = timed('majority', () => majorityVote(r, mask));
  const wv = timed('weighted', () => majorityVote(r, mask, { weights }));
  const ds = timed('dawid_skene', () => dawidSkene(r, mask));
  const oc = timed('one_coin_dawid_skene', () => oneCoinDawidSkene(r, mask));
  const ww = timed('wawa', () => wawa(r, mask));
  const labels: Record<Method, FinalLabels> = {
    majority: { method: 'majority', label: mv.label, confidence: mv.confidence, n: mv.n },
    weighted: { method: 'weighted', label: wv.label, confidence: wv.confidence, n: wv.n },
    dawid_skene: { method: 'dawid_skene', label: ds.label, confidence: ds.confidence, n: mv.n },
    one_coin_dawid_skene: { method: 'one_coin_dawid_skene', label: oc.label, confidence: oc.confidence, n: mv.n },
    wawa: { method: 'wawa', label: ww.label, confidence: ww.confidence, n: mv.n },
  };
  const vote = { iterations: null, converged: null, outside_given: null };
  const fits: Record<Method, Pick<MethodRow, 'iterations' | 'converged' | 'outside_given'>> = {
    majority: vote,
    weighted: vote,
    dawid_skene: { iterations: ds.iterations, converged: ds.converged, outside_given: ds.outsideGiven },
    one_coin_dawid_skene: { iterations: oc.iterations, converged: oc.converged, outside_given: oc.outsideGiven },
    wawa: vote,
  };
  const side = (c: number) => (r.scale === 'nominal' ? c : Math.sign(r.fivePoint[c] - 2));
  let goldItems = 0;
  let items = 0;
  const perMethod = <T>(make: (m: Method) => T) =>
    Object.fromEntries(METHODS.map((m) => [m, make(m)])) as Record<Method, T>;
  const correct = perMethod(() => 0);
  const exact = perMethod(() => 0);
  const scored = perMethod(() => 0);
  const differs = perMethod(() => 0);
  const counts = perMethod(() => r.categories.map(() => 0));
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
      if (gold < 0) continue;
      scored[m]++;
      if (side(l) === side(gold)) correct[m]++;
      if (l === gold) exact[m]++;
    }
  }
  const accuracy = (m: Method) => (goldItems ? correct[m] / goldItems : null);
  const { method, reason } = resolveMethod(setting, ds.converged, ds.iterations);
  const methods = METHODS.map((m): MethodRow => ({
    id: m,
    name: METHOD_NAMES[m],
    ...fits[m],
    gold_n: scored[m],
    gold_accuracy_exact: scored[m] ? exact[m] / scored[m] : null,
    gold_accuracy: scored[m] ? correct[m] / scored[m] : null,
    gold_accuracy_ci95: scored[m] ? wilsonInterval(correct[m], scored[m]) : null,
    differs_from_majority: differs[m],
  }));
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
      gold_accuracy: perMethod(accuracy),
      gold_items: goldItems,
      changed_vs_majority: differs[method],
      label_counts: counts,
      differs_from_majority: differs,
      methods,
    },
    labels,
    ms,
    trace: ds.maxChange,
    priors: Array.from(ds.priors),
    confusion: ds.confusion,
    posterior: ds.posterior,
  };
}
