import { contentId, detection, keysFound, type Adapter, type SourceRecord } from './adapter';
import { RESOLVED_PAIR_NOTES, emitResolvedPair, isJudgementTable } from './resolvedPairs';

const HUMAN = '\n\nHuman:';
const ASSISTANT = '\n\nAssistant:';

/** True for a transcript in the HH-RLHF layout: at least one `\n\nHuman:` and one `\n\nAssistant:` turn. */
export function isTranscript(v: unknown): boolean {
  return typeof v === 'string' && v.includes(HUMAN) && v.includes(ASSISTANT);
}

/** True when at least half of the records' `chosen` / `rejected` texts are HH-RLHF transcripts. */
export function looksLikeHhRlhf(records: SourceRecord[]): boolean {
  const texts = records.flatMap((r) => [r.chosen, r.rejected]).filter((v) => typeof v === 'string');
  return texts.length > 0 && texts.filter(isTranscript).length * 2 >= texts.length;
}

/** Whether a turn marker (`\n\nHuman:` or `\n\nAssistant:`) starts at `at`. */
function turnAt(s: string, at: number): boolean {
  return s.startsWith(HUMAN, at) || s.startsWith(ASSISTANT, at);
}

/** Where the shared turns of two transcripts end: the last turn boundary within their common prefix (0: none). */
export function sharedTurnsEnd(a: string, b: string): number {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  for (let at = a.lastIndexOf('\n\n', common); at > 0; at = a.lastIndexOf('\n\n', at - 1)) {
    if (turnAt(a, at) && turnAt(b, at)) return at;
  }
  return 0;
}

/**
 * The prompt and the two responses of a pair of transcripts: the prompt is everything before the last
 * `\n\nAssistant:` when both transcripts share it, the responses what follows it. Transcripts that part
 * earlier share only their common turns; each response is then the rest of its transcript.
 */
export function splitTranscripts(chosen: string, rejected: string): { prompt: string; a: string; b: string } {
  const ca = chosen.lastIndexOf(ASSISTANT);
  const ra = rejected.lastIndexOf(ASSISTANT);
  if (ca === ra && chosen.slice(0, ca) === rejected.slice(0, ra)) {
    return {
      prompt: chosen.slice(0, ca).trim(),
      a: chosen.slice(ca + ASSISTANT.length).trim(),
      b: rejected.slice(ra + ASSISTANT.length).trim(),
    };
  }
  const end = sharedTurnsEnd(chosen, rejected);
  return { prompt: chosen.slice(0, end).trim(), a: chosen.slice(end).trim(), b: rejected.slice(end).trim() };
}

/**
 * Anthropic HH-RLHF (`Anthropic/hh-rlhf` on the Hugging Face Hub, JSONL): each record has only `chosen`
 * and `rejected`, each a whole transcript of `\n\nHuman: …` and `\n\nAssistant: …` turns. The prompt is the
 * shared part before the last `\n\nAssistant:`, response A the chosen text after it and response B the
 * rejected one; item = `contentId(chosen, rejected)`; one judgement per pair by the synthetic annotator
 * `(single)` with label `A>`. A record whose `chosen` or `rejected` is not a transcript with an
 * `\n\nAssistant:` turn is skipped with an issue naming the field.
 */
export const hhRlhf: Adapter = {
  id: 'hh-rlhf',
  contentIds: true,
  title: 'Helpful-Harmless (HH-RLHF) transcript file',
  required: ['chosen', 'rejected'],
  notes: [
    'Each record is a pair of whole transcripts; the prompt is their shared turns before the last "Assistant:", the responses what follows.',
    ...RESOLVED_PAIR_NOTES,
  ],
  detect(records) {
    if (records.some((r) => Object.hasOwn(r, 'prompt')) || !looksLikeHhRlhf(records) || isJudgementTable(records))
      return null;
    return detection(records, keysFound(records, ['chosen', 'rejected']), ['chosen', 'rejected']);
  },
  read(record, ctx) {
    const chosen = record.chosen;
    const rejected = record.rejected;
    for (const [field, v] of [
      ['chosen', chosen],
      ['rejected', rejected],
    ] as const) {
      if (typeof v !== 'string') {
        ctx.problem(field, `no \`${field}\` transcript; the record is skipped`);
        return;
      }
      if (!v.includes(ASSISTANT)) {
        ctx.problem(field, `\`${field}\` has no "Assistant:" turn; the record is skipped`);
        return;
      }
    }
    const { prompt, a, b } = splitTranscripts(chosen as string, rejected as string);
    emitResolvedPair(ctx, {
      item: contentId(chosen as string, rejected as string),
      prompt,
      response_a: a,
      response_b: b,
    });
  },
};
