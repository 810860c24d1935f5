import { orderConsistency, type OrderConsistency } from '../core/orderConsistency';
import type { Ratings } from '../core/types';
import { swappedJudge } from '../parse/adapters/judgeOrders';
import type { JudgeVerdicts } from './aiJudgeSection';

/** A judge run in both orders: its second-order twin, the reference its accuracy is counted on, the figures. */
export interface JudgeOrders extends OrderConsistency {
  /** the judge that holds the second order's verdicts (`<id> (swapped)`) */
  second_order: string;
  /** what accuracy is counted against: gold where the pairs judged in both orders have it, else the human majority */
  reference: 'gold' | 'human_majority' | null;
}

/**
 * Each judge whose verdicts also exist in the other presentation order — parsers name the second order's judge
 * `<id> (swapped)` (two games of a FastChat or judge-output file, LLMBar's `swap = True`, a second file) — with
 * `orderConsistency` on the directional sides. The position each order showed first is the judgement's
 * `shown_first`, else A for the first order and B for the second (the swap). Accuracy is counted against gold
 * when any pair judged in both orders has gold (on the gold pairs), else against `majority` (the human
 * majority). Keyed by the first order's judge code; nominal scales (no sides) give none.
 */
export function judgeOrders(
  r: Ratings,
  verdicts: JudgeVerdicts[],
  majority: Int32Array,
  sides: { side: Int32Array; labels: string[] },
): Map<number, JudgeOrders> {
  const out = new Map<number, JudgeOrders>();
  const a = sides.labels.indexOf('A'),
    b = sides.labels.indexOf('B');
  if (a < 0 || b < 0) return out;
  const byName = new Map(verdicts.map((v) => [r.annotators[v.judge], v]));
  const nItems = r.items.length;
  const shown = shownFirstOf(r, a, b);
  for (const v of verdicts) {
    const twin = byName.get(swappedJudge(r.annotators[v.judge]));
    if (!twin) continue;
    const toSide = (l: Int32Array) => Int32Array.from(l, (c) => (c < 0 ? -1 : sides.side[c]));
    const first = toSide(v.label),
      second = toSide(twin.label);
    const gold = new Int32Array(nItems).fill(-1);
    let hasGold = false;
    for (let i = 0; i < nItems; i++) {
      if (r.itemGold[i] < 0 || first[i] < 0 || second[i] < 0) continue;
      gold[i] = sides.side[r.itemGold[i]];
      hasGold = true;
    }
    const human = toSide(majority);
    const reference = hasGold ? gold : human;
    const figures = orderConsistency(
      first,
      second,
      shown.get(v.judge) ?? new Int32Array(nItems).fill(a),
      shown.get(twin.judge) ?? new Int32Array(nItems).fill(b),
      reference,
      { a, b },
    );
    out.set(v.judge, {
      second_order: r.annotators[twin.judge],
      reference: figures.accuracy ? (hasGold ? 'gold' : 'human_majority') : null,
      ...figures,
    });
  }
  return out;
}

/**
 * Per AI judge with `shown_first` data: per item, the side code of the response it saw first (-1 unknown); the
 * judges without it are absent (the caller's default applies).
 */
function shownFirstOf(r: Ratings, a: number, b: number): Map<number, Int32Array> {
  const out = new Map<number, Int32Array>();
  if (!r.shownFirst) return out;
  for (let j = 0; j < r.n; j++) {
    const s = r.shownFirst[j];
    if (s > 1 || r.dimension[j] !== 0) continue;
    let row = out.get(r.annotator[j]);
    if (!row) out.set(r.annotator[j], (row = new Int32Array(r.items.length).fill(-1)));
    row[r.item[j]] = s === 0 ? a : b;
  }
  return out;
}
