import { emptyMapping } from '../parse/columnRoles';
import type { FileInfo } from '../parse/loadFiles';
import { PREFERENCE_LABELS } from '../core/types';
import type { InputSection } from '../sections/inputSection';
import type { Overview } from '../views/overview';
import type { Summary } from './types';

/**
 * The overview of a summary file: counts from the item patterns and the annotator sums. A summary holds
 * no rows, texts or per-item gold, so there is no preview and nothing was dropped here (the SQL run
 * checked duplicates and codes).
 */
export function summaryOverview(
  summary: Summary,
  file: { name: string; bytes: number; sha256: string | null },
): Overview {
  const labelsPerItem: number[] = [];
  let items = 0;
  for (const p of summary.item_patterns) {
    const m = p.counts.reduce((s, c) => s + c, 0);
    while (labelsPerItem.length <= m) labelsPerItem.push(0);
    labelsPerItem[m] += p.items;
    items += p.items;
  }
  // built from entries: a category named `__proto__` stays an ordinary key
  const own = (c: string) => (Object.hasOwn(summary.label_counts, c) ? summary.label_counts[c] : 0);
  const label_counts: Record<string, number> = Object.fromEntries(
    (summary.scale === 'nominal' ? summary.categories : [...PREFERENCE_LABELS]).map((c) => [c, own(c)]),
  );
  const rows = Object.values(label_counts).reduce((s, n) => s + n, 0);
  const input: InputSection = {
    files: [
      {
        name: file.name,
        bytes: file.bytes,
        sha256: file.sha256,
        format: 'summary',
        rows: 0,
        judgements: rows,
        rows_dropped: 0,
        judge: null,
      },
    ],
    format: 'summary',
    rows,
    rows_dropped: 0,
    issues: [],
    items,
    annotators: summary.annotators.length,
    ai_judges: 0,
    dimensions: ['overall'],
    scale: summary.scale,
    label_counts,
    notes: ['A prefscope summary holds counts, not judgements: pair texts, models and final labels are not in it.'],
    warnings: [],
    label_readings: [],
    shared_item_ids: [],
    pair_statistics: {
      pairs_with_texts: 0,
      identical_responses: 0,
      empty_a: 0,
      empty_b: 0,
      median_chars_a: null,
      median_chars_b: null,
      a_longer_share: null,
      duplicate_judgements: 0,
    },
    model_pairs: [],
    model_pairs_source: 'humans',
    judge_label_counts: {},
  };
  const info: FileInfo = {
    name: file.name,
    bytes: file.bytes,
    format: 'json',
    gzip: false,
    delimiter: ',',
    header: [],
    mapping: emptyMapping(),
    role: 'judgements',
    adapter: 'summary',
    adapterTitle: 'prefscope summary',
    adapted: false,
    notes: [],
    warning: null,
    sample: [],
    estimatedRows: rows,
    hasHeader: true,
    contentGuess: null,
    head: [],
    problems: [],
    jsonColumns: [],
    expanded: [],
  };
  return {
    input,
    fileInfos: [info],
    labelQuestions: [],
    reading: `a prefscope summary (${summary.scale}, categories ${summary.categories.join(', ')})`,
    categories: summary.categories,
    issueCount: 0,
    labelsPerItem,
    annotators: summary.annotators
      .map((a) => ({ id: a.id, kind: 'human' as const, labels: a.labels, labelCounts: [...a.label_counts] }))
      .sort((x, y) => y.labels - x.labels || (x.id < y.id ? -1 : 1)),
    slices: Object.entries(summary.slices).map(([name, values]) => ({
      name,
      values: values.length,
      valueNames: values.map((v) => v.value),
    })),
    attributeColumns: [],
    goldItems: 0,
    hasTime: summary.annotators.some((a) => a.time_count > 0),
    hasTimestamp: false,
    hasTexts: false,
    preview: [],
  };
}
