import type { LoadResult } from '../parse/loadFiles';

/**
 * Unordered item pairs whose texts are the same in swapped order: i's prompt, A, B equal j's prompt, B, A
 * exactly (a missing prompt matches only a missing prompt; items without both responses, or with identical
 * ones, are left out). Each pair once, i < j, in the order of i then j. Texts are interned to ids (the map holds
 * the strings already in memory, no copies) and items grouped by their id triple, so 1M items take one pass —
 * once per load: the answer is kept for the load's texts (the bias section and the judges' orders both ask,
 * and a load without some annotators shares its texts).
 */
export function swappedItemPairs(loaded: LoadResult): readonly (readonly [number, number])[] {
  let pairs = found.get(loaded.texts);
  if (!pairs) found.set(loaded.texts, (pairs = findPairs(loaded)));
  return pairs;
}

const found = new WeakMap<LoadResult['texts'], readonly (readonly [number, number])[]>();

function findPairs(loaded: LoadResult): [number, number][] {
  const { prompt, responseA, responseB } = loaded.texts;
  const nItems = loaded.ratings.items.length;
  const ids = new Map<string | undefined, number>();
  const id = (t: string | undefined) => {
    let k = ids.get(t);
    if (k === undefined) ids.set(t, (k = ids.size));
    return k;
  };
  const byKey = new Map<string, number[]>();
  const mirrorOf = new Array<string | null>(nItems).fill(null);
  for (let i = 0; i < nItems; i++) {
    const a = responseA[i],
      b = responseB[i];
    if (a === undefined || b === undefined || a === b) continue;
    const p = id(prompt[i]),
      x = id(a),
      y = id(b);
    const key = `${p},${x},${y}`;
    mirrorOf[i] = `${p},${y},${x}`;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  }
  const pairs: [number, number][] = [];
  for (let i = 0; i < nItems; i++) {
    const m = mirrorOf[i];
    if (m === null) continue;
    for (const j of byKey.get(m) ?? []) if (j > i) pairs.push([i, j]);
  }
  return pairs;
}
