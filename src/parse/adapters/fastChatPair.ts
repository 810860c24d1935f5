import {
  detection,
  keysFound,
  nested,
  numeric,
  text,
  type Adapter,
  type AdapterContext,
  type CanonicalRow,
  type SourceRecord,
} from './adapter';
import { swappedJudge } from './judgeOrders';
import { mtBenchItem } from './mtBench';

const REQUIRED = ['question_id', 'model_1', 'model_2', 'g1_winner', 'g2_winner', 'judge'] as const;
const FIELDS = [
  ...REQUIRED,
  'g1_user_prompt',
  'g2_user_prompt',
  'g1_judgment',
  'g2_judgment',
  'turn',
  'tstamp',
] as const;

/** The parts of a judge written as a list (`["gpt-4", "pair-v2"]`, its JSON or Python text), else the text. */
function judgeParts(v: unknown): string[] {
  const x = nested(v);
  if (Array.isArray(x)) return x.map(text).filter(Boolean);
  const t = text(v);
  if (t.startsWith('[') && t.endsWith(']'))
    return [...t.slice(1, -1).matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => (m[1] ?? m[2]).trim()).filter(Boolean);
  return t ? [t] : [];
}

/** The text between two markers, or undefined. */
function between(s: string, start: string, end: string): string | undefined {
  const i = s.indexOf(start);
  if (i < 0) return undefined;
  const j = s.indexOf(end, i + start.length);
  return j < 0 ? undefined : s.slice(i + start.length, j).trim();
}

/**
 * The question and the two answers of a single-turn FastChat pairwise prompt (`pair-v2`, `pair-math-v1`):
 * `[User Question]`, then `[The Start of Assistant A's Answer]` … `[The End of Assistant A's Answer]`, the same
 * for B (lm-sys/FastChat `data/judge_prompts.jsonl`). Multi-turn prompts give nothing.
 */
export function fastChatTexts(prompt: string): { question?: string; a?: string; b?: string } {
  const question = between(prompt, '[User Question]\n', '\n\n[The Start of');
  const a = between(prompt, "[The Start of Assistant A's Answer]\n", "\n[The End of Assistant A's Answer]");
  const b = between(prompt, "[The Start of Assistant B's Answer]\n", "\n[The End of Assistant B's Answer]");
  return { question, a, b };
}

/**
 * FastChat's `gen_judgment.py` pairwise output (`model_judgment/<judge>_pair.jsonl`, lm-sys/FastChat
 * `fastchat/llm_judge/common.py`, `play_a_match_pair`): one line per (question, model pair, turn), the AI judge
 * `judge[0]` run twice — game 1 shows model_1 as A, game 2 shows model_2 as A — with both winners already mapped
 * to the models (`model_1` / `model_2` / `tie` / `error`).
 * - item: (`question_id`, the two models in name order, `turn`), as the MT-Bench adapter names it, so human
 *   judgments of the same pairs meet these.
 * - annotators: game 1 is the judge `judge[0]` (an AI judge), game 2 the same judge `(swapped)`; `shown_first`
 *   is the side of the model it saw first. `judge[1]` (the prompt) is the `judge_prompt` slice.
 * - label: the winner's side; `tie` → `=`; `error` (no verdict parsed) is left out with an issue and counted.
 * - texts: the question and answers of game 1's prompt (single-turn templates); `tstamp` → timestamp.
 */
export const fastChatPair: Adapter = {
  id: 'fastchat-pair',
  title: 'FastChat pairwise judgment file',
  required: REQUIRED,
  notes: [
    'Each line is one AI judge run twice on a model pair: game 1 shows model_1 first, game 2 shows model_2 first. The two games are two judges: the judge\'s name, and the same name "(swapped)".',
    'A game whose winner is "error" (no verdict could be parsed) gives no judgement; the count is reported.',
    'The answers are read from the judge prompt of game 1 (single-turn templates only).',
  ],
  detect(records) {
    if (!records.some((r) => Object.hasOwn(r, 'g1_winner') || Object.hasOwn(r, 'g2_winner'))) return null;
    return detection(records, keysFound(records, FIELDS), REQUIRED);
  },
  read(record: SourceRecord, ctx: AdapterContext) {
    const questionId = text(record.question_id);
    const m1 = text(record.model_1);
    const m2 = text(record.model_2);
    if (questionId === '' || m1 === '' || m2 === '')
      return ctx.problem(
        questionId === '' ? 'question_id' : m1 === '' ? 'model_1' : 'model_2',
        'a judgment that does not name its question and both models; it is skipped',
      );
    const turn = numeric(record.turn) ?? 1;
    const parts = judgeParts(record.judge);
    const judge = parts[0] ?? ctx.judgeName;
    const swap = m2 < m1;
    const [first, second] = swap ? [m2, m1] : [m1, m2];
    const side1 = swap ? 'B' : 'A';
    const side2 = swap ? 'A' : 'B';
    const game1 = fastChatTexts(text(record.g1_user_prompt));
    const texts: Pick<CanonicalRow, 'prompt' | 'response_a' | 'response_b'> = {};
    if (game1.question !== undefined) texts.prompt = game1.question;
    if (game1.a !== undefined && game1.b !== undefined) {
      texts.response_a = swap ? game1.b : game1.a;
      texts.response_b = swap ? game1.a : game1.b;
    }
    const seconds = numeric(record.tstamp);
    const item = mtBenchItem(questionId, first, second, turn);
    const extra = { turn, ...(parts[1] && { judge_prompt: parts[1] }) };
    let judged = false;
    for (const game of [1, 2] as const) {
      const winner = text(record[`g${game}_winner`]);
      const w = winner.toLowerCase();
      const label =
        w === 'model_1'
          ? `${side1}>`
          : w === 'model_2'
            ? `${side2}>`
            : w === 'tie' || w.startsWith('tie ')
              ? '='
              : null;
      if (!label) {
        ctx.problem(
          `g${game}_winner`,
          `game ${game}: winner "${winner}" is not a verdict (model_1, model_2 or tie); left out`,
        );
        ctx.note(`games whose winner was "error" or missing (no verdict parsed from the judge's output) were left out`);
        continue;
      }
      judged = true;
      // game 1 shows model_1 as A, game 2 shows model_2 as A
      const shownFirst = game === 1 ? side1 : side2;
      ctx.emit(
        {
          item,
          annotator: game === 1 ? judge : swappedJudge(judge),
          kind: 'ai',
          label,
          model_a: first,
          model_b: second,
          shown_first: shownFirst as 'A' | 'B',
          ...texts,
          ...(seconds !== undefined && { timestamp: seconds * 1000 }),
        },
        extra,
      );
    }
    if (!judged) ctx.emit({ item, model_a: first, model_b: second, ...texts }, extra);
  },
};
