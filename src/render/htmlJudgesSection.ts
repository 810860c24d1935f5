import { coefficient, count, percent } from '../format';
import type { Report } from '../report/report';
import type { AiJudgeRow } from '../sections/aiJudgeSection';
import type { RoutingJudgeReport } from '../sections/judgesReport';
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
import { ciOnly, cost, facts, html, Html, num, share, table } from './htmlParts';
import { bandReading, bandStatus } from './readings';

/** Prices per label, to four decimals (a fraction of a cent per AI label). */
const dollars = (x: number) => `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`;

/** The HTML report's `ai_judge` section: each judge, the judge-paper audits, hybrid routing. */
export function aiJudgeHtml(report: Report): Html {
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
    ${
      m.n > 0
        ? table(
            'Confusion: the judge (rows) against the human majority (columns)',
            ['judge \\ majority', ...m.confusion.labels],
            m.confusion.counts.map((row, i) => [m.confusion.labels[i], ...row.map((c) => num(count(c)))]),
            { scroll: false },
          )
        : html`<p class="muted">No pair has a human majority to compare the judge with.</p>`
    }
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
    ${
      j.vs_annotators.length === 0
        ? ''
        : table(
            'The judge against each annotator',
            ['annotator', 'shared pairs', "Cohen's kappa", 'same side'],
            j.vs_annotators.map((a) => [
              a.id,
              num(count(a.n)),
              num(coefficient(a.kappa), bandStatus(a.kappa)),
              num(share(a.directional_agreement)),
            ]),
          )
    }
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
