// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { itemCounts } from '../../src/core/itemCounts';
import { judgementFilter } from '../../src/core/judgementFilter';
import {
  COUNT_METRICS,
  labelMetric,
  LISTED_METRICS,
  METRICS,
  metricIds,
  metricName,
  metricOf,
  metricValue,
} from '../../src/sections/metrics';
import { agreementSection } from '../../src/sections/agreementSection';
import schema from '../../src/report/report.schema.json';
import { ratingsFromTriples } from '../helpers/buildRatings';

describe('the metric registry', () => {
  it('names every metric once, with unique ids; the directional variants are named from it', () => {
    expect(new Set(METRICS.map((m) => m.id)).size).toBe(METRICS.length);
    expect(new Set(METRICS.map((m) => m.name)).size).toBe(METRICS.length);
    expect(metricName('fleiss_kappa')).toBe("Fleiss' kappa");
    expect(metricName('directional.krippendorff_alpha.ordinal')).toBe("Krippendorff's alpha (ordinal), direction only");
    // percent agreement on the direction has no directional variant of its own
    expect(metricOf('directional.percent_agreement.directional')).toBeUndefined();
    expect(metricName('no.such.metric')).toBe('no.such.metric');
  });

  it('metricIds lists the count-based coefficients, then the pairwise mean, then their directional variants; words drop the ordered ones', () => {
    const preference = metricIds(true).map((m) => m.id);
    expect(preference.slice(0, 8)).toEqual([
      'percent_agreement.strict',
      'percent_agreement.directional',
      'fleiss_kappa',
      'krippendorff_alpha.nominal',
      'krippendorff_alpha.ordinal',
      'krippendorff_alpha.interval',
      'gwet_ac1',
      'cohen_kappa_mean',
    ]);
    expect(preference.slice(8)).toEqual(
      preference
        .slice(0, 8)
        .filter((id) => id !== 'percent_agreement.directional')
        .map((id) => `directional.${id}`),
    );
    expect(metricIds(false, false).map((m) => m.id)).toEqual([
      'percent_agreement.strict',
      'percent_agreement.directional',
      'fleiss_kappa',
      'krippendorff_alpha.nominal',
      'gwet_ac1',
      'cohen_kappa_mean',
    ]);
  });

  it('a section holds every metric at its dotted path, and every listed metric is in the report schema', () => {
    // two annotators on three items, 5-point labels (hand case: 2 of 3 items agree exactly)
    // 5-point codes: 1 = A>, 2 = tie, 3 = B>
    const r = ratingsFromTriples(
      [
        ['i1', 'a', 1],
        ['i1', 'b', 1],
        ['i2', 'a', 3],
        ['i2', 'b', 3],
        ['i3', 'a', 1],
        ['i3', 'b', 2],
      ],
      { scale: '5-point' },
    );
    const s = agreementSection(r, { bootstrap: 0, minShared: 1 });
    for (const m of METRICS) expect(metricValue(s, m.id) !== null || s.reasons[m.id] !== undefined, m.id).toBe(true);
    expect(metricValue(s, 'percent_agreement.strict')).toBeCloseTo(2 / 3, 12);
    const block = (schema as { definitions: { block: { required: string[] } } }).definitions.block.required;
    for (const m of LISTED_METRICS) expect(block, m.id).toContain(m.id.split('.')[0]);
    // the count-based ones bootstrap over items
    expect(COUNT_METRICS.every((m) => typeof m.from === 'function')).toBe(true);
    expect(itemCounts(r, judgementFilter(r)).rows).toBe(3);
  });

  it('labelMetric keeps a count-based coefficient and falls back to the default for direction or pairs', () => {
    expect(labelMetric('krippendorff_alpha.ordinal')).toBe('krippendorff_alpha.ordinal');
    expect(labelMetric('gwet_ac1')).toBe('gwet_ac1');
    expect(labelMetric('directional.krippendorff_alpha.ordinal')).toBe('fleiss_kappa');
    expect(labelMetric('cohen_kappa_mean')).toBe('fleiss_kappa');
  });
});
