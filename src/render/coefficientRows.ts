// The content of every coefficient table (the page's and the HTML report's): one row per listed metric of
// the registry, each cell with its text, interval, reason and band status, so both say the same thing.
import { LISTED_METRICS, METRICS, metricValue, type Metric } from '../sections/metrics';
import { percent } from '../format';
import { bandReading, bandStatus, withInterval } from './readings';

/** A block of coefficients as the report holds it (a section, a dimension, a slice, the rubric verdict). */
export interface CoefficientSource {
  ci95?: Record<string, [number, number] | null>;
  reasons?: Record<string, string>;
}

export interface CoefficientCell {
  value: number | null;
  /** the value with its 95% interval (`0.412 [0.380, 0.441]`, `71.2% [69.0%, 73.1%]`), or `—` */
  text: string;
  /** why the value is undefined (null when it is defined) */
  reason: string | null;
  /** the band's colour: shares are not read against the bands */
  status: ReturnType<typeof bandStatus> | '';
}

export interface CoefficientRow {
  metric: Metric;
  labels: CoefficientCell;
  /** on the direction (A / tie / B); null on a scale without one */
  direction: CoefficientCell | null;
  /** one plain-language line: the band of a coefficient, the meaning of a share */
  reading: string;
}

/** One metric of a block as a cell. */
export function coefficientCell(block: CoefficientSource, id: string, metric: Metric): CoefficientCell {
  const value = metricValue(block, id);
  const share = metric.kind === 'share';
  return {
    value,
    text: withInterval(value, block.ci95?.[id], share),
    reason: value === null ? (block.reasons?.[id] ?? null) : null,
    status: share ? '' : bandStatus(value),
  };
}

/** The cells of a row without a direction column (a dimension, a slice: the count-based ones only), one per metric. */
export function metricCells(block: CoefficientSource, metrics: readonly Metric[] = METRICS): CoefficientCell[] {
  return metrics.map((m) => coefficientCell(block, m.id, m));
}

/** The rows of a coefficient table: each listed metric that applies (`ids`, default all), on the labels and on the direction. */
export function coefficientRows(
  block: CoefficientSource & { directional: unknown },
  ids: readonly string[] | null = null,
): CoefficientRow[] {
  const metrics = ids ? LISTED_METRICS.filter((m) => ids.includes(m.id)) : LISTED_METRICS;
  const onDirection = block.directional !== null;
  return metrics.map((m) => {
    const labels = coefficientCell(block, m.id, m);
    const direction = onDirection ? coefficientCell(block, `directional.${m.id}`, m) : null;
    const reading =
      m.kind === 'share'
        ? labels.value === null
          ? 'undefined'
          : `${percent(labels.value)} of label pairs are identical${direction?.value != null ? `, ${percent(direction.value)} on the same side` : ''}`
        : `${bandReading(labels.value)}${direction ? `; direction: ${bandReading(direction.value)}` : ''}`;
    return { metric: m, labels, direction, reading };
  });
}
