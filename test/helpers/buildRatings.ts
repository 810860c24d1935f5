import { HUMAN, PREFERENCE_LABELS, type Ratings, type Scale } from '../../src/core/types';

type Value = number | string | null | undefined;

export interface BuildOptions {
  /** the category values in code order; default: the distinct values, sorted (numbers numerically) */
  categories?: Value[];
  /** a preference scale: values are 5-point codes 0..4 and categories are the 5 preference labels */
  scale?: Scale;
}

/** A `Ratings` from (item, annotator, value) triples; null values are missing and skipped. */
export function ratingsFromTriples(
  triples: [string, string, Value][],
  { categories, scale = 'nominal' }: BuildOptions = {},
): Ratings {
  const kept = triples.filter((t) => t[2] !== null && t[2] !== undefined);
  const preference = scale !== 'nominal';
  const cats: Value[] = preference
    ? [0, 1, 2, 3, 4]
    : (categories ??
      [...new Set(kept.map((t) => t[2]))].sort((a, b) =>
        typeof a === 'number' && typeof b === 'number'
          ? a - b
          : String(a) < String(b)
            ? -1
            : String(a) > String(b)
              ? 1
              : 0,
      ));
  const items: string[] = [];
  const annotators: string[] = [];
  const itemIndex = new Map<string, number>();
  const annIndex = new Map<string, number>();
  const code = (map: Map<string, number>, list: string[], key: string) => {
    let c = map.get(key);
    if (c === undefined) map.set(key, (c = list.push(key) - 1));
    return c;
  };
  const n = kept.length;
  const item = new Int32Array(n),
    annotator = new Int32Array(n),
    label = new Int32Array(n);
  kept.forEach(([it, an, v], j) => {
    item[j] = code(itemIndex, items, it);
    annotator[j] = code(annIndex, annotators, an);
    label[j] = cats.indexOf(v);
    if (label[j] < 0) throw new Error(`value ${String(v)} is not a category`);
  });
  return {
    n,
    item,
    annotator,
    label,
    dimension: new Int32Array(n),
    items,
    annotators,
    annotatorKind: new Uint8Array(annotators.length).fill(HUMAN),
    dimensions: ['overall'],
    scale,
    categories: preference ? [...PREFERENCE_LABELS] : cats.map(String),
    fivePoint: Int8Array.from(cats, (_, c) => (preference ? c : -1)),
    time: null,
    timestamp: null,
    shownFirst: null,
    aiConfidence: null,
    itemGold: new Int32Array(items.length).fill(-1),
    slices: [],
  };
}

/** From a reliability matrix: rows = coders, columns = units, null = missing (the KALPHA layout). */
export function ratingsFromReliability(data: Value[][], options: BuildOptions = {}): Ratings {
  const triples: [string, string, Value][] = [];
  const nUnits = Math.max(...data.map((row) => row.length));
  for (let u = 0; u < nUnits; u++) data.forEach((row, c) => triples.push([`u${u}`, `c${c}`, row[u]]));
  return ratingsFromTriples(triples, options);
}

/** From a raw matrix: rows = subjects, columns = raters, null = missing (the irrCAC layout). */
export function ratingsFromRaw(raw: Value[][], options: BuildOptions = {}): Ratings {
  return ratingsFromReliability(transpose(raw), options);
}

export function transpose<T>(rows: T[][]): T[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => rows.map((r) => r[c]));
}

/** The K × K table of two label vectors aligned by position (values are category indices 0..K-1). */
export function tableOf(y1: number[], y2: number[], K: number): Float64Array {
  const t = new Float64Array(K * K);
  y1.forEach((v, i) => {
    if (v < K && y2[i] < K) t[v * K + y2[i]]++;
  });
  return t;
}
