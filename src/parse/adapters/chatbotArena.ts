import {
  contentId,
  detection,
  keysFound,
  numeric,
  present,
  text,
  type Adapter,
  type AdapterContext,
  type CanonicalRow,
  type SourceRecord,
} from './adapter';
import { hasModelPair, looksLikeArena, turnTexts, winnerLabel } from './lmsys';

const REQUIRED = ['model_a', 'model_b', 'winner', 'judge'] as const;
const FIELDS = [
  'question_id',
  ...REQUIRED,
  'conversation_a',
  'conversation_b',
  'turn',
  'anony',
  'language',
  'tstamp',
] as const;
/** Fields passed through as slices when a record has them. */
const SLICES = ['language', 'anony', 'turn'] as const;

/** `tstamp` (unix seconds) as milliseconds since the epoch, the unit of parsed dates; other text as written. */
function timestampOf(v: unknown): Pick<CanonicalRow, 'timestamp'> {
  const seconds = numeric(v);
  if (seconds !== undefined) return { timestamp: seconds * 1000 };
  const t = text(v);
  return t === '' ? {} : { timestamp: t };
}

/**
 * Chatbot Arena battles: the `lmsys/chatbot_arena_conversations` dataset and the leaderboard's
 * `clean_battle_*.json` (written by FastChat's `clean_battle_data.py`; its "simple" mode drops
 * `question_id` and the conversations). One record is one battle with one user's vote.
 * - item: the battle, `question_id`, or an id made from its models, judge, `tstamp` and prompt when absent.
 * - annotator: `judge` (an anonymous user id such as `arena_user_973`), a human.
 * - label: `winner` — `model_a` → `A>` (the left model), `model_b` → `B>`, `tie` and `tie (bothbad)` → `=`.
 * - timestamp: `tstamp` (unix seconds) in milliseconds. model_a / model_b as written.
 * - prompt / response_a / response_b: the first turn of `conversation_a` / `conversation_b`.
 * - slices: `verdict` (the raw `winner`, so the two ties stay apart), `language`, `anony`, `turn`.
 */
export const chatbotArena: Adapter = {
  id: 'chatbot-arena',
  title: 'Chatbot Arena battle file',
  required: REQUIRED,
  notes: [
    'Every battle has a single vote (one user, one verdict), so agreement between annotators cannot be computed per item: the agreement coefficients stay empty.',
    'What the file can show instead: the label distribution, how often the left model (A) or the right model (B) wins and how often users call a tie (the verdict slice keeps "tie" apart from "tie (bothbad)"), and the verdicts per pair of models (Overview, Model pairs); language and anony are slices too.',
    "Prompt and responses are those of the first turn; a battle without a question_id (the leaderboard's clean_battle file) gets an id made from its models, user and time.",
  ],
  detect(records) {
    if (!hasModelPair(records) || !looksLikeArena(records)) return null;
    return detection(records, keysFound(records, FIELDS), REQUIRED);
  },
  read(record: SourceRecord, ctx: AdapterContext) {
    const modelA = text(record.model_a);
    const modelB = text(record.model_b);
    if (modelA === '' || modelB === '')
      return ctx.problem(
        modelA === '' ? 'model_a' : 'model_b',
        'a battle that does not name both models; it is skipped',
      );
    const judge = text(record.judge);
    if (judge === '') return ctx.problem('judge', 'a battle with no `judge` (user id); it is skipped');
    const winner = text(record.winner);
    const label = winnerLabel(winner);
    if (!label)
      return ctx.problem(
        'winner',
        `unknown winner "${winner}" (model_a, model_b, tie or tie (bothbad)); the battle is skipped`,
      );
    const texts = turnTexts(record.conversation_a, record.conversation_b, 1);
    const item = text(record.question_id) || contentId(modelA, modelB, judge, text(record.tstamp), texts.prompt ?? '');
    const extra: Record<string, unknown> = { verdict: winner };
    for (const k of SLICES) if (present(record[k])) extra[k] = text(record[k]);
    ctx.emit(
      { item, annotator: judge, label, model_a: modelA, model_b: modelB, ...timestampOf(record.tstamp), ...texts },
      extra,
    );
  },
};
