import type { Scale } from './types';

/**
 * Whether the categories have an order, so that ordinal and interval coefficients mean something: every
 * preference scale (A>> … B>>), and nominal categories that are all numbers (ratings, scores) or `score N`
 * labels (HelpSteer ratings). Categories of words (word senses, G / P / R / X) have none: only the nominal
 * coefficients apply to them.
 */
export function orderedCategories(scale: Scale, categories: readonly string[]): boolean {
  if (scale !== 'nominal') return true;
  return categories.length > 0 && categories.every((c) => /^(score\s+)?[+-]?(\d+\.?\d*|\.\d+)$/i.test(c.trim()));
}
