import { bytes, coefficient, count, percent } from '../format';
import { bandReading, bandStatus, withInterval } from './readings';
import { COUNT_METRICS, labelMetric, METRICS, metricName, metricValue } from '../sections/metrics';
import { coefficientRows, metricCells, type CoefficientCell } from './coefficientRows';
import type { AgreementSection, CoefficientBlock, DimensionRow, SliceRow } from '../sections/agreementSection';
import { METHOD_NAMES } from '../sections/aggregationSection';
import type { AiJudgeRow } from '../sections/aiJudgeSection';
import type { ChartSvg } from './chartSvgs';
import { escapeHtml } from './escapeHtml';
import { biasHtml } from './htmlBiasSection';
import { comparisonHtml, driftHtml } from './htmlComparisonSection';
import { ciOnly, cost, facts, html, Html, list, num, seconds, section, share, table, type Cell } from './htmlParts';
import { REPORT_CSS } from './htmlReportStyle';
import { nextLabelHtml, rubricHtml } from './htmlPlanningSections';
import type { RoutingJudgeReport } from '../sections/judgesReport';
import { METHOD_NOTES } from './methodNotes';
import { prevalenceSentence } from '../views/prevalenceNote';
import { differenceTests } from '../sections/differenceTests';
import { differenceSentence } from './sentences';
import { WARNING_RULES } from '../defaults';
import {
  lengthRows,
  lengthSentence,
  lengthTable,
  ordersSentence,
  ordersTable,
  panelSentence,
  panelTable,
  selfPreferenceTable,
  type TableView,
} from '../views/judgeAudits';
import type { Report } from '../report/report';
import { reportCategories } from '../report/reportLabels';

/** Report sections in file order: id (the anchor) and heading. */
export const REPORT_SECTIONS = [
  ['summary', 'Summary'],
  ['agreement', 'Agreement'],
  ['annotators', 'Annotators'],
  ['aggregation', 'Final labels'],
  ['ai_judge', 'AI judges'],
  ['bias', 'Bias, time, pair lint and model ratings'],
  ['rubric', 'Rubric'],
  ['next_label', 'Value of the next label'],
  ['comparison', 'Compared with run B'],
  ['drift', 'Over time'],
  ['settings', 'Settings'],
  ['method', 'Method notes'],
] as const;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// number formats of the page (src/render/format.ts) and of its panels
const coefCi = (x: number | null | undefined, ci: [number, number] | null | undefined) =>
  withInterval(x ?? null, ci ?? null);
const n = (x: number | null | undefined) => (x === null || x === undefined ? '—' : count(x));
const dollars = (x: number) => `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`;
const plural = (k: number, word: string) => `${count(k)} ${word}${k === 1 ? '' : 's'}`;

/**
 * The audit report as one self-contained HTML file: every number of `prefscope.report/v1`, the charts as
 * inline SVG in their sections, the band readings and the method notes. Inline CSS only, no script, no
 * URL that loads anything (a Content-Security-Policy forbids it as well), every value from the data
 * escaped. `charts` are markup from `chartSvg` (Plot's SVG through the DOM serialiser, which escapes the
 * data in it) and are inserted as they are. `generatedAt` is printed as given (the function reads no clock).
 */
export function htmlReport(
  report: Report,
  charts: ChartSvg[] = [],
  { title, generatedAt }: { title?: string; generatedAt?: string | Date } = {},
): string {
  const files = report.input.files.map((f) => f.name).join(', ');
  const heading = title ?? `prefscope report: ${files || 'no file'}`;
  const when = generatedAt === undefined ? null : generatedAt instanceof Date ? generatedAt.toISOString() : generatedAt;
  const placed = new Set<ChartSvg>();
  const chartsOf = (id: string) => {
    const mine = charts.filter((c) => c.section === id || (id === 'summary' && c.section === 'input'));
    mine.forEach((c) => placed.add(c));
    return figures(mine);
  };
  const body: Html[] = [
    section('summary', 'Summary', [summarySection(report), chartsOf('summary')]),
    section('agreement', 'Agreement', [agreementSection(report), chartsOf('agreement')]),
    section('annotators', 'Annotators', [annotatorsSection(report), chartsOf('annotators')]),
    section('aggregation', 'Final labels', [aggregationSection(report), chartsOf('aggregation')]),
    section('ai_judge', 'AI judges', [aiJudgeSection(report), chartsOf('ai_judge')]),
    section('bias', 'Bias, time, pair lint and model ratings', [biasHtml(report.bias), chartsOf('bias')]),
    section('rubric', 'Rubric', [rubricHtml(report.rubric), chartsOf('rubric')]),
    section('next_label', 'Value of the next label', [nextLabelHtml(report.next_label), chartsOf('next_label')]),
    ...(report.comparison ? [section('comparison', 'Compared with run B', comparisonHtml(report.comparison))] : []),
    ...(report.drift ? [section('drift', 'Over time', driftHtml(report.drift))] : []),
    section('settings', 'Settings', settingsSection(report)),
    section('method', 'Method notes', methodSection()),
  ];
  const rest = charts.filter((c) => !placed.has(c));
  if (rest.length) body.push(section('charts', 'Charts', figures(rest)));
  const nav = [
    ...REPORT_SECTIONS.filter(([id]) => (id !== 'comparison' || report.comparison) && (id !== 'drift' || report.drift)),
    ...(rest.length ? [['charts', 'Charts'] as const] : []),
  ]
    .map(([id, name]) => `<a href="#${id}">${escapeHtml(name)}</a>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="${escapeHtml(report.generator)}">
<title>${escapeHtml(heading)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(heading)}</h1>
<p class="meta">${escapeHtml(report.schema)} · ${escapeHtml(report.generator)}${when ? ` · generated ${escapeHtml(when)}` : ''} · a self-contained file: no script, nothing loaded from anywhere</p>
${exclusion(report)}${verdict(report.agreement, report)}
<nav class="contents" aria-label="Contents">${nav}</nav>
</header>
<main>
${body.join('\n')}
</main>
<footer>Written by ${escapeHtml(report.generator)} from ${escapeHtml(files || 'no file')}. The same numbers are in the JSON report (${escapeHtml(report.schema)}); definitions in the method notes above.</footer>
</body>
</html>
`;
}

function figures(charts: ChartSvg[]): Html {
  if (charts.length === 0) return new Html('');
  // the chart markup comes from Plot via the DOM serialiser (text and attributes escaped there)
  return new Html(
    `<div class="charts">${charts.map((c) => `<figure class="chart${(c.width ?? 0) > 700 ? ' wide' : ''}"><figcaption>${escapeHtml(c.title)}</figcaption>${c.svg}</figure>`).join('')}</div>`,
  );
}

function verdict(agreement: AgreementSection | null, report: Report): Html {
  if (!agreement)
    return html`<div class="verdict">
      <p class="big"><strong>No agreement</strong>: the files hold no two labels of one pair.</p>
    </div>`;
  const metric = agreement.band?.metric ?? report.settings.band_metric;
  const name = metricName(metric);
  const value = metricValue(agreement, metric);
  const ci = agreement.ci95[metric] ?? null;
  if (!agreement.band)
    return html`<div class="verdict">
      <p class="big">
        <strong>No verdict</strong>: ${name} is undefined
        (${agreement.reasons[metric] ?? agreement.reasons.band ?? 'not computable on this data'}).
      </p>
    </div>`;
  const uncertain = ci && ci[0] < agreement.band.range[0];
  return html`<div class="verdict status-${bandStatus(value)}">
    <p class="big"><strong>${agreement.band.label}</strong> — ${agreement.band.action}.</p>
    <p>
      ${name} = <strong>${coefCi(value, ci)}</strong>${ci ? ' (95% bootstrap interval)' : ''}; band
      ${agreement.band.range[0].toFixed(2)}–${agreement.band.range[1].toFixed(2)}.${uncertain ? ' The interval reaches down into the band below: the verdict is not yet certain.' : ''}
    </p>
  </div>`;
}

/** How the labels were read: per reading its files, convention, whether it was a guess, and what each candidate gives. */
function labelReadings(input: Report['input']): Html {
  if (!input.label_readings.length) return html``;
  const how = {
    stated: 'stated',
    only: 'the one reading that fits',
    guess: 'a guess: more than one reading fits',
  } as const;
  return html`<h3>How the labels were read</h3>
    ${input.label_readings.map(
      (r) =>
        html`<p>
            ${r.files.join(', ')}${r.columns.length ? ` (${r.columns.join(', ')})` : ''}:
            <strong>${r.description}</strong> (${r.convention}; ${r.chosen}: ${how[r.chosen]}).
          </p>
          ${table(
            'Readings that fit, with the judgements per label each gives',
            ['reading', 'convention', 'judgements per label', 'unread'],
            r.candidates.map((c) => [
              c.description,
              c.convention,
              Object.entries(c.counts)
                .map(([label, n]) => `${label} ${count(n)}`)
                .join(', '),
              num(count(c.unread)),
            ]),
            { scroll: false },
          )}`,
    )}`;
}

/** The labels of the judges' verdict counts: the five preference labels, or the categories of nominal data. */
const PREFERENCE_OR_CATEGORIES = (input: Report['input']): string[] => Object.keys(input.label_counts);

/** What was left out of every number, at the top of the report (empty when nothing was). */
function exclusion(report: Report): string {
  const removed = report.settings.removed_annotators;
  if (!removed.length) return '';
  return `<p class="exclusion status-warning" data-testid="exclusion"><strong>${escapeHtml(plural(removed.length, 'annotator'))} removed</strong> from every number below (the file facts of the summary describe the file as read): ${escapeHtml(removed.join(', '))}.</p>\n`;
}

function summarySection(report: Report): Html {
  const { input } = report;
  const human = Object.values(input.label_counts).reduce((s, c) => s + c, 0);
  const stats = input.pair_statistics;
  return html`${facts([
      {
        label: 'Judgements',
        value: count(input.rows),
        reading: `${count(human)} human labels on the overall dimension`,
      },
      {
        label: 'Rows dropped',
        value: count(input.rows_dropped),
        reading: input.rows_dropped ? 'see the issues below' : 'every row was read',
        status: input.rows_dropped ? 'warning' : 'good',
      },
      { label: 'Pairs (items)', value: count(input.items) },
      report.settings.removed_annotators.length
        ? {
            label: 'Annotators',
            value: `${count(Math.max(0, input.annotators - report.settings.removed_annotators.length))} of ${count(input.annotators)}`,
            reading: `${plural(report.settings.removed_annotators.length, 'annotator')} removed from every number (${report.settings.removed_annotators.join(', ')}); plus ${plural(input.ai_judges, 'AI judge')}`,
            status: 'warning',
          }
        : {
            label: 'Annotators',
            value: count(input.annotators),
            reading: `plus ${plural(input.ai_judges, 'AI judge')}`,
          },
      { label: 'Scale', value: input.scale, reading: `dimensions: ${input.dimensions.join(', ') || '—'}` },
      { label: 'Format', value: input.format },
    ])}
    ${table(
      'Files',
      [
        'file',
        'read as',
        'size',
        'bytes',
        'rows read',
        'judgements',
        'rows dropped',
        'judge named after it',
        'SHA-256',
      ],
      input.files.map((f) => [
        f.name,
        f.format,
        num(bytes(f.bytes)),
        num(count(f.bytes)),
        num(count(f.rows)),
        num(count(f.judgements)),
        num(count(f.rows_dropped)),
        f.judge ?? '—',
        { content: f.sha256 ?? '—', className: 'mono' },
      ]),
    )}
    ${
      input.warnings.length
        ? html`<h3>What the reading guessed or left out</h3>
            ${table(
              'Warnings',
              ['file', 'column', 'warning'],
              input.warnings.map((w) => [w.file, w.column ?? '—', w.message]),
              { scroll: false },
            )}`
        : ''
    }
    ${labelReadings(input)}
    ${
      input.notes.length
        ? html`<h3>What the formats can and cannot show</h3>
            ${list(input.notes)}`
        : ''
    }
    ${table(
      'Human judgements per label',
      ['label', 'judgements', 'share'],
      Object.entries(input.label_counts).map(([label, c]) => [
        label,
        num(count(c)),
        num(share(human ? c / human : null)),
      ]),
    )}
    <h3>Issues</h3>
    ${
      input.issues.length
        ? table(
            `Issues found while reading (the first ${input.issues.length})`,
            ['file', 'row', 'column', 'message'],
            input.issues.map((i) => [i.file, num(i.row === null ? '—' : count(i.row)), i.column ?? '—', i.message]),
          )
        : html`<p class="muted">No issue: every row was read.</p>`
    }
    <h3>Pairs and texts</h3>
    ${table(
      'Pair statistics',
      ['statistic', 'value'],
      [
        ['pairs with both response texts', num(count(stats.pairs_with_texts))],
        ['identical responses', num(count(stats.identical_responses))],
        ['empty response A', num(count(stats.empty_a))],
        ['empty response B', num(count(stats.empty_b))],
        ['median length of A (characters)', num(n(stats.median_chars_a))],
        ['median length of B (characters)', num(n(stats.median_chars_b))],
        ['share of pairs with A longer', num(share(stats.a_longer_share))],
        ['duplicate judgements replaced', num(count(stats.duplicate_judgements))],
      ],
      { scroll: false },
    )}
    ${
      Object.keys(input.judge_label_counts).length
        ? table(
            "AI judges' verdicts per label (overall dimension)",
            ['judge', ...PREFERENCE_OR_CATEGORIES(input)],
            Object.entries(input.judge_label_counts).map(([judge, counts]) => [
              judge,
              ...PREFERENCE_OR_CATEGORIES(input).map((l) => num(count(counts[l] ?? 0))),
            ]),
            { scroll: false },
          )
        : ''
    }
    ${
      input.shared_item_ids.length
        ? table(
            'Item ids that occur in more than one file',
            ['file', 'ids also in', 'ids'],
            input.shared_item_ids.map((x) => [x.file, x.with.join(', '), num(count(x.items))]),
            { scroll: false },
          )
        : ''
    }
    ${
      input.model_pairs.length
        ? table(
            input.model_pairs_source === 'humans'
              ? 'Verdicts per model pair (of the humans)'
              : `Verdicts per model pair (of the AI judge ${input.model_pairs_source}: no human verdict names two models)`,
            ['model a', 'model b', 'pairs', 'a wins', 'b wins', 'ties', 'a wins of decisive'],
            input.model_pairs.map((p) => [
              p.a,
              p.b,
              num(count(p.items)),
              num(count(p.a_wins)),
              num(count(p.b_wins)),
              num(count(p.ties)),
              num(p.a_wins + p.b_wins ? percent(p.a_wins / (p.a_wins + p.b_wins)) : '—'),
            ]),
          )
        : html`<p class="muted">The files name no models per pair.</p>`
    }`;
}

/** A coefficient cell with its interval and band colour, and the reason when it is undefined. */
function coefficientCellHtml(cell: CoefficientCell): Cell {
  return {
    content: cell.reason ? html`— <small>${cell.reason}</small>` : cell.text,
    className: `num ${cell.status}`.trim(),
  };
}

function agreementSection(report: Report): Html {
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

function annotatorsSection(report: Report): Html {
  const rows = report.annotators;
  const flagged = rows.filter((a) => a.flagged);
  const w = report.settings.weights;
  return html`${facts([
    {
      label: 'Annotators scored',
      value: count(rows.length),
      reading: report.settings.removed_annotators.length
        ? `removed before scoring: ${report.settings.removed_annotators.join(', ')}`
        : 'none removed',
    },
    {
      label: 'Flagged',
      value: count(flagged.length),
      reading: flagged.length
        ? flagged.map((a) => `${a.id} (${a.reasons.join(', ')})`).join('; ')
        : 'no annotator is flagged',
      status: flagged.length ? 'flagged' : 'good',
    },
    {
      label: 'Composite weights',
      value: `gold ${w.gold}, majority ${w.majority}, speed ${w.speed}`,
      reading: 'renormalised over the parts present',
    },
  ])}
  ${table(
    'Annotator reliability',
    [
      'annotator',
      'kind',
      'labels',
      'gold answers',
      'gold exact',
      'gold direction [95% CI]',
      'majority n',
      'majority agreement',
      'mean s',
      'median s',
      'speed penalty',
      'spam (MACE)',
      'spammer score',
      'composite',
      'flags',
    ],
    rows.map((a) => [
      a.id,
      a.kind,
      num(count(a.labels)),
      num(count(a.gold_n)),
      num(coefficient(a.gold_accuracy)),
      num(coefCi(a.gold_accuracy_directional, a.gold_accuracy_ci95)),
      num(count(a.majority_n)),
      num(coefficient(a.majority_agreement)),
      num(seconds(a.mean_time_s)),
      num(seconds(a.median_time_s)),
      num(coefficient(a.speed_penalty)),
      num(coefficient(a.spam_probability)),
      num(coefficient(a.spammer_score)),
      num(coefficient(a.composite), a.flagged ? 'flagged' : ''),
      { content: a.reasons.join(', ') || '', className: a.flagged ? 'flagged' : '' },
    ]),
  )}`;
}

function aggregationSection(report: Report): Html {
  const g = report.aggregation;
  if (!g)
    return html`<p class="muted">
      No final labels: a summary file holds only counts, not the judgements to aggregate.
    </p>`;
  const categories = reportCategories(report);
  return html`${facts([
    {
      label: 'Method of the exports',
      value: METHOD_NAMES[g.method],
      reading: `${g.method}, asked: ${g.requested_method}${g.method_reason ? ` — ${g.method_reason}` : ''}`,
      status: g.method_reason ? 'warning' : undefined,
    },
    { label: 'Pairs with a final label', value: count(g.items) },
    {
      label: 'Dawid-Skene',
      value: g.converged
        ? `converged in ${g.iterations} iterations`
        : `stopped after ${g.iterations} iterations without converging`,
      status: g.converged ? 'good' : 'warning',
    },
    {
      label: 'Kept to their own labels',
      value: count(g.outside_given),
      reading: g.outside_given
        ? 'pairs whose Dawid-Skene argmax was a label none of their annotators gave: each keeps the most likely of its own'
        : 'every Dawid-Skene label is one its pair was given',
    },
    ...(g.unused_categories.length
      ? [
          {
            label: 'Categories never used',
            value: g.unused_categories.join(', '),
            reading: 'Dawid-Skene gives them no weight',
          },
        ]
      : []),
    {
      label: 'Gold pairs',
      value: count(g.gold_items),
      reading: g.gold_items ? 'gold accuracy by direction below' : 'no gold: compare agreement instead',
    },
    {
      label: `Changed vs the majority vote`,
      value: count(g.changed_vs_majority),
      reading: `labels of ${METHOD_NAMES[g.method]} that differ from the majority vote`,
    },
  ])}
  ${table(
    'Final labels by method',
    [
      'method',
      'id',
      'passes',
      'gold pairs',
      'gold accuracy (label)',
      'gold accuracy (direction)',
      '95% interval',
      'differs from majority',
      'label no annotator gave',
      ...categories,
    ],
    g.methods.map((m) => [
      `${m.name}${m.converged === false ? ' (did not converge)' : ''}${m.available ? '' : ` — cannot run here: ${m.unavailable}`}${m.gold_cross_validated ? ' (gold accuracy cross-validated: given the gold labels)' : ''}`,
      m.id,
      num(m.iterations === null ? '—' : count(m.iterations)),
      num(count(m.gold_n)),
      num(coefficient(m.gold_accuracy_exact)),
      num(coefficient(m.gold_accuracy)),
      num(
        m.gold_accuracy_ci95
          ? `${coefficient(m.gold_accuracy_ci95[0])} – ${coefficient(m.gold_accuracy_ci95[1])}`
          : '—',
      ),
      num(count(m.differs_from_majority)),
      num(m.outside_given === null ? '—' : count(m.outside_given)),
      ...g.label_counts[m.id].map((c) => num(count(c))),
    ]),
    { scroll: false },
  )}`;
}

function aiJudgeSection(report: Report): Html {
  const ai = report.ai_judge;
  if (!ai) return html`<p class="muted">No AI judge section: a summary file holds only counts.</p>`;
  if (ai.judges.length === 0 && ai.routing.judges.length === 0)
    return html`<p class="muted">
      The files hold no AI judge (an ai_label column, a judge file, or an export's LLM judges).
    </p>`;
  const inputs = ai.routing.inputs;
  return html`${ai.judges.map((j) => judgeBlock(j, report))} ${judgeAuditsBlock(ai)}
    <h3>Hybrid routing</h3>
    <p>
      Reference: ${ai.routing.reference}
      (${ai.routing.reference === 'gold' ? 'the gold labels' : 'the human majority vote'}). Inputs:
      ${percent(inputs.spot)} of the accepted AI labels spot-checked, ${dollars(inputs.price_ai)} per AI label,
      ${dollars(inputs.price_human)} per human label, ${dollars(inputs.price_expert)} per expert decision, target
      accuracy ${percent(inputs.target)}.
    </p>
    ${ai.routing.judges.map((r) => routingBlock(r))}`;
}

/** Both orders, the panel, self-preference and length control, as on the page (`views/judgeAudits`). */
function judgeAuditsBlock(ai: NonNullable<Report['ai_judge']>): Html {
  const tableOf = (t: TableView) => table(t.caption, t.columns, t.rows);
  const ordered = ai.judges.filter((j) => j.orders);
  const lengths = lengthRows(ai);
  return html`<h3>Both presentation orders</h3>
    ${
      ordered.length
        ? html`<p>${ordered.map(ordersSentence).join(' ')}</p>
            ${tableOf(ordersTable(ai.judges))}`
        : html`<p class="muted">No judge was run on the same pairs in both orders.</p>`
    }
    <h3>The judges as a panel</h3>
    ${
      ai.panel
        ? html`<p>${panelSentence(ai.panel)}</p>
            ${tableOf(panelTable(ai.panel))}`
        : html`<p class="muted">A panel needs two or more judges that judged the same pairs with a reference.</p>`
    }
    <h3>Self-preference</h3>
    ${
      ai.judges.some((j) => j.self_preference)
        ? tableOf(selfPreferenceTable(ai.judges))
        : html`<p class="muted">No judge whose model family is on one side of a pair.</p>`
    }
    <h3>Length-controlled win rate</h3>
    ${
      lengths.length
        ? html`<p>${lengthSentence(lengths)}</p>
            ${tableOf(lengthTable(lengths))}`
        : html`<p class="muted">No baseline model with both response texts.</p>`
    }`;
}

function judgeBlock(j: AiJudgeRow, report: Report): Html {
  const m = j.vs_majority;
  const humansBelow =
    j.reliability.majority_agreement === null
      ? null
      : report.annotators.filter(
          (a) => a.majority_agreement !== null && a.majority_agreement < j.reliability.majority_agreement!,
        ).length;
  const scored = report.annotators.filter((a) => a.majority_agreement !== null).length;
  return html`<div class="judge">
    <h3>${j.id}</h3>
    ${facts([
      { label: 'Pairs judged', value: count(j.items) },
      {
        label: 'Same side as the human majority',
        value: share(m.directional_accuracy),
        reading: `95% CI ${ciOnly(m.directional_accuracy_ci95)} over ${count(m.n)} pairs; ${m.decisive_accuracy === null ? 'no decisive pair' : `${percent(m.decisive_accuracy)} when neither calls a tie (${count(m.decisive_n)} pairs)`}`,
      },
      {
        label: "Cohen's kappa with the majority",
        value: coefficient(m.kappa),
        reading: bandReading(m.kappa),
        status: bandStatus(m.kappa),
      },
      {
        label: 'Gold accuracy',
        value: j.vs_gold ? percent(j.vs_gold.directional_accuracy) : '—',
        reading: j.vs_gold
          ? `same side as gold on ${count(j.vs_gold.n)} gold pairs, 95% CI ${ciOnly(j.vs_gold.ci95)}`
          : 'the judge labelled no gold pair',
      },
      {
        label: 'Scored as an annotator',
        value: `gold ${coefficient(j.reliability.gold_accuracy_directional)}, majority ${coefficient(j.reliability.majority_agreement)}`,
        reading: `${count(j.reliability.gold_n)} gold answers, ${count(j.reliability.majority_n)} labels scored against the majority${humansBelow === null ? '' : `; better than ${humansBelow} of the ${scored} human annotators on majority agreement`}`,
      },
      ...(j.calibration
        ? [
            {
              label: 'Expected calibration error',
              value: coefficient(j.calibration.ece),
              reading: `over ${count(j.calibration.n)} pairs with a confidence`,
            },
          ]
        : []),
    ])}
    ${table(
      'Confusion: the judge (rows) against the human majority (columns)',
      ['judge \\ majority', ...m.confusion.labels],
      m.confusion.counts.map((row, i) => [m.confusion.labels[i], ...row.map((c) => num(count(c)))]),
      { scroll: false },
    )}
    ${
      j.calibration
        ? table(
            'Calibration bins',
            ['confidence', 'pairs', 'mean confidence', 'agrees with majority', '95% CI'],
            j.calibration.bins.map((b) => [
              `${b.from.toFixed(1)}–${b.to.toFixed(1)}`,
              num(count(b.n)),
              num(coefficient(b.mean_confidence)),
              num(share(b.accuracy)),
              num(ciOnly(b.ci95)),
            ]),
            { scroll: false },
          )
        : html`<p class="muted">No calibration: the judge gives no confidence.</p>`
    }
    ${table(
      'The judge against each annotator',
      ['annotator', 'shared pairs', "Cohen's kappa", 'same side'],
      j.vs_annotators.map((a) => [
        a.id,
        num(count(a.n)),
        num(coefficient(a.kappa), bandStatus(a.kappa)),
        num(share(a.directional_agreement)),
      ]),
    )}
  </div>`;
}

function routingBlock(r: RoutingJudgeReport): Html {
  const b = r.best;
  return html`<h4>${r.id}</h4>
    <p>
      ${count(r.n)} pairs with a label, a confidence and a
      reference${r.no_confidence ? `; ${count(r.no_confidence)} without a confidence` : ''}${r.reason ? ` (${r.reason})` : ''}.
      AI alone: ${share(r.ai_only_accuracy)} accurate.
      ${b ? html`The cheapest threshold reaching the target is <strong>${b.threshold.toFixed(2)}</strong>: accuracy ${percent(b.accuracy!)}, ${cost(b.cost)} per 1,000 pairs, ${share(b.human_share)} of pairs seen by a human, ${share(b.expert_share)} by an expert.` : 'No threshold reaches the target.'}
    </p>
    ${
      r.points.length
        ? table(
            `Routing curve of ${r.id}`,
            ['threshold', 'accuracy', 'cost per 1,000 pairs', 'human share', 'expert share'],
            r.points.map((p) => [
              p.threshold.toFixed(2),
              num(share(p.accuracy)),
              num(cost(p.cost)),
              num(share(p.human_share)),
              num(share(p.expert_share)),
            ]),
          )
        : ''
    }`;
}

function settingsSection(report: Report): Html {
  const s = report.settings;
  const mapping = (m: Record<string, unknown>) =>
    Object.entries(m)
      .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(
        ([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)}`,
      )
      .join(' · ');
  return html`${table(
    'Settings that change a number',
    ['setting', 'value'],
    [
      ['scale', s.scale],
      [
        'label map',
        s.label_map
          ? Object.entries(s.label_map)
              .map(([k, v]) => `${k} → ${v}`)
              .join(', ')
          : 'none (labels read as they are)',
      ],
      ['removed annotators', s.removed_annotators.length ? s.removed_annotators.join(', ') : 'none'],
      ['band metric', `${s.band_metric} (${metricName(s.band_metric)})`],
      ['bootstrap resamples', num(count(s.bootstrap))],
      ['seed', num(String(s.seed))],
      ['minimum shared items per annotator pair', num(count(s.min_shared_items))],
      ['composite weights', `gold ${s.weights.gold}, majority ${s.weights.majority}, speed ${s.weights.speed}`],
      [
        'final-label method',
        s.aggregation_method === 'auto'
          ? `auto (Dawid-Skene when it converges, else majority vote): ${report.aggregation ? METHOD_NAMES[report.aggregation.method] : 'no final labels'}`
          : `${s.aggregation_method} (${METHOD_NAMES[s.aggregation_method]})`,
      ],
      [
        'rubric weights',
        s.rubric_weights
          ? Object.entries(s.rubric_weights)
              .map(([d, w]) => `${d} ${w}`)
              .join(', ')
          : 'no rubric',
      ],
      ['next label', `from ${s.next_label.from}, ${cost(s.next_label.price_per_label)} a label`],
    ],
    { scroll: false },
  )}
  ${table(
    'Columns of each file',
    ['file', 'read as', 'columns'],
    s.columns.map((c) => [c.file, c.format, mapping(c.mapping)]),
    { scroll: false },
  )}`;
}

function methodSection(): Html {
  return html`<dl class="notes">
    ${METHOD_NOTES.map(
      (m) =>
        html`<div>
          <dt>${m.title}</dt>
          <dd>
            ${m.text}${m.sources.length ? html`<br /><span class="sources">Sources: ${m.sources.join('; ')}.</span>` : ''}
          </dd>
        </div>`,
    )}
  </dl>`;
}
