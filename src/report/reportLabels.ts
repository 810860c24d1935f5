import { PREFERENCE_LABELS, SCALE_CODES, type Scale } from '../core/types';
import type { Report } from './report';

/** The categories of the report's scale, in code order (what `aggregation.label_counts` counts). */
export function reportCategories(report: Report): string[] {
  const scale = report.input.scale as Scale;
  return scale in SCALE_CODES
    ? SCALE_CODES[scale as Exclude<Scale, 'nominal'>].map((c) => PREFERENCE_LABELS[c])
    : Object.keys(report.input.label_counts);
}

/** A length-ratio bin's label: `≤ -2`, `-1 … -0.5`, `≥ 2`. */
export const lengthBinLabel = (from: number | null, to: number | null) =>
  from === null ? `≤ ${to}` : to === null ? `≥ ${from}` : `${from} … ${to}`;
