import type { Adapter } from './adapters/adapter';
import { adaptBatch, adaptRows, adaptedFile, recordsOf } from './adapters/adaptRows';
import { TABLE, adapterById, chooseAdapter, nearMissMessage, statedAdapter } from './adapters/index';
import {
  ROLES,
  ROLE_NAMES,
  canonicalMapping,
  emptyMapping,
  otherColumns,
  guessMapping,
  mappingProblems,
  rubricColumns,
  type ColumnMapping,
} from './columnRoles';
import { swappedJudge, unswappedJudge } from './adapters/judgeOrders';
import { CONTENT_ID, Encoder, cellText, clip } from './encoder';
import { finishRatings, type LabelOptions, type Loaded } from './finishRatings';
import { expandBatch, expandColumns, jsonColumns } from './expandColumns';
import { contentMapping, looksHeaderless } from './headerless';
import { readCsv } from './readCsv';
import { readJson } from './readJson';
import { readJsonl } from './readJsonl';
import { readParquet } from './readParquet';
import { readHead, sniff, type Sniffed } from './sniff';
import {
  UnreadableFile,
  type Format,
  type InputFile,
  type Issue,
  type TableBatch,
  type TableReader,
  type Warning,
} from './types';
import { isZip, zipMembers } from './zipMembers';

/** What the user may state about one file; everything left out is detected. */
export interface FileOptions {
  format?: Format | null;
  /** a format adapter by id (`label-studio`, …) or `table` for a plain table; detected when left out */
  adapter?: string | null;
  delimiter?: string | null;
  mapping?: ColumnMapping | null;
  /** roles stated by name on top of the guessed mapping (the command's --item, --annotator, --label, --wide, --rubric) */
  overrides?: Partial<
    Pick<ColumnMapping, 'item' | 'annotator' | 'label' | 'aiLabelSwapped' | 'aiLabelSwappedShown' | 'wide' | 'rubric'>
  > | null;
  /** delimited text only: false = the first row is data (`--no-header`); null or left out = detected */
  header?: boolean | null;
  /** columns holding a JSON object per cell, spread into `column.key` columns that roles can use (`--expand`) */
  expand?: string[] | null;
}

export interface LoadOptions extends LabelOptions {
  /** per file, in the order given (a zip archive's members count as files, in place of the archive) */
  files?: FileOptions[];
  /** for every file that `files` says nothing about (the command line's options) */
  fileDefaults?: FileOptions;
  /** `file`: an item id that occurs in two judgement files is two pairs (`--item-scope file`); default: one pair */
  itemScope?: 'shared' | 'file';
  /** refuse before reading when the judgements would need more memory than this (bytes) */
  memoryBudget?: number;
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

/** One file as it was read: detected or stated format, header and column mapping. */
export interface FileInfo {
  name: string;
  bytes: number;
  format: Format;
  gzip: boolean;
  delimiter: string;
  header: string[];
  mapping: ColumnMapping;
  /** `judgements`: rows are judgements; `joined`: per-item columns joined on the item id */
  role: 'judgements' | 'joined';
  /** the adapter that read it (`label-studio`, …), or the table reader (`csv`, `tsv`, `json`, …) */
  adapter: string;
  /** what the page calls that adapter or reader */
  adapterTitle: string;
  /** true when a format adapter read the file: the header and sample are its canonical rows */
  adapted: boolean;
  /** what the format can and cannot show, in plain words */
  notes: string[];
  /** a file that looks like a known format but lacks its required fields, read as a plain table instead */
  warning: string | null;
  /** the first rows as text (cells cut at 80 characters), for the column mapping panel */
  sample: string[][];
  /** rows in the whole file, extrapolated from the first batch (exact for a small file) */
  estimatedRows: number;
  /** false when the first row was read as data (no header): the columns are `column 1`, `column 2`, … */
  hasHeader: boolean;
  /** how the columns' roles were guessed from their values when the file has no header, or null */
  contentGuess: string | null;
  /** the first lines of the file as text (cut at 200 characters), to see what a failed read was given */
  head: string[];
  /** what keeps the file from being read with this mapping (empty when it can be read) */
  problems: string[];
  /** columns whose cells hold JSON objects (the page offers to spread them into their fields) */
  jsonColumns: string[];
  /** the columns spread into their fields */
  expanded: string[];
}

/** How one file fared: source rows (or records) read, judgements kept, rows or judgements dropped with an issue. */
export interface FileStats {
  name: string;
  rows: number;
  judgements: number;
  dropped: number;
  /** the AI judge named after this file (its per-item verdicts), when it holds one */
  judge: string | null;
}

/** A load that read nothing: the message, and what each file looked like (for the page's mapping screen). */
export class LoadFailure extends UnreadableFile {
  constructor(
    file: string,
    message: string,
    readonly inspections: FileInfo[],
  ) {
    super(file, message);
    this.name = 'LoadFailure';
  }
}

/**
 * What one judgement of a file costs in memory while it is read, in bytes (measured: `npm run bench`). Every
 * judgement holds its item, annotator, raw label, dimension, source row and file (4 bytes each) and a byte
 * for a label that names a model; finishing needs 25 bytes more for a moment (the duplicate search, the
 * labels' reading); a pair's id string, about 60 bytes, is shared by its judgements (3 assumed). Columns a
 * file has add theirs: time, timestamp and an AI judge's confidence 8 bytes, the side shown first 1, each
 * other column (a slice candidate) 4.
 */
export function bytesPerJudgement(mapping: ColumnMapping, header: string[]): number {
  let bytes = 25 + 25 + 20;
  for (const role of ['time', 'timestamp', 'aiConfidence'] as const) if (mapping[role] !== null) bytes += 8;
  if (mapping.shownFirst !== null) bytes += 1;
  return bytes + 4 * otherColumns(header, mapping).length;
}

/** The memory a tab gives prefscope's judgements: enough for 30 million with a time and a few slices. */
export const DEFAULT_MEMORY_BUDGET = 3e9;

export interface LoadResult extends Loaded {
  fileInfos: FileInfo[];
  fileStats: FileStats[];
  /** the bytes of each file read (a zip archive's members in its place), aligned with `fileInfos` */
  blobs: Blob[];
  /** judgement files that reuse item ids of earlier ones (read as the same pairs unless `itemScope: 'file'`) */
  sharedIds: { file: string; with: string[]; items: number; crossFileReplaced: number }[];
}

function reader(
  file: InputFile,
  s: Sniffed,
  onIssue: (i: Issue, dropped?: boolean) => void,
  header = true,
  onWarning?: (w: Warning) => void,
  columnsOf?: (header: string[]) => string[],
): TableReader {
  switch (s.format) {
    case 'csv':
    case 'tsv':
      return readCsv(file, s.gzip, s.delimiter, onIssue, { header, onWarning });
    case 'json':
      return readJson(file, s.gzip, onIssue);
    case 'jsonl':
      return readJsonl(file, s.gzip, onIssue);
    case 'parquet':
      return readParquet(file, onIssue, columnsOf);
  }
}

/**
 * The files of a load: each zip archive replaced by its members, names made unique (a repeated name gets
 * ` (2)`, ` (3)`, …).
 */
export async function expandFiles(files: InputFile[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const file of files) {
    const magic = new Uint8Array(await file.blob.slice(0, 4).arrayBuffer());
    // a damaged archive (or other bytes that start like one) is left to the sniffer, which names what it is
    const members = isZip(magic) ? await zipMembers(file).catch(() => null) : null;
    if (
      members &&
      members.some((m) => /\/(\[Content_Types\]\.xml|xl\/workbook\.xml|word\/document\.xml)$/.test(m.name))
    ) {
      throw new UnreadableFile(
        file.name,
        `${file.name}: an Office document (a zip of XML parts, such as an Excel workbook), not a data file; save the sheet as CSV (UTF-8) and open that`,
      );
    }
    out.push(...(members ?? [file]));
  }
  const seen = new Map<string, number>();
  return out.map((f) => {
    const n = (seen.get(f.name) ?? 0) + 1;
    seen.set(f.name, n);
    return n === 1 ? f : { name: `${f.name} (${n})`, blob: f.blob };
  });
}

/** The first lines of a text file (for the mapping screen of a failed read). */
async function headLines(file: InputFile, s: Sniffed): Promise<string[]> {
  if (s.format === 'parquet') return [];
  const text = await readHead(file, s.gzip, 8192).catch(() => '');
  return text
    .split(/\r?\n/)
    .slice(0, 8)
    .map((l) => clip(l, 200));
}

/** Reads only the first batch of a file. */
async function firstBatch(file: InputFile, s: Sniffed, header: boolean): Promise<TableBatch | null> {
  const it = reader(file, s, () => {}, header);
  const first = await it.next();
  await it.return();
  return first.done ? null : first.value;
}

/**
 * Format, header, first rows and the guessed mapping of a file, reading only its first batch. A delimited
 * file whose first row looks like data is read without a header (its columns' roles guessed from their
 * values); `companions`: how many other files come with it (a one- or two-column file beside them holds
 * gold labels or a judge's labels).
 */
export async function inspectFile(
  file: InputFile,
  options: FileOptions = {},
  companions = 0,
): Promise<{ info: FileInfo; sample: unknown[][] }> {
  // a file stated to be Parquet is not sniffed: a damaged one is better told apart by the Parquet reader
  const detected: Sniffed =
    options.format === 'parquet' ? { format: 'parquet', gzip: false, delimiter: ',' } : await sniff(file);
  const s: Sniffed = {
    format: options.format ?? detected.format,
    gzip: detected.gzip,
    delimiter:
      options.delimiter ??
      (options.format === 'tsv'
        ? '\t'
        : options.format === 'csv' && detected.format !== 'csv'
          ? ','
          : detected.delimiter),
  };
  const delimited = s.format === 'csv' || s.format === 'tsv';
  let source = await firstBatch(file, s, options.header !== false || !delimited);
  let hasHeader = true;
  if (
    delimited &&
    (options.header === false ||
      (options.header == null && source && !options.mapping && looksHeaderless(source.header, source.rows)))
  ) {
    source = options.header === false ? source : await firstBatch(file, s, false);
    hasHeader = false;
  }
  const expand = options.expand?.length ? options.expand.filter((c) => source?.header.includes(c)) : [];
  const json = jsonColumns(source);
  if (source && expand.length) source = expandBatch(source, expand);
  const records = source && hasHeader ? recordsOf(source) : [];
  let adapter: Adapter | null = null;
  let warning: string | null = null;
  if (options.adapter && options.adapter !== TABLE)
    adapter = statedAdapter(options.adapter, source ? recordsOf(source) : [], file.name);
  else if (!options.adapter && records.length > 0) {
    const choice = chooseAdapter(records, file.name);
    adapter = choice.adapter;
    if (choice.nearMiss) warning = nearMissMessage(file.name, choice.nearMiss, records.length);
  }
  const batch = adapter && source ? adaptBatch(source, adapter, file.name, () => {}) : source;
  const header = batch?.header ?? [];
  const content = !hasHeader && !adapter ? contentMapping(header, batch?.rows ?? [], file.name, companions) : null;
  const guessed = adapter ? canonicalMapping(header) : content ? content.mapping : guessMapping(header);
  // a stated mapping saved before a field existed (`rubric`) gets that field's default
  const mapping = options.mapping
    ? { ...emptyMapping(), ...options.mapping }
    : withOverrides(guessed, options.overrides ?? null, header, file.name);
  // a table of pairs with texts but no id column: each pair is named by its texts (as TRL files are)
  const contentIds =
    !options.mapping &&
    !adapter &&
    mapping.shape === 'long' &&
    mapping.item === null &&
    mapping.responseA !== null &&
    mapping.responseB !== null;
  if (contentIds) mapping.item = CONTENT_ID;
  const tableName = s.format === 'tsv' ? 'tsv' : s.format;
  const role: FileInfo['role'] =
    !adapter &&
    mapping.shape === 'long' &&
    mapping.annotator === null &&
    mapping.label === null &&
    rubricColumns(mapping).length === 0
      ? 'joined'
      : 'judgements';
  const info: FileInfo = {
    name: file.name,
    bytes: file.blob.size,
    format: s.format,
    gzip: s.gzip,
    delimiter: s.delimiter,
    header,
    mapping,
    role,
    adapter: adapter?.id ?? tableName,
    adapterTitle: adapter?.title ?? `${tableName.toUpperCase()} table`,
    adapted: adapter !== null,
    notes: adapter?.notes ?? [],
    warning,
    sample: (batch?.rows ?? []).slice(0, 5).map((row) => header.map((_, c) => clip(cellText(row[c]), 80))),
    estimatedRows:
      batch && batch.bytesRead > 0
        ? Math.round(((source?.rows.length ?? 0) * file.blob.size) / Math.max(batch.bytesRead, 1)) *
          Math.max(1, batch.rows.length / Math.max(1, source?.rows.length ?? 1))
        : 0,
    hasHeader,
    contentGuess:
      content?.guess ??
      (contentIds ? 'no item id column: each pair is identified by its prompt and responses (a content id)' : null),
    head: await headLines(file, s),
    problems: [],
    jsonColumns: json,
    expanded: expand,
  };
  info.problems = problemsOf(info, role === 'joined' && companions > 0);
  return { info, sample: batch?.rows.slice(0, 20) ?? [] };
}

/**
 * A column stated for one role, `COLUMN` for every file or `FILE=COLUMN` for the file of that name (or whose
 * path ends in it): the column for file `name`, or null.
 */
export function columnForFile(stated: string | null | undefined, name: string): string | null {
  if (!stated) return null;
  const at = stated.indexOf('=');
  if (at < 0) return stated;
  const file = stated.slice(0, at);
  return name === file || name.endsWith(`/${file}`) ? stated.slice(at + 1) : null;
}

function withOverrides(
  mapping: ColumnMapping,
  overrides: FileOptions['overrides'],
  header: string[],
  name: string,
): ColumnMapping {
  if (!overrides) return mapping;
  // the other order's column may name its file (`gpt4_swapped.csv=judge_label`): then only that file takes it
  overrides = {
    ...overrides,
    aiLabelSwapped: columnForFile(overrides.aiLabelSwapped, name),
    aiLabelSwappedShown: columnForFile(overrides.aiLabelSwappedShown, name),
  };
  const named = [
    overrides.item,
    overrides.annotator,
    overrides.label,
    overrides.aiLabelSwapped,
    overrides.aiLabelSwappedShown,
    ...(overrides.wide ?? []),
    ...(overrides.rubric ?? []),
  ].filter((c): c is string => !!c);
  for (const column of named)
    if (!header.includes(column))
      throw new UnreadableFile(name, `${name}: no column "${column}" (columns: ${header.join(', ')})`);
  const out = { ...mapping };
  if (overrides.wide?.length) {
    Object.assign(out, { shape: 'wide', wide: overrides.wide, annotator: null, label: null });
  }
  if (overrides.rubric?.length) {
    // a column stated as a rubric label column plays no other role
    for (const r of ROLES) if (out[r] !== null && overrides.rubric.includes(out[r]!)) out[r] = null;
    out.rubric = overrides.rubric;
  }
  // one column of the other order, in one frame: stating either leaves the other role empty
  if (overrides.aiLabelSwapped || overrides.aiLabelSwappedShown) out.aiLabelSwapped = out.aiLabelSwappedShown = null;
  for (const role of ['item', 'annotator', 'label', 'aiLabelSwapped', 'aiLabelSwappedShown'] as const) {
    const column = overrides[role];
    if (!column) continue;
    for (const r of Object.keys(out) as (keyof ColumnMapping)[])
      if (out[r] === column) (out as Record<string, unknown>)[r] = null;
    out[role] = column;
    out.rubric = out.rubric.filter((c) => c !== column);
  }
  return out;
}

/** Bytes for a message: `1.4 GB`, `85 MB`, `12 KB`. */
function byteSize(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}

/**
 * What keeps a file from being read; an empty file (no header at all) says so rather than listing missing
 * columns, and a file that looks like an export format but lacks its fields says that.
 */
/**
 * How a column of the judge's other presentation order was read, said on the page whichever frame it is: its
 * A may be the file's A (mapped back, as FastChat and LLMBar write it) or the response shown first (the file's B).
 */
function otherOrderNote(mapping: ColumnMapping): { column: string; message: string } | null {
  const column = mapping.aiLabelSwapped ?? mapping.aiLabelSwappedShown;
  if (!column) return null;
  const message = mapping.aiLabelSwapped
    ? `${column} read as the judge's verdicts in the other order (A and B exchanged when shown), given in the file's sides: its A is the file's A. If its A is the response then shown first (the file's B), choose "${ROLE_NAMES.aiLabelSwappedShown}" for it in Columns & labels (--ai-label-swapped-shown ${column})`
    : `${column} read as the judge's verdicts in the other order as shown: its A is the response then shown first, the file's B, so each verdict is mirrored (A ↔ B)`;
  return { column, message };
}

function problemsOf(info: FileInfo, joinable: boolean): string[] {
  if (info.header.length === 0) return ['the file is empty'];
  const problems = mappingProblems(info.mapping, joinable);
  if (problems.length && info.warning) return [info.warning];
  if (problems.length && info.hasHeader && info.contentGuess === null && info.sample.length > 0 && !info.adapted) {
    return [...problems, ...(info.mapping.item === null ? [headerHint(info)] : [])];
  }
  return problems;
}

/** The likely fix for a file whose columns have no known names: perhaps its first row is data. */
function headerHint(info: FileInfo): string {
  return `the first row (${info.header
    .slice(0, 4)
    .map((h) => `"${clip(h, 24)}"`)
    .join(
      ', ',
    )}${info.header.length > 4 ? ', …' : ''}) names no column prefscope knows: if it is data, read the file as one without a header; else choose the item, annotator and label columns`;
}

/** A file-name ending that marks a judge's run in the other presentation order (`gpt4_swapped.csv`). */
const OTHER_ORDER = /^(.+?)[ _.-]+(swapped|swap|reversed|flipped)$/i;

/**
 * The name of the AI judge whose verdicts a file holds: the file's name without its extensions, or the folder
 * it is in when that name says nothing (`GPT-4/result.json` → `GPT-4`); made unique among `taken`. With
 * `otherOrder`, a name ending in `_swapped` (`-swap`, ` reversed`, `.flipped`, …) is that judge's run with A and B
 * exchanged: `gpt4_swapped.csv` → `gpt4 (swapped)`, paired with `gpt4.csv` for both orders.
 */
export function judgeNameOf(fileName: string, taken: Set<string>, otherOrder = false): string {
  const parts = fileName.split('/');
  let stem = parts[parts.length - 1].replace(/(\.(gz|gzip|zip|csv|tsv|txt|jsonl?|ndjson|parquet))+$/i, '');
  const other = otherOrder ? OTHER_ORDER.exec(stem) : null;
  if (other) stem = other[1];
  const generic =
    /^(results?|outputs?|judg(e)?ments?|predictions?|annotations?|data|judge|verdicts?|labels?|dataset)$/i.test(stem);
  let name = generic && parts.length > 1 ? parts[parts.length - 2] : stem;
  if (name === '') name = 'judge';
  if (other) name = swappedJudge(name);
  let unique = name;
  for (let k = 2; taken.has(unique); k++) unique = `${name} (${k})`;
  taken.add(unique);
  return unique;
}

/**
 * Reads every file into one set of coded judgements. Files whose rows are judgements are read first and
 * concatenated; files with only per-item columns (gold labels, a judge's verdicts, texts) are joined on
 * the item id. Throws `UnreadableFile` only when no judgement at all can be read.
 */
export async function loadFiles(given: InputFile[], options: LoadOptions = {}): Promise<LoadResult> {
  const files = await expandFiles(given);
  const first = await readFiles(files, options);
  // a header-less file's annotator and item columns were told apart on its first rows: the whole file may say otherwise
  const swaps = first.fileInfos.flatMap((info, f) => {
    const counts = guessedRoleCounts(first, info);
    return counts && counts.annotators > counts.items ? [{ f, ...counts }] : [];
  });
  if (!swaps.length) return first;
  const optionsOf = (f: number) => options.files?.[f] ?? options.fileDefaults ?? {};
  const fileOptions = first.fileInfos.map((_, f) => optionsOf(f));
  for (const { f } of swaps) {
    const m = first.fileInfos[f].mapping;
    fileOptions[f] = { ...fileOptions[f], header: false, mapping: { ...m, item: m.annotator, annotator: m.item } };
  }
  const second = await readFiles(files, { ...options, files: fileOptions });
  const notes: Warning[] = swaps.map(({ f, annotators, items }) => {
    const m = first.fileInfos[f].mapping;
    return {
      file: first.fileInfos[f].name,
      column: null,
      message: `the first rows made ${m.annotator} the annotator and ${m.item} the item, but over the whole file ${m.annotator} holds ${annotators.toLocaleString('en-US')} distinct values and ${m.item} ${items.toLocaleString('en-US')}: read with the two swapped (pairs usually outnumber annotators; change it in Columns & labels)`,
    };
  });
  return { ...second, warnings: [...notes, ...second.warnings] };
}

/**
 * For a header-less file whose annotator and item columns were guessed from its first rows: how many distinct
 * annotators and items its judgements have over the whole file (null for any other file).
 */
function guessedRoleCounts(r: LoadResult, info: FileInfo): { annotators: number; items: number } | null {
  if (
    info.hasHeader ||
    !info.contentGuess ||
    info.mapping.shape !== 'long' ||
    !info.mapping.annotator ||
    !info.mapping.item ||
    info.mapping.item.startsWith('#')
  )
    return null;
  const k = r.files.indexOf(info.name);
  if (k < 0) return null;
  const annotators = new Set<number>(),
    items = new Set<number>();
  for (let j = 0; j < r.ratings.n; j++) {
    if (r.file[j] !== k) continue;
    annotators.add(r.ratings.annotator[j]);
    items.add(r.ratings.item[j]);
  }
  return { annotators: annotators.size, items: items.size };
}

/** One reading of the files with these options (`loadFiles` may read them twice). */
async function readFiles(files: InputFile[], options: LoadOptions): Promise<LoadResult> {
  const infos: FileInfo[] = [];
  const optionsOf = (f: number) => options.files?.[f] ?? options.fileDefaults ?? {};
  for (let f = 0; f < files.length; f++) infos.push((await inspectFile(files[f], optionsOf(f), files.length - 1)).info);
  const judgementFiles = infos.filter((i) => i.role === 'judgements' && i.problems.length === 0).length;
  if (judgementFiles === 0) {
    const problems = infos.flatMap((i) => problemsOf(i, false).map((p) => `${i.name}: ${p}`));
    throw new LoadFailure(
      files[0]?.name ?? '',
      problems.length ? problems.join('; ') : 'no file with judgements (an item, annotator and label column)',
      infos,
    );
  }
  const judgementsOf = (i: FileInfo) =>
    i.role === 'joined'
      ? 0
      : i.estimatedRows * (i.mapping.shape === 'wide' ? i.mapping.wide.length : 1 + rubricColumns(i.mapping).length);
  const judgements = infos.reduce((s, i) => s + judgementsOf(i), 0);
  const needed = infos.reduce((s, i) => s + judgementsOf(i) * bytesPerJudgement(i.mapping, i.header), 0);
  const budget = options.memoryBudget ?? DEFAULT_MEMORY_BUDGET;
  if (needed > budget) {
    throw new UnreadableFile(
      files[0].name,
      `${files.map((f) => f.name).join(', ')} (${byteSize(files.reduce((s, f) => s + f.blob.size, 0))}) holds about ${judgements >= 1e5 ? `${(judgements / 1e6).toFixed(1)} million` : judgements.toLocaleString('en-US')} judgements, which need about ${byteSize(needed)} of memory — more than this tab can hold (${byteSize(budget)}). Reduce the data with prefscope's SQL on your own engine (DuckDB, Spark, Trino, BigQuery: see "Beyond one machine" in the README) and open the summary file it writes.`,
    );
  }
  const encoder = new Encoder();
  encoder.itemScope = options.itemScope ?? 'shared';
  // room for the judgements of long files up front (a wide file's estimate counts its empty cells too)
  encoder.reserve(
    Math.ceil(
      1.02 *
        infos.reduce(
          (s, i) =>
            s +
            (i.role === 'joined' || i.mapping.shape === 'wide'
              ? 0
              : i.estimatedRows * (1 + rubricColumns(i.mapping).length)),
          0,
        ),
    ),
  );
  const warnings: Warning[] = [];
  const warn = (w: Warning) => warnings.push(w);
  const totalBytes = files.reduce((s, f) => s + f.blob.size, 0);
  let doneBytes = 0;
  const judgeNames = new Set<string>();
  const judgeOf: (string | null)[] = infos.map(() => null);
  const order = infos
    .map((_, i) => i)
    .sort((a, b) => Number(infos[a].role === 'joined') - Number(infos[b].role === 'joined'));
  for (const f of order) {
    const info = infos[f];
    const problems = problemsOf(info, judgementFiles > 0 && info.role === 'joined');
    encoder.countsOf(info.name);
    if (problems.length) {
      for (const message of problems)
        encoder.issue({ file: info.name, row: null, column: null, message: `${message}; the file is skipped` });
      warn({ file: info.name, column: null, message: `not read: ${problems.join('; ')}` });
      doneBytes += info.bytes;
      continue;
    }
    let rows = 0;
    // a reader's issue about a row drops it unless the reader says the row is kept
    const onIssue = (issue: Issue, dropped = issue.row !== null) => encoder.issue(issue, dropped);
    if (info.warning) {
      encoder.issue({ file: info.name, row: null, column: null, message: `${info.warning}; read as a plain table` });
      warn({ file: info.name, column: null, message: `${info.warning}; read as a plain table` });
    }
    if (!info.hasHeader) {
      warn({
        file: info.name,
        column: null,
        message: `the first row looks like data, so the file was read without a header${info.contentGuess ? `; columns guessed from their values: ${info.contentGuess}` : ''} (change it in Columns & labels, or --header / --no-header)`,
      });
    }
    const adapter = info.adapted ? adapterById(info.adapter)! : null;
    const note = adapter ? null : otherOrderNote(info.mapping);
    if (note) warn({ file: info.name, column: note.column, message: note.message });
    const stated = optionsOf(f).mapping ?? null;
    // a file's own judge (a joined judge file, or an export whose verdicts name no judge) is named after it
    // (a plain table named `…_swapped` holds its other presentation order; an adapter names its own orders)
    const judgeName = judgeNameOf(info.name, judgeNames, !adapter);
    judgeNames.delete(judgeName); // taken only if the file turns out to hold a judge (below)

    const adapted = adaptedFile(info.name, judgeName);
    // a column format decodes only the columns the mapping uses and the slice candidates still open
    const others = new Set(otherColumns(info.header, info.mapping));
    const ignored = new Set(info.mapping.ignored);
    const columnsOf = adapter
      ? undefined
      : (header: string[]) =>
          header.filter((c) => !ignored.has(c) && (!others.has(c) || (info.role !== 'joined' && encoder.sliceOpen(c))));
    const raw = counted(reader(files[f], info, onIssue, info.hasHeader, warn, columnsOf), (n) => (rows += n));
    const source = info.expanded.length ? expandColumns(raw, info.expanded) : raw;
    for await (const batch of adapter ? adaptRows(source, adapter, info.name, onIssue, adapted) : source) {
      // an adapter's columns can first appear in a later batch: its mapping follows the header unless stated
      encoder.add(
        batch,
        adapter && !stated ? canonicalMapping(batch.header) : info.mapping,
        info.name,
        info.role === 'joined',
        judgeName,
        adapter?.contentIds ?? false,
      );
      options.onProgress?.({ bytesRead: doneBytes + batch.bytesRead, totalBytes, rows: encoder.item.length });
    }
    encoder.countsOf(info.name).rows = rows;
    // the judge named after this file: a joined judge file's, or an export's whose verdicts name no judge
    if (encoder.annotators.lookup(judgeName) >= 0 || encoder.attributes.aiSources.some((s) => s.name === judgeName)) {
      judgeOf[f] = judgeName;
      judgeNames.add(judgeName);
      const first = adapter ? null : unswappedJudge(judgeName);
      if (first !== null && info.mapping.aiLabel)
        warn({
          file: info.name,
          column: info.mapping.aiLabel,
          message: `read as ${first}'s verdicts in the other order (A and B exchanged when shown), as the file's name says, given in the file's sides: its A is the file's A. If its A is the response then shown first (the file's B), choose "${ROLE_NAMES.aiLabelSwappedShown}" for ${info.mapping.aiLabel} in Columns & labels (--ai-label-swapped-shown ${info.name.split('/').pop()}=${info.mapping.aiLabel})`,
        });
    }
    for (const [id, name] of adapted.aliases) if (!encoder.aliases.has(id)) encoder.aliases.set(id, name);
    for (const [message, n] of adapted.notes)
      warn({ file: info.name, column: null, message: n > 1 ? `${n.toLocaleString('en-US')} × ${message}` : message });
    if (rows === 0) {
      const message = info.header.length ? 'the file has a header but no rows' : 'the file is empty';
      encoder.issue({ file: info.name, row: null, column: null, message });
      warn({ file: info.name, column: null, message });
    }
    doneBytes += info.bytes;
  }
  for (let f = 0; f < encoder.files.length; f++) {
    const n = encoder.sharedItems[f];
    if (n === 0) continue;
    const earlier = [...encoder.sharedWith[f]].map((g) => encoder.files[g]).join(', ');
    warn({
      file: encoder.files[f],
      column: null,
      message: `${n.toLocaleString('en-US')} of its item ids also occur in ${earlier}: they were read as the same pairs. If the files hold different pairs that reuse ids, scope the ids by file (the choice on the page, or --item-scope file).`,
    });
  }
  const loaded = finishRatings(encoder, options);
  if (loaded.ratings.n === 0) {
    const why = loaded.issues
      .slice(0, 3)
      .map((i) => `${i.file}${i.row ? ` row ${i.row}` : ''}: ${i.message}`)
      .join('; ');
    throw new LoadFailure(files[0].name, `no valid judgement${why ? ` (${why})` : ''}`, infos);
  }
  for (const [file, n] of encoder.unmatched) {
    const rows = encoder.fileCounts.get(file)?.rows ?? n;
    warn({
      file,
      column: null,
      message: `${n.toLocaleString('en-US')} of its ${rows.toLocaleString('en-US')} rows name pairs that no judgement file holds: left out`,
    });
  }
  if (encoder.crossFileReplaced > 0) {
    warn({
      file: encoder.files.join(', '),
      column: null,
      message: `${encoder.crossFileReplaced.toLocaleString('en-US')} judgements share annotator, item id and dimension with one in another file and were replaced by it: the files probably hold different pairs under the same ids. Scope the ids by file (the choice on the page, or --item-scope file) to keep both.`,
    });
  }
  for (const [file, n] of encoder.replaced) {
    warn({
      file,
      column: null,
      message: `${n.toLocaleString('en-US')} judgement${n === 1 ? ' was' : 's were'} given again by the same annotator on the same pair (and dimension): the later one is kept (by timestamp when there is one), the earlier one dropped`,
    });
  }
  const kept = new Float64Array(encoder.files.length);
  for (let j = 0; j < loaded.ratings.n; j++) kept[loaded.file[j]]++;
  const fileStats: FileStats[] = infos.map((info, f) => {
    const k = encoder.files.indexOf(info.name);
    const counts = encoder.fileCounts.get(info.name) ?? { rows: 0, dropped: 0 };
    return {
      name: info.name,
      rows: counts.rows,
      judgements: k < 0 ? 0 : kept[k],
      dropped: counts.dropped,
      judge: judgeOf[f],
    };
  });
  const sharedIds = encoder.files.flatMap((file, f) =>
    encoder.sharedItems[f] > 0
      ? [
          {
            file,
            with: [...encoder.sharedWith[f]].map((g) => encoder.files[g]),
            items: encoder.sharedItems[f],
            crossFileReplaced: encoder.crossFileReplaced,
          },
        ]
      : [],
  );
  return {
    ...loaded,
    warnings: [...warnings, ...loaded.warnings],
    fileInfos: infos,
    fileStats,
    blobs: files.map((f) => f.blob),
    sharedIds,
  };
}

/** A reader whose batches are counted as they pass (`onRows` gets each batch's row count). */
async function* counted(source: TableReader, onRows: (n: number) => void): TableReader {
  for await (const batch of source) {
    onRows(batch.cells?.size ?? batch.rows.length);
    yield batch;
  }
}
