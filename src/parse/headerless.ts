import { ROLES, emptyMapping, guessMapping, type ColumnMapping } from './columnRoles';
import { NO_LABEL as MATRIX_MISSING, ROW_NUMBER, cellText } from './encoder';

/** Rows the roles of a header-less file are guessed from. */
const SAMPLE_ROWS = 1000;

/** At most this many distinct values in every column: a table of labels (an item × annotator matrix). */
const MATRIX_VALUES = 20;

/**
 * Whether the first row of a delimited file is data rather than a header: none of its cells is a column name
 * prefscope knows, and one of them is a number, a URL, or a value its own column holds again further down
 * (a worker id, a label).
 */
export function looksHeaderless(header: string[], rows: unknown[][]): boolean {
  if (header.length === 0 || rows.length === 0) return false;
  const m = guessMapping(header);
  if (ROLES.some((r) => m[r] !== null) || m.wide.length > 0 || m.rubric.length > 0) return false;
  return header.some((h, c) => {
    const name = h.trim();
    if (name === '') return false;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(name) || /^https?:\/\//i.test(name)) return true;
    return rows.some((row) => cellText(row[c]) === name);
  });
}

interface ColumnStats {
  column: string;
  distinct: number;
  empty: number;
  /** mean length of its non-empty values */
  length: number;
  /** shares of its non-empty values that are URLs, and that look like Mechanical Turk worker ids */
  urls: number;
  workerIds: number;
}

const URL = /^https?:\/\//i;
const WORKER_ID = /^A[0-9A-Z]{9,20}$/;

function stats(header: string[], rows: unknown[][]): ColumnStats[] {
  return header.map((column, c) => {
    const values = new Set<string>();
    let empty = 0;
    let chars = 0;
    let urls = 0;
    let workerIds = 0;
    for (const row of rows) {
      const v = cellText(row[c]);
      if (v === '' || MATRIX_MISSING.has(v.toLowerCase())) empty++;
      else {
        values.add(v);
        chars += v.length;
        if (URL.test(v)) urls++;
        if (WORKER_ID.test(v)) workerIds++;
      }
    }
    const filled = Math.max(1, rows.length - empty);
    return {
      column,
      distinct: values.size,
      empty,
      length: chars / filled,
      urls: urls / filled,
      workerIds: workerIds / filled,
    };
  });
}

/**
 * Whether the columns use one vocabulary of values (an item × annotator matrix of labels), unlike id columns
 * beside a label column: at most 20 values in all, and each column's values are mostly found in another column.
 */
function sharedVocabulary(header: string[], rows: unknown[][]): boolean {
  const sets = header.map((_, c) => {
    const set = new Set<string>();
    for (const row of rows) {
      const v = cellText(row[c]);
      if (v !== '' && !MATRIX_MISSING.has(v.toLowerCase())) set.add(v);
    }
    return set;
  });
  const all = new Set(sets.flatMap((x) => [...x]));
  if (all.size > MATRIX_VALUES) return false;
  return sets.every((set, c) => {
    if (set.size === 0) return true;
    let shared = 0;
    for (const v of set) if (sets.some((other, d) => d !== c && other.has(v))) shared++;
    return shared * 2 >= set.size;
  });
}

/**
 * The value a matrix of integer labels uses for "no label", if any: `-1` beside non-negative labels, or `0`
 * beside labels 1…K when it fills most cells and no cell is empty (as MATLAB crowd-model code writes them).
 */
function missingSentinel(rows: unknown[][]): string | null {
  const counts = new Map<string, number>();
  let cells = 0;
  for (const row of rows) {
    for (const cell of row) {
      const v = cellText(cell);
      cells++;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  }
  const values = [...counts.keys()];
  if (!values.every((v) => v === '' || /^-?\d+$/.test(v))) return null;
  const labels = values.filter((v) => v !== '').map(Number);
  if (labels.includes(-1) && labels.every((x) => x >= -1)) return '-1';
  if (
    !counts.has('') &&
    labels.includes(0) &&
    labels.every((x) => x >= 0) &&
    (counts.get('0') ?? 0) * 2 > cells &&
    labels.some((x) => x >= 1)
  )
    return '0';
  return null;
}

/** A file that names its judge file or its gold key (for a two-column or one-column file beside the annotations). */
const GOLD_NAME = /gold|truth|key|answer|expert|reference/i;
const JUDGE_NAME = /judge|llm|gpt|claude|gemini|pred|model|ai[_-]/i;

/**
 * Column roles of a file without a header, guessed from the values of its first rows, with the guess in
 * words (or null when there is no guess to make):
 * - one column: labels by row number (a gold key beside an item × annotator matrix when other files come with it);
 * - two columns: item and a label (beside other files: the gold label, or a judge's label when the file is named
 *   like a judge); the item is the column with more distinct values;
 * - every column holding few distinct values (at most 20, empty cells allowed): an item × annotator matrix, one
 *   row per item (named by its row number), one column per annotator;
 * - three columns: the label is the one of short values from at most 20 distinct ones; of the other two a column
 *   of URLs is the item and one of Mechanical Turk worker ids the annotator, else the annotator is the one with
 *   fewer distinct values (the first on a tie, as Get-Another-Label writes worker, item, label). `loadFiles`
 *   checks the counts over the whole file and swaps the two when they say otherwise.
 */
export function contentMapping(
  header: string[],
  allRows: unknown[][],
  fileName: string,
  companions: number,
): { mapping: ColumnMapping; guess: string | null } {
  const mapping = emptyMapping();
  // the first rows only, the same whatever the size of the first batch (a browser reads larger chunks than node)
  const rows = allRows.slice(0, SAMPLE_ROWS);
  const s = stats(header, rows);
  const described = (c: ColumnStats) =>
    `${c.column} (${c.distinct.toLocaleString('en-US')} distinct value${c.distinct === 1 ? '' : 's'} in the first ${rows.length.toLocaleString('en-US')} rows)`;
  if (header.length === 1) {
    mapping.item = ROW_NUMBER;
    const side = companions > 0;
    if (side && JUDGE_NAME.test(fileName) && !GOLD_NAME.test(fileName)) mapping.aiLabel = header[0];
    else if (side) mapping.goldLabel = header[0];
    else mapping.label = header[0];
    const role = mapping.goldLabel ? 'the gold label' : mapping.aiLabel ? "an AI judge's label" : 'the label';
    return { mapping, guess: `one column: ${role} of each row, the rows numbered as the pairs (row 1, row 2, …)` };
  }
  const matrix = header.length >= 3 && s.every((c) => c.distinct <= MATRIX_VALUES) && sharedVocabulary(header, rows);
  if (matrix) {
    mapping.shape = 'wide';
    mapping.item = ROW_NUMBER;
    mapping.wide = [...header];
    const sentinel = missingSentinel(rows);
    if (sentinel) mapping.missing = [sentinel];
    return {
      mapping,
      guess: `an item × annotator matrix: one row per pair (row 1, row 2, …), one column per annotator (${header.length} columns), an empty cell${sentinel ? ` or ${sentinel}` : ''} = no label`,
    };
  }
  if (header.length === 2) {
    const [a, b] = s;
    const item = a.distinct >= b.distinct ? a : b;
    const label = item === a ? b : a;
    mapping.item = item.column;
    const side = companions > 0;
    if (side && JUDGE_NAME.test(fileName) && !GOLD_NAME.test(fileName)) mapping.aiLabel = label.column;
    else if (side) mapping.goldLabel = label.column;
    else mapping.label = label.column;
    const role = mapping.goldLabel ? 'gold label' : mapping.aiLabel ? 'AI judge label' : 'label';
    return { mapping, guess: `item = ${described(item)}, ${role} = ${described(label)}` };
  }
  if (header.length === 3) {
    // the label: short values from a small vocabulary; then the annotator has fewer distinct values than the item
    // (a tie keeps the Get-Another-Label order, worker before item)
    const small = s.filter((c) => c.distinct <= MATRIX_VALUES);
    const label = (small.length ? small : s).reduce((best, c) =>
      c.length < best.length || (c.length === best.length && c.distinct < best.distinct) ? c : best,
    );
    const [first, second] = s.filter((c) => c !== label);
    // what the values say first (URLs are items, Mechanical Turk worker ids are annotators), else the counts
    const looks = (c: ColumnStats) => (c.urls > 0.5 ? 'item' : c.workerIds > 0.5 ? 'annotator' : null);
    const [annotator, item] =
      looks(first) === 'item' || looks(second) === 'annotator'
        ? [second, first]
        : looks(first) === 'annotator' || looks(second) === 'item'
          ? [first, second]
          : [first, second].sort((x, y) => x.distinct - y.distinct);
    mapping.label = label.column;
    mapping.annotator = annotator.column;
    mapping.item = item.column;
    return {
      mapping,
      guess: `label = ${described(label)}, annotator = ${described(annotator)}, item = ${described(item)}`,
    };
  }
  return { mapping, guess: null };
}
