import type { LoadResult } from '../parse/loadFiles';

/** Lists are cut to their first `LINT_CAP` entries; the counts beside them are full. */
export const LINT_CAP = 200;
/** Prompts in `prompts_across_slices` are cut to this many characters (an ellipsis included). */
export const PROMPT_CHARS = 120;
/** Slices that are not columns of the file (`model_pair` is derived from the model columns) */
const DERIVED_SLICES: ReadonlySet<string> = new Set(['model_pair']);
/** Slice values that stand for no value: an empty cell, or a judgement from a file without the column */
const NO_VALUE: ReadonlySet<string> = new Set(['(empty)', '(missing)']);

export interface RepeatedPair {
  /** item ids of the copies, first LINT_CAP in item order */
  items: string[];
  items_count: number;
  /** some copy has A and B swapped (relative to the first item) */
  swapped: boolean;
  /** the copies' final labels disagree on the direction (a swapped copy's direction mirrored) */
  conflicting: boolean;
}

export interface PromptAcrossSlices {
  /** slice column */
  slice: string;
  /** the prompt, cut to PROMPT_CHARS characters */
  prompt: string;
  /** the column's values the prompt appears under, in the column's order */
  values: string[];
  /** item ids with this prompt under any value of the column, first LINT_CAP in item order */
  items: string[];
  items_count: number;
}

export interface PairLint {
  /** items whose two responses are the same text */
  identical: string[];
  identical_count: number;
  /** items with an empty or missing response A or B (only when some item has a response text) */
  empty: string[];
  empty_count: number;
  /** groups of items with equal (prompt, A, B), or equal with A and B swapped */
  repeated: RepeatedPair[];
  repeated_count: number;
  repeated_conflicting: number;
  prompts_across_slices: PromptAcrossSlices[];
  prompts_across_slices_count: number;
}

function cut(s: string, n = PROMPT_CHARS): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Direction of a category: 0 = A side, 1 = tie, 2 = B side; the category itself for nominal data; -1 none. */
function directionOf(fivePoint: Int8Array, c: number): number {
  if (!(c >= 0 && c < fivePoint.length)) return -1;
  const code = fivePoint[c];
  if (code < 0) return 3 + c; // nominal: the category (offset so it never equals a side)
  return code <= 1 ? 0 : code === 2 ? 1 : 2;
}

/**
 * Lint of the pairs' texts: identical responses, empty responses, repeated pairs (equal prompt, A and B,
 * or equal with A and B swapped; the prompt may be missing in all copies) and whether their final labels
 * (`finalLabels[item]`: the category of the majority vote, -1 none) conflict, and prompts that appear under
 * two or more values of one slice column (a train / test leak). Texts compare exactly (the reader trims
 * them). Every text is interned once (a Map from text to code) and pairs are grouped by numeric keys of
 * their codes, so 1M items take one pass and no pairwise comparison. A swapped copy agrees when its direction
 * is the mirror (A ↔ B, a tie stays a tie); nominal data has no mirror, so there a swapped copy is not
 * compared. Items without a final label take no part in the conflict.
 */
export function pairLint(loaded: LoadResult, finalLabels: Int32Array): PairLint {
  const r = loaded.ratings;
  const nItems = r.items.length;
  const { prompt, responseA, responseB } = loaded.texts;
  // texts as codes: prompts and responses in two dictionaries (-1: empty or missing)
  const promptCodes = new Map<string, number>(),
    responseCodes = new Map<string, number>();
  const intern = (codes: Map<string, number>, s: string | undefined) => {
    if (s === undefined || s === '') return -1;
    let c = codes.get(s);
    if (c === undefined) codes.set(s, (c = codes.size));
    return c;
  };
  const p = new Int32Array(nItems),
    a = new Int32Array(nItems),
    b = new Int32Array(nItems);
  let hasResponses = false;
  for (let i = 0; i < nItems; i++) {
    p[i] = intern(promptCodes, prompt[i]);
    a[i] = intern(responseCodes, responseA[i]);
    b[i] = intern(responseCodes, responseB[i]);
    if (a[i] >= 0 || b[i] >= 0) hasResponses = true;
  }

  const identical: string[] = [],
    empty: string[] = [];
  let identicalCount = 0,
    emptyCount = 0;
  for (let i = 0; i < nItems; i++) {
    if (a[i] >= 0 && a[i] === b[i] && identicalCount++ < LINT_CAP) identical.push(r.items[i]);
    if (hasResponses && (a[i] < 0 || b[i] < 0) && emptyCount++ < LINT_CAP) empty.push(r.items[i]);
  }

  // repeated pairs: the two response codes in ascending order, coded as one number, then with the prompt
  // code (numbers < 2^53 as keys: no key strings to build)
  const M = responseCodes.size + 1;
  const pairOf = new Map<number, number>();
  const pairCode = new Int32Array(nItems).fill(-1);
  const flipped = new Uint8Array(nItems);
  for (let i = 0; i < nItems; i++) {
    if (a[i] < 0 || b[i] < 0) continue;
    flipped[i] = a[i] > b[i] ? 1 : 0;
    const k = Math.min(a[i], b[i]) * M + Math.max(a[i], b[i]);
    let c = pairOf.get(k);
    if (c === undefined) pairOf.set(k, (c = pairOf.size));
    pairCode[i] = c;
  }
  const P = pairOf.size;
  const groupOf = new Map<number, number>();
  const group = new Int32Array(nItems).fill(-1);
  const groupSize: number[] = [];
  for (let i = 0; i < nItems; i++) {
    if (pairCode[i] < 0) continue;
    const k = (p[i] + 1) * P + pairCode[i];
    let g = groupOf.get(k);
    if (g === undefined) {
      groupOf.set(k, (g = groupSize.length));
      groupSize.push(0);
    }
    group[i] = g;
    groupSize[g]++;
  }
  const nGroups = groupSize.length;
  const firstFlip = new Int8Array(nGroups).fill(-1);
  const swapped = new Uint8Array(nGroups),
    conflicting = new Uint8Array(nGroups);
  const direction = new Int32Array(nGroups).fill(-1);
  const members: string[][] = []; // per reported group (2 or more items), in order of its first item
  const groupOfSlot: number[] = [];
  const slot = new Int32Array(nGroups).fill(-1); // index into `members` of a group
  for (let i = 0; i < nItems; i++) {
    const g = group[i];
    if (g < 0 || groupSize[g] < 2) continue;
    if (firstFlip[g] < 0) firstFlip[g] = flipped[i];
    const isSwapped = flipped[i] !== firstFlip[g];
    if (isSwapped) swapped[g] = 1;
    let d = directionOf(r.fivePoint, finalLabels[i]);
    if (d >= 0 && isSwapped) d = d <= 2 ? 2 - d : -1; // mirror; a nominal category has none
    if (d >= 0) {
      if (direction[g] < 0) direction[g] = d;
      else if (direction[g] !== d) conflicting[g] = 1;
    }
    if (slot[g] < 0) {
      slot[g] = members.length;
      members.push([]);
      groupOfSlot.push(g);
    }
    const list = members[slot[g]];
    if (list.length < LINT_CAP) list.push(r.items[i]);
  }
  const repeated: RepeatedPair[] = [];
  let repeatedCount = 0,
    repeatedConflicting = 0;
  for (const g of groupOfSlot) {
    repeatedCount++;
    if (conflicting[g]) repeatedConflicting++;
    if (repeated.length < LINT_CAP)
      repeated.push({
        items: members[slot[g]],
        items_count: groupSize[g],
        swapped: swapped[g] === 1,
        conflicting: conflicting[g] === 1,
      });
  }

  const across: PromptAcrossSlices[] = [];
  let acrossCount = 0;
  const promptOfCode: string[] = [];
  for (const [text, c] of promptCodes) promptOfCode[c] = text;
  for (const slice of r.slices) {
    if (DERIVED_SLICES.has(slice.name)) continue;
    const V = slice.values.length;
    const counts = lintSlice(
      r.item,
      slice.code,
      p,
      promptCodes.size,
      V,
      slice.values.map((v) => NO_VALUE.has(v)),
    );
    for (const found of counts) {
      if (acrossCount++ >= LINT_CAP) continue;
      across.push({
        slice: slice.name,
        prompt: cut(promptOfCode[found.prompt]),
        values: found.values.map((v) => slice.values[v]),
        items: found.items.slice(0, LINT_CAP).map((i) => r.items[i]),
        items_count: found.items.length,
      });
    }
  }

  return {
    identical,
    identical_count: identicalCount,
    empty,
    empty_count: emptyCount,
    repeated,
    repeated_count: repeatedCount,
    repeated_conflicting: repeatedConflicting,
    prompts_across_slices: across,
    prompts_across_slices_count: acrossCount,
  };
}

/**
 * Prompts (codes) met under two or more values of one slice: judgements grouped by prompt with a
 * counting sort, then per prompt the distinct values and items by stamping. Ordered by the prompt's
 * first item.
 */
function lintSlice(
  item: Int32Array,
  value: Int32Array,
  promptOfItem: Int32Array,
  nPrompts: number,
  V: number,
  skip: boolean[],
) {
  const nItems = promptOfItem.length;
  const start = new Int32Array(nPrompts + 1);
  const used = (j: number) => promptOfItem[item[j]] >= 0 && value[j] >= 0 && value[j] < V && !skip[value[j]];
  for (let j = 0; j < item.length; j++) if (used(j)) start[promptOfItem[item[j]] + 1]++;
  for (let c = 0; c < nPrompts; c++) start[c + 1] += start[c];
  const next = start.slice(0, nPrompts);
  const byPrompt = new Int32Array(start[nPrompts]);
  for (let j = 0; j < item.length; j++) if (used(j)) byPrompt[next[promptOfItem[item[j]]]++] = j;
  const valueSeen = new Int32Array(V).fill(-1);
  const itemSeen = new Int32Array(nItems).fill(-1);
  const found: { prompt: number; first: number; values: number[]; items: number[] }[] = [];
  for (let c = 0; c < nPrompts; c++) {
    let distinct = 0;
    for (let k = start[c]; k < start[c + 1]; k++) {
      const v = value[byPrompt[k]];
      if (valueSeen[v] !== c) {
        valueSeen[v] = c;
        distinct++;
      }
    }
    if (distinct < 2) continue;
    const values: number[] = [];
    for (let v = 0; v < V; v++) if (valueSeen[v] === c) values.push(v);
    const items: number[] = [];
    for (let k = start[c]; k < start[c + 1]; k++) {
      const i = item[byPrompt[k]];
      if (itemSeen[i] !== c) {
        itemSeen[i] = c;
        items.push(i);
      }
    }
    items.sort((x, y) => x - y);
    found.push({ prompt: c, first: items[0], values, items });
  }
  return found.sort((x, y) => x.first - y.first);
}
