import { AI, HUMAN, PREFERENCE_LABELS } from '../core/types';
import { judgementFilter } from '../core/judgementFilter';
import { labelCounts } from '../core/labelCounts';
import { labelsPerAnnotator } from '../core/labelsPerAnnotator';
import type { LoadResult } from '../parse/loadFiles';
import type { Issue } from '../parse/types';
import { modelPairs, type ModelPairRow } from './modelPairs';
import { pairStatistics, type PairStatistics } from './pairStatistics';

/** The `input` section of `prefscope.report/v1` (`../shared/report-schema.md`). */
export interface InputSection {
  files: { name: string; bytes: number; sha256: string | null; format: string }[];
  format: string;
  rows: number;
  rows_dropped: number;
  issues: Issue[];
  items: number;
  annotators: number;
  ai_judges: number;
  dimensions: string[];
  scale: string;
  label_counts: Record<string, number>;
  /** what the files' formats can and cannot show (from their adapters) */
  notes: string[];
  pair_statistics: PairStatistics;
  model_pairs: ModelPairRow[];
}

export const REPORT_ISSUES = 100;

/**
 * Counts of what was read. `annotators` and `ai_judges` count those with at least one judgement;
 * `label_counts` are human judgements on the overall (first) dimension, keyed by the five labels for
 * preference data (zeros included) and by category for nominal data.
 */
export function inputSection(loaded: LoadResult, digests: (string | null)[]): InputSection {
  const r = loaded.ratings;
  const perAnnotator = labelsPerAnnotator(r, new Uint8Array(r.n).fill(1));
  let humans = 0;
  let ais = 0;
  perAnnotator.forEach((n, a) => {
    if (n > 0 && r.annotatorKind[a] === HUMAN) humans++;
    if (n > 0 && r.annotatorKind[a] === AI) ais++;
  });
  const counts = labelCounts(r, judgementFilter(r));
  // fromEntries defines own keys: a category named `__proto__` is counted, not taken for the prototype
  const label_counts: Record<string, number> = r.scale === 'nominal' ? Object.fromEntries(r.categories.map((c, i) => [c, counts[i]])) : {};
  if (r.scale !== 'nominal') {
    for (const l of PREFERENCE_LABELS) label_counts[l] = 0;
    r.categories.forEach((_, i) => (label_counts[PREFERENCE_LABELS[r.fivePoint[i]]] += counts[i]));
  }
  const itemsWithJudgements = new Uint8Array(r.items.length);
  for (let j = 0; j < r.n; j++) itemsWithJudgements[r.item[j]] = 1;
  return {
    files: loaded.fileInfos.map((f, i) => ({ name: f.name, bytes: f.bytes, sha256: digests[i] ?? null, format: f.adapter })),
    format: loaded.fileInfos[0]?.adapter ?? '',
    rows: r.n,
    rows_dropped: loaded.rowsDropped,
    issues: loaded.issues.slice(0, REPORT_ISSUES),
    items: itemsWithJudgements.reduce((s, v) => s + v, 0),
    annotators: humans,
    ai_judges: ais,
    dimensions: r.dimensions,
    scale: r.scale,
    label_counts,
    notes: [...new Set(loaded.fileInfos.flatMap((f) => f.notes))],
    pair_statistics: pairStatistics(loaded),
    model_pairs: modelPairs(loaded),
  };
}
