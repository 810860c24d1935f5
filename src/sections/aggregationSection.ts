import { judgementFilter } from '../core/judgementFilter';
import { wilsonInterval } from '../core/wilsonInterval';
import type { Ratings } from '../core/types';
import { DEFAULT_SETTINGS } from '../defaults';
import {
  METHOD_NAMES,
  METHOD_SPECS,
  METHODS,
  methodContext,
  type HandedOverFits,
  type Method,
  type MethodFit,
} from './aggregationMethods';

export { METHOD_NAMES, METHODS, type Method } from './aggregationMethods';

/** Final labels of one aggregation method, per item (-1 = no label). */
export interface FinalLabels {
  method: string;
  label: Int32Array;
  confidence: Float64Array;
  n: Int32Array;
}

/** What the user may ask for: a method, or `auto` (Dawid-Skene when it converges, else majority vote). */
export type MethodSetting = Method | 'auto';
export const METHOD_SETTINGS: MethodSetting[] = ['auto', ...METHODS];

/**
 * The method a setting gives for this fit, and why when it is not the one asked for (or is asked for though its
 * numbers are not settled): `auto` is Dawid-Skene when its EM converged, else majority vote; a method that cannot
 * run on this data (`unavailable[method]` says why) gives majority vote.
 */
export function resolveMethod(
  setting: MethodSetting,
  converged: boolean,
  iterations: number,
  unavailable: Partial<Record<Method, string | null>> = {},
): { method: Method; reason: string | null } {
  const unsettled = `Dawid-Skene stopped after ${iterations} passes without converging (the largest posterior change was still 1e-6 or more)`;
  if (setting === 'auto')
    return converged
      ? { method: 'dawid_skene', reason: null }
      : { method: 'majority', reason: `${unsettled}, so the final labels are majority vote's` };
  const why = unavailable[setting];
  if (why)
    return {
      method: 'majority',
      reason: `${METHOD_NAMES[setting]} cannot run here (${why}), so the final labels are majority vote's`,
    };
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
  /** pairs with two kept human labels or more: the only ones on which the methods can differ */
  items_with_several_labels: number;
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
  /** false when the method cannot run on this data (`unavailable` says why); its figures are then null or 0 */
  available: boolean;
  unavailable: string | null;
  /** passes of an iterative fit and whether they converged; null for a vote (no iterations) */
  iterations: number | null;
  converged: boolean | null;
  /** gold items with a final label; of those, the share with the gold label, and on the gold side, with Wilson's interval */
  gold_n: number;
  /** true when the method was given the gold labels, so its gold accuracy is cross-validated (`GOLD_FOLDS` folds) */
  gold_cross_validated: boolean;
  gold_accuracy_exact: number | null;
  gold_accuracy: number | null;
  gold_accuracy_ci95: [number, number] | null;
  differs_from_majority: number;
  /** items whose most probable label none of their annotators gave (each keeps its best given label); null for a vote */
  outside_given: number | null;
}

export type MethodLabels = Record<Method, FinalLabels | null> & Record<'majority' | 'dawid_skene', FinalLabels>;

export interface AggregationDetail {
  section: AggregationSection;
  /** per method: its final labels, null when it cannot run on this data (majority vote and Dawid-Skene always run) */
  labels: MethodLabels;
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
 * Final labels by every method of the registry (`aggregationMethods.ts`) on the human judgements less the
 * removed annotators (the reliability-weighted vote's weights are the composite scores, 0.5 where an annotator
 * has none); `method` (a method or `auto`) picks the labels the exports use (`resolveMethod`).
 */
export function aggregationSection(
  r: Ratings,
  { method = DEFAULT_SETTINGS.method, ...fitOptions }: AggregationFitOptions & { method?: MethodSetting },
): AggregationDetail {
  return withMethod(aggregationFits(r, fitOptions), method);
}

export interface AggregationFitOptions {
  removed?: readonly number[];
  composite: ArrayLike<number>;
  /** fits already made on the same judgements (`spamFits` when no one is removed), reused */
  fitted?: HandedOverFits;
  /** called before each method's fit: methods done, all methods, the name of the one starting */
  onProgress?: (done: number, total: number, method: string) => void;
}

/**
 * The section with `method` (a method or `auto`) as the labels the exports use: which method that is, why when
 * it is not the one asked for, and how many labels it changes from majority vote. Nothing is refitted, so the
 * page keeps the fits (`aggregationFits`) while the user chooses among them.
 */
export function withMethod(detail: AggregationDetail, setting: MethodSetting): AggregationDetail {
  const a = detail.section;
  const unavailable = Object.fromEntries(a.methods.map((m) => [m.id, m.unavailable]));
  const { method, reason } = resolveMethod(setting, a.converged, a.iterations, unavailable);
  return {
    ...detail,
    section: {
      ...a,
      method,
      requested_method: setting,
      method_reason: reason,
      changed_vs_majority: a.differs_from_majority[method],
    },
  };
}

/**
 * Every method of the registry fitted and measured, with the default setting's method in use (`withMethod`
 * chooses another without refitting).
 */
export function aggregationFits(
  r: Ratings,
  { removed = [], composite, fitted = {}, onProgress }: AggregationFitOptions,
): AggregationDetail {
  const mask = judgementFilter(r, { removed });
  const weights = Float64Array.from({ length: r.annotators.length }, (_, a) =>
    Number.isFinite(composite[a]) ? composite[a] : 0.5,
  );
  const context = methodContext(r, mask, weights, fitted);
  // each method timed on its own; a shared fit (majority vote, Dawid-Skene, MACE) counts for the method that asks
  // first, whether fitted then or handed over with the time it took
  const ms = {} as Record<Method, number>;
  const fits = {} as Record<Method, MethodFit | null>;
  const unavailable = {} as Record<Method, string | null>;
  for (const [k, m] of METHODS.entries()) {
    onProgress?.(k, METHODS.length, METHOD_NAMES[m]);
    const t0 = performance.now();
    const handedOver = context.handedOverMs();
    const fit = METHOD_SPECS[m].fit(context);
    ms[m] = performance.now() - t0 + (context.handedOverMs() - handedOver);
    fits[m] = 'unavailable' in fit ? null : fit;
    unavailable[m] = 'unavailable' in fit ? fit.unavailable : null;
  }
  const mv = context.majority();
  const ds = context.dawidSkene();
  const labels = Object.fromEntries(
    METHODS.map((m) => {
      const f = fits[m];
      return [m, f ? { method: m, label: f.label, confidence: f.confidence, n: mv.n } : null];
    }),
  ) as MethodLabels;
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
  const available = METHODS.filter((m) => fits[m]);
  let several = 0;
  for (let i = 0; i < r.items.length; i++) {
    if (mv.label[i] < 0) continue;
    items++;
    if (mv.n[i] >= 2) several++;
    const gold = r.itemGold[i];
    if (gold >= 0) goldItems++;
    for (const m of available) {
      const l = fits[m]!.label[i];
      if (l < 0) continue;
      counts[m][l]++;
      if (l !== mv.label[i]) differs[m]++;
      if (gold < 0) continue;
      // a method given the gold labels is scored on labels from fits that were not given them
      const scoredLabel = fits[m]!.heldOut?.[i] ?? l;
      if (scoredLabel < 0) continue;
      scored[m]++;
      if (side(scoredLabel) === side(gold)) correct[m]++;
      if (scoredLabel === gold) exact[m]++;
    }
  }
  const accuracy = (m: Method) => (goldItems && fits[m] ? correct[m] / goldItems : null);
  const { method, reason } = resolveMethod(DEFAULT_SETTINGS.method, ds.converged, ds.iterations, unavailable);
  const methods = METHODS.map((m): MethodRow => {
    const f = fits[m];
    return {
      id: m,
      name: METHOD_NAMES[m],
      available: f !== null,
      unavailable: unavailable[m],
      iterations: f?.iterations ?? null,
      converged: f?.converged ?? null,
      gold_n: scored[m],
      gold_cross_validated: f?.heldOut !== undefined,
      gold_accuracy_exact: scored[m] ? exact[m] / scored[m] : null,
      gold_accuracy: scored[m] ? correct[m] / scored[m] : null,
      gold_accuracy_ci95: scored[m] ? wilsonInterval(correct[m], scored[m]) : null,
      differs_from_majority: differs[m],
      outside_given: f?.outsideGiven ?? null,
    };
  });
  return {
    section: {
      method,
      requested_method: DEFAULT_SETTINGS.method,
      method_reason: reason,
      items,
      items_with_several_labels: several,
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
