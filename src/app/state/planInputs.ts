import type { Approach } from '../../core/approachCosts';
import { APPROACHES, COMPARISON_PRICES, SCALING_SCENARIOS, type ScalingScenario } from '../../planning/planDefaults';
import { DEFAULT_NEXT_LABEL, DEFAULT_ROUTING } from '../../defaults';

/** Every input of every planner (and of the routing simulator): what a shared link reproduces. */
export interface PlanInputs {
  scenarios: ScalingScenario[];
  /** the user's own price per label, placed on the scaling charts with the measured agreement */
  ownPricePerLabel: number;
  prices: Record<string, number>;
  approaches: Approach[];
  approachTarget: number;
  subsample: { maxK: number; repeats: number; pricePerLabel: number };
  gold: {
    goldShare: number;
    minGold: number;
    threshold: number;
    clickerAccuracy: number;
    goodAccuracy: number;
    clickerShare: number;
    tasks: number;
    annotators: number;
    pricePerLabel: number;
  };
  next: { size: number; weightUncertainty: number };
  /** value of the next label: who labels ('typical' or an annotator id), price per label, batch exported */
  nextLabel: { from: string; pricePerLabel: number; batch: number };
  routing: {
    spot: number;
    priceAi: number;
    priceHuman: number;
    priceExpert: number;
    target: number;
    reference: 'majority' | 'gold';
  };
}

export const DEFAULT_PLAN: PlanInputs = {
  scenarios: SCALING_SCENARIOS,
  ownPricePerLabel: 0.3,
  prices: COMPARISON_PRICES,
  approaches: APPROACHES,
  approachTarget: 1_000_000,
  subsample: { maxK: 7, repeats: 50, pricePerLabel: 0.3 },
  gold: {
    goldShare: 0.1,
    minGold: 5,
    threshold: 0.6,
    clickerAccuracy: 0.4,
    goodAccuracy: 0.85,
    clickerShare: 0.1,
    tasks: 200,
    annotators: 20,
    pricePerLabel: 0.3,
  },
  next: { size: 100, weightUncertainty: 0.6 },
  nextLabel: DEFAULT_NEXT_LABEL,
  routing: { ...DEFAULT_ROUTING, reference: 'majority' },
};

/** The inputs that differ from the defaults (top-level keys), or null when none do. */
export function planDiff(plan: PlanInputs): Partial<PlanInputs> | null {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_PLAN) as (keyof PlanInputs)[])
    if (JSON.stringify(plan[key]) !== JSON.stringify(DEFAULT_PLAN[key])) out[key] = plan[key];
  return Object.keys(out).length ? (out as Partial<PlanInputs>) : null;
}

/** A value shaped like `template` (numbers finite, strings, same keys, arrays of such), or undefined. */
function shaped<T>(value: unknown, template: T): T | undefined {
  if (typeof template === 'number')
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? (value as T) : undefined;
  if (typeof template === 'string') return typeof value === 'string' && value.length <= 200 ? (value as T) : undefined;
  if (Array.isArray(template)) {
    if (!Array.isArray(value) || value.length === 0 || value.length > 50) return undefined;
    const items = value.map((v) => shaped(v, template[0]));
    return items.every((v) => v !== undefined) ? (items as T) : undefined;
  }
  if (template && typeof template === 'object') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(template as object)) {
      const v = shaped((value as Record<string, unknown>)[k], (template as Record<string, unknown>)[k]);
      if (v === undefined) return undefined;
      out[k] = v;
    }
    return out as T;
  }
  return undefined;
}

/** Reads the `plan` parameter of a link (JSON of the changed inputs); anything malformed keeps its default. */
export function decodePlan(raw: string | null): PlanInputs {
  const plan: PlanInputs = structuredClone(DEFAULT_PLAN);
  if (!raw) return plan;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return plan;
  }
  if (!value || typeof value !== 'object') return plan;
  for (const key of Object.keys(DEFAULT_PLAN) as (keyof PlanInputs)[]) {
    if (key === 'prices') continue;
    const v = shaped((value as Record<string, unknown>)[key], DEFAULT_PLAN[key]);
    if (v !== undefined) (plan as unknown as Record<string, unknown>)[key] = v;
  }
  // prices keep their own names (the approaches compared): 1 to 10 of them, each a price of 0 or more
  const prices = (value as Record<string, unknown>).prices;
  if (prices && typeof prices === 'object' && !Array.isArray(prices)) {
    const entries = Object.entries(prices);
    if (
      entries.length >= 1 &&
      entries.length <= 10 &&
      entries.every(([k, x]) => k.length <= 80 && typeof x === 'number' && Number.isFinite(x) && x >= 0)
    )
      plan.prices = Object.fromEntries(entries) as Record<string, number>;
  }
  if (plan.routing.reference !== 'gold') plan.routing.reference = 'majority';
  return plan;
}
