// The judge-paper checks as sentences and tables, shared by the page (JudgeAudits.svelte) and the HTML report.
import type { AiJudgeRow, AiJudgeSection } from '../sections/aiJudgeSection';
import type { LengthControlledReport } from '../sections/judgeLength';
import type { PanelReport } from '../sections/judgePanelSection';
import { coefficient, count, percent } from '../format';
import { MIN_LENGTH_DIFFERENCE } from '../sections/biasSection';

type Cell = string | number | null;
export interface TableView {
  caption: string;
  columns: string[];
  rows: Cell[][];
}

const pc = (x: number | null) => (x === null ? '—' : percent(x));
const ci = (c: [number, number] | null) => (c ? `${percent(c[0])}–${percent(c[1])}` : null);
const points = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pts`;

/** One sentence per judge run in both orders. */
export function ordersSentence(j: AiJudgeRow): string {
  const o = j.orders!;
  const changed = o.inconsistent.n
    ? `; of the ${count(o.inconsistent.n)} that changed, ${count(o.inconsistent.first)} went to whichever answer was shown first and ${count(o.inconsistent.second)} to the one shown second`
    : '';
  const right = o.accuracy
    ? `; against ${o.reference === 'gold' ? 'gold' : 'the human majority'} it is right in both orders on ${pc(o.accuracy.both.share)}`
    : '';
  const pairs =
    o.source === 'twin'
      ? `${count(o.n)} pairs`
      : `${count(o.n)} pairs it judged twice, under two item ids holding the same texts with A and B exchanged`;
  return `${j.id} gave the same verdict in both orders on ${pc(o.consistency.share)} of ${pairs}${changed}${right}.`;
}

export function ordersTable(judges: AiJudgeRow[]): TableView {
  return {
    caption: 'Judges in both orders',
    columns: [
      'judge',
      'second order',
      'pairs',
      'consistent',
      '95% CI',
      'to first shown',
      'to second shown',
      'other',
      'reference',
      'first order right',
      'second order right',
      'both right',
      '95% CI',
    ],
    rows: judges
      .filter((j) => j.orders)
      .map((j) => {
        const o = j.orders!;
        const a = o.accuracy;
        return [
          j.id,
          o.source === 'twin' ? o.second_order : 'same texts, A and B exchanged',
          o.n,
          pc(o.consistency.share),
          ci(o.consistency.ci95),
          o.inconsistent.first,
          o.inconsistent.second,
          o.inconsistent.other,
          o.reference ?? 'none',
          a ? pc(a.first.share) : null,
          a ? pc(a.second.share) : null,
          a ? pc(a.both.share) : null,
          a ? ci(a.both.ci95) : null,
        ];
      }),
  };
}

export function panelSentence(panel: PanelReport): string {
  const who = panel.members.length === 2 ? 'both' : `all ${panel.members.length}`;
  const ties = panel.majority.ties ? ` (${count(panel.majority.ties)} ties among the verdicts counted wrong)` : '';
  const adds = panel.adds_most
    ? `${panel.adds_most} adds most: without it the majority is right on ${pc(panel.leave_one_out.find((l) => l.id === panel.adds_most)!.accuracy)}.`
    : `no judge's removal lowers the majority's accuracy${panel.members.length === 2 ? ': with two judges every disagreement is a tie, so either judge alone does at least as well' : ''}.`;
  return (
    `On the ${count(panel.items)} pairs ${who} judges labelled, against ${panel.reference === 'gold' ? 'gold' : 'the human majority'}, ` +
    `their errors correlate by ${coefficient(panel.mean_error_correlation)} on average, so the panel is worth ` +
    `${panel.effective_judges === null ? '—' : panel.effective_judges.toFixed(2)} independent judges. ` +
    `Its majority is right on ${pc(panel.majority.accuracy)}${ties}; ${adds}`
  );
}

export function panelTable(panel: PanelReport): TableView {
  return {
    caption: 'Panel members',
    columns: ['judge', 'accuracy', 'majority without it', 'accuracy it adds'],
    rows: panel.members.map((id, k) => {
      const change = panel.leave_one_out[k].change;
      return [id, pc(panel.accuracy[k]), pc(panel.leave_one_out[k].accuracy), change === null ? null : points(change)];
    }),
  };
}

export function selfPreferenceTable(judges: AiJudgeRow[]): TableView {
  return {
    caption: 'Self-preference',
    columns: [
      'judge',
      'family',
      'pairs',
      'ties',
      'own family wins',
      '95% CI',
      'judge there',
      'humans there',
      'difference',
    ],
    rows: judges
      .filter((j) => j.self_preference)
      .map((j) => {
        const sp = j.self_preference!;
        const h = sp.on_human_pairs;
        return [
          j.id,
          sp.family,
          sp.pairs,
          sp.ties,
          pc(sp.judge.share),
          ci(sp.judge.ci95),
          h ? pc(h.judge.share) : null,
          h ? pc(h.humans.share) : null,
          h ? points(h.difference) : 'no human majority',
        ];
      }),
  };
}

/** The verdict sets with a length-controlled rate: each judge, then the human majority. */
export function lengthRows(section: Pick<AiJudgeSection, 'judges' | 'human_length_controlled'>) {
  return [
    ...section.judges.flatMap((j) => (j.length_controlled ? [{ id: j.id, lc: j.length_controlled }] : [])),
    ...(section.human_length_controlled ? [{ id: 'human majority', lc: section.human_length_controlled }] : []),
  ];
}

export function lengthSentence(rows: { id: string; lc: LengthControlledReport }[]): string {
  const longer = rows
    .filter((r) => r.lc.longer_wins !== null)
    .map(
      (r) =>
        `${r.id}: the longer answer won ${pc(r.lc.longer_wins)} of ${count(r.lc.longer_wins_n)} decisive verdicts where the lengths differ by more than ${MIN_LENGTH_DIFFERENCE} characters (as in Length bias).`,
    );
  return [
    `Against ${rows[0].lc.baseline}, the model on most pairs: the raw win rate of the other models beside the rate a logistic regression on the length difference predicts at equal length.`,
    ...longer,
  ].join(' ');
}

export function lengthTable(rows: { id: string; lc: LengthControlledReport }[]): TableView {
  return {
    caption: 'Length control',
    columns: [
      'verdicts of',
      'pairs',
      'ties',
      'decisive',
      'raw',
      '95% CI',
      'at equal length',
      '95% CI',
      'slope per SD',
      'its SE',
      'longer wins',
      'note',
    ],
    rows: rows.map(({ id, lc }) => [
      id,
      lc.pairs,
      lc.ties,
      lc.n,
      pc(lc.raw),
      ci(lc.raw_ci95),
      pc(lc.controlled),
      ci(lc.controlled_ci95),
      lc.slope === null ? null : lc.slope.toFixed(3),
      lc.slope_se === null ? null : lc.slope_se.toFixed(3),
      pc(lc.longer_wins),
      lc.reason,
    ]),
  };
}
