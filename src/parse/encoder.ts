import { contentId } from './adapters/adapter';
import { swappedJudge, unswappedJudge } from './adapters/judgeOrders';
import type { ColumnMapping, Role } from './columnRoles';
import { ROLES, otherColumns, rubricColumns } from './columnRoles';
import { CellCodes, RowCells, cellText, type BatchCells } from './cells';
import { Dictionary, Growable } from './growable';
import type { Issue, TableBatch } from './types';

export { cellText };

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
/** Codes of the kind column: a row of item attributes only, an AI judge's row (else 0, a human's). */
const ITEM_KIND = 1;
const AI_ROW = 2;

/** The row being added, as `push` and `addItemAttributes` read it. */
interface RowContext {
  cells: BatchCells;
  r: number;
  at: Record<Role, number>;
  codes: Record<'dimension' | 'shownFirst' | 'isGold' | 'goldLabel' | AiRole, CellCodes>;
  line: number;
  file: number;
  /** the text columns the file has (texts and model names per item) */
  texts: { at: number; into: (string | undefined)[] }[];
  /** the pair's model names, from this row or an earlier one */
  modelA: string | undefined;
  modelB: string | undefined;
}

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

/** The roles of a judge's per-item verdict columns. */
type AiRole = 'aiLabel' | 'aiLabelSwapped' | 'aiLabelSwappedShown';
/** A per-item verdict column of a file and the judge it feeds. */
interface AiColumn {
  role: AiRole;
  source: AiSource;
}

/**
 * One AI judge given per item: the `ai_label` column of the annotations (the judge `ai_judge`) or a judge file
 * joined on the item id (the judge named after the file); a column of the other presentation order feeds the
 * judge of that name `(swapped)`. The first verdict per item wins.
 */
export interface AiSource {
  name: string;
  /** the column its verdicts come from (for issues) */
  column: string | null;
  /** verdicts given as shown with A and B exchanged (an `aiLabelSwappedShown` column): mirrored when read */
  mirrored: boolean;
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
  /** model names of the model columns (coded once per distinct name) */
  private readonly models = new Dictionary();
  /** per file, column and purpose: the codes of its cells (see `codesOf`) */
  private readonly cellCodes = new Map<string, CellCodes>();
  /** per file and column: annotator and label values waiting for a judgement to code them (see `deferredOf`) */
  private readonly deferred = new Map<string, DeferredCodes>();
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
  aiSource(name: string, column: string | null, mirrored = false): AiSource {
    const sources = this.attributes.aiSources;
    let source = sources.find((s) => s.name === name);
    if (!source) {
      source = {
        name,
        column,
        mirrored,
        raw: new Growable(Int32Array, -1),
        confidence: new Growable(Float64Array, NaN),
        row: new Growable(Int32Array, -1),
        file: new Growable(Int32Array, -1),
      };
      sources.push(source);
    }
    return source;
  }

  /** Makes room for this many judgements in all, so that a large file does not grow its arrays by doubling. */
  reserve(judgements: number): void {
    this.reserved = judgements;
    for (const g of [this.item, this.annotator, this.rawLabel, this.dimension, this.row, this.file])
      g.reserve(judgements);
  }
  private reserved = 0;

  /** The codes of one column of one file for one purpose, kept across the file's batches. */
  private codesOf(
    file: number,
    purpose: string,
    column: string | null,
    of: (text: string, fresh: boolean) => number,
  ): CellCodes {
    const key = `${file}\u0000${purpose}\u0000${column}`;
    let codes = this.cellCodes.get(key);
    if (!codes) this.cellCodes.set(key, (codes = new CellCodes(of)));
    return codes;
  }

  /** Per file and column: its annotator or label values, coded in the dictionary when a judgement first uses one. */
  private deferredOf(file: number, column: string | null, dictionary: Dictionary): DeferredCodes {
    const key = `${file}\u0000deferred\u0000${column}`;
    let d = this.deferred.get(key);
    if (!d) this.deferred.set(key, (d = new DeferredCodes(dictionary)));
    return d;
  }

  /** A raw label's code (-1 for an empty cell). */
  private readonly labelOf = (raw: string): number => (raw === '' ? -1 : this.rawLabels.code(raw));

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
    const cells = batch.cells ?? new RowCells(batch.rows, batch.rowNumbers);
    const size = cells.size;
    const rowsBefore = this.rowsAdded.get(fileName) ?? 0;
    this.rowsAdded.set(fileName, rowsBefore + size);
    // the judge's verdicts per item: its label column, and the other order's (a column of either frame)
    const judge = side ? judgeName : AI_JUDGE;
    const swappedRole = mapping.aiLabelSwapped ? 'aiLabelSwapped' : 'aiLabelSwappedShown';
    const ai: AiColumn[] = [];
    if (mapping.aiLabel) ai.push({ role: 'aiLabel', source: this.aiSource(judge, mapping.aiLabel) });
    if (mapping[swappedRole]) {
      const mirrored = swappedRole === 'aiLabelSwappedShown';
      const other = swappedJudge(unswappedJudge(judge) ?? judge);
      ai.push({ role: swappedRole, source: this.aiSource(other, mapping[swappedRole], mirrored) });
    }
    const col = (role: Role) =>
      mapping[role] === null || mapping[role] === ROW_NUMBER || mapping[role] === CONTENT_ID
        ? -1
        : batch.header.indexOf(mapping[role]!);
    const rowItems = mapping.item === ROW_NUMBER;
    const contentItems = mapping.item === CONTENT_ID;
    const at = Object.fromEntries(ROLES.map((r) => [r, col(r)])) as Record<Role, number>;
    for (const r of ROLES) if (at[r] >= 0) this.present.add(r);
    const rubricNames = rubricColumns(mapping);
    for (const c of [
      mapping.label,
      mapping.goldLabel,
      ...ai.map((x) => x.source.column),
      ...mapping.wide,
      ...rubricNames,
    ])
      if (c) this.labelColumns.add(c);
    const codes = (purpose: string, role: Role, of: (text: string, fresh: boolean) => number) =>
      this.codesOf(fileCode, purpose, mapping[role], of);
    const sameFile = contentIds || contentItems;
    const itemCodes: CellCodes = codes('item', 'item', (id, fresh) =>
      id === '' ? -1 : this.itemOf(id, fileName, fileCode, sameFile, fresh ? itemCodes : null),
    );
    // annotator and label codes are given out only to judgements, in their order (not to dropped rows)
    const annotators = this.deferredOf(fileCode, 'annotator', this.annotators);
    const labels = this.deferredOf(fileCode, mapping.label, this.rawLabels);
    const c = {
      item: itemCodes,
      annotator: codes('annotator', 'annotator', annotators.local),
      label: codes('label', 'label', labels.local),
      kind: codes('kind', 'kind', (k) => {
        const kind = k.toLowerCase();
        return kind === ITEM_ONLY ? ITEM_KIND : AI_KIND.test(kind) ? AI_ROW : 0;
      }),
      dimension: codes('dimension', 'dimension', (d) => this.dimensions.code(d || 'overall')),
      shownFirst: codes('shown', 'shownFirst', (v) => {
        const first = v.toUpperCase();
        return first === 'A' || first === '1' ? 0 : first === 'B' || first === '2' ? 1 : 255;
      }),
      modelA: codes('model', 'modelA', (m) => (m === '' ? -1 : this.models.code(m))),
      modelB: codes('model', 'modelB', (m) => (m === '' ? -1 : this.models.code(m))),
      isGold: codes('gold flag', 'isGold', (v) => (TRUE_WORDS.has(v.toLowerCase()) ? 1 : 0)),
      goldLabel: codes('label', 'goldLabel', this.labelOf),
      aiLabel: codes('label', 'aiLabel', this.labelOf),
      aiLabelSwapped: codes('label', 'aiLabelSwapped', this.labelOf),
      aiLabelSwappedShown: codes('label', 'aiLabelSwappedShown', this.labelOf),
    };
    const wide = mapping.wide.map((name) => {
      const missing = new Set(mapping.missing ?? []);
      return {
        at: batch.header.indexOf(name),
        annotator: name,
        codes: this.codesOf(fileCode, 'wide', name, (raw) =>
          raw === '' || NO_LABEL.has(raw.toLowerCase()) || missing.has(raw) ? -1 : this.rawLabels.code(raw),
        ),
      };
    });
    const rubric = rubricNames
      .filter((name) => batch.header.includes(name))
      .map((name) => ({
        at: batch.header.indexOf(name),
        dimension: this.dimensions.code(name),
        codes: this.codesOf(fileCode, 'label', name, this.deferredOf(fileCode, name, this.rawLabels).local),
        labels: this.deferredOf(fileCode, name, this.rawLabels),
      }));
    const scores = new Int32Array(rubric.length);
    const others = side
      ? []
      : otherColumns(batch.header, mapping).map((name) => {
          const slice = this.sliceCandidate(name);
          return {
            at: batch.header.indexOf(name),
            slice,
            codes: this.codesOf(fileCode, 'slice', name, sliceOf(slice)),
          };
        });
    // a long file whose only labels are rubric columns has no `overall` judgements (its first rubric column comes first)
    const overall =
      at.dimension < 0 && (mapping.shape === 'wide' || at.label >= 0 || rubric.length === 0)
        ? this.dimensions.code('overall')
        : -1;
    const texts = this.textRoles.filter(([role]) => at[role] >= 0).map(([role, into]) => ({ at: at[role], into }));
    const row: RowContext = {
      cells,
      r: 0,
      at,
      codes: c,
      line: 0,
      file: fileCode,
      texts,
      modelA: undefined,
      modelB: undefined,
    };
    for (let r = 0; r < size; r++) {
      const line = cells.line(r);
      row.r = r;
      row.line = line;
      let item: number;
      // a file whose pairs have no id names them by row number or by their texts
      const namedItem = rowItems
        ? `row ${rowsBefore + r + 1}`
        : contentItems
          ? contentId(cells.text(r, at.prompt), cells.text(r, at.responseA), cells.text(r, at.responseB))
          : null;
      if (side) {
        const itemId = namedItem ?? cells.text(r, at.item);
        if (itemId === '') {
          this.issue({ file: fileName, row: line, column: mapping.item, message: 'empty item id' }, true);
          continue;
        }
        const targets = this.joinedItems(itemId);
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
        for (const target of targets) this.addItemAttributes(target, row, fileName, mapping, ai);
        continue;
      }
      if (namedItem !== null) item = namedItem === '' ? -1 : this.itemOf(namedItem, fileName, fileCode, sameFile);
      else item = cells.code(r, at.item, c.item);
      if (item < 0) {
        this.issue({ file: fileName, row: line, column: mapping.item, message: 'empty item id' }, true);
        continue;
      }
      this.addItemAttributes(item, row, fileName, mapping, ai);
      const kind = at.kind < 0 ? 0 : cells.code(r, at.kind, c.kind);
      if (kind === ITEM_KIND) continue;
      const modelA = at.modelA < 0 ? -1 : cells.code(r, at.modelA, c.modelA);
      const modelB = at.modelB < 0 ? -1 : cells.code(r, at.modelB, c.modelB);
      row.modelA = modelA >= 0 ? this.models.values[modelA] : this.attributes.modelA[item];
      row.modelB = modelB >= 0 ? this.models.values[modelB] : this.attributes.modelB[item];
      const before = this.item.length;
      if (mapping.shape === 'wide') {
        for (const w of wide) {
          const raw = cells.code(r, w.at, w.codes);
          if (raw >= 0) this.push(item, this.annotators.code(w.annotator), raw, row, overall);
        }
      } else {
        const annotator =
          at.annotator < 0 ? annotators.local(SINGLE_ANNOTATOR) : cells.code(r, at.annotator, c.annotator);
        const raw = at.label < 0 ? -1 : cells.code(r, at.label, c.label);
        // an empty rubric cell is a dimension not judged; a row with no label in any column is a bad row
        let judged = raw >= 0;
        for (let d = 0; d < rubric.length; d++) {
          scores[d] = cells.code(r, rubric[d].at, rubric[d].codes);
          if (scores[d] >= 0) judged = true;
        }
        if (annotator < 0)
          this.issue({ file: fileName, row: line, column: mapping.annotator, message: 'empty annotator id' }, true);
        else if (!judged)
          this.issue({ file: fileName, row: line, column: mapping.label, message: 'empty label' }, true);
        else {
          const who = annotators.code(annotator);
          if (raw >= 0) this.push(item, who, labels.code(raw), row, overall);
          for (let d = 0; d < rubric.length; d++)
            if (scores[d] >= 0) this.push(item, who, rubric[d].labels.code(scores[d]), row, rubric[d].dimension);
          if (kind === AI_ROW) {
            this.aiAnnotators.add(who);
            if (at.aiConfidence >= 0) {
              const confidence = cells.number(r, at.aiConfidence);
              for (let j = before; j < this.item.length; j++) this.confidence.set(j, confidence);
            }
          }
        }
      }
      const after = this.item.length;
      if (after > before)
        for (const o of others) {
          if (o.slice.code === null) continue;
          const value = cells.code(r, o.at, o.codes);
          const code = o.slice.code as Growable<Int32Array> | null; // coding a new value can end the candidate
          if (code) for (let j = before; j < after; j++) code.set(j, value);
        }
    }
  }

  /** The item code of an id in a judgement file (scoped by file when asked), noting ids an earlier file used. */
  private itemOf(
    id: string,
    fileName: string,
    fileCode: number,
    contentIds: boolean,
    source: object | null = null,
  ): number {
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
    // an id its column has not given before is new to a dictionary that only that column has filled
    const item = source ? this.items.append(id, source) : this.items.code(id);
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

  /**
   * One judgement; `dimension` is its dimension's code, or -1 to read it from the dimension column. Columns
   * a file does not have (time, timestamp, side shown first) are left unset: they read as their fill value.
   */
  private push(item: number, annotator: number, raw: number, row: RowContext, dimension: number): void {
    const { cells, r, at, codes } = row;
    const j = this.item.length;
    this.item.push(item);
    const named = modelNamed(this.rawLabels.values[raw], row.modelA, row.modelB);
    if (named !== 0) this.namesModel.set(j, named);
    this.annotator.push(annotator);
    this.rawLabel.push(raw);
    this.dimension.push(dimension >= 0 ? dimension : cells.code(r, at.dimension, codes.dimension));
    this.row.push(row.line);
    this.file.push(row.file);
    if (at.time >= 0) this.time.set(j, cells.number(r, at.time));
    if (at.timestamp >= 0) this.timestamp.set(j, time(cells.value(r, at.timestamp)));
    if (at.shownFirst >= 0) this.shownFirst.set(j, cells.code(r, at.shownFirst, codes.shownFirst));
  }

  /** Whether a column may still become a slice (not yet seen, or at most 50 values so far). */
  sliceOpen(name: string): boolean {
    return this.slices.get(name)?.code !== null;
  }

  private sliceCandidate(name: string): SliceCandidate {
    let s = this.slices.get(name);
    if (!s) {
      s = { values: new Dictionary(), code: new Growable(Int32Array, -1) };
      s.code!.reserve(this.reserved);
      this.slices.set(name, s);
    }
    return s;
  }

  private addItemAttributes(
    item: number,
    row: RowContext,
    fileName: string,
    mapping: ColumnMapping,
    ai: readonly AiColumn[],
  ): void {
    const a = this.attributes;
    const { cells, r, at, codes, line } = row;
    for (const { at: c, into } of row.texts) {
      if (into[item] === undefined) {
        const v = cells.text(r, c);
        if (v !== '') into[item] = v;
      }
    }
    if (at.scoreA >= 0 && Number.isNaN(a.scoreA.get(item))) a.scoreA.set(item, cells.number(r, at.scoreA));
    if (at.scoreB >= 0 && Number.isNaN(a.scoreB.get(item))) a.scoreB.set(item, cells.number(r, at.scoreB));
    if (at.embedding >= 0 && !a.embeddings.has(item))
      this.addEmbedding(item, cells.value(r, at.embedding), fileName, line, mapping.embedding);
    if (at.isGold >= 0 && cells.code(r, at.isGold, codes.isGold) === 1) a.goldFlag.set(item, 1);
    const gold = at.goldLabel < 0 ? -1 : cells.code(r, at.goldLabel, codes.goldLabel);
    if (gold >= 0) {
      if (at.isGold < 0) a.goldFlag.set(item, 1); // a gold label without a gold flag column marks the item gold
      const previous = a.goldRaw.get(item);
      if (previous >= 0 && previous !== gold) {
        this.issue({
          file: fileName,
          row: line,
          column: mapping.goldLabel,
          message: `conflicting gold labels for item "${clip(this.items.values[item])}": "${clip(this.rawLabels.values[previous])}" and "${clip(this.rawLabels.values[gold])}"; the first is kept`,
        });
      } else {
        a.goldRaw.set(item, gold);
        a.goldFile.set(item, row.file);
      }
    }
    for (const { role, source } of ai) {
      const verdict = at[role] < 0 ? -1 : cells.code(r, at[role], codes[role]);
      if (verdict < 0 || source.raw.get(item) >= 0) continue;
      source.raw.set(item, verdict);
      source.row.set(item, line);
      source.file.set(item, row.file);
      if (role === 'aiLabel' && at.aiConfidence >= 0) source.confidence.set(item, cells.number(r, at.aiConfidence));
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

/**
 * Values of a column numbered as they are met (`local`), and coded in `dictionary` only when a judgement uses
 * them (`code`): a value seen only in dropped rows never enters it, and codes follow the judgements' order.
 */
class DeferredCodes {
  private readonly texts: string[] = [];
  private readonly index = new Map<string, number>();
  private coded = new Int32Array(16).fill(-1);
  constructor(private readonly dictionary: Dictionary) {}

  /** The value's number in this column (-1 for an empty cell). */
  readonly local = (text: string): number => {
    if (text === '') return -1;
    let k = this.index.get(text);
    if (k === undefined) {
      k = this.texts.push(text) - 1;
      this.index.set(text, k);
    }
    return k;
  };

  /** The dictionary code of value `local`, coded now if this is its first judgement. */
  code(local: number): number {
    if (local >= this.coded.length) {
      const next = new Int32Array(Math.max(local + 1, this.coded.length * 2)).fill(-1);
      next.set(this.coded);
      this.coded = next;
    }
    let c = this.coded[local];
    if (c < 0) c = this.coded[local] = this.dictionary.code(this.texts[local]);
    return c;
  }
}

/** A slice candidate's code of a value (a column past 50 values stops being a candidate). */
function sliceOf(s: SliceCandidate): (value: string) => number {
  return (value) => {
    const c = s.values.code(value === '' ? '(empty)' : value);
    if (s.values.size > MAX_SLICE_VALUES) s.code = null;
    return c;
  };
}

export function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
