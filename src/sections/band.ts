// Reading computed sections against the interpretation bands: a display choice, so nothing here recomputes
// a coefficient (the page applies it without asking the worker; the session after its cache).
import { interpretationBand } from '../core/interpretationBand';
import type { AgreementSection, DimensionRow } from './agreementSection';
import { isBanded, labelMetric, metricValue } from './metrics';
import type { RubricSection } from './rubricSection';

/**
 * The interpretation band of one metric read from a block of values (a display choice: nothing is
 * recomputed), or null with the reason (a share is never banded; an undefined value has no band).
 */
export function bandOf(values: unknown, bandMetric: string): { band: AgreementSection['band']; reason: string | null } {
  if (!isBanded(bandMetric))
    return {
      band: null,
      reason: `${bandMetric} is a share, not chance-corrected: the bands are for chance-corrected coefficients`,
    };
  const value = metricValue(values, bandMetric);
  const band = interpretationBand(value);
  return band && value !== null
    ? { band: { metric: bandMetric, value, ...band }, reason: null }
    : { band: null, reason: `${bandMetric} is undefined` };
}

/** The section read against the bands by `bandMetric`: `band`, and `reasons.band` when there is none. */
export function withBand(section: AgreementSection, bandMetric: string): AgreementSection {
  const { band, reason } = bandOf(section, bandMetric);
  const { band: _old, ...reasons } = section.reasons;
  return { ...section, band, reasons: reason ? { ...reasons, band: reason } : reasons };
}

/** The verdict's band, without its range: read on the labels (`labelMetric`), like slices and dimensions. */
export function verdictBand(
  row: DimensionRow | null,
  bandMetric: string,
): NonNullable<RubricSection['verdict']>['band'] {
  const { band } = bandOf(row, labelMetric(bandMetric));
  return band ? { metric: band.metric, value: band.value, label: band.label, action: band.action } : null;
}

/** The rubric section read against the bands by `bandMetric` (a display choice: nothing is recomputed). */
export function withRubricBand(section: RubricSection, bandMetric: string): RubricSection {
  return section.verdict
    ? { ...section, verdict: { ...section.verdict, band: verdictBand(section.verdict.agreement, bandMetric) } }
    : section;
}
