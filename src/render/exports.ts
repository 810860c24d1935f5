import { HUMAN, PREFERENCE_LABELS, type Ratings } from '../core/types';
import type { LoadResult } from '../parse/loadFiles';
import type { FinalLabels } from '../sections/aggregationSection';
import { csvLine } from './csv';

/** `item,label,confidence,method,n_labels` — one line per item with a final label. */
export function finalLabelsCsv(r: Ratings, f: FinalLabels): string {
  let out = csvLine(['item', 'label', 'confidence', 'method', 'n_labels']);
  for (let i = 0; i < r.items.length; i++)
    if (f.label[i] >= 0)
      out += csvLine([r.items[i], r.categories[f.label[i]], round(f.confidence[i]), f.method, f.n[i]]);
  return out;
}

/** The same as JSON Lines. */
export function finalLabelsJsonl(r: Ratings, f: FinalLabels): string {
  let out = '';
  for (let i = 0; i < r.items.length; i++) {
    if (f.label[i] >= 0)
      out += `${JSON.stringify({ item: r.items[i], label: r.categories[f.label[i]], confidence: round(f.confidence[i]), method: f.method, n_labels: f.n[i] })}\n`;
  }
  return out;
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : null);

export interface TrlExport {
  text: string;
  kept: number;
  ties: number;
  lowConfidence: number;
  noText: number;
}

/**
 * A preference file in TRL's layout (`prompt`, `chosen`, `rejected`) with the label strength as `margin`
 * (1 for A> / B>, 2 for A>> / B>>), one JSON object per line. Ties, pairs below `minConfidence` and pairs
 * without both responses are left out and counted.
 */
export function trlJsonl(
  loaded: LoadResult,
  f: FinalLabels,
  { minConfidence = 0 }: { minConfidence?: number } = {},
): TrlExport {
  const r = loaded.ratings;
  const { prompt, responseA, responseB } = loaded.texts;
  const result: TrlExport = { text: '', kept: 0, ties: 0, lowConfidence: 0, noText: 0 };
  for (let i = 0; i < r.items.length; i++) {
    if (f.label[i] < 0) continue;
    const five = r.fivePoint[f.label[i]];
    if (five === 2 || five < 0) result.ties++;
    else if (!(f.confidence[i] >= minConfidence)) result.lowConfidence++;
    else if (responseA[i] === undefined || responseB[i] === undefined) result.noText++;
    else {
      const aWins = five < 2;
      result.text += `${JSON.stringify({ prompt: prompt[i] ?? '', chosen: aWins ? responseA[i] : responseB[i], rejected: aWins ? responseB[i] : responseA[i], margin: five === 0 || five === 4 ? 2 : 1 })}\n`;
      result.kept++;
    }
  }
  return result;
}

/**
 * The human judgements less the removed annotators, in prefscope's canonical long layout (with the AI
 * judge's verdict and the per-pair columns), so the file reads back with no mapping.
 */
export function annotationsCsv(loaded: LoadResult, removed: ReadonlySet<number>): string {
  const r = loaded.ratings;
  const ai = new Map<number, string>();
  for (let j = 0; j < r.n; j++) if (r.annotatorKind[r.annotator[j]] !== HUMAN) ai.set(r.item[j], label(r, r.label[j]));
  const slices = r.slices.filter((s) => s.name !== 'model_pair'); // derived again on reading
  const header = [
    'example_id',
    'annotator_id',
    'label',
    'time_seconds',
    'is_gold',
    'gold_label',
    'prompt',
    'response_a',
    'response_b',
    'model_a',
    'model_b',
    'ai_label',
    ...slices.map((s) => s.name),
  ];
  let out = csvLine(header);
  for (let j = 0; j < r.n; j++) {
    const a = r.annotator[j];
    if (r.annotatorKind[a] !== HUMAN || removed.has(a)) continue;
    const i = r.item[j];
    const gold = r.itemGold[i];
    out += csvLine([
      r.items[i],
      r.annotators[a],
      label(r, r.label[j]),
      r.time ? r.time[j] : null,
      gold >= 0 ? 1 : 0,
      gold >= 0 ? label(r, gold) : null,
      loaded.texts.prompt[i],
      loaded.texts.responseA[i],
      loaded.texts.responseB[i],
      loaded.models.a[i],
      loaded.models.b[i],
      ai.get(i) ?? null,
      ...slices.map((s) => s.values[s.code[j]]),
    ]);
  }
  return out;
}

function label(r: Ratings, c: number): string {
  return r.scale === 'nominal' ? r.categories[c] : PREFERENCE_LABELS[r.fivePoint[c]];
}
