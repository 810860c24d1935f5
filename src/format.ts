// Number formats: one per kind of quantity, used by the page, the reports, the sentences and the commands, so a
// quantity reads the same wherever it appears. Plain functions, no imports: every layer may read this module.

/** A count: thousands separators (`12,345`). */
export const count = (n: number): string => n.toLocaleString('en-US');

/** A share, accuracy or rate (0..1): a percentage with one decimal (`94.5%`). */
export const percent = (share: number): string => `${(100 * share).toFixed(1)}%`;

/** A change in a share: signed percentage points (`+5.7 pts`); `digits` for small changes such as gains. */
export const points = (change: number, digits = 1): string =>
  `${change >= 0 ? '+' : '−'}${Math.abs(100 * change).toFixed(digits)} pts`;

/** A chance-corrected coefficient or a correlation: three decimals (`0.585`); a dash when undefined. */
export const coefficient = (x: number | null): string => (x === null || Number.isNaN(x) ? '—' : x.toFixed(3));

/** A model's probability (posterior, confidence, uncertainty score): three decimals like a coefficient (`0.918`). */
export const probability = coefficient;

/** Money in dollars: cents below $100 (`$0.30`), whole dollars above (`$12,345`), millions from $1M (`$2.35M`). */
export const money = (x: number): string =>
  Math.abs(x) >= 1e6
    ? `$${(x / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })}M`
    : `$${x.toLocaleString('en-US', Math.abs(x) < 100 ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : { maximumFractionDigits: 0 })}`;

/** A file size (`12.3 MB`). */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
