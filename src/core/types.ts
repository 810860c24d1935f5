/** The five labels of the preference scale, codes 0…4 (A much better … B much better). */
export const PREFERENCE_LABELS = ['A>>', 'A>', '=', 'B>', 'B>>'] as const;
export type PreferenceLabel = (typeof PREFERENCE_LABELS)[number];

/** `nominal`: K unordered categories (non-preference data such as crowd benchmark sets). */
export type Scale = '5-point' | '3-way' | 'binary' | 'nominal';

/** The categories of each preference scale, as 5-point codes. */
export const SCALE_CODES: Record<Exclude<Scale, 'nominal'>, readonly number[]> = {
  '5-point': [0, 1, 2, 3, 4],
  '3-way': [1, 2, 3],
  binary: [1, 3],
};

export const HUMAN = 0;
export const AI = 1;

/** A slice dimension: a column with at most 50 distinct values, coded per judgement. */
export interface Slice {
  name: string;
  values: string[];
  code: Int32Array;
}

/**
 * Coded judgements: one entry per judgement in the typed arrays, with string dictionaries beside them.
 * `label` is an index into `categories` (K = categories.length). For preference scales `fivePoint[c]`
 * is the 5-point code (0…4) of category c.
 */
export interface Ratings {
  n: number;
  item: Int32Array;
  annotator: Int32Array;
  label: Int32Array;
  dimension: Int32Array;
  items: string[];
  annotators: string[];
  /** per annotator: HUMAN or AI */
  annotatorKind: Uint8Array;
  dimensions: string[];
  scale: Scale;
  categories: string[];
  /** per category: its 5-point code, or -1 for nominal data */
  fivePoint: Int8Array;
  /** seconds per judgement, NaN when missing; null when the column is absent */
  time: Float64Array | null;
  /** milliseconds since the epoch (or a plain number), NaN when missing */
  timestamp: Float64Array | null;
  /** per judgement: 0 = A shown first, 1 = B shown first, 255 unknown */
  shownFirst: Uint8Array | null;
  /** per judgement: an AI judge's confidence 0-1, NaN when missing */
  aiConfidence: Float64Array | null;
  /** per item: the gold category, -1 when the item is not gold */
  itemGold: Int32Array;
  slices: Slice[];
}
