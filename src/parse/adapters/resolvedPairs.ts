import { guessMapping } from '../columnRoles';
import { SINGLE_ANNOTATOR } from '../encoder';
import type { AdapterContext, CanonicalRow, SourceRecord } from './adapter';

/** What a file of resolved pairs (one chosen and one rejected response, no annotator) can and cannot show. */
export const RESOLVED_PAIR_NOTES: readonly string[] = [
  'One resolved label per pair and no annotator: each pair is one judgement by the synthetic annotator (single), so agreement, annotator scores and aggregation cannot be computed.',
  'Response A is always the chosen response and B the rejected one: every label is A>, and the positions mean nothing (no position bias can be read).',
  'What the file does show: pair statistics (response lengths, identical or empty responses, exact duplicate pairs) and the exports.',
];

/** The fields of the records: every key any of them has. */
export function fieldsOf(records: SourceRecord[]): string[] {
  const fields = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) fields.add(k);
  return [...fields];
}

/**
 * True when the plain table reader can read the records as judgements (an item id and a label column by
 * the roles guess): such a file is a judgement table that happens to hold response texts, not a pair file.
 */
export function isJudgementTable(records: SourceRecord[]): boolean {
  const m = guessMapping(fieldsOf(records));
  return m.item !== null && m.label !== null;
}

/** The judgement of a resolved pair: the single annotator prefers A, the chosen response. */
export function emitResolvedPair(
  ctx: AdapterContext,
  pair: Required<Pick<CanonicalRow, 'item' | 'prompt' | 'response_a' | 'response_b'>>,
): void {
  ctx.emit({
    item: pair.item,
    annotator: SINGLE_ANNOTATOR,
    label: 'A>',
    prompt: pair.prompt,
    response_a: pair.response_a,
    response_b: pair.response_b,
  });
}
