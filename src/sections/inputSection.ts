import { AI, HUMAN, PREFERENCE_LABELS } from '../core/types';
import { judgementFilter } from '../core/judgementFilter';
import { labelCounts } from '../core/labelCounts';
import { labelsPerAnnotator } from '../core/labelsPerAnnotator';
import type { LoadResult } from '../parse/loadFiles';
import type { ReadingCandidate } from '../parse/labelReading';
import type { Issue, Warning } from '../parse/types';
import { modelPairs, type ModelPairRow } from './modelPairs';
import { pairStatistics, type PairStatistics } from './pairStatistics';

/** The `input` section of `prefscope.report/v1` (`docs/report-schema.md`). */
/** How the labels of some files were read (report `input.label_readings`). */
export interface LabelReadingReport {
  /** the files it read (every file with labels, or one file when each is read its own way) */
  files: string[];
  columns: string[];
  /** the convention's id (`--labels-are`), `nominal`, `model-names` or `label-map` */
  convention: string;
  description: string;
  /** `stated` (by the user), `only` (the one reading that fits), `guess` (one of several: see `candidates`) */
  chosen: 'stated' | 'only' | 'guess';
  ambiguous: boolean;
  /** raw value → the label or category it was read as (null: not read, an unknown label) */
  map: Record<string, string | null>;
  /** every reading that fits, the chosen one first, with the judgements per label each would give */
  candidates: ReadingCandidate[];
}

export interface InputSection {
  /** per file: rows (or records) read, judgements kept, rows or judgements dropped with an issue, its judge */
  files: {
    name: string;
    bytes: number;
    sha256: string | null;
    format: string;
    rows: number;
    judgements: number;
    rows_dropped: number;
    judge: string | null;
  }[];
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
  /** what the reading guessed or left out: ambiguous labels, a header read as data, shared ids, verdicts left out */
  warnings: Warning[];
  label_readings: LabelReadingReport[];
  /** judgement files whose item ids an earlier file already used: read as the same pairs unless scoped by file */
  shared_item_ids: { file: string; with: string[]; items: number }[];
  pair_statistics: PairStatistics;
  model_pairs: ModelPairRow[];
  /** whose verdicts `model_pairs` counts: `humans`, or the AI judge with the most when no human verdict names two models */
  model_pairs_source: string;
  /** per AI judge, its verdicts per label (overall dimension), in the shape of `label_counts` */
  judge_label_counts: Record<string, Record<string, number>>;
}

export const REPORT_ISSUES = 100;

/** Each AI judge's verdicts per label on the overall dimension (five labels, zeros included; categories for nominal data). */
function judgeLabelCounts(r: LoadResult['ratings']): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const K = r.categories.length;
  const perJudge = new Map<number, Float64Array>();
  const ai = judgementFilter(r, { kind: AI });
  for (let j = 0; j < r.n; j++) {
    if (!ai[j] || r.label[j] < 0) continue;
    let c = perJudge.get(r.annotator[j]);
    if (!c) perJudge.set(r.annotator[j], (c = new Float64Array(K)));
    c[r.label[j]]++;
  }
  for (const [a, counts] of [...perJudge].sort((x, y) => x[0] - y[0])) {
    const row: Record<string, number> = {};
    if (r.scale === 'nominal')
      r.categories.forEach((c, i) =>
        Object.defineProperty(row, c, { value: counts[i], enumerable: true, writable: true, configurable: true }),
      );
    else {
      for (const l of PREFERENCE_LABELS) row[l] = 0;
      r.categories.forEach((_, i) => (row[PREFERENCE_LABELS[r.fivePoint[i]]] += counts[i]));
    }
    Object.defineProperty(out, r.annotators[a], { value: row, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * The label map a load used: raw value → label (or category), over every reading (a value read two ways by two
 * files keeps the first). Values read per judgement (model names) and unread values are left out; null when no
 * label was read.
 */
export function effectiveLabelMap(readings: LabelReadingReport[]): Record<string, string> | null {
  const out: Record<string, string> = {};
  let any = false;
  for (const r of readings) {
    for (const [raw, label] of Object.entries(r.map)) {
      if (
        label === null ||
        Object.hasOwn(out, raw) ||
        (r.convention === 'model-names' && !['A>>', 'A>', '=', 'B>', 'B>>'].includes(label))
      )
        continue;
      Object.defineProperty(out, raw, { value: label, enumerable: true, writable: true, configurable: true });
      any = true;
    }
  }
  return any ? out : null;
}

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
  const label_counts: Record<string, number> =
    r.scale === 'nominal' ? Object.fromEntries(r.categories.map((c, i) => [c, counts[i]])) : {};
  if (r.scale !== 'nominal') {
    for (const l of PREFERENCE_LABELS) label_counts[l] = 0;
    r.categories.forEach((_, i) => (label_counts[PREFERENCE_LABELS[r.fivePoint[i]]] += counts[i]));
  }
  const pairs = modelPairs(loaded);
  const itemsWithJudgements = new Uint8Array(r.items.length);
  for (let j = 0; j < r.n; j++) itemsWithJudgements[r.item[j]] = 1;
  return {
    files: loaded.fileInfos.map((f, i) => {
      const stats = loaded.fileStats[i];
      return {
        name: f.name,
        bytes: f.bytes,
        sha256: digests[i] ?? null,
        format: f.adapter,
        rows: stats?.rows ?? 0,
        judgements: stats?.judgements ?? 0,
        rows_dropped: stats?.dropped ?? 0,
        judge: stats?.judge ?? null,
      };
    }),
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
    warnings: loaded.warnings,
    shared_item_ids: loaded.sharedIds.map(({ file, with: others, items }) => ({ file, with: others, items })),
    label_readings: loaded.readings.map(({ files, columns, reading, map }) => ({
      files,
      columns,
      convention: reading.convention,
      description: reading.description,
      chosen: reading.chosen,
      ambiguous: reading.ambiguous,
      map,
      candidates: reading.candidates,
    })),
    pair_statistics: pairStatistics(loaded),
    model_pairs: pairs.rows,
    model_pairs_source: pairs.source,
    judge_label_counts: judgeLabelCounts(r),
  };
}
