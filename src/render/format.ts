/** Display formats: counts with thousands separators, shares as percentages with one decimal. */
export const count = (n: number): string => n.toLocaleString('en-US');
export const percent = (share: number): string => `${(100 * share).toFixed(1)}%`;
export const coefficient = (x: number | null): string => (x === null || Number.isNaN(x) ? '—' : x.toFixed(3));
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
