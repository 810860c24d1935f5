import { adjustPValues } from '../core/adjustPValues';
import { normalTail } from '../core/normalTail';
import { metricValue } from './metrics';

const Z95 = 1.959963984540054;
/** A standard error from a 95% interval, as a normal one: width / (2 × 1.96). */
const seOf = (ci: [number, number]) => (ci[1] - ci[0]) / (2 * Z95);

/** Per metric: a row's p-value against the reference and its Benjamini-Hochberg adjustment over the table. */
export interface DifferenceTests {
  difference_p: Record<string, number | null>;
  difference_p_bh: Record<string, number | null>;
}

/**
 * Which rows of a table (every value of every slice column, or every dimension) differ from a reference (the
 * whole data, or the first dimension), per metric in `metrics`: z = (row − reference) / se, p = 2 P(Z > |z|)
 * (normal approximation), then Benjamini & Hochberg (1995) over the rows of the table per metric
 * (`adjustPValues`), so that a table of 40 slices does not show two "significant" ones by chance. se comes from
 * the 95% bootstrap intervals, width / (2 × 1.96):
 * - `reference: 'whole'` (rows are parts of the reference, as slice values of the whole data): the row's own.
 *   A part holding a share f of the items moves the whole with it: with variances ∝ 1 / n,
 *   Var(row − whole) ≈ (1 − f) Var(row) ≤ Var(row), so leaving the whole's error out errs on the safe side;
 * - `reference: 'peer'` (another estimate on the same items, as a dimension against the first): both, added
 *   (√(se_row² + se_ref²), as if independent; estimates on the same items and annotators correlate positively,
 *   which makes the true se smaller, so this too errs on the safe side). Without the reference's interval the
 *   row is not tested.
 * Null without a value, a reference value or an interval; a zero se gives p = 0 when the values differ.
 */
export function differenceTests(
  rows: readonly { ci95: Record<string, [number, number] | null> }[],
  reference: unknown,
  metrics: readonly string[],
  { against }: { against: 'whole' | 'peer' },
): DifferenceTests[] {
  const out = rows.map((): DifferenceTests => ({ difference_p: {}, difference_p_bh: {} }));
  for (const m of metrics) {
    const ref = metricValue(reference, m);
    const refCi = (reference as { ci95?: Record<string, [number, number] | null> } | null)?.ci95?.[m] ?? null;
    const refSe = against === 'whole' ? 0 : refCi ? seOf(refCi) : NaN;
    const p = rows.map((row) => {
      const v = metricValue(row, m);
      const ci = row.ci95[m];
      if (v === null || ref === null || !ci || Number.isNaN(refSe)) return NaN;
      const se = Math.hypot(seOf(ci), refSe);
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
