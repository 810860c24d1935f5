// The planners' batches as CSV files for download: the pairs to label next (`nextBatch`) and the pairs ranked
// by the value of one more label (`nextLabelRanking`). Cells are formula-guarded (`csv.ts`).
import type { Ratings } from '../core/types';
import type { LoadResult } from '../parse/loadFiles';
import type { NextBatch } from '../planning/nextBatch';
import type { NextLabelRanking } from '../sections/nextLabelSection';
import { csvLine } from './csv';

/** The batch as CSV: item, prompt, response_a, response_b, uncertainty, diversity, score (formula-guarded cells). */
export function nextBatchCsv(batch: NextBatch, loaded: LoadResult): string {
  const index = new Map<string, number>();
  loaded.ratings.items.forEach((id, i) => index.set(id, i));
  const { prompt, responseA, responseB } = loaded.texts;
  let out = csvLine(['item', 'prompt', 'response_a', 'response_b', 'uncertainty', 'diversity', 'score']);
  for (const row of batch.items) {
    const i = index.get(row.item) ?? -1;
    out += csvLine([row.item, prompt[i], responseA[i], responseB[i], row.uncertainty, row.diversity, row.score]);
  }
  return out;
}

/**
 * The first `n` candidates of `order` as CSV (formula-guarded cells): rank, example_id, eig_bits,
 * eig_bits_per_dollar, entropy_bits, current_label (Dawid-Skene), confidence, expected_accuracy_gain,
 * prompt, response_a, response_b.
 */
export function nextLabelCsv(
  r: Ratings,
  texts: { prompt: (string | undefined)[]; responseA: (string | undefined)[]; responseB: (string | undefined)[] },
  { order, value, label: dsLabel, confidence }: Pick<NextLabelRanking, 'order' | 'value' | 'label' | 'confidence'>,
  n: number,
  price: number,
): string {
  let out = csvLine([
    'rank',
    'example_id',
    'eig_bits',
    'eig_bits_per_dollar',
    'entropy_bits',
    'current_label',
    'confidence',
    'expected_accuracy_gain',
    'prompt',
    'response_a',
    'response_b',
  ]);
  const rows = Math.min(Math.max(0, n), order.length);
  for (let k = 0; k < rows; k++) {
    const i = order[k];
    out += csvLine([
      k + 1,
      r.items[i],
      value.gain[i],
      value.gain[i] / price,
      value.entropy[i],
      dsLabel[i] >= 0 ? r.categories[dsLabel[i]] : null,
      confidence[i],
      value.accuracyGain[i],
      texts.prompt[i],
      texts.responseA[i],
      texts.responseB[i],
    ]);
  }
  return out;
}
