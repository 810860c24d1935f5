import { orderedCategories } from '../core/orderedCategories';
import { directionalSides } from '../core/directionalSides';
import { SCALE_CODES } from '../core/types';
import { agreementFromTables, type AgreementOptions, type AgreementSection } from '../sections/agreementSection';
import { patternTable } from './patternTable';
import type { Summary } from './types';

export type SummaryAgreementOptions = Omit<AgreementOptions, 'removed'>;

const byIds = (x: { a: string; b: string }, y: { a: string; b: string }) =>
  x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0;

/**
 * The report's `agreement` section from a summary file, equal to `agreementSection` on the raw
 * judgements: `agreementFromTables` on the item patterns (the directional block from the patterns
 * collapsed onto sides), the pair tables in (a, b) id order, and the slice patterns; the bootstrap draws
 * from the same sorted pattern table, so the same seed gives the same intervals. Removing annotators
 * needs the judgements (their labels are inside the patterns): re-run the SQL without them.
 */
export function summaryAgreement(summary: Summary, options: SummaryAgreementOptions = {}): AgreementSection {
  const K = summary.categories.length;
  const pairs = [...summary.pair_tables].sort(byIds);
  return agreementFromTables(
    {
      K,
      sides: summary.scale !== 'nominal' ? directionalSides(SCALE_CODES[summary.scale]) : null,
      ordered: orderedCategories(summary.scale, summary.categories),
      categories: summary.categories,
      counts: patternTable(summary.item_patterns, K),
      pairs: { a: pairs.map((t) => t.a), b: pairs.map((t) => t.b), tables: pairs.map((t) => t.table) },
      slices: Object.entries(summary.slices).map(([name, values]) => ({
        name,
        values: values.map((v) => v.value),
        counts: () => values.map((v) => patternTable(v.item_patterns, K)),
      })),
    },
    options,
  );
}
