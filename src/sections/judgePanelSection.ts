import { judgePanel } from '../core/judgePanel';
import type { Ratings } from '../core/types';
import { unswappedJudge } from '../parse/adapters/judgeOrders';
import type { JudgeVerdicts } from './aiJudgeSection';

const num = (x: number) => (Number.isFinite(x) ? x : null);

/** The report's `ai_judge.panel`: the AI judges as one panel (`judgePanel`), null with fewer than two. */
export interface PanelReport {
  /** the judges of the panel, in annotator order (second-order twins "(swapped)" left out: the same judge) */
  members: string[];
  /** what errors are counted against: gold where the common pairs have it, else the human majority */
  reference: 'gold' | 'human_majority';
  /** pairs every member judged that have the reference */
  items: number;
  /** per member, on those pairs */
  accuracy: (number | null)[];
  /** members × members phi correlation of the error indicators; null where a member never or always errs */
  error_correlation: (number | null)[][];
  mean_error_correlation: number | null;
  /** members / (1 + (members − 1) ρ̄), ρ̄ clamped to [0, 1]: from the member count down to 1 */
  effective_judges: number | null;
  /** the members' plurality verdict (a tie among the verdicts counts as wrong) */
  majority: { accuracy: number | null; ties: number; ci95: [number, number] | null };
  /** per member: the panel majority's accuracy without it, and the accuracy it adds (full − without) */
  leave_one_out: { id: string; accuracy: number | null; change: number | null }[];
  /** the member whose removal costs the panel most accuracy; null when none does or there is no change */
  adds_most: string | null;
}

/**
 * The AI judges (first orders only) as a panel on the directional sides of the overall dimension: their errors
 * against gold when the pairs every member judged include gold pairs (then on those), else against `majority`
 * (the human majority, items with one or more human label). Null with fewer than two judges or no common pair.
 */
export function judgePanelSection(
  r: Ratings,
  verdicts: JudgeVerdicts[],
  majority: Int32Array,
  side: Int32Array,
): PanelReport | null {
  const members = verdicts.filter((v) => unswappedJudge(r.annotators[v.judge]) === null);
  if (members.length < 2) return null;
  const nItems = r.items.length;
  const sides = members.map((v) => Int32Array.from(v.label, (c) => (c < 0 ? -1 : side[c])));
  const everyone = (i: number) => sides.every((s) => s[i] >= 0);
  const gold = new Int32Array(nItems).fill(-1);
  let hasGold = false;
  for (let i = 0; i < nItems; i++)
    if (r.itemGold[i] >= 0 && everyone(i)) {
      gold[i] = side[r.itemGold[i]];
      hasGold = true;
    }
  const reference = hasGold ? gold : Int32Array.from(majority, (c) => (c < 0 ? -1 : side[c]));
  const p = judgePanel(sides, reference);
  if (p.items === 0) return null;
  const ids = members.map((v) => r.annotators[v.judge]);
  return {
    members: ids,
    reference: hasGold ? 'gold' : 'human_majority',
    items: p.items,
    accuracy: p.accuracy.map(num),
    error_correlation: p.error_correlation.map((row) => row.map(num)),
    mean_error_correlation: num(p.mean_error_correlation),
    effective_judges: num(p.effective_judges),
    majority: { accuracy: num(p.majority.accuracy), ties: p.majority.ties, ci95: p.majority.ci95 },
    leave_one_out: p.leave_one_out.map((l, j) => ({ id: ids[j], accuracy: num(l.accuracy), change: num(l.change) })),
    adds_most: p.adds_most >= 0 && p.leave_one_out[p.adds_most].change > 0 ? ids[p.adds_most] : null,
  };
}
