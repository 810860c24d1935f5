import { orderConsistency, type OrderConsistency } from '../core/orderConsistency';
import type { Ratings } from '../core/types';
import { swappedJudge, unswappedJudge } from '../parse/adapters/judgeOrders';
import type { JudgeVerdicts } from './aiJudgeSection';

/** A judge run in both orders: its second-order twin, the reference its accuracy is counted on, the figures. */
export interface JudgeOrders extends OrderConsistency {
  /**
   * where the second order comes from: `twin`, a second judge `<id> (swapped)`, one verdict per pair; or
   * `swapped_texts`, the same judge on another item holding the pair's texts with A and B exchanged (`n` then
   * counts such item pairs, the first item of each being the first order)
   */
  source: 'twin' | 'swapped_texts';
  /** the judge that holds the second order's verdicts: the twin `<id> (swapped)`, or the judge itself */
  second_order: string;
  /** what accuracy is counted against: gold where the pairs judged in both orders have it, else the human majority */
  reference: 'gold' | 'human_majority' | null;
}

/**
 * Each judge whose verdicts also exist in the other presentation order, with `orderConsistency` on the
 * directional sides. The second order is, first, a twin judge: parsers name the second order's judge
 * `<id> (swapped)` (two games of a FastChat or judge-output file, LLMBar's `swap = True`, an `ai_label_swapped` column, a judge file named `<judge>_swapped`); else,
 * for a judge without one, its own verdicts on item pairs whose texts are the same in swapped order
 * (`swappedPairs`, called only then: i's prompt, A, B are j's prompt, B, A), j's verdict mirrored onto i's sides.
 * The position each order showed first is the judgement's `shown_first`, else A for the first order and B for
 * the second (the swap; for an item pair, what j showed first, mirrored). Accuracy is counted against gold when
 * any pair judged in both orders has gold (on the gold pairs; an item pair takes i's gold, else j's mirrored),
 * else against `majority` (the human majority, i's). Keyed by the first order's judge code; nominal scales (no
 * sides) give none.
 */
export function judgeOrders(
  r: Ratings,
  verdicts: JudgeVerdicts[],
  majority: Int32Array,
  sides: { side: Int32Array; labels: string[] },
  swappedPairs: () => readonly (readonly [number, number])[] = () => [],
): Map<number, JudgeOrders> {
  const out = new Map<number, JudgeOrders>();
  const a = sides.labels.indexOf('A'),
    b = sides.labels.indexOf('B');
  if (a < 0 || b < 0) return out;
  const byName = new Map(verdicts.map((v) => [r.annotators[v.judge], v]));
  const nItems = r.items.length;
  const shown = shownFirstOf(r, a, b);
  const toSide = (l: Int32Array) => Int32Array.from(l, (c) => (c < 0 ? -1 : sides.side[c]));
  const gold = toSide(r.itemGold);
  const human = toSide(majority);
  const mirror = (s: number) => (s === a ? b : s === b ? a : s);
  let pairs: readonly (readonly [number, number])[] | null = null;
  for (const v of verdicts) {
    const name = r.annotators[v.judge];
    if (unswappedJudge(name) !== null) continue;
    const twin = byName.get(swappedJudge(name));
    const mine = toSide(v.label);
    const shownMine = shown.get(v.judge);
    // per compared unit (an item for a twin, an item pair otherwise): the two verdicts, positions and gold
    let first: Int32Array, second: Int32Array, shown1: Int32Array, shown2: Int32Array, gold2: Int32Array;
    let human2: Int32Array;
    if (twin) {
      first = mine;
      second = toSide(twin.label);
      shown1 = shownMine ?? new Int32Array(nItems).fill(a);
      shown2 = shown.get(twin.judge) ?? new Int32Array(nItems).fill(b);
      gold2 = gold;
      human2 = human;
    } else {
      pairs ??= swappedPairs();
      const both = pairs.filter(([i, j]) => mine[i] >= 0 && mine[j] >= 0);
      if (both.length === 0) continue;
      const m = both.length;
      [first, second, shown1, shown2, gold2, human2] = Array.from({ length: 6 }, () => new Int32Array(m));
      both.forEach(([i, j], k) => {
        first[k] = mine[i];
        second[k] = mirror(mine[j]);
        shown1[k] = shownMine && shownMine[i] >= 0 ? shownMine[i] : a;
        shown2[k] = mirror(shownMine && shownMine[j] >= 0 ? shownMine[j] : a);
        gold2[k] = gold[i] >= 0 ? gold[i] : mirror(gold[j]);
        human2[k] = human[i];
      });
    }
    const units = first.length;
    const withGold = new Int32Array(units).fill(-1);
    let hasGold = false;
    for (let k = 0; k < units; k++) {
      if (gold2[k] < 0 || first[k] < 0 || second[k] < 0) continue;
      withGold[k] = gold2[k];
      hasGold = true;
    }
    const figures = orderConsistency(first, second, shown1, shown2, hasGold ? withGold : human2, { a, b });
    out.set(v.judge, {
      source: twin ? 'twin' : 'swapped_texts',
      second_order: twin ? r.annotators[twin.judge] : name,
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
