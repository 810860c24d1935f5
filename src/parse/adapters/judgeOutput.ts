import {
  contentId,
  detection,
  keysFound,
  nested,
  present,
  text,
  type Adapter,
  type AdapterContext,
  type SourceRecord,
} from './adapter';
import { flipVerdict, swappedJudge } from './judgeOrders';

const REQUIRED = ['judgments', 'response_A', 'response_B'] as const;
const FIELDS = [
  ...REQUIRED,
  'pair_id',
  'question',
  'label',
  'judge_name',
  'response_model',
  'source',
  'original_id',
] as const;
/** Fields passed through as slices (few values) or attributes. */
const PASS_THROUGH = ['source', 'response_model'] as const;

/** A verdict written `A>B`, `A>>B`, `B>A`, `B>>A`, `A=B` as a canonical label, or null. */
export function verdictLabel(v: string): string | null {
  const t = v.replace(/\s+/g, '').toUpperCase();
  const m = /^([AB])(>>|>|=|<<|<)([AB])$/.exec(t);
  if (!m || m[1] === m[3]) return null;
  if (m[2] === '=') return '=';
  // "A>B" and "B<A" both say A is better
  const better = m[2].startsWith('>') ? m[1] : m[3];
  return `${better}${m[2].length === 2 ? '>>' : '>'}`;
}

function record(v: unknown): SourceRecord | null {
  const x = nested(v);
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as SourceRecord) : null;
}

/**
 * Judge-output JSON Lines as JudgeBench's `run_judge.py` writes them (ScalerLab/JudgeBench): one pair per line,
 * `{pair_id, question, response_A, response_B, label, judge_name, judgments: [{judgment: {judge_model, prompt,
 * response}, decision}, …]}`. `label` is the verified better side (`A>B` / `B>A`): the pair's gold label.
 * Game 1 (`judgments[0]`) showed the pair as written; game 2 (`judgments[1]`) showed B first and its decision is
 * in that swapped frame, so it is flipped back. Games alternate that way if there are more.
 * - item: `pair_id`, else a content id of question and responses.
 * - annotators: `judgment.judge_model` (else `judge_name`, else the file's name) for game 1, the same `(swapped)`
 *   for game 2; both AI judges, `shown_first` A and B.
 * - label: the decision (`A>B`, `B>A`, `A=B`, also `A>>B` …); a null decision or judgment is left out, counted.
 * - slices: `source`, `response_model`, and `judge_name` as `judge_prompt`.
 */
export const judgeOutput: Adapter = {
  id: 'judge-output',
  title: 'judge output file (JudgeBench)',
  required: REQUIRED,
  notes: [
    'Each line is one pair judged by an AI judge in both orders: the first game as written, the second with A and B swapped (its decision is flipped back). The two games are two judges: the judge model, and the same name "(swapped)".',
    "`label` is the verified better response: the pair's gold label. A game with no decision (null) gives no judgement; the count is reported.",
  ],
  detect(records) {
    if (!records.some((r) => Array.isArray(nested(r.judgments)))) return null;
    return detection(records, keysFound(records, FIELDS), REQUIRED);
  },
  read(r: SourceRecord, ctx: AdapterContext) {
    const question = text(r.question);
    const a = text(r.response_A);
    const b = text(r.response_B);
    const item = text(r.pair_id) || contentId(question, a, b);
    const texts = { prompt: question, response_a: a, response_b: b };
    const extra: Record<string, unknown> = {};
    for (const k of PASS_THROUGH) if (present(r[k])) extra[k] = r[k];
    if (present(r.judge_name)) extra.judge_prompt = r.judge_name;
    const gold = verdictLabel(text(r.label));
    if (present(r.label) && !gold)
      ctx.problem('label', `label "${text(r.label)}" is not a verdict (A>B, B>A, A=B); no gold label`);
    ctx.emit({ item, ...texts, ...(gold && { gold_label: gold }) }, extra);
    const games = nested(r.judgments);
    if (!Array.isArray(games)) return ctx.problem('judgments', 'no list of judgments; the pair has no verdict');
    games.forEach((g, i) => {
      const game = record(g);
      const judgment = record(game?.judgment);
      const judge = text(judgment?.judge_model) || text(r.judge_name) || ctx.judgeName;
      const swapped = i % 2 === 1;
      const decision = game ? text(game.decision) : '';
      const label = decision ? verdictLabel(decision) : null;
      if (!label) {
        ctx.problem(
          `judgments[${i}].decision`,
          `game ${i + 1}: ${game ? `decision "${decision || 'null'}"` : 'no judgment'} is not a verdict; left out`,
        );
        ctx.note('games with no decision (null: no verdict parsed, or the judge failed) were left out');
        return;
      }
      ctx.emit(
        {
          item,
          annotator: swapped ? swappedJudge(judge) : judge,
          kind: 'ai',
          label: swapped ? flipVerdict(label) : label,
          shown_first: swapped ? 'B' : 'A',
          ...texts,
        },
        extra,
      );
    });
  },
};
