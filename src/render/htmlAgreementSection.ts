import { WARNING_RULES } from '../defaults';
import { coefficient, count } from '../format';
import type { Report } from '../report/report';
import type { AgreementSection, CoefficientBlock, DimensionRow, SliceRow } from '../sections/agreementSection';
import { differenceTests } from '../sections/differenceTests';
import { COUNT_METRICS, labelMetric, METRICS, metricName } from '../sections/metrics';
import { prevalenceSentence } from '../views/prevalenceNote';
import { coefficientRows, metricCells, type CoefficientCell } from './coefficientRows';
import { facts, html, Html, list, num, table, type Cell } from './htmlParts';
import { bandStatus } from './readings';
import { differenceSentence } from './sentences';

function coefficientCellHtml(cell: CoefficientCell): Cell {
  return {
    content: cell.reason ? html`— <small>${cell.reason}</small>` : cell.text,
    className: `num ${cell.status}`.trim(),
  };
}

/** The HTML report's `agreement` section: the coefficients, their warnings, slices, dimensions, annotator pairs. */
export function agreementHtml(report: Report): Html {
  const a = report.agreement;
  if (!a) return html`<p class="muted">No agreement section: the files hold no pair with two or more human labels.</p>`;
  const d = a.directional;
  const rows = coefficientRows(a).map((r) => [
    r.metric.name,
    coefficientCellHtml(r.labels),
    r.direction ? coefficientCellHtml(r.direction) : num('—'),
    r.reading,
  ]);
  const reasons = Object.entries(a.reasons);
  const slices = Object.entries(a.slices);
  return html`${facts([
      {
        label: 'Pairs with 2 or more labels',
        value: count(a.items_pairable),
        reading: d ? `${count(d.items_pairable)} on the direction` : undefined,
      },
      {
        label: 'Annotator pairs (Cohen)',
        value: count(a.cohen_pairs.length),
        reading: `${count(a.cohen_pairs_below_min)} pairs share fewer than ${report.settings.min_shared_items} items and are left out${d ? ` (direction: ${count(d.cohen_pairs.length)} listed, ${count(d.cohen_pairs_below_min)} left out)` : ''}`,
      },
      {
        label: 'Verdict',
        value: a.band ? a.band.label : 'none',
        reading: a.band
          ? `${metricName(a.band.metric)} (${a.band.metric}) ${coefficient(a.band.value)} in [${a.band.range[0].toFixed(2)}, ${a.band.range[1].toFixed(2)}): ${a.band.action}`
          : 'the band metric is undefined',
        status: bandStatus(a.band?.value ?? null),
      },
    ])}
    ${table('Agreement coefficients with 95% bootstrap intervals', ['coefficient', 'labels', 'direction (A / tie / B)', 'reading'], rows, { scroll: false })}
    ${a.prevalence ? html`<p class="note"><strong>Read kappa with care.</strong> ${prevalenceSentence(a.prevalence)}</p>` : ''}
    ${
      reasons.length
        ? html`<h3>Undefined values</h3>
            ${list(reasons.map(([id, why]) => html`<code>${id}</code>: ${why}`))}`
        : ''
    }
    <h3>Slices</h3>
    ${slices.length ? slicesBlock(a, labelMetric(report.settings.band_metric)) : html`<p class="muted">No slice column (a column with at most 50 values, such as a domain, batch or pairing strategy).</p>`}
    ${
      a.dimensions.length
        ? html`<h3>Rubric dimensions</h3>
            ${dimensionTable(a, labelMetric(report.settings.band_metric))}`
        : ''
    }
    <h3>Annotator pairs</h3>
    ${cohenTable(a, d)}`;
}

/** Every slice column's table, with the values that differ from the whole after the correction marked. */
function slicesBlock(a: AgreementSection, metric: string): Html {
  const all = Object.values(a.slices).flat();
  const tests = new Map(differenceTests(all, a, [metric], { against: 'whole' }).map((t, i) => [all[i], t]));
  const q = (r: SliceRow) => tests.get(r)?.difference_p_bh[metric] ?? null;
  const level = WARNING_RULES.falseDiscovery;
  const tested = all.filter((r) => q(r) !== null).length;
  const sentences = Object.entries(a.slices).flatMap(([column, rows]) => {
    const s = differenceSentence(
      rows.map((r) => ({ label: r.value, p: tests.get(r)?.difference_p[metric] ?? null, q: q(r) })),
      {
        what: `values of ${column}`,
        against: 'the whole data',
        family: `${tested} values of every slice column`,
        level,
      },
    );
    return s ? [s] : [];
  });
  return html`${sentences.length ? html`<p>${metricName(metric)}: ${sentences.join(' ')}</p>` : ''}
  ${Object.entries(a.slices).map(([column, rows]) =>
    table(
      `Agreement by ${column}`,
      [column, 'items', 'pairable', ...COUNT_METRICS.map((m) => m.name), `${metricName(metric)}: p against all (BH)`],
      rows.map((r) => [
        `${r.value}${r.prevalence ? ' (high agreement, low kappa: one label dominates)' : ''}`,
        num(count(r.items)),
        num(count(r.items_pairable)),
        ...metricCells(r, COUNT_METRICS).map(coefficientCellHtml),
        num(q(r) === null ? '—' : `${coefficient(q(r))}${q(r)! < level ? ' ✱' : ''}`),
      ]),
    ),
  )}`;
}

function dimensionTable(a: AgreementSection, metric: string): Html {
  const [first, ...others] = a.dimensions;
  const tests = new Map(differenceTests(others, first, [metric], { against: 'peer' }).map((t, i) => [others[i], t]));
  const q = (r: DimensionRow) => tests.get(r)?.difference_p_bh[metric] ?? null;
  const level = WARNING_RULES.falseDiscovery;
  const sentence = differenceSentence(
    others.map((r) => ({ label: r.dimension, p: tests.get(r)?.difference_p[metric] ?? null, q: q(r) })),
    { what: 'other dimensions', against: first.dimension, family: `the ${others.length} other dimensions`, level },
  );
  return html`${sentence ? html`<p>${metricName(metric)}: ${sentence}</p>` : ''}
  ${table(
    'Agreement per rubric dimension',
    [
      'dimension',
      'pairable',
      ...METRICS.map((m) => m.name),
      `${metricName(metric)}: p against ${first.dimension} (BH)`,
    ],
    a.dimensions.map((r) => [
      `${r.dimension}${r.prevalence ? ' (high agreement, low kappa: one label dominates)' : ''}`,
      num(count(r.items_pairable)),
      ...metricCells(r).map(coefficientCellHtml),
      num(q(r) === null ? '—' : `${coefficient(q(r))}${q(r)! < level ? ' ✱' : ''}`),
    ]),
  )}`;
}

function cohenTable(a: CoefficientBlock, d: CoefficientBlock | null): Html {
  const direction = new Map((d?.cohen_pairs ?? []).map((p) => [`${p.a}\u0000${p.b}`, p]));
  const k = (x: number | null) => num(coefficient(x), bandStatus(x));
  return table(
    `Cohen's kappa of every annotator pair (${count(a.cohen_pairs.length)} pairs)`,
    [
      'annotator a',
      'annotator b',
      'shared items',
      'kappa',
      'linear',
      'quadratic',
      ...(d ? ['direction kappa', 'direction linear', 'direction quadratic'] : []),
    ],
    a.cohen_pairs.map((p) => {
      const q = direction.get(`${p.a}\u0000${p.b}`);
      return [
        p.a,
        p.b,
        num(count(p.n)),
        k(p.kappa),
        k(p.kappa_linear),
        k(p.kappa_quadratic),
        ...(d ? [k(q?.kappa ?? null), k(q?.kappa_linear ?? null), k(q?.kappa_quadratic ?? null)] : []),
      ];
    }),
  );
}
