import { contentId } from './adapters/adapter';
import type { ColumnMapping, Role } from './columnRoles';
import { ROLES, otherColumns, rubricColumns } from './columnRoles';
import { Dictionary, Growable } from './growable';
import type { Issue, TableBatch } from './types';

export const MAX_SLICE_VALUES = 50;
export const SINGLE_ANNOTATOR = '(single)';
/** The AI judge of an `ai_label` column in the annotations. */
export const AI_JUDGE = 'ai_judge';
/** The item column of a file whose pairs have no id: the row's number in its file (`row 1`, `row 2`, …). */
export const ROW_NUMBER = '#row';
/** The item column of a file whose pairs have no id but texts: a content id of prompt and responses (as TRL files get). */
export const CONTENT_ID = '#content';
/** Values of a gold-flag column that mark an item gold (compared lower-cased); anything else does not. */
export const TRUE_WORDS: ReadonlySet<string> = new Set(['1', 'true', 't', 'yes', 'y', 'gold']);

/** Cells of a wide file (one column per annotator) that mean "no label", besides an empty cell. */
export const NO_LABEL: ReadonlySet<string> = new Set(['na', 'n/a', 'nan', 'null', 'none', '?']);

/** Kind-column value of a row that carries only an item's attributes (texts, gold), written by adapters. */
export const ITEM_ONLY = 'item';
/** Kind-column values that mark an AI judge (compared lower-cased); anything else is a human. */
const AI_KIND = /^(ai|llm|model|machine|auto|automatic|bot)\b/;

/** A column that may become a slice: coded per judgement until it has more than 50 values. */
interface SliceCandidate {
  values: Dictionary;
  code: Growable<Int32Array> | null;
}

/**
 * Per-item embedding vectors (first valid one per item wins), in one Float32Array of items × dim that grows by
 * doubling like a `Growable`; rows of items without a vector are NaN. The first valid vector fixes `dim`.
 */
export class Embeddings {
  dim = 0;
  /** items covered by `data` (rows) */
  length = 0;
  private data = new Float32Array(0);

  has(item: number): boolean {
    return item < this.length && !Number.isNaN(this.data[item * this.dim]);
  }

  /** Stores the item's vector; the caller has checked its length against `dim` (or it is the first). */
  set(item: number, vector: ArrayLike<number>): void {
    if (this.dim === 0) this.dim = vector.length;
    this.ensure(item + 1);
    this.data.set(vector, item * this.dim);
  }

  /** items × dim, NaN rows for items without a vector (a copy that owns its buffer) */
  values(items: number): Float32Array {
    this.ensure(items);
    return this.data.slice(0, items * this.dim);
  }

  private ensure(items: number): void {
    if (items * this.dim > this.data.length) {
      const next = new Float32Array(
        Math.max(items, 2 * (this.data.length / Math.max(this.dim, 1)), 1024) * this.dim,
      ).fill(NaN);
      next.set(this.data.subarray(0, this.length * this.dim));
      this.data = next;
    }
    if (items > this.length) this.length = items;
  }
}

/** Per-item attributes: texts, models, scores and embeddings (first non-empty value wins). */
export class ItemAttributes {
  readonly prompt: (string | undefined)[] = [];
  readonly responseA: (string | undefined)[] = [];
  readonly responseB: (string | undefined)[] = [];
  readonly modelA: (string | undefined)[] = [];
  readonly modelB: (string | undefined)[] = [];
  readonly scoreA = new Growable(Float64Array, NaN);
  readonly scoreB = new Growable(Float64Array, NaN);
  readonly goldFlag = new Growable(Uint8Array);
  readonly goldRaw = new Growable(Int32Array, -1);
  /** index of the file the gold label was read from */
  readonly goldFile = new Growable(Int32Array, -1);
  /** AI judges whose verdicts are given once per item (an `ai_label` column, a judge file joined on the item id) */
  readonly aiSources: AiSource[] = [];
  readonly embeddings = new Embeddings();
}

/**
 * One AI judge given per item: the `ai_label` column of the annotations (the judge `ai_judge`) or a judge file
 * joined on the item id (the judge named after the file). The first verdict per item wins.
 */
export interface AiSource {
  name: string;
  /** the column its verdicts come from (for issues) */
  column: string | null;
  raw: Growable<Int32Array>;
  confidence: Growable<Float64Array>;
  row: Growable<Int32Array>;
  /** index of the file each verdict was read from */
  file: Growable<Int32Array>;
}

/**
 * The numbers of an embedding cell: a JSON array (`[0.1, -2, 3e-4]`, parsed or as text), a typed array, or
 * numbers separated by commas and/or spaces. Null for an empty cell (or `[]`); a string saying what is wrong
 * when a value is not a finite number.
 */
export function embeddingOf(v: unknown): ArrayLike<number> | string | null {
  let parts: ArrayLike<unknown>;
  if (Array.isArray(v) || ArrayBuffer.isView(v)) parts = v as unknown as ArrayLike<unknown>;
  else {
    const text = cellText(v).replace(/^\[/, '').replace(/\]$/, '').trim();
    parts = text === '' ? [] : text.split(/[\s,]+/);
  }
  if (parts.length === 0) return null;
  const out = new Float32Array(parts.length);
  for (let d = 0; d < parts.length; d++) {
    const p = parts[d];
    const x = typeof p === 'number' ? p : typeof p === 'string' && p !== '' ? Number(p) : NaN;
    if (!Number.isFinite(x)) return `value ${d + 1} ("${clip(cellText(p), 20)}") is not a number`;
    out[d] = x;
  }
  return out;
}

/** Any cell as text: null → '', numbers and booleans as written, objects as JSON. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function number(v: unknown): number {
  if (typeof v === 'number') return v;
  const s = cellText(v);
  return s === '' ? NaN : Number(s);
}

function time(v: unknown): number {
  if (typeof v === 'number') return v;
  const s = cellText(v);
  if (s === '') return NaN;
  const n = Number(s);
  return Number.isFinite(n) ? n : Date.parse(s);
}

/**
 * Collects judgements from row batches of one or more files into growing typed arrays, coding ids and
 * raw labels into dictionaries. Raw labels stay raw until `finishRatings` has seen them all and chosen
 * a reading. Bad rows become issues; nothing valid is dropped.
 */
export class Encoder {
  readonly items = new Dictionary();
  readonly annotators = new Dictionary();
  readonly dimensions = new Dictionary();
  readonly rawLabels = new Dictionary();
  readonly item = new Growable(Int32Array);
  readonly annotator = new Growable(Int32Array);
  readonly rawLabel = new Growable(Int32Array);
  readonly dimension = new Growable(Int32Array);
  readonly row = new Growable(Int32Array);
  readonly file = new Growable(Int32Array);
  readonly time = new Growable(Float64Array, NaN);
  readonly timestamp = new Growable(Float64Array, NaN);
  readonly shownFirst = new Growable(Uint8Array, 255);
  /** per judgement: whether its raw label names the pair's model A (1), model B (2), or neither (0) */
  readonly namesModel = new Growable(Uint8Array);
  /** per judgement: the AI judge's confidence (NaN unless the row is an AI judge's, by the kind column) */
  readonly confidence = new Growable(Float64Array, NaN);
  /** per file (by name): rows of a joined file whose item is in no judgement file */
  readonly unmatched = new Map<string, number>();
  /** per file (by name): judgements replaced by a later one of the same annotator on the same item */
  readonly replaced = new Map<string, number>();
  /** judgements replaced by one from another file (the same annotator, item id and dimension in two files) */
  crossFileReplaced = 0;
  /** annotator id → the name it is shown under (an export's user id and e-mail), from the adapters */
  readonly aliases = new Map<string, string>();
  /** annotators whose rows say they are AI judges (kind column) */
  readonly aiAnnotators = new Set<number>();
  readonly attributes = new ItemAttributes();
  readonly slices = new Map<string, SliceCandidate>();
  readonly issues: Issue[] = [];
  readonly files: string[] = [];
  /** per file: its label column (null for a wide file, where the annotator's column holds the label) */
  readonly fileLabelColumn: (string | null)[] = [];
  /** per file (by name): source rows or records read (counted by the caller), and rows or judgements dropped with an issue */
  readonly fileCounts = new Map<string, { rows: number; dropped: number }>();
  /** per file (by name): rows added so far (a file whose pairs have no id numbers them) */
  private readonly rowsAdded = new Map<string, number>();
  /** per file: items whose id an earlier judgement file already used (read as the same pair) */
  readonly sharedItems: number[] = [];
  /** per file: the earlier files those shared ids come from */
  readonly sharedWith: Set<number>[] = [];
  /** per item: the last judgement file that used its id */
  private readonly itemFile = new Growable(Int32Array, -1);
  /** `file`: item ids are read as `file name: id`, so the same id in two files is two pairs */
  itemScope: 'shared' | 'file' = 'shared';
  /** with `itemScope: 'file'`: the scoped item codes of each raw id (a joined file reaches every one) */
  private readonly scopedIds = new Map<string, number[]>();
  /** per file: its rubric label columns (each judgement from one has the column's name as its dimension) */
  readonly fileRubricColumns: string[][] = [];
  readonly present = new Set<Role>();
  /** label, gold label, AI label, wide annotator and rubric label columns, for issues */
  readonly labelColumns = new Set<string>();
  issueCount = 0;
  rowsDropped = 0;
  private readonly textRoles: [Role, (string | undefined)[]][] = [
    ['prompt', this.attributes.prompt],
    ['responseA', this.attributes.responseA],
    ['responseB', this.attributes.responseB],
    ['modelA', this.attributes.modelA],
    ['modelB', this.attributes.modelB],
  ];

  issue(issue: Issue, dropped = false): void {
    this.issueCount++;
    if (dropped) {
      this.rowsDropped++;
      this.countsOf(issue.file).dropped++;
    }
    if (this.issues.length < 10000) this.issues.push(issue);
  }

  /** The counters of a file (created on first use). */
  countsOf(file: string): { rows: number; dropped: number } {
    let c = this.fileCounts.get(file);
    if (!c) this.fileCounts.set(file, (c = { rows: 0, dropped: 0 }));
    return c;
  }

  /** The AI judge read per item under this name (created on first use). */
  aiSource(name: string, column: string | null): AiSource {
    const sources = this.attributes.aiSources;
    let source = sources.find((s) => s.name === name);
    if (!source) {
      source = {
        name,
        column,
        raw: new Growable(Int32Array, -1),
        confidence: new Growable(Float64Array, NaN),
        row: new Growable(Int32Array, -1),
        file: new Growable(Int32Array, -1),
      };
      sources.push(source);
    }
    return source;
  }

  /**
   * Adds one batch read from `fileName` with `mapping`. `side`: a file joined on item id only, whose AI
   * labels are the judge `judgeName` (the annotations' own `ai_label` column is the judge `ai_judge`).
   */
  add(
    batch: TableBatch,
    mapping: ColumnMapping,
    fileName: string,
    side: boolean,
    judgeName = AI_JUDGE,
    contentIds = false,
  ): void {
    let fileCode = this.files.indexOf(fileName);
    if (fileCode < 0) {
      fileCode = this.files.push(fileName) - 1;
      this.fileLabelColumn.push(mapping.shape === 'wide' ? null : mapping.label);
      this.fileRubricColumns.push(rubricColumns(mapping));
      this.sharedItems.push(0);
      this.sharedWith.push(new Set());
    }
    const rowsBefore = this.rowsAdded.get(fileName) ?? 0;
    this.rowsAdded.set(fileName, rowsBefore + batch.rows.length);
    const ai = mapping.aiLabel ? this.aiSource(side ? judgeName : AI_JUDGE, mapping.aiLabel) : null;
    const col = (role: Role) =>
      mapping[role] === null || mapping[role] === ROW_NUMBER || mapping[role] === CONTENT_ID
        ? -1
        : batch.header.indexOf(mapping[role]!);
    const rowItems = mapping.item === ROW_NUMBER;
    const contentItems = mapping.item === CONTENT_ID;
    const at = Object.fromEntries(ROLES.map((r) => [r, col(r)])) as Record<Role, number>;
    for (const r of ROLES) if (at[r] >= 0) this.present.add(r);
    const rubricNames = rubricColumns(mapping);
    for (const c of [mapping.label, mapping.goldLabel, mapping.aiLabel, ...mapping.wide, ...rubricNames])
      if (c) this.labelColumns.add(c);
    const wide = mapping.wide.map((c) => batch.header.indexOf(c));
    const missing = new Set(mapping.missing ?? []);
    const rubric = rubricNames
      .filter((c) => batch.header.includes(c))
      .map((c) => ({ at: batch.header.indexOf(c), dimension: this.dimensions.code(c) }));
    const others = side
      ? []
      : otherColumns(batch.header, mapping).map((name) => ({
          at: batch.header.indexOf(name),
          slice: this.sliceCandidate(name),
        }));
    // a long file whose only labels are rubric columns has no `overall` judgements (its first rubric column comes first)
    const overall =
      at.dimension < 0 && (mapping.shape === 'wide' || at.label >= 0 || rubric.length === 0)
        ? this.dimensions.code('overall')
        : -1;
    const { rows, rowNumbers } = batch;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      const line = rowNumbers[r];
      const itemId = rowItems
        ? `row ${rowsBefore + r + 1}`
        : contentItems
          ? contentId(cellText(cells[at.prompt]), cellText(cells[at.responseA]), cellText(cells[at.responseB]))
          : cellText(cells[at.item]);
      if (itemId === '') {
        this.issue({ file: fileName, row: line, column: mapping.item, message: 'empty item id' }, true);
        continue;
      }
      const targets = side
        ? this.joinedItems(itemId)
        : [this.itemOf(itemId, fileName, fileCode, contentIds || contentItems)];
      if (targets.length === 0) {
        this.issue(
          {
            file: fileName,
            row: line,
            column: mapping.item,
            message: `item "${clip(itemId)}" is not in the annotations`,
          },
          true,
        );
        this.unmatched.set(fileName, (this.unmatched.get(fileName) ?? 0) + 1);
        continue;
      }
      for (const item of targets) this.addItemAttributes(item, cells, at, fileName, line, mapping, ai);
      const item = targets[0];
      const kind = at.kind < 0 ? '' : cellText(cells[at.kind]).toLowerCase();
      if (side || kind === ITEM_ONLY) continue;
      const before = this.item.length;
      if (mapping.shape === 'wide') {
        for (let w = 0; w < wide.length; w++) {
          const raw = cellText(cells[wide[w]]);
          if (raw !== '' && !NO_LABEL.has(raw.toLowerCase()) && !missing.has(raw))
            this.push(item, mapping.wide[w], raw, cells, at, line, fileCode, overall);
        }
      } else {
        const annotator = at.annotator < 0 ? SINGLE_ANNOTATOR : cellText(cells[at.annotator]);
        const raw = at.label < 0 ? '' : cellText(cells[at.label]);
        // an empty rubric cell is a dimension not judged; a row with no label in any column is a bad row
        const scores = rubric.map(({ at: c }) => cellText(cells[c]));
        if (annotator === '')
          this.issue({ file: fileName, row: line, column: mapping.annotator, message: 'empty annotator id' }, true);
        else if (raw === '' && scores.every((s) => s === ''))
          this.issue({ file: fileName, row: line, column: mapping.label, message: 'empty label' }, true);
        else {
          if (raw !== '') this.push(item, annotator, raw, cells, at, line, fileCode, overall);
          for (let d = 0; d < rubric.length; d++)
            if (scores[d] !== '') this.push(item, annotator, scores[d], cells, at, line, fileCode, rubric[d].dimension);
          if (AI_KIND.test(kind)) {
            this.aiAnnotators.add(this.annotator.get(this.annotator.length - 1));
            if (at.aiConfidence >= 0)
              for (let j = before; j < this.item.length; j++) this.confidence.set(j, number(cells[at.aiConfidence]));
          }
        }
      }
      const after = this.item.length;
      if (after > before)
        for (const { at: c, slice } of others) addSliceValue(slice, cellText(cells[c]), before, after);
    }
  }

  /** The item code of an id in a judgement file (scoped by file when asked), noting ids an earlier file used. */
  private itemOf(id: string, fileName: string, fileCode: number, contentIds: boolean): number {
    if (this.itemScope === 'file') {
      const before = this.items.size;
      const item = this.items.code(`${fileName}: ${id}`);
      if (this.items.size > before) {
        const list = this.scopedIds.get(id);
        if (list) list.push(item);
        else this.scopedIds.set(id, [item]);
      }
      return item;
    }
    const item = this.items.code(id);
    const last = this.itemFile.get(item);
    // an id made from the pair's texts names the same pair in every file
    if (last !== fileCode && !contentIds) {
      if (last >= 0) {
        this.sharedItems[fileCode]++;
        this.sharedWith[fileCode].add(last);
      }
      this.itemFile.set(item, fileCode);
    }
    return item;
  }

  /** The items a joined file's id reaches: the one item, or with ids scoped by file the item of each file. */
  private joinedItems(id: string): number[] {
    if (this.itemScope === 'file') return this.scopedIds.get(id) ?? [];
    const item = this.items.lookup(id);
    return item < 0 ? [] : [item];
  }

  /** One judgement; `dimension` is its dimension's code, or -1 to read it from the dimension column. */
  private push(
    item: number,
    annotator: string,
    raw: string,
    cells: unknown[],
    at: Record<Role, number>,
    line: number,
    file: number,
    dimension: number,
  ): void {
    this.item.push(item);
    this.namesModel.push(
      modelNamed(
        raw,
        at.modelA < 0 ? this.attributes.modelA[item] : cellText(cells[at.modelA]) || this.attributes.modelA[item],
        at.modelB < 0 ? this.attributes.modelB[item] : cellText(cells[at.modelB]) || this.attributes.modelB[item],
      ),
    );
    this.annotator.push(this.annotators.code(annotator));
    this.rawLabel.push(this.rawLabels.code(raw));
    this.dimension.push(dimension >= 0 ? dimension : this.dimensions.code(cellText(cells[at.dimension]) || 'overall'));
    this.row.push(line);
    this.file.push(file);
    this.time.push(at.time < 0 ? NaN : number(cells[at.time]));
    this.timestamp.push(at.timestamp < 0 ? NaN : time(cells[at.timestamp]));
    const first = at.shownFirst < 0 ? '' : cellText(cells[at.shownFirst]).toUpperCase();
    this.shownFirst.push(first === 'A' || first === '1' ? 0 : first === 'B' || first === '2' ? 1 : 255);
  }

  private sliceCandidate(name: string): SliceCandidate {
    let s = this.slices.get(name);
    if (!s) {
      s = { values: new Dictionary(), code: new Growable(Int32Array, -1) };
      this.slices.set(name, s);
    }
    return s;
  }

  private addItemAttributes(
    item: number,
    cells: unknown[],
    at: Record<Role, number>,
    fileName: string,
    line: number,
    mapping: ColumnMapping,
    source: AiSource | null,
  ): void {
    const a = this.attributes;
    for (const [role, into] of this.textRoles) {
      const c = at[role];
      if (c >= 0 && into[item] === undefined) {
        const v = cellText(cells[c]);
        if (v !== '') into[item] = v;
      }
    }
    if (at.scoreA >= 0 && Number.isNaN(a.scoreA.get(item))) a.scoreA.set(item, number(cells[at.scoreA]));
    if (at.scoreB >= 0 && Number.isNaN(a.scoreB.get(item))) a.scoreB.set(item, number(cells[at.scoreB]));
    if (at.embedding >= 0 && !a.embeddings.has(item))
      this.addEmbedding(item, cells[at.embedding], fileName, line, mapping.embedding);
    if (at.isGold >= 0 && TRUE_WORDS.has(cellText(cells[at.isGold]).toLowerCase())) a.goldFlag.set(item, 1);
    a.goldFlag.ensure(item + 1);
    const gold = at.goldLabel < 0 ? '' : cellText(cells[at.goldLabel]);
    if (gold !== '') {
      if (at.isGold < 0) a.goldFlag.set(item, 1); // a gold label without a gold flag column marks the item gold
      const code = this.rawLabels.code(gold);
      const previous = a.goldRaw.get(item);
      if (previous >= 0 && previous !== code) {
        this.issue({
          file: fileName,
          row: line,
          column: mapping.goldLabel,
          message: `conflicting gold labels for item "${clip(this.items.values[item])}": "${clip(this.rawLabels.values[previous])}" and "${clip(gold)}"; the first is kept`,
        });
      } else {
        a.goldRaw.set(item, code);
        a.goldFile.set(item, this.files.indexOf(fileName));
      }
    }
    a.goldRaw.ensure(item + 1);
    const ai = at.aiLabel < 0 || !source ? '' : cellText(cells[at.aiLabel]);
    if (ai !== '' && source!.raw.get(item) < 0) {
      source!.raw.set(item, this.rawLabels.code(ai));
      source!.row.set(item, line);
      source!.file.set(item, this.files.indexOf(fileName));
      if (at.aiConfidence >= 0) source!.confidence.set(item, number(cells[at.aiConfidence]));
    }
  }

  /** The item's first valid embedding; a cell that is not one (or of another dimension) is an issue, not a dropped row. */
  private addEmbedding(item: number, cell: unknown, fileName: string, line: number, column: string | null): void {
    const vector = embeddingOf(cell);
    if (vector === null) return;
    const store = this.attributes.embeddings;
    let problem = typeof vector === 'string' ? vector : null;
    if (typeof vector !== 'string' && store.dim > 0 && vector.length !== store.dim)
      problem = `${vector.length} numbers where the first embedding has ${store.dim}`;
    if (problem)
      this.issue({
        file: fileName,
        row: line,
        column,
        message: `embedding of item "${clip(this.items.values[item])}": ${problem}; not used`,
      });
    else store.set(item, vector as ArrayLike<number>);
  }
}

/** Whether a raw label names the pair's model A (1) or model B (2): neither, or both (a self pair), is 0. */
function modelNamed(raw: string, modelA: string | undefined, modelB: string | undefined): number {
  const a = modelA !== undefined && modelA !== '' && raw === modelA;
  const b = modelB !== undefined && modelB !== '' && raw === modelB;
  return a === b ? 0 : a ? 1 : 2;
}

/** Codes a slice value for the judgements from..to-1 (a column past 50 values becomes an attribute). */
function addSliceValue(s: SliceCandidate, value: string, from: number, to: number): void {
  if (s.code === null) return;
  const c = s.values.code(value === '' ? '(empty)' : value);
  if (s.values.size > MAX_SLICE_VALUES) {
    s.code = null;
    return;
  }
  for (let j = from; j < to; j++) s.code.set(j, c);
}

export function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
