import type { Ratings } from '../core/types';

export interface Disagreement {
  item: string;
  labelA: string;
  labelB: string;
  prompt: string | null;
  responseA: string | null;
  responseB: string | null;
}

/** The items two annotators both labelled (overall dimension) and labelled differently. */
export function disagreements(
  r: Ratings,
  texts: { prompt: (string | undefined)[]; responseA: (string | undefined)[]; responseB: (string | undefined)[] },
  a: string,
  b: string,
  limit = 200,
): { total: number; shared: number; items: Disagreement[] } {
  const ca = r.annotators.indexOf(a);
  const cb = r.annotators.indexOf(b);
  const la = new Int32Array(r.items.length).fill(-1);
  const lb = new Int32Array(r.items.length).fill(-1);
  for (let j = 0; j < r.n; j++) {
    if (r.dimension[j] !== 0) continue;
    if (r.annotator[j] === ca) la[r.item[j]] = r.label[j];
    else if (r.annotator[j] === cb) lb[r.item[j]] = r.label[j];
  }
  const items: Disagreement[] = [];
  let total = 0;
  let shared = 0;
  for (let i = 0; i < r.items.length; i++) {
    if (la[i] < 0 || lb[i] < 0) continue;
    shared++;
    if (la[i] === lb[i]) continue;
    total++;
    if (items.length < limit) {
      items.push({
        item: r.items[i],
        labelA: r.categories[la[i]],
        labelB: r.categories[lb[i]],
        prompt: texts.prompt[i] ?? null,
        responseA: texts.responseA[i] ?? null,
        responseB: texts.responseB[i] ?? null,
      });
    }
  }
  return { total, shared, items };
}
