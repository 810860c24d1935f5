import { coefficient, count, percent } from '../format';
import { bandStatus } from './readings';
import { METRICS } from '../sections/metrics';
import { metricCells } from './coefficientRows';
import { cost, facts, html, Html, list, num, table } from './htmlParts';
import type { NextLabelSection } from '../sections/nextLabelSection';
import type { RubricSection } from '../sections/rubricSection';

// the HTML report's `rubric` and `next_label` sections (htmlReport places them)

const four = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(4));

export function rubricHtml(r: RubricSection | null): Html {
  if (!r) return html`<p class="muted">No rubric section: the files label one dimension.</p>`;
  const v = r.verdict;
  const a = v?.agreement ?? null;
  const top = r.disagreement.dimensions.find((d) => d.dimension === r.disagreement.explains_most);
  return html`<p>${r.reading}</p>
    ${facts([
      {
        label: 'Rubric weights',
        value: Object.entries(r.weights)
          .map(([d, w]) => `${d} ${w}`)
          .join(', '),
        reading: `${r.weights_source} weights; renormalised over the dimensions each judgement has${r.overall ? `; reference: ${r.overall}` : ''}`,
      },
      {
        label: 'Weighted verdicts',
        value: v ? count(v.judgements) : '—',
        reading: v
          ? `${count(v.partial)} lack a weighted dimension; ${count(v.undecided)} exactly between A and B (left out)`
          : r.reasons.verdict,
      },
      ...(v?.band
        ? [
            {
              label: `Verdict agreement (${v.band.metric})`,
              value: coefficient(v.band.value),
              reading: `${v.band.label}: ${v.band.action}`,
              status: bandStatus(v.band.value),
            },
          ]
        : []),
      ...(v?.matches_overall
        ? [
            {
              label: 'Verdict equals the own overall label',
              value: v.matches_overall.exact === null ? '—' : percent(v.matches_overall.exact),
              reading: `same side ${v.matches_overall.directional === null ? '—' : percent(v.matches_overall.directional)} over ${count(v.matches_overall.n)} judgements`,
            },
          ]
        : []),
      {
        label: 'Explains most of the disagreement',
        value: r.disagreement.explains_most ?? 'none (fewer than 10 annotator pairs)',
        reading: top
          ? `φ ${coefficient(top.phi)}; ${top.share_of_reference === null ? '—' : percent(top.share_of_reference)} of the ${r.disagreement.reference} disagreements`
          : `${count(r.disagreement.disagreements)} of ${count(r.disagreement.pairs)} annotator pairs disagree on the ${r.disagreement.reference}`,
      },
    ])}
    ${a ? table('Agreement of the weighted verdict', ['pairable', ...METRICS.map((m) => m.name)], [[num(count(a.items_pairable)), ...metricCells(a).map((c) => num(c.text, c.status))]], { scroll: false }) : ''}
    ${
      a && Object.keys(a.ci95).length
        ? table(
            '95% bootstrap intervals of the verdict’s coefficients',
            ['metric', 'interval'],
            Object.entries(a.ci95).map(([id, ci]) => [
              id,
              num(ci ? `[${coefficient(ci[0])}, ${coefficient(ci[1])}]` : '—'),
            ]),
            { scroll: false },
          )
        : ''
    }
    ${v ? table('Weighted verdicts per label', Object.keys(v.label_counts), [Object.values(v.label_counts).map((c) => num(count(c)))], { scroll: false }) : ''}
    ${table(
      `Disagreement on each dimension against disagreement on the ${r.disagreement.reference} (${count(r.disagreement.pairs)} annotator pairs, ${count(r.disagreement.disagreements)} disagreeing)`,
      [
        'dimension',
        'annotator pairs',
        'disagree on the reference',
        'disagree on the dimension',
        'both',
        'share of the reference disagreements',
        'φ',
      ],
      r.disagreement.dimensions.map((d) => [
        d.dimension,
        num(count(d.pairs)),
        num(count(d.reference_disagree)),
        num(count(d.dimension_disagree)),
        num(count(d.both_disagree)),
        num(d.share_of_reference === null ? '—' : percent(d.share_of_reference)),
        num(coefficient(d.phi)),
      ]),
      { scroll: false },
    )}
    ${table(
      'Spearman correlation between dimensions (ρ, judgements with both)',
      ['', ...r.correlations.variables],
      r.correlations.variables.map((name, i) => [
        name,
        ...r.correlations.rho[i].map((x, j) => num(`${coefficient(x)} (${count(r.correlations.n[i][j])})`)),
      ]),
      { scroll: false },
    )}
    ${
      r.length.length
        ? table(
            'Each dimension against response length (ρ with characters of B less A)',
            ['dimension', 'judgements', 'ρ'],
            r.length.map((d) => [d.dimension, num(count(d.n)), num(coefficient(d.rho))]),
            { scroll: false },
          )
        : ''
    }
    ${
      r.length_by_annotator.length
        ? table(
            'Each annotator against response length',
            ['annotator', 'dimension', 'judgements', 'ρ'],
            r.length_by_annotator.map((d) => [d.annotator, d.dimension, num(count(d.n)), num(coefficient(d.rho))]),
          )
        : ''
    }
    ${Object.keys(r.reasons).length ? list(Object.entries(r.reasons).map(([k, why]) => `${k}: ${why}`)) : ''}`;
}

export function nextLabelHtml(s: NextLabelSection | null): Html {
  if (!s)
    return html`<p class="muted">
      No value-of-the-next-label section: a summary file holds no Dawid-Skene posteriors.
    </p>`;
  return html`<p>${s.reading}</p>
    ${facts([
      {
        label: 'Posteriors',
        value: 'Dawid-Skene',
        reading: `${s.method}: the fit of the final labels, its parameters held fixed`,
      },
      {
        label: 'Next label from',
        value: s.from,
        reading:
          s.from === 'typical'
            ? 'the kept annotators’ confusion matrices averaged by their labels'
            : 'this annotator’s confusion matrix; its own pairs left out',
      },
      { label: 'Price per label', value: cost(s.price_per_label) },
      {
        label: 'Candidates',
        value: count(s.candidates),
        reading: `of ${count(s.items)} pairs with a Dawid-Skene posterior`,
      },
      {
        label: 'Uncertainty left',
        value: `${coefficient(s.entropy_bits_total)} bits`,
        reading: 'posterior entropy summed over the candidates',
      },
      { label: 'Expected accuracy now', value: coefficient(s.expected_accuracy), reading: 'mean largest posterior' },
    ])}
    ${s.reason ? html`<p class="muted">${s.reason}</p>` : ''}
    ${
      s.ranking.length
        ? table(
            `The ${count(s.ranking.length)} pairs where one more label buys the most information`,
            [
              '#',
              'pair',
              'information gain (bits)',
              'bits per dollar',
              'entropy (bits)',
              'label now',
              'posterior',
              'expected accuracy gain',
            ],
            s.ranking.map((row, i) => [
              num(count(i + 1)),
              row.item,
              num(four(row.eig_bits)),
              num(four(row.eig_bits_per_dollar)),
              num(four(row.entropy_bits)),
              row.label ?? '—',
              num(four(row.confidence)),
              num(four(row.expected_accuracy_gain)),
            ]),
          )
        : ''
    }
    ${
      s.curve.length
        ? table(
            'Expected accuracy against budget',
            ['labels', 'budget', 'top-ranked pairs', 'random pairs'],
            s.curve.map((p) => [
              num(count(p.labels)),
              num(cost(p.budget)),
              num(four(p.top_ranked)),
              num(four(p.random)),
            ]),
          )
        : ''
    }`;
}
