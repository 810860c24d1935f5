import { directionalSides } from './directionalSides';
import type { Ratings } from './types';

/**
 * The categories a kernel counts on: the scale's own (K categories, no mapping), or with `collapse` the
 * directional sides A / tie / B (`side[c]` maps a category to its side). Collapsing nominal data is a
 * programmer error and throws.
 */
export function labelScale(ratings: Ratings, collapse: boolean): { K: number; side: Int32Array | null } {
  if (!collapse) return { K: ratings.categories.length, side: null };
  const sides = directionalSides(ratings.fivePoint);
  if (!sides) throw new Error('directional collapse needs a preference scale');
  return { K: sides.K, side: sides.side };
}
