import type { Scale } from '../core/types';

export const SUMMARY_SCHEMA = 'prefscope.summary/v1';

/** One distinct per-item vector of label counts (one count per category) and how many items have it. */
export interface SummaryPattern {
  counts: number[];
  items: number;
}

/** The K × K contingency table (row-major, rows = annotator a) of two annotators on their shared items. */
export interface SummaryPairTable {
  a: string;
  b: string;
  n: number;
  table: number[];
}

/** Per annotator sums (`docs/report-schema.md`, "Summary files"): every rate is a ratio of two of these. */
export interface SummaryAnnotator {
  id: string;
  labels: number;
  label_counts: number[];
  gold_n: number;
  gold_exact: number;
  gold_directional: number;
  majority_n: number;
  majority_agreed: number;
  time_sum: number;
  time_count: number;
}

/**
 * `prefscope.summary/v1` (`docs/report-schema.md`, "Summary files"): the sufficient statistics of the agreement
 * and annotator sections for human judgements of one dimension, as written by `npm run summary`.
 */
export interface Summary {
  schema: typeof SUMMARY_SCHEMA;
  scale: Scale;
  /** the category names in code order (K = categories.length <= 5) */
  categories: string[];
  item_patterns: SummaryPattern[];
  pair_tables: SummaryPairTable[];
  annotators: SummaryAnnotator[];
  /** judgements per category name */
  label_counts: Record<string, number>;
  /** per slice column, per value, the item patterns of the judgements with that value */
  slices: Record<string, { value: string; item_patterns: SummaryPattern[] }[]>;
  /** optional: what the SQL saw */
  input?: { judgements: number; items: number; annotators: number };
}
