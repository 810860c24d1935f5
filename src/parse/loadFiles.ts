import type { Adapter } from './adapters/adapter';
import { adaptBatch, adaptRows, recordsOf } from './adapters/adaptRows';
import { TABLE, adapterById, chooseAdapter, nearMissMessage, statedAdapter } from './adapters/index';
import { ROLES, canonicalMapping, emptyMapping, guessMapping, mappingProblems, rubricColumns, type ColumnMapping } from './columnRoles';
import { Encoder, cellText, clip } from './encoder';
import { finishRatings, type LabelOptions, type Loaded } from './finishRatings';
import { readCsv } from './readCsv';
import { readJson } from './readJson';
import { readJsonl } from './readJsonl';
import { readParquet } from './readParquet';
import { sniff, type Sniffed } from './sniff';
import { UnreadableFile, type Format, type InputFile, type Issue, type TableBatch, type TableReader } from './types';

/** What the user may state about one file; everything left out is detected. */
export interface FileOptions {
  format?: Format | null;
  /** a format adapter by id (`label-studio`, …) or `table` for a plain table; detected when left out */
  adapter?: string | null;
  delimiter?: string | null;
  mapping?: ColumnMapping | null;
  /** roles stated by name on top of the guessed mapping (the command's --item, --annotator, --label, --wide, --rubric) */
  overrides?: Partial<Pick<ColumnMapping, 'item' | 'annotator' | 'label' | 'wide' | 'rubric'>> | null;
}

export interface LoadOptions extends LabelOptions {
  files?: FileOptions[];
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
}

/** What one judgement costs while reading (growing typed arrays, then the compact copy), in bytes. */
export const BYTES_PER_JUDGEMENT = 160;
export const DEFAULT_MEMORY_BUDGET = 2e9;

export interface LoadResult extends Loaded {
  fileInfos: FileInfo[];
}

function reader(file: InputFile, s: Sniffed, onIssue: (i: Issue, dropped?: boolean) => void): TableReader {
  switch (s.format) {
    case 'csv':
    case 'tsv':
      return readCsv(file, s.gzip, s.delimiter, onIssue);
    case 'json':
      return readJson(file, s.gzip, onIssue);
    case 'jsonl':
      return readJsonl(file, s.gzip, onIssue);
    case 'parquet':
      return readParquet(file, onIssue);
  }
}

/** Format, header, first rows and the guessed mapping of a file, reading only its first batch. */
export async function inspectFile(file: InputFile, options: FileOptions = {}): Promise<{ info: FileInfo; sample: unknown[][] }> {
  // a file stated to be Parquet is not sniffed: a damaged one is better told apart by the Parquet reader
  const detected: Sniffed = options.format === 'parquet' ? { format: 'parquet', gzip: false, delimiter: ',' } : await sniff(file);
  const s: Sniffed = {
    format: options.format ?? detected.format,
    gzip: detected.gzip,
    delimiter: options.delimiter ?? (options.format === 'tsv' ? '\t' : options.format === 'csv' && detected.format !== 'csv' ? ',' : detected.delimiter),
  };
  const it = reader(file, s, () => {});
  const first = await it.next();
  await it.return();
  const source: TableBatch | null = first.done ? null : first.value;
  const records = source ? recordsOf(source) : [];
  let adapter: Adapter | null = null;
  let warning: string | null = null;
  if (options.adapter && options.adapter !== TABLE) adapter = statedAdapter(options.adapter, records, file.name);
  else if (!options.adapter && records.length > 0) {
    const choice = chooseAdapter(records, file.name);
    adapter = choice.adapter;
    if (choice.nearMiss) {
      warning = nearMissMessage(file.name, choice.nearMiss, records.length);
      if (mappingProblems(guessMapping(source!.header), false).length > 0) throw new UnreadableFile(file.name, warning);
    }
  }
  const batch = adapter && source ? adaptBatch(source, adapter, file.name, () => {}) : source;
  const header = batch?.header ?? [];
  const guessed = adapter ? canonicalMapping(header) : guessMapping(header);
  // a stated mapping saved before a field existed (`rubric`) gets that field's default
  const mapping = options.mapping ? { ...emptyMapping(), ...options.mapping } : withOverrides(guessed, options.overrides ?? null, header, file.name);
  const tableName = s.format === 'tsv' ? 'tsv' : s.format;
  const info: FileInfo = {
    name: file.name,
    bytes: file.blob.size,
    format: s.format,
    gzip: s.gzip,
    delimiter: s.delimiter,
    header,
    mapping,
    role: !adapter && mapping.shape === 'long' && mapping.annotator === null && mapping.label === null && rubricColumns(mapping).length === 0 ? 'joined' : 'judgements',
    adapter: adapter?.id ?? tableName,
    adapterTitle: adapter?.title ?? `${tableName.toUpperCase()} table`,
    adapted: adapter !== null,
    notes: adapter?.notes ?? [],
    warning,
    sample: (batch?.rows ?? []).slice(0, 5).map((row) => header.map((_, c) => clip(cellText(row[c]), 80))),
    estimatedRows: batch && batch.bytesRead > 0 ? Math.round((batch.rows.length * file.blob.size) / Math.max(batch.bytesRead, 1)) : 0,
  };
  return { info, sample: batch?.rows.slice(0, 20) ?? [] };
}

function withOverrides(mapping: ColumnMapping, overrides: FileOptions['overrides'], header: string[], name: string): ColumnMapping {
  if (!overrides) return mapping;
  const named = [overrides.item, overrides.annotator, overrides.label, ...(overrides.wide ?? []), ...(overrides.rubric ?? [])].filter((c): c is string => !!c);
  for (const column of named) if (!header.includes(column)) throw new UnreadableFile(name, `${name}: no column "${column}" (columns: ${header.join(', ')})`);
  const out = { ...mapping };
  if (overrides.wide?.length) {
    Object.assign(out, { shape: 'wide', wide: overrides.wide, annotator: null, label: null });
  }
  if (overrides.rubric?.length) {
    // a column stated as a rubric label column plays no other role
    for (const r of ROLES) if (out[r] !== null && overrides.rubric.includes(out[r]!)) out[r] = null;
    out.rubric = overrides.rubric;
  }
  for (const role of ['item', 'annotator', 'label'] as const) {
    const column = overrides[role];
    if (!column) continue;
    for (const r of Object.keys(out) as (keyof ColumnMapping)[]) if (out[r] === column) (out as Record<string, unknown>)[r] = null;
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

/** What keeps a file from being read; an empty file (no header at all) says so rather than listing missing columns. */
function problemsOf(info: FileInfo, joinable: boolean): string[] {
  return info.header.length === 0 ? ['the file is empty'] : mappingProblems(info.mapping, joinable);
}

/**
 * Reads every file into one set of coded judgements. Files whose rows are judgements are read first and
 * concatenated; files with only per-item columns (gold labels, a judge's verdicts, texts) are joined on
 * the item id. Throws `UnreadableFile` only when no judgement at all can be read.
 */
export async function loadFiles(files: InputFile[], options: LoadOptions = {}): Promise<LoadResult> {
  const infos: FileInfo[] = [];
  for (let f = 0; f < files.length; f++) infos.push((await inspectFile(files[f], options.files?.[f] ?? {})).info);
  const judgementFiles = infos.filter((i) => i.role === 'judgements').length;
  if (judgementFiles === 0) {
    const problems = infos.flatMap((i) => problemsOf(i, false).map((p) => `${i.name}: ${p}`));
    throw new UnreadableFile(files[0]?.name ?? '', problems.length ? problems.join('; ') : 'no file with judgements (an item, annotator and label column)');
  }
  const judgements = infos.reduce((s, i) => s + (i.role === 'joined' ? 0 : i.estimatedRows * (i.mapping.shape === 'wide' ? i.mapping.wide.length : 1 + rubricColumns(i.mapping).length)), 0);
  const budget = options.memoryBudget ?? DEFAULT_MEMORY_BUDGET;
  if (judgements * BYTES_PER_JUDGEMENT > budget) {
    throw new UnreadableFile(
      files[0].name,
      `${files.map((f) => f.name).join(', ')} (${byteSize(files.reduce((s, f) => s + f.blob.size, 0))}) holds about ${judgements >= 1e5 ? `${(judgements / 1e6).toFixed(1)} million` : judgements.toLocaleString('en-US')} judgements, which need about ${byteSize(judgements * BYTES_PER_JUDGEMENT)} of memory — more than this tab can hold (${byteSize(budget)}). Reduce the data with prefscope's SQL on your own engine (DuckDB, Spark, Trino, BigQuery: see "Beyond one machine" in the README) and open the summary file it writes.`,
    );
  }
  const encoder = new Encoder();
  const totalBytes = files.reduce((s, f) => s + f.blob.size, 0);
  let doneBytes = 0;
  const order = infos.map((_, i) => i).sort((a, b) => Number(infos[a].role === 'joined') - Number(infos[b].role === 'joined'));
  for (const f of order) {
    const info = infos[f];
    const problems = problemsOf(info, judgementFiles > 0 && info.role === 'joined');
    if (problems.length) {
      for (const message of problems) encoder.issue({ file: info.name, row: null, column: null, message: `${message}; the file is skipped` });
      doneBytes += info.bytes;
      continue;
    }
    let rows = 0;
    // a reader's issue about a row drops it unless the reader says the row is kept
    const onIssue = (issue: Issue, dropped = issue.row !== null) => encoder.issue(issue, dropped);
    if (info.warning) encoder.issue({ file: info.name, row: null, column: null, message: `${info.warning}; read as a plain table` });
    const adapter = info.adapted ? adapterById(info.adapter)! : null;
    const stated = options.files?.[f]?.mapping ?? null;
    const source = reader(files[f], info, onIssue);
    for await (const batch of adapter ? adaptRows(source, adapter, info.name, onIssue) : source) {
      // an adapter's columns can first appear in a later batch: its mapping follows the header unless stated
      encoder.add(batch, adapter && !stated ? canonicalMapping(batch.header) : info.mapping, info.name, info.role === 'joined');
      rows += batch.rows.length;
      options.onProgress?.({ bytesRead: doneBytes + batch.bytesRead, totalBytes, rows: encoder.item.length });
    }
    if (rows === 0) encoder.issue({ file: info.name, row: null, column: null, message: info.header.length ? 'the file has a header but no rows' : 'the file is empty' });
    doneBytes += info.bytes;
  }
  const loaded = finishRatings(encoder, options);
  if (loaded.ratings.n === 0) {
    const why = loaded.issues.slice(0, 3).map((i) => `${i.file}${i.row ? ` row ${i.row}` : ''}: ${i.message}`).join('; ');
    throw new UnreadableFile(files[0].name, `no valid judgement${why ? ` (${why})` : ''}`);
  }
  return { ...loaded, fileInfos: infos };
}
