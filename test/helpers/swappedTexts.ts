import { flipVerdict, unswappedJudge } from '../../src/parse/adapters/judgeOrders';
import type { LoadResult } from '../../src/parse/loadFiles';

/**
 * A judge run in both orders rewritten as a flat file would hold it without a twin: each pair once as read
 * (`<id>`), and once as a second item (`<id>-swapped`) holding the same texts with A and B exchanged, the
 * second order's verdict and the gold label given in that item's own sides. One JSON line per verdict.
 */
export function asSwappedItems(loaded: LoadResult): string {
  const r = loaded.ratings;
  const { prompt, responseA, responseB } = loaded.texts;
  const lines: string[] = [];
  const gold = (i: number) => (r.itemGold[i] >= 0 ? r.categories[r.itemGold[i]] : null);
  for (let j = 0; j < r.n; j++) {
    const i = r.item[j];
    const name = r.annotators[r.annotator[j]];
    const first = unswappedJudge(name);
    const label = r.categories[r.label[j]];
    const row = (id: string, judge: string, verdict: string, a: string, b: string, g: string | null) =>
      JSON.stringify({
        example_id: id,
        annotator_id: judge,
        annotator_type: 'ai',
        label: verdict,
        gold_label: g,
        prompt: prompt[i],
        response_a: a,
        response_b: b,
      });
    const g = gold(i);
    lines.push(
      first === null
        ? row(r.items[i], name, label, responseA[i]!, responseB[i]!, g)
        : row(`${r.items[i]}-swapped`, first, flipVerdict(label), responseB[i]!, responseA[i]!, g && flipVerdict(g)),
    );
  }
  return lines.join('\n');
}
