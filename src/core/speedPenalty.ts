/**
 * The speed part of the annotator composite (`docs/report-schema.md` "annotators" `speed_penalty`): 1 when the mean
 * time per label is >= `fullSpeed` (5) seconds, else mean / fullSpeed, floored at 0. NaN without times.
 */
export function speedPenalty(meanSeconds: number, { fullSpeed = 5 }: { fullSpeed?: number } = {}): number {
  if (Number.isNaN(meanSeconds)) return NaN;
  return meanSeconds >= fullSpeed ? 1 : Math.max(0, meanSeconds / fullSpeed);
}
