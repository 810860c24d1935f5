import { naturalCompare } from '../core/naturalOrder';
import { histogram } from '../core/histogram';
import { judgementFilter } from '../core/judgementFilter';
import { labelsPerAnnotator } from '../core/labelsPerAnnotator';
import { labelsPerItem } from '../core/labelsPerItem';
import { AI } from '../core/types';
import type { FileInfo, LoadResult } from '../parse/loadFiles';
import type { ReadingCandidate } from '../parse/labelReading';
import type { InputSection } from '../sections/inputSection';

export interface PairPreview {
  item: string;
  prompt: string | null;
  responseA: string | null;
  responseB: string | null;
  modelA: string | null;
  modelB: string | null;
  gold: string | null;
  judgements: { annotator: string; kind: 'human' | 'ai'; label: string }[];
}

/**
 * A label reading the page must ask about before computing: more than one reading fits the values. `key` is
 * what the answer is stored under in `labelsAre`: `*` when one reading covers every file, else the file's name.
 */
export interface LabelQuestion {
  key: string;
  files: string[];
  columns: string[];
  /** the readings that fit, the guess first, each with the judgements per label it gives */
  candidates: ReadingCandidate[];
}

/** What the overview panel shows: the report's `input` section plus the distributions behind it. */
export interface Overview {
  input: InputSection;
  fileInfos: FileInfo[];
  /** ambiguous label readings not settled by the user: the page asks before it computes */
  labelQuestions: LabelQuestion[];
  reading: string;
  categories: string[];
  issueCount: number;
  /** labelsPerItem[m] = items with m human labels (overall dimension) */
  labelsPerItem: number[];
  /** every annotator and AI judge with a label on the overall dimension, most labels first; `labelCounts` per category */
  annotators: { id: string; kind: 'human' | 'ai'; labels: number; labelCounts: number[] }[];
  /** slice columns (50 values or fewer): name, how many values, and the values in natural order */
  slices: { name: string; values: number; valueNames: string[] }[];
  attributeColumns: string[];
  goldItems: number;
  hasTime: boolean;
  /** the judgements carry a timestamp (agreement can be read per day or week) */
  hasTimestamp: boolean;
  hasTexts: boolean;
  preview: PairPreview[];
}

/** Builds the overview from loaded judgements. `previewItems` pairs are shown with their texts. */
export function overview(loaded: LoadResult, input: InputSection, previewItems = 5): Overview {
  const r = loaded.ratings;
  const human = judgementFilter(r);
  const perItem = labelsPerItem(r, human);
  // counted on the overall dimension, as the annotator table counts them
  const overall = judgementFilter(r, { kind: null });
  const perAnnotator = labelsPerAnnotator(r, overall);
  const byLabel = r.annotators.map(() => new Array<number>(r.categories.length).fill(0));
  for (let j = 0; j < r.n; j++) if (overall[j] && r.label[j] >= 0) byLabel[r.annotator[j]][r.label[j]]++;
  const annotators = r.annotators
    .map((id, a) => ({
      id,
      kind: r.annotatorKind[a] === AI ? ('ai' as const) : ('human' as const),
      labels: perAnnotator[a],
      labelCounts: byLabel[a],
    }))
    .filter((a) => a.labels > 0)
    .sort((x, y) => y.labels - x.labels || (x.id < y.id ? -1 : 1));
  const perFile = loaded.readings.length > 1;
  return {
    input,
    fileInfos: loaded.fileInfos,
    labelQuestions: loaded.readings
      .filter((x) => x.reading.ambiguous && x.reading.chosen === 'guess')
      .map((x) => ({
        key: perFile ? x.files[0] : '*',
        files: x.files,
        columns: x.columns,
        candidates: x.reading.candidates,
      })),
    reading: loaded.reading.description,
    categories: r.categories,
    issueCount: loaded.issueCount,
    labelsPerItem: histogram(perItem),
    annotators,
    slices: r.slices.map((s) => ({
      name: s.name,
      values: s.values.length,
      valueNames: [...s.values].sort(naturalCompare),
    })),
    attributeColumns: loaded.attributeColumns,
    goldItems: r.itemGold.reduce((s, g) => s + (g >= 0 ? 1 : 0), 0),
    hasTime: r.time !== null,
    hasTimestamp: r.timestamp !== null,
    hasTexts: loaded.texts.prompt.length > 0 || loaded.texts.responseA.length > 0,
    preview: pairPreviews(loaded, firstItems(r.items.length, previewItems)),
  };
}

/**
 * The Overview's human label counts with the removed annotators left out (every other fact of the Overview
 * describes the file as read): the kept human annotators, how many were removed, the judgements per label of
 * the kept ones (the labels of the input section, in its order) and their total.
 */
export function keptLabels(o: Overview, removed: readonly string[]) {
  const gone = new Set(removed);
  const humans = o.annotators.filter((a) => a.kind === 'human');
  const kept = humans.filter((a) => !gone.has(a.id));
  const index = new Map(o.categories.map((c, k) => [c, k]));
  const labelCounts = Object.keys(o.input.label_counts).map((label) => {
    const k = index.get(label);
    return { label, count: k === undefined ? 0 : kept.reduce((s, a) => s + a.labelCounts[k], 0) };
  });
  return {
    humans: kept,
    removed: humans.length - kept.length,
    labelCounts,
    total: labelCounts.reduce((s, c) => s + c.count, 0),
  };
}

function firstItems(n: number, k: number): number[] {
  return Array.from({ length: Math.min(n, k) }, (_, i) => i);
}

/** The texts and judgements of some items (for the preview and the data behind a number). */
export function pairPreviews(loaded: LoadResult, items: number[]): PairPreview[] {
  const r = loaded.ratings;
  const wanted = new Map(items.map((i, k) => [i, k]));
  const out: PairPreview[] = items.map((i) => ({
    item: r.items[i],
    prompt: loaded.texts.prompt[i] ?? null,
    responseA: loaded.texts.responseA[i] ?? null,
    responseB: loaded.texts.responseB[i] ?? null,
    modelA: loaded.models.a[i] ?? null,
    modelB: loaded.models.b[i] ?? null,
    gold: r.itemGold[i] >= 0 ? r.categories[r.itemGold[i]] : null,
    judgements: [],
  }));
  for (let j = 0; j < r.n; j++) {
    const k = wanted.get(r.item[j]);
    if (k === undefined) continue;
    const a = r.annotator[j];
    out[k].judgements.push({
      annotator: r.annotators[a],
      kind: r.annotatorKind[a] === AI ? 'ai' : 'human',
      label: r.categories[r.label[j]],
    });
  }
  return out;
}
