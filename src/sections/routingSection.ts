import { judgementFilter } from '../core/judgementFilter';
import { majorityVote } from '../core/majorityVote';
import { routingTable, type RoutingTable } from '../core/routingTable';
import type { LoadResult } from '../parse/loadFiles';
import { comparisonSides, judgeVerdicts } from './aiJudgeSection';

export type RoutingReference = 'majority' | 'gold';

/** The routing table of one AI judge (input of `routingCurve`), plain arrays so it stays JSON-able. */
export interface RoutingJudge {
  id: string;
  /** items used: labelled by the judge with a finite confidence, with a reference and >= 1 human label */
  n: number;
  /** items labelled by the judge with a reference and >= 1 human label but no finite confidence (left out) */
  no_confidence: number;
  /** null when no item is usable (the judge gives no confidence, or no judged item has a reference and a human label) */
  table: RoutingTable | null;
  reason: string | null;
}

export interface RoutingSection {
  /** `majority`: the human majority vote; `gold`: the gold label (gold items only) */
  reference: RoutingReference;
  judges: RoutingJudge[];
}

const plain = (t: RoutingTable): RoutingTable => ({
  ...t,
  thresholds: Array.from(t.thresholds),
  routed: Array.from(t.routed),
  routedDisagree: Array.from(t.routedDisagree),
  routedCorrect: Array.from(t.routedCorrect),
  above: Array.from(t.above),
  aboveAiCorrect: Array.from(t.aboveAiCorrect),
  aboveDisagree: Array.from(t.aboveDisagree),
  aboveCorrect: Array.from(t.aboveCorrect),
});

/**
 * Per AI judge, the `routingTable` of the hybrid pipeline: for each item the judge labelled with a
 * confidence that has a reference (human majority of the human judgements on the overall dimension, or
 * the gold label with `reference: 'gold'`) and >= 1 human label, c = 1 when the judge's label is on the
 * reference's side (A / tie / B; nominal: the same category), and a = the share of the item's human labels
 * on the judge's side. `removed` human annotators are left out. `grid` as `routingTable`.
 */
export function routingSection(
  loaded: LoadResult,
  {
    reference = 'majority',
    removed = [],
    grid,
  }: { reference?: RoutingReference; removed?: readonly number[]; grid?: ArrayLike<number> } = {},
): RoutingSection {
  const r = loaded.ratings;
  const verdicts = judgeVerdicts(r);
  if (!verdicts.length) return { reference, judges: [] };
  const K = r.categories.length,
    nItems = r.items.length;
  const vote = majorityVote(r, judgementFilter(r, { removed }));
  const ref = reference === 'gold' ? r.itemGold : vote.label;
  const { side, labels } = comparisonSides(r);
  // human labels per item and side
  const bySide = new Float64Array(nItems * labels.length);
  for (let i = 0; i < nItems; i++)
    for (let c = 0; c < K; c++) bySide[i * labels.length + side[c]] += vote.votes[i * K + c];
  const judges = verdicts.map(({ judge, label, confidence }): RoutingJudge => {
    const conf: number[] = [],
      correct: number[] = [],
      agree: number[] = [];
    let noConfidence = 0;
    for (let i = 0; i < nItems; i++) {
      const l = label[i],
        g = ref[i];
      if (l < 0 || !(g >= 0 && g < K) || vote.n[i] === 0) continue;
      if (!Number.isFinite(confidence[i])) {
        noConfidence++;
        continue;
      }
      conf.push(confidence[i]);
      correct.push(side[l] === side[g] ? 1 : 0);
      agree.push(bySide[i * labels.length + side[l]] / vote.n[i]);
    }
    const id = r.annotators[judge];
    if (!conf.length) {
      const reason = noConfidence
        ? 'the judge gives no confidence'
        : 'no item judged by the judge has a reference and a human label';
      return { id, n: 0, no_confidence: noConfidence, table: null, reason };
    }
    const table = routingTable(conf, correct, agree, grid ? { grid } : {});
    return { id, n: table.n, no_confidence: noConfidence, table: plain(table), reason: null };
  });
  return { reference, judges };
}
