import { detection, keysFound, numeric, text, type Adapter, type AdapterContext, type SourceRecord } from './adapter';
import { flipWinner, hasModelPair, looksLikeMtBench, mtBenchJudge, turnTexts, winnerLabel } from './lmsys';

const REQUIRED = ['question_id', 'model_a', 'model_b', 'winner', 'judge', 'turn'] as const;
const FIELDS = [...REQUIRED, 'conversation_a', 'conversation_b'] as const;

/** The item of a vote: the question, the two models in name order, and the turn. */
export function mtBenchItem(questionId: string, first: string, second: string, turn: number): string {
  return `q${questionId} turn ${turn}: ${first} vs ${second}`;
}

/** The turn of a record: a positive integer, or undefined. */
function turnOf(v: unknown): number | undefined {
  const n = numeric(v);
  return n !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/**
 * MT-Bench pairwise judgments (`lmsys/mt_bench_human_judgments`, splits `human` and `gpt4_pair`, or
 * FastChat's `human_judgments.json` / `gpt4_pair_judgments.json`): one vote per record, as JSON, JSONL
 * or CSV (nested fields written as JSON text).
 * - item: (`question_id`, the two models sorted by name, `turn`). When the record names them the other
 *   way round, the sides are swapped, `winner` is flipped (`model_a` ↔ `model_b`) and `shown_first` is
 *   `B` (the side the judge saw first, after the swap); else `shown_first` is `A`.
 * - annotator: `judge`. A list `[model, prompt]` (`["gpt-4", "pair-v2"]`, also as JSON or Python text)
 *   is an AI judge named `gpt-4 (pair-v2)`; `expert_*`, `author_*` and any other string are humans.
 * - label: `model_a` → `A>`, `model_b` → `B>`, `tie` and `tie (inconsistent)` → `=`.
 * - prompt: the turn's user message (turn 1: the first, turn 2: the second); response_a / response_b:
 *   each conversation's assistant message of that turn, after the swap. model_a / model_b: the sorted names.
 * - slices: `turn`, and `verdict` (the raw `winner`, flipped with the sides).
 */
export const mtBench: Adapter = {
  id: 'mt-bench',
  title: 'MT-Bench judgment file',
  required: REQUIRED,
  notes: [
    'Each (question, model pair, turn) is one item: the two models are put in name order and a vote given the other way round is flipped, so both presentation orders count as the same pair; "shown first" keeps which side the judge saw first.',
    'Expert and author judges are human annotators; a judge written as [model, prompt] (the GPT-4 pairwise judge) is an AI judge named "model (prompt)", compared with the humans but never part of their agreement.',
    'Every kind of tie ("tie", and GPT-4\'s "tie (inconsistent)" when its two presentation orders disagreed) is a tie; the raw verdict is kept as the verdict slice, the turn as the turn slice.',
  ],
  detect(records) {
    if (!hasModelPair(records) || !looksLikeMtBench(records)) return null;
    return detection(records, keysFound(records, FIELDS), REQUIRED);
  },
  read(record: SourceRecord, ctx: AdapterContext) {
    const questionId = text(record.question_id);
    const modelA = text(record.model_a);
    const modelB = text(record.model_b);
    const turn = turnOf(record.turn);
    if (questionId === '') return ctx.problem('question_id', 'a vote with no `question_id`; it is skipped');
    if (modelA === '' || modelB === '')
      return ctx.problem(modelA === '' ? 'model_a' : 'model_b', 'a vote that does not name both models; it is skipped');
    if (turn === undefined)
      return ctx.problem('turn', `turn "${text(record.turn)}" is not a turn number (1, 2, …); the vote is skipped`);
    const judge = mtBenchJudge(record.judge);
    if (!judge) return ctx.problem('judge', 'a vote with no `judge`; it is skipped');
    const swap = modelB < modelA;
    const winner = swap ? flipWinner(text(record.winner)) : text(record.winner);
    const label = winnerLabel(winner);
    if (!label)
      return ctx.problem(
        'winner',
        `unknown winner "${text(record.winner)}" (model_a, model_b or a tie); the vote is skipped`,
      );
    const [first, second] = swap ? [modelB, modelA] : [modelA, modelB];
    const texts = swap
      ? turnTexts(record.conversation_b, record.conversation_a, turn)
      : turnTexts(record.conversation_a, record.conversation_b, turn);
    ctx.emit(
      {
        item: mtBenchItem(questionId, first, second, turn),
        annotator: judge.name,
        kind: judge.kind,
        label,
        model_a: first,
        model_b: second,
        shown_first: swap ? 'B' : 'A',
        ...texts,
      },
      { turn, verdict: winner },
    );
  },
};
