/** Counts of each integer value: `result[v]` = how many entries equal v (entries are >= 0). */
export function histogram(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    while (out.length <= v) out.push(0);
    out[v]++;
  }
  return out;
}
