/**
 * An AI judge run on a pair in both presentation orders gives two sets of verdicts. prefscope keeps them as two
 * judges: the judge's own name for the first order (the pair as the file writes it), and the name with
 * `SWAPPED` for the second order (A and B exchanged when shown), its verdicts mapped back to the pair's sides.
 * Each keeps one verdict per pair; `shown_first` says which side the judge saw first.
 */
export const SWAPPED = ' (swapped)';

/** The judge that saw the pairs in the other order. */
export function swappedJudge(name: string): string {
  return `${name}${SWAPPED}`;
}

/** The first-order judge of a swapped one, or null for a judge that is not one. */
export function unswappedJudge(name: string): string | null {
  return name.endsWith(SWAPPED) ? name.slice(0, -SWAPPED.length) : null;
}

/** A canonical verdict seen from the other side: `A>` ↔ `B>`, `A>>` ↔ `B>>`; a tie stays. */
export function flipVerdict(label: string): string {
  return label.replace(/^A/, '#').replace(/^B/, 'A').replace(/^#/, 'B');
}
