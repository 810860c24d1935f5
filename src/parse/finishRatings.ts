import { AI, PREFERENCE_LABELS, type Ratings, type Scale, type Slice } from '../core/types';
import { AI_JUDGE, MAX_SLICE_VALUES, clip, type Encoder } from './encoder';
import { Growable } from './growable';
import { BY_MODEL_NAME, NOMINAL } from './labelConventions';
import {
  chooseLabelReading,
  inferScale,
  scaleCategories,
  type LabelReading,
  type ModelNameMatches,
} from './labelReading';
import type { Issue, Warning } from './types';

export { AI_JUDGE };

export interface LabelOptions {
  labelMap?: Record<string, string> | null;
  scale?: Scale | null;
  /** a label convention id per file name, or for every file under `*` (`--labels-are`, the page's answer) */
  labelsAre?: Record<string, string> | null;
}

/** The reading of the labels of some files: all files with labels, or one file when each is read its own way. */
export interface FileReading {
  files: string[];
  /** the label columns it read (for warnings) */
  columns: string[];
  reading: LabelReading;
  /** the value each raw label was read as: a preference label (`A>`), a category, or null when unread */
  map: Record<string, string | null>;
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
  /** every reading used (one for all files, or one per file) */
  readings: FileReading[];
  /** what was guessed or left out, one line each (the report's `input.warnings`) */
  warnings: Warning[];
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
  // columns set only where a file has them cover every judgement from here on
  enc.namesModel.ensure(enc.item.length);
  if (enc.present.has('time')) enc.time.ensure(enc.item.length);
  if (enc.present.has('timestamp')) enc.timestamp.ensure(enc.item.length);
  if (enc.present.has('shownFirst')) enc.shownFirst.ensure(enc.item.length);
  attrs.goldRaw.ensure(nItems);
  attrs.goldFlag.ensure(nItems);
  const sources = attrs.aiSources.filter((s) => s.raw.view().some((c) => c >= 0));
  for (const s of sources) for (const g of [s.raw, s.confidence, s.row, s.file]) g.ensure(nItems);
  const { reading, readings, warnings, scale, categories, fivePoint, toCategoryOf } = chooseReadings(enc, options);
  const sourceCodes = sources.map((s) => enc.annotators.code(s.name));
  const kind = new Uint8Array(enc.annotators.size);
  for (const a of sourceCodes) kind[a] = AI;
  for (const a of enc.aiAnnotators) kind[a] = AI;
  const n0 = enc.item.length;
  const nAi = sources.length * nItems;
  // label and origin of each judgement kept: an index into the encoder's arrays, or -1 - (source × items + item) for a per-item AI verdict
  const labels = new Int32Array(n0 + nAi);
  const from = new Int32Array(n0 + nAi);
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
  const namesModel = enc.namesModel.view();
  for (let j = 0; j < n0; j++) {
    const c = toCategoryOf(encFile[j], rawLabel[j], namesModel[j]);
    if (c < 0) {
      enc.issue(
        {
          file: enc.files[encFile[j]],
          row: encRow[j],
          column: labelColumn(j),
          message: unknownLabel(enc.rawLabels.values[rawLabel[j]], scale, reading),
        },
        true,
      );
      continue;
    }
    labels[kept] = c;
    from[kept++] = j;
  }
  const mirror = mirroredCategories(scale, fivePoint);
  sources.forEach((source, s) => {
    const raw = source.raw.view();
    for (let i = 0; i < nItems; i++) {
      if (raw[i] < 0) continue;
      const file = source.file.get(i);
      const named = modelNamedOf(enc, i, raw[i]);
      const read = toCategoryOf(file, raw[i], named);
      // a verdict as shown is mirrored, unless it names a model: a model's name is its side whatever the order
      const c = source.mirrored && read >= 0 && named === 0 ? mirror[read] : read;
      if (c < 0) {
        const label = enc.rawLabels.values[raw[i]];
        enc.issue(
          {
            file: enc.files[file],
            row: source.row.get(i),
            column: source.column,
            message:
              read < 0
                ? unknownLabel(label, scale, reading)
                : `"${clip(label)}" is a verdict as shown with A and B exchanged, but a ${scale} scale has no mirror of it`,
          },
          true,
        );
        continue;
      }
      labels[kept] = c;
      from[kept++] = -1 - (s * nItems + i);
    }
  });
  // an AI verdict's origin: its source and item
  const aiOf = (f: number) => ({ s: Math.floor((-1 - f) / nItems), i: (-1 - f) % nItems });
  const itemGold = new Int32Array(nItems).fill(-1);
  const goldRaw = attrs.goldRaw.view();
  const goldFlag = attrs.goldFlag.view();
  for (let i = 0; i < nItems; i++) {
    if (!goldFlag[i]) continue;
    if (goldRaw[i] < 0) {
      enc.issue({
        file: enc.files[0],
        row: null,
        column: null,
        message: `item "${clip(enc.items.values[i])}" is marked gold but has no gold label`,
      });
      continue;
    }
    const c = toCategoryOf(attrs.goldFile.get(i), goldRaw[i], modelNamedOf(enc, i, goldRaw[i]));
    if (c < 0)
      enc.issue({
        file: enc.files[0],
        row: null,
        column: 'gold_label',
        message: `item "${clip(enc.items.values[i])}": ${unknownLabel(enc.rawLabels.values[goldRaw[i]], scale, reading)}`,
      });
    else itemGold[i] = c;
  }
  const survivors = dropDuplicates(enc, from.subarray(0, kept), nItems, sourceCodes);
  const n = survivors ? survivors.length : kept;
  const duplicates = kept - n;
  // every judgement kept, in reading order, with no per-item AI verdicts: the encoder's arrays are the
  // ratings' own (no copy, so a large file needs its judgements in memory only once)
  const identity = survivors === null && sources.length === 0 && kept === n0;
  const keep = survivors ?? (identity ? new Int32Array(0) : Int32Array.from({ length: kept }, (_, k) => k));
  const pick = <T extends Int32Array | Float64Array | Uint8Array>(
    src: T,
    ai: number,
    ctor: { new (n: number): T },
  ): T => {
    if (identity) return src;
    const out = new ctor(n);
    for (let k = 0; k < n; k++) {
      const j = from[keep[k]];
      out[k] = j >= 0 ? src[j] : ai;
    }
    return out;
  };
  let item = encItem;
  let annotator = encAnnotator;
  if (!identity) {
    item = new Int32Array(n);
    annotator = new Int32Array(n);
    for (let k = 0; k < n; k++) {
      const j = from[keep[k]];
      if (j >= 0) {
        item[k] = encItem[j];
        annotator[k] = encAnnotator[j];
      } else {
        const { s, i } = aiOf(j);
        item[k] = i;
        annotator[k] = sourceCodes[s];
      }
    }
  }
  const aiSourceOf = (f: number) => sources[aiOf(f).s];
  const ratings: Ratings = {
    n,
    item,
    annotator,
    label: identity ? labels.subarray(0, n) : gather(Int32Array, keep, (k) => labels[k]),
    dimension: overallFirst(
      pick(enc.dimension.view(), sources.length > 0 ? enc.dimensions.code('overall') : 0, Int32Array),
      enc.dimensions.values,
    ),
    items: enc.items.values,
    annotators: shownNames(enc),
    annotatorKind: kind,
    dimensions: enc.dimensions.size ? orderDimensions(enc.dimensions.values) : ['overall'],
    scale,
    categories,
    fivePoint: Int8Array.from(fivePoint),
    time: enc.present.has('time') ? pick(enc.time.view(), NaN, Float64Array) : null,
    timestamp: enc.present.has('timestamp') ? pick(enc.timestamp.view(), NaN, Float64Array) : null,
    shownFirst: enc.present.has('shownFirst') ? pick(enc.shownFirst.view(), 255, Uint8Array) : null,
    aiConfidence: !enc.present.has('aiConfidence')
      ? null
      : identity
        ? (enc.confidence.ensure(n), enc.confidence.view())
        : gather(Float64Array, keep, (k) =>
            from[k] < 0 ? aiSourceOf(from[k]).confidence.get(aiOf(from[k]).i) : enc.confidence.get(from[k]),
          ),
    itemGold,
    slices: [],
  };
  const { slices, attributeColumns } = buildSlices(enc, ratings, from, identity ? null : keep, (f) => aiOf(f).i);
  const modelPair = modelPairSlice(ratings, attrs.modelA, attrs.modelB);
  ratings.slices = modelPair && !slices.some((s) => s.name === modelPair.name) ? [...slices, modelPair] : slices;
  return {
    ratings,
    row: identity
      ? encRow
      : gather(Int32Array, keep, (k) =>
          from[k] >= 0 ? encRow[from[k]] : aiSourceOf(from[k]).row.get(aiOf(from[k]).i),
        ),
    file: identity
      ? encFile
      : gather(Int32Array, keep, (k) =>
          from[k] >= 0 ? encFile[from[k]] : aiSourceOf(from[k]).file.get(aiOf(from[k]).i),
        ),
    files: enc.files,
    texts: { prompt: attrs.prompt, responseA: attrs.responseA, responseB: attrs.responseB },
    models: { a: attrs.modelA, b: attrs.modelB },
    scores:
      enc.present.has('scoreA') || enc.present.has('scoreB')
        ? { a: sized(attrs.scoreA, nItems), b: sized(attrs.scoreB, nItems) }
        : null,
    embeddings:
      attrs.embeddings.dim > 0 ? { dim: attrs.embeddings.dim, values: attrs.embeddings.values(nItems) } : null,
    reading,
    readings,
    warnings,
    attributeColumns,
    issues: sortIssues(enc.issues, enc.files),
    issueCount: enc.issueCount,
    rowsDropped: enc.rowsDropped,
    duplicates,
  };
}

/** The annotators' names: each id under its alias when it has one that no other annotator already uses. */
function shownNames(enc: Encoder): string[] {
  const ids = enc.annotators.values;
  if (enc.aliases.size === 0) return ids;
  const taken = new Set(ids);
  return ids.map((id) => {
    const name = enc.aliases.get(id);
    if (name === undefined || taken.has(name)) return id;
    taken.add(name);
    return name;
  });
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
  return scale === 'binary' && known
    ? `label "${clip(raw)}" is not on the binary scale`
    : `unknown label "${clip(raw)}"`;
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
    for (const s of attrs.aiSources) if (s.raw.get(i) >= 0) out[s.file.get(i)][s.raw.get(i)]++;
    if (attrs.goldRaw.get(i) >= 0) out[attrs.goldFile.get(i)][attrs.goldRaw.get(i)]++;
  }
  return out;
}

/** Per file, per raw label: how many of its judgements (and per-item verdicts, gold labels) name the pair's model A and model B. */
function modelMatchesByFile(enc: Encoder): ModelNameMatches[] {
  const out = enc.files.map((): ModelNameMatches => new Map());
  const raws = enc.rawLabels.values;
  const add = (f: number, raw: number, side: number) => {
    if (side === 0) return;
    const m = out[f];
    const v = m.get(raws[raw]) ?? [0, 0];
    v[side - 1]++;
    m.set(raws[raw], v);
  };
  const raw = enc.rawLabel.view();
  const file = enc.file.view();
  const named = enc.namesModel.view();
  for (let j = 0; j < raw.length; j++) add(file[j], raw[j], named[j]);
  const attrs = enc.attributes;
  for (let i = 0; i < enc.items.size; i++) {
    for (const s of attrs.aiSources)
      if (s.raw.get(i) >= 0) add(s.file.get(i), s.raw.get(i), modelNamedOf(enc, i, s.raw.get(i)));
    if (attrs.goldRaw.get(i) >= 0)
      add(attrs.goldFile.get(i), attrs.goldRaw.get(i), modelNamedOf(enc, i, attrs.goldRaw.get(i)));
  }
  return out;
}

/**
 * Per category, the category seen from the other side (`A>` ↔ `B>`, `A>>` ↔ `B>>`, a tie stays: 5-point code
 * 4 − code); -1 where the scale has none (every category of a nominal scale).
 */
function mirroredCategories(scale: Scale, fivePoint: ArrayLike<number>): Int32Array {
  const out = new Int32Array(fivePoint.length).fill(-1);
  if (scale === 'nominal') return out;
  for (let c = 0; c < fivePoint.length; c++) out[c] = Array.prototype.indexOf.call(fivePoint, 4 - fivePoint[c]);
  return out;
}

/** Whether raw label `raw` (a code) names item i's model A (1) or B (2); 0 for neither or both. */
function modelNamedOf(enc: Encoder, i: number, raw: number): number {
  const v = enc.rawLabels.values[raw];
  const a = enc.attributes.modelA[i];
  const b = enc.attributes.modelB[i];
  const isA = a !== undefined && v === a;
  const isB = b !== undefined && v === b;
  return isA === isB ? 0 : isA ? 1 : 2;
}

function countMap(raws: readonly string[], counts: ArrayLike<number>): Map<string, number> {
  const m = new Map<string, number>();
  raws.forEach((v, i) => {
    if (counts[i] > 0) m.set(v, counts[i]);
  });
  return m;
}

/** Model-name matches of several files added up. */
function addMatches(all: ModelNameMatches[]): ModelNameMatches {
  const out: ModelNameMatches = new Map();
  for (const m of all)
    for (const [v, [a, b]] of m) {
      const x = out.get(v) ?? [0, 0];
      out.set(v, [x[0] + a, x[1] + b]);
    }
  return out;
}

/** The label columns of a file, for warnings: its label column, or its wide annotator / rubric columns. */
function labelColumnsOf(enc: Encoder, f: number): string[] {
  const label = enc.fileLabelColumn[f];
  const columns = [...(label ? [label] : []), ...(enc.fileRubricColumns[f] ?? [])];
  for (const s of enc.attributes.aiSources)
    if (s.column && s.file.view().includes(f) && !columns.includes(s.column)) columns.push(s.column);
  return columns;
}

/** A convention stated for this file (by name, or `*` for every file), if any. */
function statedFor(options: LabelOptions, file: string | null): string | null {
  const stated = options.labelsAre ?? null;
  if (!stated) return null;
  return (
    (file !== null && Object.hasOwn(stated, file) ? stated[file] : null) ??
    (Object.hasOwn(stated, '*') ? stated['*'] : null)
  );
}

/**
 * One reading for every raw label of the load; but when that reading is not a preference one while each
 * file's own labels are (annotations coded 0 / 1 / 2 beside a judge file saying A / B / tie), each file is
 * read with its own reading onto one preference scale. A label map or a stated nominal scale is one reading.
 * A convention stated for every file (`*`) reads each file it reads completely; the others keep their own.
 */
function chooseReadings(enc: Encoder, options: LabelOptions) {
  const raws = enc.rawLabels.values;
  const byFile = rawCountsByFile(enc);
  const matches = modelMatchesByFile(enc);
  const total = new Float64Array(raws.length);
  for (const counts of byFile) counts.forEach((c, i) => (total[i] += c));
  const chosen = options.scale ?? null;
  const optionsFor = (file: string | null) => ({
    labelMap: options.labelMap ?? null,
    scale: chosen,
    convention: statedFor(options, file),
  });
  const used = byFile.map((counts) => counts.some((c) => c > 0));
  const files = enc.files.filter((_, f) => used[f]);
  const reading = readingOf(
    countMap(raws, total),
    optionsFor(files.length === 1 ? files[0] : null),
    addMatches(matches),
  );
  const own = byFile.map((counts, f) =>
    used[f] ? readingOf(countMap(raws, counts), optionsFor(enc.files[f]), matches[f]) : null,
  );
  const perFile =
    (!reading.preference || reading.candidates[0].unread > 0 || differentStated(options, files)) &&
    !options.labelMap &&
    chosen !== 'nominal' &&
    own.filter(Boolean).length > 1 &&
    own.every((r) => r === null || (r.preference && r.candidates[0].unread === 0));
  if (!perFile) {
    const coded = codeLabels(reading, raws, total, chosen);
    const fileReading: FileReading = {
      files,
      columns: [...new Set(enc.files.flatMap((_, f) => (used[f] ? labelColumnsOf(enc, f) : [])))],
      reading,
      map: mapOf(reading, raws, total, coded.categories, coded.toCategory),
    };
    return {
      reading,
      readings: [fileReading],
      warnings: readingWarnings([fileReading]),
      ...coded,
      toCategoryOf: (_f: number, raw: number, named: number) => categoryOf(coded.toCategory, coded.byModel, raw, named),
    };
  }
  const five = own.map((r) => Int32Array.from(raws, (v) => r?.code.get(v) ?? -1));
  const present: number[] = [];
  byFile.forEach((counts, f) =>
    counts.forEach((c, i) => c > 0 && five[f][i] >= 0 && present.push(...fivePointOf(five[f][i]))),
  );
  const scale = chosen ?? inferScale(present);
  const { categories, fromFivePoint, fivePoint } = scaleCategories(scale as Exclude<Scale, 'nominal'>);
  const toCategory = five.map((codes) =>
    codes.map((c) => (c < 0 ? -1 : c === BY_MODEL_NAME ? BY_MODEL : fromFivePoint[c])),
  );
  const byModel: [number, number] = [fromFivePoint[1], fromFivePoint[3]];
  const description = own
    .map((r, f) => (r ? `${enc.files[f]}: ${r.description}` : ''))
    .filter(Boolean)
    .join('; ');
  const readings: FileReading[] = own.flatMap((r, f) =>
    r
      ? [
          {
            files: [enc.files[f]],
            columns: labelColumnsOf(enc, f),
            reading: r,
            map: mapOf(r, raws, byFile[f], categories, toCategory[f]),
          },
        ]
      : [],
  );
  const ambiguous = readings.some((x) => x.reading.ambiguous);
  return {
    reading: {
      ...own.find(Boolean)!,
      preference: true,
      convention: 'per-file',
      description: `each file its own reading — ${description}`,
      code: new Map<string, number>(),
      categories: [],
      ambiguous,
      chosen: ambiguous ? ('guess' as const) : ('only' as const),
    },
    readings,
    warnings: readingWarnings(readings),
    scale: scale as Scale,
    categories,
    fivePoint,
    toCategoryOf: (f: number, raw: number, named: number) =>
      categoryOf(toCategory[f] ?? toCategory[0], byModel, raw, named),
  };
}

/** Conventions stated for some files by name that differ from each other: the files need their own readings. */
function differentStated(options: LabelOptions, files: string[]): boolean {
  return new Set(files.map((f) => statedFor(options, f))).size > 1;
}

/**
 * The reading of a file's (or every file's) labels. A convention stated for every file that cannot read all
 * of these values gives way to their own reading, when that one reads them all.
 */
function readingOf(
  counts: Map<string, number>,
  options: { labelMap: Record<string, string> | null; scale: Scale | null; convention: string | null },
  matches: ModelNameMatches,
): LabelReading {
  const reading = chooseLabelReading(counts, options, matches);
  if (!options.convention || reading.candidates[0].unread === 0) return reading;
  const own = chooseLabelReading(counts, { ...options, convention: null }, matches);
  return own.candidates[0].unread === 0 && !own.ambiguous ? own : reading;
}

/** A category code meaning "the side whose model the label names" (resolved per judgement). */
const BY_MODEL = -2;

function categoryOf(toCategory: ArrayLike<number>, byModel: [number, number], raw: number, named: number): number {
  const c = toCategory[raw];
  if (c !== BY_MODEL) return c;
  return named === 1 ? byModel[0] : named === 2 ? byModel[1] : -1;
}

/** The 5-point codes a reading's code stands for (a model name: either side). */
function fivePointOf(code: number): number[] {
  return code === BY_MODEL_NAME ? [1, 3] : [code];
}

/** Raw value → what it was read as (a label or category name, null when unread), for the values seen. */
function mapOf(
  reading: LabelReading,
  raws: readonly string[],
  counts: ArrayLike<number>,
  categories: string[],
  toCategory: ArrayLike<number>,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  raws.forEach((v, i) => {
    if (!(counts[i] > 0)) return;
    const c = toCategory[i];
    const name =
      c === BY_MODEL
        ? 'model A or B (the model it names)'
        : c >= 0
          ? categories[c]
          : reading.preference && (reading.code.get(v) ?? -1) >= 0
            ? PREFERENCE_LABELS[reading.code.get(v)!]
            : null;
    Object.defineProperty(out, v, { value: name, enumerable: true, writable: true, configurable: true });
  });
  return out;
}

/** The values of a reading as a short list: `0 / 1 / 2`. */
function valueList(reading: LabelReading): string {
  const values = [...reading.code.keys()];
  const shown = values
    .slice(0, 8)
    .map((v) => `"${clip(v, 20)}"`)
    .join(' / ');
  return values.length > 8 ? `${shown} … (${values.length} values)` : shown;
}

/** What a reading guessed, in words, for `input.warnings` and the command's `warning:` lines. */
function readingWarnings(readings: FileReading[]): Warning[] {
  const out: Warning[] = [];
  for (const { files, columns, reading } of readings) {
    const file = files.length === 1 ? files[0] : files.join(', ');
    const column = columns.length === 1 ? columns[0] : columns.length ? columns.join(', ') : null;
    if (reading.chosen === 'stated') continue;
    if (reading.ambiguous) {
      const others = reading.candidates
        .slice(1)
        .map((c) => `"${c.description}" (--labels-are ${c.convention})`)
        .join('; ');
      const unread = reading.candidates[0].unread;
      out.push({
        file,
        column,
        message: `the labels ${valueList(reading)} fit more than one reading: read as "${reading.description}" (--labels-are ${reading.convention})${unread ? `, which leaves ${unread.toLocaleString('en-US')} judgement${unread === 1 ? '' : 's'} unread` : ''}; it could also be ${others}. Choose one in the page or with --labels-are / --label-map.`,
      });
    } else if (reading.candidates[0].unread > 0) {
      const unread = reading.candidates[0].unread;
      const values = [...reading.code].filter(([, c]) => c < 0).map(([v]) => `"${clip(v, 20)}"`);
      out.push({
        file,
        column,
        message: `${unread.toLocaleString('en-US')} judgement${unread === 1 ? ' has' : 's have'} a label that "${reading.description}" does not read (${values.slice(0, 6).join(', ')}${values.length > 6 ? ', …' : ''}): left out as unknown labels`,
      });
    } else if (reading.convention === NOMINAL) {
      out.push({
        file,
        column,
        message: `the labels ${valueList(reading)} are not preference labels: read as ${reading.categories.length} nominal categories (agreement and final labels only; no sides, so no position or length bias)`,
      });
    } else if (reading.convention === 'model-names') {
      out.push({
        file,
        column,
        message: `the labels name one of each pair's two models: read as model A or model B better (ties by their word)`,
      });
    }
  }
  return out;
}

/**
 * The scale and the category of each raw label on it (-1: not a label there; `BY_MODEL`: the side of the
 * model the label names): nominal when the reading is not a preference one, else the chosen scale, else the
 * one implied by the 5-point codes of the raw labels seen (count > 0).
 */
export function codeLabels(
  reading: LabelReading,
  raws: readonly string[],
  rawCounts: ArrayLike<number>,
  chosen: Scale | null,
) {
  if (!reading.preference) {
    return {
      scale: 'nominal' as Scale,
      categories: reading.categories,
      toCategory: Int32Array.from(raws, (r) => reading.code.get(r) ?? -1),
      fivePoint: reading.categories.map(() => -1),
      byModel: [-1, -1] as [number, number],
    };
  }
  const five = raws.map((r) => reading.code.get(r) ?? -1);
  const scale =
    chosen && chosen !== 'nominal'
      ? chosen
      : inferScale(five.flatMap((c, i) => (c >= 0 && rawCounts[i] > 0 ? fivePointOf(c) : [])));
  const { categories, fromFivePoint, fivePoint } = scaleCategories(scale);
  const toCategory = Int32Array.from(five, (c) => (c < 0 ? -1 : c === BY_MODEL_NAME ? BY_MODEL : fromFivePoint[c]));
  return {
    scale: scale as Scale,
    categories,
    toCategory,
    fivePoint,
    byModel: [fromFivePoint[1], fromFivePoint[3]] as [number, number],
  };
}

/**
 * Indices (into `from`) of the judgements kept: for each (item, annotator, dimension) the last one, by
 * timestamp when both have one, else by order of reading; null when none is replaced. Each replaced
 * judgement becomes an issue.
 */
function dropDuplicates(enc: Encoder, from: Int32Array, nItems: number, sourceCodes: number[]): Int32Array | null {
  const n = from.length;
  const encItem = enc.item.view();
  const encFile = enc.file.view();
  const encRow = enc.row.view();
  const ann = enc.annotator.view();
  const dim = enc.dimension.view();
  const ts = enc.timestamp.view();
  const dims = Math.max(1, enc.dimensions.size);
  // per judgement, read in order: its item and (annotator, dimension) as one key; a per-item AI verdict's
  // origin is from = -1 - (source × items + item), dimension 0
  const item = new Int32Array(n);
  const wide = enc.annotators.size * dims >= 2 ** 31;
  const key = wide ? new Float64Array(n) : new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const j = from[k];
    if (j >= 0) {
      item[k] = encItem[j];
      key[k] = ann[j] * dims + dim[j];
    } else {
      item[k] = (-1 - j) % nItems;
      key[k] = sourceCodes[Math.floor((-1 - j) / nItems)] * dims;
    }
  }
  // judgements grouped by item (a counting sort), their keys beside them so that the search reads in order
  const start = new Int32Array(nItems + 1);
  for (let k = 0; k < n; k++) start[item[k] + 1]++;
  for (let i = 0; i < nItems; i++) start[i + 1] += start[i];
  const next = start.slice(0, nItems);
  const byItem = new Int32Array(n);
  const keyByItem = wide ? new Float64Array(n) : new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const p = next[item[k]]++;
    byItem[p] = k;
    keyByItem[p] = key[k];
  }
  const droppedAt = new Uint8Array(n);
  let nDropped = 0;
  for (let i = 0; i < nItems; i++) {
    for (let p = start[i] + 1; p < start[i + 1]; p++) {
      for (let q = start[i]; q < p; q++) {
        if (droppedAt[q] || keyByItem[q] !== keyByItem[p]) continue;
        const k = byItem[p];
        const k2 = byItem[q];
        const j = from[k];
        const j2 = from[k2];
        const laterWins = j >= 0 && j2 >= 0 && ts[j] < ts[j2] ? q : p; // NaN compares false: order of reading
        const loser = laterWins === p ? q : p;
        droppedAt[loser] = 1;
        nDropped++;
        const jl = from[byItem[loser]];
        const lostFile = enc.files[jl >= 0 ? encFile[jl] : 0];
        enc.replaced.set(lostFile, (enc.replaced.get(lostFile) ?? 0) + 1);
        const jw = from[byItem[loser === p ? q : p]];
        if (jl >= 0 && jw >= 0 && encFile[jl] !== encFile[jw]) enc.crossFileReplaced++;
        const a = Math.floor(keyByItem[p] / dims);
        enc.issue(
          {
            file: lostFile,
            row: jl >= 0 ? encRow[jl] : null,
            column: null,
            message: `duplicate judgement of item "${clip(enc.items.values[i])}" by "${clip(enc.annotators.values[a])}": replaced by a later one`,
          },
          true,
        );
        if (loser === p) break;
      }
    }
  }
  if (nDropped === 0) return null;
  const dropped = new Uint8Array(n);
  for (let p = 0; p < n; p++) if (droppedAt[p]) dropped[byItem[p]] = 1;
  const keep = new Int32Array(n - nDropped);
  for (let k = 0, o = 0; k < n; k++) if (!dropped[k]) keep[o++] = k;
  return keep;
}

/** Slices from the candidate columns with at most 50 values; the others are attributes. */
function buildSlices(
  enc: Encoder,
  ratings: Ratings,
  from: Int32Array,
  /** null: every judgement kept in reading order */
  keep: Int32Array | null,
  aiItem: (from: number) => number,
): { slices: Slice[]; attributeColumns: string[] } {
  const slices: Slice[] = [];
  const attributeColumns: string[] = [];
  for (const [name, s] of enc.slices) {
    if (s.code === null) {
      attributeColumns.push(name);
      continue;
    }
    s.code.ensure(enc.item.length);
    const codes = s.code.view();
    const values = [...s.values.values];
    if (!keep && !codes.includes(-1)) {
      slices.push({ name, values, code: codes });
      continue;
    }
    const firstOfItem = new Int32Array(ratings.items.length).fill(-1);
    const encItem = enc.item.view();
    for (let j = 0; j < encItem.length; j++) if (firstOfItem[encItem[j]] < 0) firstOfItem[encItem[j]] = codes[j];
    let missing = -1;
    const code = gather(Int32Array, keep ?? Int32Array.from(codes, (_, k) => k), (k) => {
      const c = from[k] >= 0 ? codes[from[k]] : firstOfItem[aiItem(from[k])];
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
function gather<T extends Int32Array | Float64Array>(
  ctor: { new (n: number): T },
  keep: Int32Array,
  f: (k: number) => number,
): T {
  const out = new ctor(keep.length);
  for (let i = 0; i < keep.length; i++) out[i] = f(keep[i]);
  return out;
}
