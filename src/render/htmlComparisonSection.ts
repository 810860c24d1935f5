import { count } from '../format';
import type { ComparisonSection } from '../sections/comparisonSection';
import { deltaInterval, pText, runValue, signedDelta } from './differences';
import type { DriftSection } from '../sections/driftSection';
import { metricName } from '../sections/metrics';
import { facts, html, Html, list, num, seconds, share, table } from './htmlParts';

// the HTML report's `comparison` section (htmlReport places it when the report has one)

/** Run A against run B: the runs, every figure's difference with its interval and verdict, who changed, flips. */
export function comparisonHtml(c: ComparisonSection): Html {
  const changed = c.rows.filter((r) => r.changed);
  const pair = <T>(xs: [T, T], f: (x: T) => string) => `${f(xs[0])} → ${f(xs[1])}`;
  return html`<p>
      ${
        changed.length === 0
          ? 'No figure changed beyond the noise between the two runs.'
          : `${count(changed.length)} of ${count(c.rows.length)} figures changed beyond the noise: ${changed
              .slice(0, 5)
              .map((r) => r.name)
              .join('; ')}${changed.length > 5 ? '; …' : ''}.`
      }
    </p>
    ${facts([
      {
        label: 'Run A',
        value: c.runs.a.name,
        reading: `${count(c.runs.a.judgements)} judgements, ${count(c.runs.a.items)} pairs, ${count(c.runs.a.annotators)} annotators`,
      },
      {
        label: 'Run B',
        value: c.runs.b.name,
        reading: `${count(c.runs.b.judgements)} judgements, ${count(c.runs.b.items)} pairs, ${count(c.runs.b.annotators)} annotators`,
      },
      {
        label: 'Pairs in both runs',
        value: count(c.items.shared),
        reading:
          `${count(c.items.a_only)} only in A, ${count(c.items.b_only)} only in B; ` +
          (c.paired ? 'resampled together (paired)' : 'runs resampled as independent samples'),
      },
      {
        label: 'Intervals',
        value: c.resamples > 0 ? `${count(c.resamples)} resamples` : 'none',
        reading: c.correction,
      },
    ])}
    ${table(
      'Run A against run B: B − A with its 95% bootstrap interval',
      ['Figure', 'A', 'B', 'B − A', '95% interval', 'Holm p', 'Verdict'],
      c.rows.map((r) => [
        { content: r.name, className: r.changed ? 'status-changed' : '' },
        num(runValue(r.a, r.unit === 'share')),
        num(runValue(r.b, r.unit === 'share')),
        num(signedDelta(r.delta, r.unit === 'share'), r.changed ? 'status-changed' : ''),
        num(deltaInterval(r.ci95, r.unit === 'share')),
        num(pText(r.p_holm)),
        r.verdict,
      ]),
      { id: 'comparison-rows' },
    )}
    ${
      c.annotators.both.length
        ? table(
            'Annotators in both runs: A → B',
            ['Annotator', 'Labels', 'Gold accuracy', 'Majority agreement', 'Median time', 'Flagged'],
            c.annotators.both.map((x) => [
              x.id,
              num(pair(x.labels, (v) => count(v))),
              num(pair(x.gold_accuracy, share)),
              num(pair(x.majority_agreement, share)),
              num(pair(x.median_time_s, seconds)),
              pair(x.flagged, (f) => (f ? 'yes' : 'no')),
            ]),
          )
        : html`<p class="muted">No annotator labelled in both runs.</p>`
    }
    <p>
      Only in run A: ${c.annotators.only_a.join(', ') || 'none'}. Only in run B:
      ${c.annotators.only_b.join(', ') || 'none'}.
    </p>
    <p>
      ${count(c.flips.flipped)} of ${count(c.flips.compared)} pairs in both runs changed their majority
      label${c.flips.items.length < c.flips.flipped ? ` (the first ${count(c.flips.items.length)} listed)` : ''}.
    </p>
    ${
      c.flips.items.length
        ? table(
            'Pairs whose majority label flipped',
            ['Pair', 'A', 'B'],
            c.flips.items.map((f) => [f.id, f.a, f.b]),
          )
        : ''
    }
    ${c.notes.length ? list(c.notes) : ''}`;
}

/** Agreement over time: every banded coefficient per period with its interval, and where the band was left. */
export function driftHtml(d: DriftSection): Html {
  const ids = Object.keys(d.periods[0]?.values ?? {});
  return html`<p>${d.reading}</p>
    ${table(
      `Agreement per period of ${d.by}`,
      ['Period', 'Pairs', 'Judgements', ...ids.map((id) => metricName(id)), `Band (${metricName(d.metric)})`],
      d.periods.map((p) => [
        { content: p.period, className: d.left_band?.period === p.period ? 'status-changed' : '' },
        num(count(p.items)),
        num(count(p.judgements)),
        ...ids.map((id) => {
          const v = p.values[id];
          const ci = p.ci95[id];
          return num(v === null ? '—' : `${v.toFixed(3)}${ci ? ` [${ci[0].toFixed(3)}, ${ci[1].toFixed(3)}]` : ''}`);
        }),
        p.band ?? '—',
      ]),
      { id: 'drift-periods' },
    )}`;
}
