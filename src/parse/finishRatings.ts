import { AI, type Ratings, type Scale, type Slice } from '../core/types';
import { MAX_SLICE_VALUES, clip, type Encoder } from './encoder';
import { Growable } from './growable';
import { chooseLabelReading, inferScale, scaleCategories, type LabelReading } from './labelReading';
import type { Issue } from './types';

export const AI_JUDGE = 'ai_judge';

export interface LabelOptions {
  labelMap?: Record<string, string> | null;
  scale?: Scale | null;
}

/** Everything read from the files: the coded judgements plus what the page shows beside them. */
export interface Loaded {
  ratings: Ratings;
  /** per judgement: its 1-based row in its file (-1 for an AI verdict given per item) and the file's index */
  row: Int32Array;
  file: Int32Array;
  files: string[];
  /** per item */
  texts: { prompt: (string | undefined)[]; responseA: (string | undefined)[]; responseB: (string | undefined)[] };
  models: { a: (string | undefined)[]; b: (string | undefined)[] };
  scores: { a: Float64Array; b: Float64Array } | null;
  /** per item: its embedding, row i of `values` (items × dim; NaN for an item without one); null when none was read */
  embeddings: { dim: number; values: Float32Array } | null;
  reading: LabelReading;
  /** columns with more than 50 values: kept as attributes, not slices */
  attributeColumns: string[];
  issues: Issue[];
  issueCount: number;
  rowsDropped: number;
  /** judgements replaced by a later one for the same item, annotator and dimension */
  duplicates: number;
}

/**
 * Chooses the label reading from every raw label seen, codes the labels on the scale, adds the AI judge's
 * per-item verdicts as judgements of kind `ai`, resolves duplicates (same item, annotator, dimension:
 * the last wins, by timestamp when there is one) and builds the `Ratings`.
 */
export function finishRatings(enc: Encoder, options: LabelOptions = {}): Loaded {
  const attrs = enc.attributes;
  const nItems = enc.items.size;
  attrs.goldRaw.ensure(nItems);
  attrs.aiRaw.ensure(nItems);
  attrs.goldFlag.ensure(nItems);
  const { reading, scale, categories, fivePoint, toCategoryOf } = chooseReadings(enc, options);
  const aiRaw = attrs.aiRaw.view();
  const aiCode = aiRaw.some((c) => c >= 0) ? enc.annotators.code(AI_JUDGE) : -1;
  const kind = new Uint8Array(enc.annotators.size);
  if (aiCode >= 0) kind[aiCode] = AI;
  for (const a of enc.aiAnnotators) kind[a] = AI;
  const n0 = enc.item.length;
  // label and origin of each judgement kept: an index into the encoder's arrays, or -1 - item for an AI verdict
  const labels = new Int32Array(n0 + nItems);
  const from = new Int32Array(n0 + nItems);
  let kept = 0;
  const encItem = enc.item.view();
  const encAnnotator = enc.annotator.view();
  const encFile = enc.file.view();
  const encRow = enc.row.view();
  const encDimension = enc.dimension.view();
  // the column a judgement's label came from: a rubric column (named as its dimension), the label column, or
  // in a wide file the annotator's column
  const labelColumn = (j: number) => {
    const dimension = enc.dimensions.values[encDimension[j]];
    if (enc.fileRubricColumns[encFile[j]]?.includes(dimension)) return dimension;
    return enc.fileLabelColumn[encFile[j]] ?? enc.annotators.values[encAnnotator[j]];
  };
  const rawLabel = enc.rawLabel.view();
  for (let j = 0; j < n0; j++) {
    const c = toCategoryOf(encFile[j])[rawLabel[j]];
    if (c < 0) {
      enc.issue({ file: enc.files[encFile[j]], row: encRow[j], column: labelColumn(j), message: unknownLabel(enc.rawLabels.values[rawLabel[j]], scale, reading) }, true);
      continue;
    }
    labels[kept] = c;
    from[kept++] = j;
  }
  for (let i = 0; i < nItems; i++) {
    if (aiRaw[i] < 0) continue;
    const c = toCategoryOf(attrs.aiFile.get(i))[aiRaw[i]];
    if (c < 0) {
      enc.issue({ file: enc.files[attrs.aiFile.get(i)], row: attrs.aiRow.get(i), column: enc.fileAiColumn[attrs.aiFile.get(i)] ?? null, message: unknownLabel(enc.rawLabels.values[aiRaw[i]], scale, reading) }, true);
      continue;
    }
    labels[kept] = c;
    from[kept++] = -1 - i;
  }
  const itemGold = new Int32Array(nItems).fill(-1);
  const goldRaw = attrs.goldRaw.view();
  const goldFlag = attrs.goldFlag.view();
  for (let i = 0; i < nItems; i++) {
    if (!goldFlag[i]) continue;
    if (goldRaw[i] < 0) {
      enc.issue({ file: enc.files[0], row: null, column: null, message: `item "${clip(enc.items.values[i])}" is marked gold but has no gold label` });
      continue;
    }
    const c = toCategoryOf(attrs.goldFile.get(i))[goldRaw[i]];
    if (c < 0) enc.issue({ file: enc.files[0], row: null, column: 'gold_label', message: `item "${clip(enc.items.values[i])}": ${unknownLabel(enc.rawLabels.values[goldRaw[i]], scale, reading)}` });
    else itemGold[i] = c;
  }
  const keep = dropDuplicates(enc, from.subarray(0, kept));
  const duplicates = kept - keep.length;
  const n = keep.length;
  const pick = <T extends Int32Array | Float64Array | Uint8Array>(src: T, ai: number, out: T): T => {
    for (let k = 0; k < n; k++) {
      const j = from[keep[k]];
      out[k] = j >= 0 ? src[j] : ai;
    }
    return out;
  };
  const item = new Int32Array(n);
  const annotator = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const j = from[keep[k]];
    item[k] = j >= 0 ? encItem[j] : -1 - j;
    annotator[k] = j >= 0 ? encAnnotator[j] : aiCode;
  }
  const ratings: Ratings = {
    n,
    item,
    annotator,
    label: gather(Int32Array, keep, (k) => labels[k]),
    dimension: overallFirst(pick(enc.dimension.view(), aiCode >= 0 ? enc.dimensions.code('overall') : 0, new Int32Array(n)), enc.dimensions.values),
    items: enc.items.values,
    annotators: enc.annotators.values,
    annotatorKind: kind,
    dimensions: enc.dimensions.size ? orderDimensions(enc.dimensions.values) : ['overall'],
    scale,
    categories,
    fivePoint: Int8Array.from(fivePoint),
    time: enc.present.has('time') ? pick(enc.time.view(), NaN, new Float64Array(n)) : null,
    timestamp: enc.present.has('timestamp') ? pick(enc.timestamp.view(), NaN, new Float64Array(n)) : null,
    shownFirst: enc.present.has('shownFirst') ? pick(enc.shownFirst.view(), 255, new Uint8Array(n)) : null,
    aiConfidence: enc.present.has('aiConfidence') ? gather(Float64Array, keep, (k) => (from[k] < 0 ? attrs.aiConfidence.get(-1 - from[k]) : enc.confidence.get(from[k]))) : null,
    itemGold,
    slices: [],
  };
  const { slices, attributeColumns } = buildSlices(enc, ratings, from, keep);
  const modelPair = modelPairSlice(ratings, attrs.modelA, attrs.modelB);
  ratings.slices = modelPair && !slices.some((s) => s.name === modelPair.name) ? [...slices, modelPair] : slices;
  return {
    ratings,
    row: gather(Int32Array, keep, (k) => (from[k] >= 0 ? encRow[from[k]] : attrs.aiRow.get(-1 - from[k]))),
    file: gather(Int32Array, keep, (k) => (from[k] >= 0 ? encFile[from[k]] : attrs.aiFile.get(-1 - from[k]))),
    files: enc.files,
    texts: { prompt: attrs.prompt, responseA: attrs.responseA, responseB: attrs.responseB },
    models: { a: attrs.modelA, b: attrs.modelB },
    scores: enc.present.has('scoreA') || enc.present.has('scoreB') ? { a: sized(attrs.scoreA, nItems), b: sized(attrs.scoreB, nItems) } : null,
    embeddings: attrs.embeddings.dim > 0 ? { dim: attrs.embeddings.dim, values: attrs.embeddings.values(nItems) } : null,
    reading,
    attributeColumns,
    issues: sortIssues(enc.issues, enc.files),
    issueCount: enc.issueCount,
    rowsDropped: enc.rowsDropped,
    duplicates,
  };
}

/** Dimension names with `overall` first (code 0 is the dimension every section reads). */
function orderDimensions(names: readonly string[]): string[] {
  const k = names.indexOf('overall');
  return k <= 0 ? [...names] : ['overall', ...names.filter((_, i) => i !== k)];
}

/** Recodes dimension codes (in place) for `orderDimensions(names)`. */
function overallFirst(codes: Int32Array, names: readonly string[]): Int32Array {
  const k = names.indexOf('overall');
  if (k <= 0) return codes;
  for (let j = 0; j < codes.length; j++) codes[j] = codes[j] === k ? 0 : codes[j] < k ? codes[j] + 1 : codes[j];
  return codes;
}

function sized(g: Growable<Float64Array>, n: number): Float64Array {
  g.ensure(n);
  return g.copy().subarray(0, n);
}

function unknownLabel(raw: string, scale: Scale, reading: LabelReading): string {
  // "not on the binary scale" only for a label the reading knows (a tie); a value it cannot read is unknown
  const known = reading.preference && (reading.code.get(raw) ?? -1) >= 0;
  return scale === 'binary' && known ? `label "${clip(raw)}" is not on the binary scale` : `unknown label "${clip(raw)}"`;
}

/** How many times each raw label occurs, per file (judgements, per-item AI verdicts and gold labels). */
function rawCountsByFile(enc: Encoder): Float64Array[] {
  const attrs = enc.attributes;
  const out = enc.files.map(() => new Float64Array(enc.rawLabels.size));
  const raw = enc.rawLabel.view();
  const file = enc.file.view();
  for (let j = 0; j < raw.length; j++) out[file[j]][raw[j]]++;
  const n = enc.items.size;
  for (let i = 0; i < n; i++) {
    if (attrs.aiRaw.get(i) >= 0) out[attrs.aiFile.get(i)][attrs.aiRaw.get(i)]++;
    if (attrs.goldRaw.get(i) >= 0) out[attrs.goldFile.get(i)][attrs.goldRaw.get(i)]++;
  }
  return out;
}

function countMap(raws: readonly string[], counts: ArrayLike<number>): Map<string, number> {
  const m = new Map<string, number>();
  raws.forEach((v, i) => {
    if (counts[i] > 0) m.set(v, counts[i]);
  });
  return m;
}

/**
 * One reading for every raw label of the load; but when that reading is not a preference one while each
 * file's own labels are (annotations coded 0 / 1 / 2 beside a judge file saying A / B / tie), each file is
 * read with its own reading onto one preference scale. A label map or a stated nominal scale is one reading.
 */
function chooseReadings(enc: Encoder, options: LabelOptions) {
  const raws = enc.rawLabels.values;
  const byFile = rawCountsByFile(enc);
  const total = new Float64Array(raws.length);
  for (const counts of byFile) counts.forEach((c, i) => (total[i] += c));
  const reading = chooseLabelReading(countMap(raws, total), options);
  const chosen = options.scale ?? null;
  const used = byFile.map((counts) => counts.some((c) => c > 0));
  const own = byFile.map((counts, f) => (used[f] ? chooseLabelReading(countMap(raws, counts), options) : null));
  const perFile = !reading.preference && !options.labelMap && chosen !== 'nominal' && own.filter(Boolean).length > 1 && own.every((r) => r === null || r.preference);
  if (!perFile) {
    const coded = codeLabels(reading, raws, total, chosen);
    return { reading, ...coded, toCategoryOf: () => coded.toCategory };
  }
  const five = own.map((r) => Int32Array.from(raws, (v) => r?.code.get(v) ?? -1));
  const present: number[] = [];
  byFile.forEach((counts, f) => counts.forEach((c, i) => c > 0 && five[f][i] >= 0 && present.push(five[f][i])));
  const scale = chosen ?? inferScale(present);
  const { categories, fromFivePoint, fivePoint } = scaleCategories(scale);
  const toCategory = five.map((codes) => codes.map((c) => (c < 0 ? -1 : fromFivePoint[c])));
  const description = own.map((r, f) => (r ? `${enc.files[f]}: ${r.description}` : '')).filter(Boolean).join('; ');
  return {
    reading: { preference: true, description: `each file its own reading — ${description}`, code: new Map<string, number>(), categories: [] },
    scale: scale as Scale,
    categories,
    fivePoint,
    toCategoryOf: (f: number) => toCategory[f] ?? toCategory[0],
  };
}

/**
 * The scale and the category of each raw label on it (-1: not a label there): nominal when the reading is
 * not a preference one, else the chosen scale, else the one implied by the 5-point codes of the raw
 * labels seen (count > 0).
 */
export function codeLabels(reading: LabelReading, raws: readonly string[], rawCounts: ArrayLike<number>, chosen: Scale | null) {
  if (!reading.preference) {
    return { scale: 'nominal' as Scale, categories: reading.categories, toCategory: Int32Array.from(raws, (r) => reading.code.get(r) ?? -1), fivePoint: reading.categories.map(() => -1) };
  }
  const five = raws.map((r) => reading.code.get(r) ?? -1);
  const scale = chosen && chosen !== 'nominal' ? chosen : inferScale(five.filter((c, i) => c >= 0 && rawCounts[i] > 0));
  const { categories, fromFivePoint, fivePoint } = scaleCategories(scale);
  return { scale: scale as Scale, categories, toCategory: Int32Array.from(five, (c) => (c < 0 ? -1 : fromFivePoint[c])), fivePoint };
}

/**
 * Indices (into `from`) of the judgements kept: for each (item, annotator, dimension) the last one, by
 * timestamp when both have one, else by order of reading. Each replaced judgement becomes an issue.
 */
function dropDuplicates(enc: Encoder, from: Int32Array): Int32Array {
  const n = from.length;
  const nItems = enc.items.size;
  const encItem = enc.item.view();
  const encFile = enc.file.view();
  const encRow = enc.row.view();
  const itemOf = (k: number) => (from[k] >= 0 ? encItem[from[k]] : -1 - from[k]);
  const start = new Int32Array(nItems + 1);
  for (let k = 0; k < n; k++) start[itemOf(k) + 1]++;
  for (let i = 0; i < nItems; i++) start[i + 1] += start[i];
  const next = start.slice(0, nItems);
  const byItem = new Int32Array(n);
  for (let k = 0; k < n; k++) byItem[next[itemOf(k)]++] = k;
  const dropped = new Uint8Array(n);
  const ann = enc.annotator.view();
  const dim = enc.dimension.view();
  const ts = enc.timestamp.view();
  const aiCode = enc.annotators.lookup(AI_JUDGE);
  let nDropped = 0;
  for (let i = 0; i < nItems; i++) {
    for (let p = start[i] + 1; p < start[i + 1]; p++) {
      const k = byItem[p];
      const j = from[k];
      const a = j >= 0 ? ann[j] : aiCode;
      const d = j >= 0 ? dim[j] : 0;
      for (let q = start[i]; q < p; q++) {
        const k2 = byItem[q];
        const j2 = from[k2];
        if (dropped[k2] || (j2 >= 0 ? ann[j2] : aiCode) !== a || (j2 >= 0 ? dim[j2] : 0) !== d) continue;
        const laterWins = j >= 0 && j2 >= 0 && ts[j] < ts[j2] ? k2 : k; // NaN compares false: order of reading
        const loser = laterWins === k ? k2 : k;
        dropped[loser] = 1;
        nDropped++;
        const jl = from[loser];
        enc.issue(
          { file: enc.files[jl >= 0 ? encFile[jl] : 0], row: jl >= 0 ? encRow[jl] : null, column: null, message: `duplicate judgement of item "${clip(enc.items.values[i])}" by "${clip(enc.annotators.values[a])}": replaced by a later one` },
          true,
        );
        if (loser === k) break;
      }
    }
  }
  const keep = new Int32Array(n - nDropped);
  for (let k = 0, o = 0; k < n; k++) if (!dropped[k]) keep[o++] = k;
  return keep;
}

/** Slices from the candidate columns with at most 50 values; the others are attributes. */
function buildSlices(enc: Encoder, ratings: Ratings, from: Int32Array, keep: Int32Array): { slices: Slice[]; attributeColumns: string[] } {
  const slices: Slice[] = [];
  const attributeColumns: string[] = [];
  for (const [name, s] of enc.slices) {
    if (s.code === null) {
      attributeColumns.push(name);
      continue;
    }
    s.code.ensure(enc.item.length);
    const codes = s.code.view();
    const firstOfItem = new Int32Array(ratings.items.length).fill(-1);
    const encItem = enc.item.view();
    for (let j = 0; j < encItem.length; j++) if (firstOfItem[encItem[j]] < 0) firstOfItem[encItem[j]] = codes[j];
    const values = [...s.values.values];
    let missing = -1;
    const code = gather(Int32Array, keep, (k) => {
      const c = from[k] >= 0 ? codes[from[k]] : firstOfItem[-1 - from[k]];
      if (c >= 0) return c;
      if (missing < 0) missing = values.push('(missing)') - 1;
      return missing;
    });
    slices.push({ name, values, code });
  }
  return { slices, attributeColumns };
}

/** Issues in reading order: by file, then row (problems of a whole file first). */
function sortIssues(issues: Issue[], files: string[]): Issue[] {
  const fileOrder = (f: string) => {
    const i = files.indexOf(f);
    return i < 0 ? files.length : i;
  };
  return issues.sort((a, b) => fileOrder(a.file) - fileOrder(b.file) || (a.row ?? -1) - (b.row ?? -1));
}

/**
 * The derived slice `model_pair` ("a vs b", the two names sorted, so order does not split a pair) when
 * both model columns are present and there are at most 50 pairs.
 */
function modelPairSlice(r: Ratings, a: (string | undefined)[], b: (string | undefined)[]): Slice | null {
  if (!a.some(Boolean) || !b.some(Boolean)) return null;
  const values: string[] = [];
  const index = new Map<string, number>();
  const ofItem = new Int32Array(r.items.length);
  for (let i = 0; i < r.items.length; i++) {
    const key = a[i] && b[i] ? [a[i], b[i]].sort().join(' vs ') : '(missing)';
    let c = index.get(key);
    if (c === undefined) {
      c = values.push(key) - 1;
      index.set(key, c);
      if (values.length > MAX_SLICE_VALUES) return null;
    }
    ofItem[i] = c;
  }
  return { name: 'model_pair', values, code: Int32Array.from(r.item, (i) => ofItem[i]) };
}

/** `f` of each kept index into a new typed array (a plain loop: much faster than `TypedArray.from`). */
function gather<T extends Int32Array | Float64Array>(ctor: { new (n: number): T }, keep: Int32Array, f: (k: number) => number): T {
  const out = new ctor(keep.length);
  for (let i = 0; i < keep.length; i++) out[i] = f(keep[i]);
  return out;
}
