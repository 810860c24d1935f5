import { subsetRatings } from '../core/subsetRatings';
import type { LoadResult } from '../parse/loadFiles';
import type { ScoreWeights } from '../core/annotatorScores';
import { annotatorsSection } from './annotatorsSection';
import { positionBiasFlags, responseLengths } from './biasSection';
import type { ComparedRun } from './comparisonSection';

/** One file cut into two runs by the values of a column (`batch`, `guideline_version`, `week`, …). */
export interface RunSplit {
  column: string;
  a: string;
  b: string;
}

/**
 * The data read, restricted to the judgements whose `column` (a slice column: 50 values or fewer) holds
 * `value` (items, annotators and texts as they are). A string says why it cannot be cut (no such column, or
 * no such value).
 */
export function splitPart(loaded: LoadResult, column: string, value: string): LoadResult | string {
  const r = loaded.ratings;
  const slice = r.slices.find((s) => s.name === column);
  if (!slice)
    return r.slices.length
      ? `no column "${column}" with 50 values or fewer to split by (one of ${r.slices.map((s) => s.name).join(', ')})`
      : `no column with 50 values or fewer to split by (a batch, week or guideline version column)`;
  const v = slice.values.indexOf(value);
  if (v < 0) return `column ${column} has no value "${value}" (its values: ${slice.values.join(', ')})`;
  return {
    ...loaded,
    ratings: subsetRatings(
      r,
      Uint8Array.from(slice.code, (c) => (c === v ? 1 : 0)),
    ),
  };
}

/** A run of a comparison from data read (or a part of it): its judgements, annotator table, lengths and models. */
export function runOf(
  loaded: LoadResult,
  { removed = [], weights }: { removed?: readonly string[]; weights?: ScoreWeights } = {},
): ComparedRun {
  const { ratings } = loaded;
  const codes = removed.map((id) => ratings.annotators.indexOf(id)).filter((a) => a >= 0);
  return {
    ratings,
    annotators: annotatorsSection(ratings, {
      removed: codes,
      weights,
      positionBiased: positionBiasFlags(ratings, loaded.models),
    }),
    lengths: responseLengths(loaded.texts, ratings.items.length),
    models: loaded.models,
  };
}

/** Both parts of a split, or why it cannot be made. */
export function splitParts(loaded: LoadResult, split: RunSplit): [LoadResult, LoadResult] | string {
  if (split.a === split.b) return `split ${split.column}: choose two different values (both are "${split.a}")`;
  const a = splitPart(loaded, split.column, split.a);
  if (typeof a === 'string') return a;
  const b = splitPart(loaded, split.column, split.b);
  if (typeof b === 'string') return b;
  return [a, b];
}

/** Both runs of a split, or why it cannot be made. */
export function splitRuns(
  loaded: LoadResult,
  split: RunSplit,
  options: { removed?: readonly string[]; weights?: ScoreWeights } = {},
): [ComparedRun, ComparedRun] | string {
  const parts = splitParts(loaded, split);
  return typeof parts === 'string' ? parts : [runOf(parts[0], options), runOf(parts[1], options)];
}
