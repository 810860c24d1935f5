import { adjustPValues } from '../core/adjustPValues';
import { normalTail } from '../core/normalTail';
import { metricValue } from './metrics';

const Z95 = 1.959963984540054;

/** Per metric: a row's p-value against the reference and its Benjamini-Hochberg adjustment over the table. */
export interface DifferenceTests {
  difference_p: Record<string, number | null>;
  difference_p_bh: Record<string, number | null>;
}

/**
 * Which rows of a table (every value of every slice column, or every dimension) differ from a reference (the
 * whole data, or the overall dimension), per metric in `metrics`: z = (row − reference) / se with se the row's
 * 95% bootstrap interval width / (2 × 1.96), p = 2 P(Z > |z|) (normal approximation; the reference's own error is
 * left out, as it is much smaller than a slice's), then Benjamini & Hochberg (1995) over the rows of the table per
 * metric (`adjustPValues`), so that a table of 40 slices does not show two "significant" ones by chance. Null
 * without a value, a reference value or an interval; a zero-width interval gives p = 0 when the values differ.
 */
export function differenceTests(
  rows: readonly { ci95: Record<string, [number, number] | null> }[],
  reference: unknown,
  metrics: readonly string[],
): DifferenceTests[] {
  const out = rows.map((): DifferenceTests => ({ difference_p: {}, difference_p_bh: {} }));
  for (const m of metrics) {
    const ref = metricValue(reference, m);
    const p = rows.map((row) => {
      const v = metricValue(row, m);
      const ci = row.ci95[m];
      if (v === null || ref === null || !ci) return NaN;
      const se = (ci[1] - ci[0]) / (2 * Z95);
      if (!(se > 0)) return v === ref ? 1 : 0;
      return Math.min(1, 2 * normalTail(Math.abs(v - ref) / se));
    });
    const adjusted = adjustPValues(p, 'bh');
    p.forEach((x, i) => {
      out[i].difference_p[m] = Number.isNaN(x) ? null : x;
      out[i].difference_p_bh[m] = Number.isNaN(adjusted[i]) ? null : adjusted[i];
    });
  }
  return out;
}
