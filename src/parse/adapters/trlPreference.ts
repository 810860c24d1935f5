import { contentId, detection, keysFound, nested, text, type Adapter, type SourceRecord } from './adapter';
import { looksLikeHhRlhf } from './hhRlhf';
import { RESOLVED_PAIR_NOTES, emitResolvedPair, isJudgementTable } from './resolvedPairs';

interface Message {
  role: string;
  content: string;
}

/** One side of a pair: the conversation before its final assistant turn, and that turn's text. */
type Side = { context: string; response: string } | { error: string };

/** A message's content as text: a string, or the text parts of a multimodal content list. */
function contentText(content: unknown): string {
  if (!Array.isArray(content)) return text(content);
  return content
    .map((part) => (part !== null && typeof part === 'object' ? text((part as SourceRecord).text) : text(part)))
    .filter((t) => t !== '')
    .join('\n');
}

/** The messages of a conversational value (a list of `{role, content}`, or its JSON as text), else null. */
function conversation(v: unknown): Message[] | null {
  const x = nested(v);
  if (!Array.isArray(x) || x.length === 0) return null;
  const isMessage = (m: unknown) =>
    m !== null && typeof m === 'object' && !Array.isArray(m) && Object.hasOwn(m, 'role');
  if (!x.every(isMessage)) return null;
  return x.map((m: SourceRecord) => ({ role: text(m.role), content: contentText(m.content) }));
}

/** Messages as `role: content` lines. */
export function renderMessages(messages: Message[]): string {
  return messages.map((m) => `${m.role}: ${m.content}`).join('\n');
}

/** A prompt as text: a string as written, a conversation as `role: content` lines. */
function promptText(v: unknown): string {
  const messages = conversation(v);
  return messages ? renderMessages(messages) : text(v);
}

/** A chosen or rejected value: a string (standard), or messages whose final assistant turn is the response. */
function side(v: unknown): Side {
  if (v === null || v === undefined) return { error: 'is missing' };
  const messages = conversation(v);
  if (messages) {
    const last = messages.map((m) => m.role.toLowerCase()).lastIndexOf('assistant');
    if (last < 0) return { error: 'has no assistant message' };
    return { context: renderMessages(messages.slice(0, last)), response: messages[last].content };
  }
  if (Array.isArray(v)) return { error: 'is a list but not of {role, content} messages' };
  return { context: '', response: text(v) };
}

/** A field's value as written, for the item id (a conversation as its JSON). */
function raw(v: unknown): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);
}

/**
 * TRL preference dataset (Hugging Face TRL "Dataset formats", preference type), JSONL / JSON / Parquet:
 * `prompt`, `chosen`, `rejected` as strings (standard) or as lists of `{role, content}` messages
 * (conversational); without `prompt`, `chosen` and `rejected` hold the whole conversation (implicit prompt).
 * Prompt = `prompt` (messages rendered as `role: content` lines), or, when it is absent, the messages of
 * `chosen` before its final assistant turn; response A = the chosen text (the final assistant message's
 * content), B = the rejected one; item = `contentId(prompt, chosen, rejected)` of the values as written, so
 * exact duplicate pairs are one item; one judgement per pair by the synthetic annotator `(single)` with
 * label `A>`. Chosen / rejected strings in the HH-RLHF transcript layout with no `prompt` are left to the
 * `hh-rlhf` adapter.
 */
export const trlPreference: Adapter = {
  id: 'trl',
  contentIds: true,
  title: 'TRL preference dataset',
  required: ['chosen', 'rejected'],
  notes: [
    'Each record is a pair: prompt, chosen and rejected texts, or conversations whose final assistant turn is the response.',
    ...RESOLVED_PAIR_NOTES,
  ],
  detect(records) {
    const has = (k: string) => records.some((r) => Object.hasOwn(r, k));
    if (!has('chosen') && !has('rejected')) return null;
    if (isJudgementTable(records) || (!has('prompt') && looksLikeHhRlhf(records))) return null;
    return detection(records, keysFound(records, ['prompt', 'chosen', 'rejected']), ['chosen', 'rejected']);
  },
  read(record, ctx) {
    const chosen = side(record.chosen);
    const rejected = side(record.rejected);
    for (const [field, s] of [
      ['chosen', chosen],
      ['rejected', rejected],
    ] as const) {
      if ('error' in s) {
        ctx.problem(field, `\`${field}\` ${s.error}; the record is skipped`);
        return;
      }
    }
    const a = chosen as Exclude<Side, { error: string }>;
    const b = rejected as Exclude<Side, { error: string }>;
    const hasPrompt = record.prompt !== undefined && record.prompt !== null;
    emitResolvedPair(ctx, {
      item: contentId(raw(record.prompt), raw(record.chosen), raw(record.rejected)),
      prompt: hasPrompt ? promptText(record.prompt) : a.context || b.context,
      response_a: a.response,
      response_b: b.response,
    });
  },
};
