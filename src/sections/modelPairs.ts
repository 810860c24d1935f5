import type { LoadResult } from '../parse/loadFiles';
import { comparisonSource } from './modelRatings';

/** Human verdicts between two models, the names in sorted order (`a` < `b`) whatever side each was shown on. */
export interface ModelPairRow {
  a: string;
  b: string;
  /** items (pairs, battles) comparing the two */
  items: number;
  /** human judgements (overall dimension) for model `a`, for `b`, and ties */
  a_wins: number;
  b_wins: number;
  ties: number;
}

/**
 * Human verdicts (overall dimension) per unordered model pair of two different models, most judged first (then by
 * name); with no human verdict between named models, those of the AI judge with the most (`comparisonSource`). A
 * verdict for side A counts for the model shown as A on that item. Empty when the files name no models.
 */
export function modelPairs(loaded: LoadResult): { rows: ModelPairRow[]; source: string } {
  const r = loaded.ratings;
  const { a: modelA, b: modelB } = loaded.models;
  if (r.scale === 'nominal' || !modelA.some(Boolean)) return { rows: [], source: 'humans' };
  const rows = new Map<string, ModelPairRow>();
  const counted = new Uint8Array(r.items.length);
  const { mask: human, source } = comparisonSource(loaded);
  for (let j = 0; j < r.n; j++) {
    if (!human[j]) continue;
    const i = r.item[j];
    const x = modelA[i];
    const y = modelB[i];
    if (!x || !y || x === y) continue;
    const [a, b] = x <= y ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { a, b, items: 0, a_wins: 0, b_wins: 0, ties: 0 }));
    if (!counted[i]) {
      counted[i] = 1;
      row.items++;
    }
    const side = r.fivePoint[r.label[j]]; // 0, 1: A; 2: tie; 3, 4: B
    const forX = side < 2;
    if (side === 2) row.ties++;
    else if (forX === (x === a)) row.a_wins++;
    else row.b_wins++;
  }
  return { rows: [...rows.values()].sort((p, q) => q.items - p.items || (p.a + p.b < q.a + q.b ? -1 : 1)), source };
}
