import type { Approach } from '../core/approachCosts';

/** One row of the cost/quality scaling table (illustrative default scenarios, editable in the page). */
export interface ScalingScenario {
  pairs: number;
  approach: string;
  annotators: number;
  price_per_pair: number;
  weeks: number;
  kappa: number;
}

export const SCALING_SCENARIOS: ScalingScenario[] = [
  { pairs: 10_000, approach: 'Human only', annotators: 5, price_per_pair: 2.0, weeks: 2, kappa: 0.72 },
  { pairs: 100_000, approach: 'Human + gold QA', annotators: 20, price_per_pair: 1.5, weeks: 4, kappa: 0.68 },
  { pairs: 500_000, approach: 'Hybrid AI + human review', annotators: 30, price_per_pair: 0.4, weeks: 6, kappa: 0.65 },
  {
    pairs: 1_000_000,
    approach: 'AI primary + human spot-check + active learning',
    annotators: 15,
    price_per_pair: 0.25,
    weeks: 8,
    kappa: 0.62,
  },
];

/** Prices per pair of the cost comparison and its scales. */
export const COMPARISON_PRICES: Record<string, number> = {
  'Human only': 1.5,
  'Hybrid AI + human': 0.25,
  'AI only': 0.02,
};
export const COMPARISON_SCALES = [10_000, 50_000, 100_000, 500_000, 1_000_000];

/**
 * Labelling approaches: price ranges per comparison and throughput. "Hours" for weak supervision is read as
 * 50M comparisons a day and "< $0.001" for synthetic feedback as $0.0001–0.001 (assumptions, editable).
 */
export const APPROACHES: Approach[] = [
  { name: 'Expert pairwise', priceLow: 0.75, priceHigh: 2.0, perDay: 10_000 },
  { name: 'Premium crowd', priceLow: 0.25, priceHigh: 0.5, perDay: 1_000_000 },
  { name: 'Gamified crowd', priceLow: 0.05, priceHigh: 0.15, perDay: 5_000_000 },
  { name: 'Weak supervision', priceLow: 0.01, priceHigh: 0.05, perDay: 50_000_000 },
  { name: 'Synthetic feedback', priceLow: 0.0001, priceHigh: 0.001, perDay: 100_000_000 },
];
export const APPROACH_TARGETS = [10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 300_000_000];
