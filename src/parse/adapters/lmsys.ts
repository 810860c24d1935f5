import { nested, text, type CanonicalRow, type SourceRecord } from './adapter';

/**
 * What the two LMSYS adapters share (`mtBench.ts`, `chatbotArena.ts`): both formats write a pair of
 * OpenAI-format conversations (`conversation_a` / `conversation_b`), a `winner` and a `judge`, so the
 * signs that tell them apart live here, in one place.
 */

interface Message {
  role: string;
  content: string;
}

function isObject(v: unknown): v is SourceRecord {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The messages of a conversation: a list of `{role, content}`, or that list as JSON text (a CSV cell). */
export function conversation(v: unknown): Message[] {
  const x = nested(v);
  if (!Array.isArray(x)) return [];
  return x.filter(isObject).map((m) => ({ role: text(m.role).toLowerCase(), content: text(m.content) }));
}

/** The content of the `n`-th (1-based) message with `role`, or undefined. */
function nth(messages: Message[], role: string, n: number): string | undefined {
  let seen = 0;
  for (const m of messages) if (m.role === role && ++seen === n) return m.content;
  return undefined;
}

/** Prompt and responses of turn `turn` (1-based): its user message and each side's assistant message. */
export function turnTexts(
  a: unknown,
  b: unknown,
  turn: number,
): Pick<CanonicalRow, 'prompt' | 'response_a' | 'response_b'> {
  const ca = conversation(a);
  const cb = conversation(b);
  const prompt = nth(ca, 'user', turn) ?? nth(cb, 'user', turn);
  const responseA = nth(ca, 'assistant', turn);
  const responseB = nth(cb, 'assistant', turn);
  return {
    ...(prompt !== undefined && { prompt }),
    ...(responseA !== undefined && { response_a: responseA }),
    ...(responseB !== undefined && { response_b: responseB }),
  };
}

/**
 * The canonical label of a `winner` value: `model_a` → `A>`, `model_b` → `B>`, any tie (`tie`, the
 * arena's `tie (bothbad)`, MT-Bench GPT-4's `tie (inconsistent)`) → `=`; null for anything else.
 */
export function winnerLabel(winner: string): 'A>' | 'B>' | '=' | null {
  const w = winner.trim().toLowerCase();
  if (w === 'model_a') return 'A>';
  if (w === 'model_b') return 'B>';
  if (w === 'tie' || w.startsWith('tie ')) return '=';
  return null;
}

/** A `winner` value seen from the other side: `model_a` ↔ `model_b`; ties stay as they are. */
export function flipWinner(winner: string): string {
  const w = winner.trim();
  return w === 'model_a' ? 'model_b' : w === 'model_b' ? 'model_a' : w;
}

/** The parts of a judge written as a list: an array, its JSON text, or Python's repr (`['gpt-4', 'pair-v2']`). */
function judgeList(v: unknown): string[] | null {
  const x = nested(v);
  if (Array.isArray(x)) return x.map(text).filter((p) => p !== '');
  if (typeof x !== 'string') return null;
  const t = x.trim();
  if (!(t.startsWith('[') && t.endsWith(']'))) return null;
  const parts = [...t.slice(1, -1).matchAll(/'([^']*)'|"([^"]*)"/g)]
    .map((m) => (m[1] ?? m[2]).trim())
    .filter((p) => p !== '');
  return parts.length > 0 ? parts : null;
}

/** FastChat's short name of its GPT-4 pairwise judge (`gpt4-pair`), as a plain string. */
const GPT4_PAIR = /^gpt-?4[-_ ]?pair$/i;
const EXPERT_OR_AUTHOR = /^(expert|author)_/i;
const ARENA_USER = /^arena_user_/i;

/**
 * An MT-Bench judge: a list `[model, prompt]` is an LLM judge named `model (prompt)`, and so is FastChat's
 * short name `gpt4-pair`; anything else (`expert_3`, `author_0`, any plain id) is a human annotator.
 * Null when there is no judge.
 */
export function mtBenchJudge(v: unknown): { name: string; kind: 'human' | 'ai' } | null {
  const parts = judgeList(v);
  if (parts && parts.length > 0)
    return { name: parts.length > 1 ? `${parts[0]} (${parts.slice(1).join(', ')})` : parts[0], kind: 'ai' };
  const name = text(v);
  if (name === '' || name === '[]') return null;
  return { name, kind: GPT4_PAIR.test(name) ? 'ai' : 'human' };
}

const has = (records: SourceRecord[], key: string) => records.some((r) => Object.hasOwn(r, key));
const someJudge = (records: SourceRecord[], test: (v: unknown) => boolean) =>
  records.some((r) => Object.hasOwn(r, 'judge') && test(r.judge));

/** Both formats name the two sides `model_a` / `model_b`. */
export function hasModelPair(records: SourceRecord[]): boolean {
  return has(records, 'model_a') && has(records, 'model_b');
}

/**
 * Signs of a Chatbot Arena battle: a `tstamp` or `anony` field, an anonymous `arena_user_…` judge, or a
 * `language` tag beside the conversations. MT-Bench judgment records have none of them.
 */
export function looksLikeArena(records: SourceRecord[]): boolean {
  return (
    has(records, 'tstamp') ||
    has(records, 'anony') ||
    someJudge(records, (v) => ARENA_USER.test(text(v))) ||
    (has(records, 'language') && (has(records, 'conversation_a') || has(records, 'conversation_b')))
  );
}

/** Signs of MT-Bench judgments: `expert_…` / `author_…` judges, a judge given as a list, or the conversations. */
export function looksLikeMtBench(records: SourceRecord[]): boolean {
  if (has(records, 'language') || looksLikeArena(records)) return false;
  return (
    someJudge(records, (v) => EXPERT_OR_AUTHOR.test(text(v)) || judgeList(v) !== null || GPT4_PAIR.test(text(v))) ||
    has(records, 'conversation_a') ||
    has(records, 'conversation_b')
  );
}
