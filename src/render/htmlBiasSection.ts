import { RATING_MODEL_NAMES } from '../sections/ratingModels';
import { ratingFitSentence } from '../views/ratingFit';
import { coefficient, count, percent } from '../format';
import { ciOnly, facts, html, Html, num, pValue, seconds, share, table, yesNo } from './htmlParts';
import type { BiasReport } from '../sections/judgesReport';
import { lengthBinLabel } from '../report/reportLabels';

/** The HTML report's `bias` section: position, length, swap, time, pair lint and model ratings. */
export function biasHtml(bias: BiasReport | null): Html {
  if (!bias) return html`<p class="muted">No bias section: a summary file holds only counts.</p>`;
  return html`${positionBlock(bias)}${lengthBlock(bias)}${swapBlock(bias)}${timeBlock(bias)}${lintBlock(bias)}${ratingsBlock(bias)}`;
}

const biasStatus = (s: { share: number | null; ci95: [number, number] | null }) =>
  s.share === null ? undefined : s.ci95 && (s.ci95[0] > 0.5 || s.ci95[1] < 0.5) ? 'warning' : 'good';

function positionBlock(bias: BiasReport): Html {
  const p = bias.position;
  if (!p)
    return html`<h3>Position bias</h3>
      <p class="muted">No sides on a nominal scale.</p>`;
  const flagged = p.annotators.filter((a) => a.flagged);
  return html`<h3>Position bias</h3>
    ${facts([
      p.pooled.reason
        ? { label: 'Humans: position bias', value: 'not tested', reading: p.pooled.reason }
        : {
            label: `Humans choose the ${p.uses_shown_first ? 'side shown first' : 'left side (A)'}`,
            value: share(p.pooled.share),
            reading: `${count(p.pooled.first)} of ${count(p.pooled.n)} decisive human labels, 95% CI ${ciOnly(p.pooled.ci95)}, p = ${pValue(p.pooled.p_value)}; 50% is no bias`,
            status: biasStatus(p.pooled),
          },
      {
        label: 'Flagged position_bias',
        value: count(flagged.length),
        reading: flagged.length
          ? flagged.map((a) => `${a.id}${a.kind === 'ai' ? ' (AI)' : ''}`).join(', ')
          : `none of the ${p.tested} tested`,
        status: flagged.length ? 'flagged' : 'good',
      },
      {
        label: 'Tested',
        value: count(p.tested),
        reading: `with ${p.min_n} or more decisive labels; p threshold ${p.p_threshold === null ? '—' : p.p_threshold.toFixed(4)}`,
      },
    ])}
    <p class="muted">
      ${p.rule}${p.uses_shown_first ? '' : ' The files do not say which side was shown first, so A counts as first.'}
    </p>
    ${table(
      'Position bias per annotator and judge',
      ['annotator', 'kind', 'decisive labels', 'first side', 'share', '95% CI', 'p', 'flag', 'not tested because'],
      p.annotators.map((a) => [
        a.id,
        a.kind,
        num(count(a.n)),
        num(count(a.first)),
        num(share(a.share)),
        num(ciOnly(a.ci95)),
        num(pValue(a.p_value)),
        { content: a.flagged ? 'position_bias' : '', className: a.flagged ? 'flagged' : '' },
        a.untested ?? '',
      ]),
    )}`;
}

function lengthBlock(bias: BiasReport): Html {
  const l = bias.length;
  if (!l)
    return html`<h3>Length bias</h3>
      <p class="muted">The files have no response texts, so lengths cannot be compared.</p>`;
  return html`<h3>Length bias</h3>
    ${facts([
      {
        label: 'Humans choose the longer response',
        value: share(l.pooled.share),
        reading: `${count(l.pooled.longer)} of ${count(l.pooled.n)} decisive labels on the ${count(l.pairs)} pairs whose lengths differ by more than ${l.min_difference} characters, 95% CI ${ciOnly(l.pooled.ci95)}, p = ${pValue(l.pooled.p_value)}`,
        status: biasStatus(l.pooled),
      },
    ])}
    ${table(
      'Length bias per annotator and judge',
      ['annotator', 'kind', 'decisive labels', 'chose the longer', 'share', '95% CI', 'p'],
      l.annotators.map((a) => [
        a.id,
        a.kind,
        num(count(a.n)),
        num(count(a.longer)),
        num(share(a.share)),
        num(ciOnly(a.ci95)),
        num(pValue(a.p_value)),
      ]),
    )}
    ${table(
      'Share choosing A per bin of log2(length A / length B)',
      ['group', 'bin', 'decisive labels', 'share choosing A', '95% CI'],
      l.bins.map((b) => [
        b.judge === null ? 'humans' : `${b.judge} (AI)`,
        lengthBinLabel(b.from, b.to),
        num(count(b.n)),
        num(share(b.share_a)),
        num(ciOnly(b.ci95)),
      ]),
    )}
    <p class="muted">${l.bin_rule}</p>`;
}

function swapBlock(bias: BiasReport): Html {
  const s = bias.swap;
  if (!s)
    return html`<h3>Swap consistency</h3>
      <p class="muted">No two pairs hold the same texts in swapped order.</p>`;
  return html`<h3>Swap consistency</h3>
    ${facts([{ label: 'Mirrored verdicts', value: share(s.share), reading: s.pairs ? `${count(s.consistent)} of ${count(s.pairs)} verdicts on a pair shown in both orders (${count(s.item_pairs)} such pairs) are mirror images, 95% CI ${ciOnly(s.ci95)}` : `${count(s.item_pairs)} pairs appear in both orders, but no one labelled both`, status: s.share === null ? undefined : s.share >= 0.8 ? 'good' : 'warning' }])}`;
}

function timeBlock(bias: BiasReport): Html {
  const t = bias.time;
  if (!t)
    return html`<h3>Time</h3>
      <p class="muted">The files have neither times per label nor timestamps.</p>`;
  const q = (row: { quantiles: { p10: number; p25: number; p50: number; p75: number; p90: number } | null }) =>
    (['p10', 'p25', 'p50', 'p75', 'p90'] as const).map((k) => num(row.quantiles ? row.quantiles[k].toFixed(1) : '—'));
  const f = t.fatigue;
  const stretch = (s: { gold_n: number; gold_accuracy: number | null; ci95: [number, number] | null }) => [
    num(count(s.gold_n)),
    num(share(s.gold_accuracy)),
    num(ciOnly(s.ci95)),
  ];
  return html`<h3>Time</h3>
    ${facts([
      {
        label: 'Median time per label',
        value: seconds(t.pooled.quantiles?.p50),
        reading: t.pooled.quantiles
          ? `half of the ${count(t.pooled.n)} human labels took between ${seconds(t.pooled.quantiles.p25)} and ${seconds(t.pooled.quantiles.p75)}; 10th–90th percentile ${seconds(t.pooled.quantiles.p10)}–${seconds(t.pooled.quantiles.p90)}`
          : 'no times per label',
      },
      {
        label: `Labels under ${t.too_fast_seconds} s`,
        value: share(t.pooled.too_fast_share),
        reading: `${count(t.pooled.too_fast)} labels`,
      },
    ])}
    ${table(
      'Seconds per label per annotator',
      [
        'annotator',
        'labels with a time',
        'p10',
        'p25',
        'median',
        'p75',
        'p90',
        `under ${t.too_fast_seconds} s`,
        'share',
      ],
      [...t.annotators, { id: 'all humans', ...t.pooled }].map((a) => [
        a.id,
        num(count(a.n)),
        ...q(a),
        num(count(a.too_fast)),
        num(share(a.too_fast_share)),
      ]),
    )}
    ${
      f
        ? html`<h4>Fatigue</h4>
            <p>
              Order:
              ${f.order}${f.missing_timestamps ? ` (${count(f.missing_timestamps)} labels without a timestamp placed last)` : ''};
              buckets of ${count(f.bucket_width)} labels.
            </p>
            ${table(
              'Gold accuracy by position in the session',
              ['labels', 'gold answers', 'gold accuracy', '95% CI'],
              f.buckets.map((b) => [`${count(b.from)}–${count(b.to)}`, ...stretch(b)]),
              { scroll: false },
            )}
            ${table(
              "Gold accuracy, first and second half of each annotator's session",
              [
                'annotator',
                'gold answers',
                'first half n',
                'first half',
                '95% CI',
                'second half n',
                'second half',
                '95% CI',
                'change',
              ],
              f.annotators.map((a) => [
                a.id,
                num(count(a.gold_n)),
                ...stretch(a.first_half),
                ...stretch(a.second_half),
                num(a.change === null ? '—' : `${a.change >= 0 ? '+' : ''}${(100 * a.change).toFixed(1)} pts`),
              ]),
            )}`
        : html`<p class="muted">No gold answers: no fatigue curve.</p>`
    }`;
}

function lintBlock(bias: BiasReport): Html {
  const l = bias.pair_lint;
  const ids = (items: string[], total: number) =>
    items.length
      ? html`<p class="ids">
          ${items.join(', ')}${total > items.length ? ` … (${count(total - items.length)} more)` : ''}
        </p>`
      : html`<p class="muted">none</p>`;
  return html`<h3>Pair lint</h3>
    ${facts([
      { label: 'Identical responses', value: count(l.identical_count), status: l.identical_count ? 'warning' : 'good' },
      { label: 'Empty responses', value: count(l.empty_count), status: l.empty_count ? 'warning' : 'good' },
      {
        label: 'Repeated pairs',
        value: count(l.repeated_count),
        reading: `${count(l.repeated_conflicting)} with contradicting labels`,
        status: l.repeated_conflicting ? 'flagged' : 'good',
      },
      { label: 'Prompts across slices', value: count(l.prompts_across_slices_count) },
    ])}
    <h4>Pairs with identical responses</h4>
    ${ids(l.identical, l.identical_count)}
    <h4>Pairs with an empty response</h4>
    ${ids(l.empty, l.empty_count)}
    <h4>Repeated pairs</h4>
    ${
      l.repeated.length
        ? table(
            'Groups of pairs with the same texts',
            ['pairs', 'copies', 'A and B swapped', 'labels contradict'],
            l.repeated.map((g) => [
              g.items.join(', '),
              num(count(g.items_count)),
              yesNo(g.swapped),
              { content: yesNo(g.conflicting), className: g.conflicting ? 'flagged' : '' },
            ]),
          )
        : html`<p class="muted">none</p>`
    }
    <h4>Prompts that appear under two values of a slice</h4>
    ${
      l.prompts_across_slices.length
        ? table(
            `Prompts across slices (${count(l.prompts_across_slices_count)})`,
            ['prompt', 'slice', 'values', 'pairs', 'pair ids'],
            l.prompts_across_slices.map((p) => [
              p.prompt,
              p.slice,
              p.values.join(', '),
              num(count(p.items_count)),
              p.items.join(', '),
            ]),
          )
        : html`<p class="muted">none</p>`
    }`;
}

function ratingsBlock(bias: BiasReport): Html {
  const r = bias.model_ratings;
  if (!r)
    return html`<h3>Model ratings</h3>
      <p class="muted">
        The files do not name two or more models per pair (model_a / model_b), so there is nothing to rate.
      </p>`;
  const { models, win_rate, comparisons } = r.matrix;
  return html`<h3>Model ratings</h3>
    <p>
      Bradley-Terry ratings from ${count(r.judgements)}
      ${r.source === 'humans' ? 'human verdicts' : `verdicts of the AI judge ${r.source} (no human verdict compares two named models)`}
      on ${count(r.items)} pairs (${count(r.same_model_judgements)} verdicts on pairs with the same model on both sides
      not counted); the fit
      ${r.converged ? `converged in ${r.iterations} iterations` : `stopped after ${r.iterations} iterations without converging`}.
      Intervals:
      ${r.bootstrap ? `95% percentile bootstrap over pairs, ${count(r.bootstrap)} resamples, seed ${r.seed}, ${count(r.bootstrap_dropped)} dropped` : 'none (0 resamples)'}.
    </p>
    ${table(
      'Model ratings',
      ['model', 'comparisons', 'wins', 'ties', 'losses', 'win rate', 'strength', 'rating', '95% CI', 'note'],
      r.models.map((m) => [
        m.model,
        num(count(m.comparisons)),
        num(count(m.wins)),
        num(count(m.ties)),
        num(count(m.losses)),
        num(percent(m.win_rate)),
        num(coefficient(m.strength)),
        num(m.rating === null ? '—' : m.rating.toFixed(0)),
        num(m.rating_ci95 ? `${m.rating_ci95[0].toFixed(0)} to ${m.rating_ci95[1].toFixed(0)}` : '—'),
        m.finite ? '' : (m.reason ?? 'not finite'),
      ]),
      { scroll: false },
    )}
    ${table(
      'Win rate of the row model against the column model (comparisons)',
      ['model', ...models],
      models.map((a, i) => [
        a,
        ...models.map((_, j) =>
          num(i === j ? '' : comparisons[i][j] ? `${share(win_rate[i][j])} (${count(comparisons[i][j])})` : '—'),
        ),
      ]),
      { scroll: false },
    )}
    ${ratingModelsBlock(r)}`;
}

/** The rating models compared (ties modelled, Elo, win rate) and the first-position advantage per annotator. */
function ratingModelsBlock(r: NonNullable<BiasReport['model_ratings']>): Html {
  const c = r.models_compared;
  const ci = (x: [number, number] | null, d = 0) => (x ? `${x[0].toFixed(d)} to ${x[1].toFixed(d)}` : '—');
  const fit = ratingFitSentence(c);
  const p = r.position;
  return html`<h4>Ties modelled, and other ratings</h4>
    <p>
      Bradley-Terry with a tie as half a win, without the ties, Davidson (1970) and Rao-Kupper (1967) (ties as their own
      outcome), Elo (K = ${c.elo.k_factor}, start ${c.elo.initial}, base ${c.elo.base}, scale ${c.elo.scale}, seeded
      order, seed ${c.elo.seed}; refitted on ${count(c.elo.bootstrap)} resamples, their orders from seed
      ${c.elo.bootstrap_seed}) and the average win rate, on the same bootstrap resamples. ${fit ?? ''}
    </p>
    ${table(
      'Rating models: fit on the same comparisons',
      [
        'rating model',
        'id',
        'comparisons',
        'log-likelihood',
        'parameters',
        'AIC',
        'tie parameter',
        '95% CI',
        'resamples kept',
      ],
      c.methods.map((m) => [
        `${RATING_MODEL_NAMES[m.name]}${m.converged === false ? ' (did not converge)' : ''}`,
        m.name,
        num(count(m.comparisons)),
        num(m.log_likelihood === null ? '—' : m.log_likelihood.toFixed(1)),
        num(m.parameters === null ? '—' : String(m.parameters)),
        num(m.aic === null ? '—' : m.aic.toFixed(1)),
        num(m.tie_parameter === null ? '—' : m.tie_parameter.toFixed(3)),
        num(ci(m.tie_parameter_ci95, 3)),
        num(count(m.bootstrap_kept)),
      ]),
      { scroll: false },
    )}
    ${table(
      'Ratings by model and rating model (95% CI)',
      ['model', ...c.methods.map((m) => RATING_MODEL_NAMES[m.name])],
      c.models.map((model, i) => [
        model,
        ...c.methods.map((m) => {
          const v = m.rating[i];
          if (v === null) return num('—');
          const own = m.name === 'win_rate' ? share(v) : v.toFixed(0);
          const x = m.rating_ci95[i];
          return num(x ? `${own} [${m.name === 'win_rate' ? `${share(x[0])}, ${share(x[1])}` : ci(x)}]` : own);
        }),
      ]),
      { scroll: false },
    )}
    <h4>The side shown first, per annotator</h4>
    <p>
      Bradley-Terry with a first-position advantage γ per human annotator with ${p.min_judgements} or more judgements
      (${count(p.below_minimum)} with fewer left
      out)${p.order_assumed ? `; ${count(p.order_assumed)} judgements without shown_first take side A as first` : ''};
      p: likelihood-ratio test of γ = 1.
    </p>
    ${
      p.annotators.length || p.pooled
        ? table(
            'First-position advantage by annotator',
            [
              'annotator',
              'judgements',
              'comparisons',
              'models',
              'share to the side shown first',
              'γ',
              '95% CI',
              'se of log γ',
              'LR statistic',
              'p',
            ],
            [...p.annotators, ...(p.pooled ? [p.pooled] : [])].map((a) => [
              a.annotator,
              num(count(a.judgements)),
              num(count(a.comparisons)),
              num(count(a.models)),
              num(a.first_score_share === null ? '—' : share(a.first_score_share)),
              num(a.gamma === null ? '—' : a.gamma.toFixed(2)),
              num(ci(a.gamma_ci95, 2)),
              num(a.log_gamma_se === null ? '—' : a.log_gamma_se.toFixed(3)),
              num(a.lr_statistic === null ? '—' : a.lr_statistic.toFixed(2)),
              num(a.p_value === null ? '—' : a.p_value < 1e-4 ? a.p_value.toExponential(1) : a.p_value.toFixed(4)),
            ]),
          )
        : html`<p class="muted">no annotator to fit</p>`
    }`;
}
