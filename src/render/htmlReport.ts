import { bytes, coefficient, count, percent } from '../format';
import { bandStatus, withInterval } from './readings';
import { metricName, metricValue } from '../sections/metrics';
import type { AgreementSection } from '../sections/agreementSection';
import { METHOD_NAMES } from '../sections/aggregationSection';
import { noFinalLabelsSentence } from '../views/aggregationSentences';
import type { ChartSvg } from './chartSvgs';
import { escapeHtml } from './escapeHtml';
import { agreementHtml } from './htmlAgreementSection';
import { biasHtml } from './htmlBiasSection';
import { aiJudgeHtml } from './htmlJudgesSection';
import { comparisonHtml, driftHtml } from './htmlComparisonSection';
import { cost, facts, html, Html, list, num, seconds, section, share, table } from './htmlParts';
import { REPORT_CSS } from './htmlReportStyle';
import { nextLabelHtml, rubricHtml } from './htmlPlanningSections';
import { METHOD_NOTES } from './methodNotes';
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
    section('agreement', 'Agreement', [agreementHtml(report), chartsOf('agreement')]),
    section('annotators', 'Annotators', [annotatorsSection(report), chartsOf('annotators')]),
    section('aggregation', 'Final labels', [aggregationSection(report), chartsOf('aggregation')]),
    section('ai_judge', 'AI judges', [aiJudgeHtml(report), chartsOf('ai_judge')]),
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
function annotatorsSection(report: Report): Html {
  const rows = report.annotators;
  if (rows.length === 0)
    return html`<p class="muted">
      No human annotator: the files hold only AI judges' verdicts (${count(report.input.ai_judges)}), audited under AI
      judges. Scores, flags and spam scores need human labels.
    </p>`;
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
  const none = noFinalLabelsSentence(g);
  if (none) return html`<p class="muted">${none}</p>`;
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
      label: 'Pairs with two labels or more',
      value: count(g.items_with_several_labels),
      reading:
        g.items_with_several_labels === 0
          ? 'none: every method gives each pair its one label back, so there is nothing to aggregate'
          : 'the only pairs on which the methods can differ',
      status: g.items > 0 && g.items_with_several_labels === 0 ? 'warning' : undefined,
    },
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
