import { METHOD_NAMES, METHODS, type AggregationSection, type Method } from '../sections/aggregationSection';
import { coefficient, count } from '../format';

/** Gold accuracies closer than this are the same score (three decimals are shown). */
const SAME = 5e-4;

/**
 * Which method is the most accurate on the gold pairs, in words, from the same numbers as the method table:
 * ties are named as ties ("all 5 methods score the same"), no gold says so, and fewer than 30 gold pairs are
 * too few to rank.
 */
export function bestMethodSentence(a: AggregationSection): string {
  const none = noFinalLabelsSentence(a);
  if (none) return none;
  if (a.items_with_several_labels === 0)
    return "No pair has two labels or more: every method gives each pair its one label back, so there is nothing to aggregate and the methods' fits (passes, convergence) say nothing here.";
  if (!a.gold_items) return 'There are no gold pairs to tell the methods apart: compare their agreement instead.';
  const scored = METHODS.filter((m) => a.gold_accuracy[m] !== null);
  if (scored.length === 0) return 'No method has a final label on a gold pair.';
  const top = Math.max(...scored.map((m) => a.gold_accuracy[m]!));
  const best = scored.filter((m) => a.gold_accuracy[m]! >= top - SAME);
  const on = `On the ${count(a.gold_items)} gold pairs`;
  if (best.length === scored.length) return `${on}, all ${scored.length} methods score the same (${coefficient(top)}).`;
  const names = best.map((m) => METHOD_NAMES[m]);
  const lead =
    names.length === 1 ? `${names[0]} is the most accurate` : `${names.join(' and ')} are the most accurate, tied`;
  const few =
    a.gold_items < 30
      ? ` — with only ${count(a.gold_items)} gold pairs, too few to rank the methods with confidence`
      : '';
  return `${on}, ${lead} (${coefficient(top)})${few}.`;
}

/**
 * Why no pair gets a final label (no kept human label: a file of AI verdicts only, or every annotator removed),
 * or null when some do. The page and the HTML report then show this sentence in place of the methods.
 */
export function noFinalLabelsSentence(a: AggregationSection): string | null {
  if (a.items > 0) return null;
  return 'No pair has a human label to aggregate: final labels combine the labels of the human annotators kept (an AI judge is audited in Judges & bias; removed annotators are left out).';
}

/** Which method's labels the exports use and why, with Dawid-Skene's convergence stated either way. */
export function methodInUseSentence(a: AggregationSection): string {
  const ds = a.converged
    ? `Dawid-Skene converged in ${passes(a.iterations)}`
    : `Dawid-Skene did not converge (stopped after ${passes(a.iterations)})`;
  const use = `the exports use ${METHOD_NAMES[a.method]}`;
  if (a.requested_method === 'auto')
    return `${ds}; ${use} (automatic: Dawid-Skene when it converges, else majority vote).`;
  return a.method_reason ? `${ds}; ${use}, as chosen, though its labels are not settled.` : `${ds}; ${use}, as chosen.`;
}

/** What Dawid-Skene was kept from doing (labels nobody gave), or null when it was not. */
export function outsideGivenSentence(a: AggregationSection): string | null {
  const parts: string[] = [];
  if (a.unused_categories.length)
    parts.push(
      `${a.unused_categories.length === 1 ? 'The category' : 'The categories'} ${a.unused_categories.join(', ')} ${a.unused_categories.length === 1 ? 'was' : 'were'} never used, so Dawid-Skene gives ${a.unused_categories.length === 1 ? 'it' : 'them'} no weight.`,
    );
  if (a.outside_given)
    parts.push(
      `On ${count(a.outside_given)} pair${a.outside_given === 1 ? '' : 's'} Dawid-Skene's most likely label was one none of the pair's annotators gave; each keeps the most likely of its own labels instead.`,
    );
  return parts.length ? parts.join(' ') : null;
}

/** "1 pass", "23 passes". */
export const passes = (n: number): string => `${count(n)} pass${n === 1 ? '' : 'es'}`;

/** True when `m` is the method whose labels the exports use. */
export const inUse = (a: AggregationSection, m: Method): boolean => a.method === m;
