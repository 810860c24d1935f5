import { SINGLE_ANNOTATOR } from '../encoder';
import { contentId, present, text, type AdapterContext, type CanonicalRow } from './adapter';
import { labelWord, rankLabel, rankingEntries, sidesOf, valueKind, type Sides, type ValueKind } from './argillaLabels';

/** One user's answer to a question; `field` names where it sits in the source record (for problems). */
export interface ArgillaResponse {
  user: string;
  value: unknown;
  /** `submitted`, `draft`, `discarded`; empty when the export has no status */
  status: string;
  field: string;
  /** why the response cannot be read at all (an unreadable cell) */
  problem?: string;
}

/** A question's suggestion: the AI judge, named by its agent. */
export interface ArgillaSuggestion {
  value: unknown;
  agent: string;
  score: number | undefined;
  field: string;
}

export interface ArgillaQuestion {
  name: string;
  responses: ArgillaResponse[];
  suggestion: ArgillaSuggestion | null;
}

/** An Argilla record in the terms shared by every export layout (v1 Hugging Face, v2 flattened and nested). */
export interface ArgillaRecord {
  /** the record's own id (`external_id`, `id`); empty when it has none */
  id: string;
  /** the field holding the id, for the message when a record cannot be identified */
  idField: string;
  /** text fields, in record order */
  fields: Record<string, string>;
  /** questions in record order */
  questions: ArgillaQuestion[];
  /** metadata: pass-through slice columns */
  extra: Record<string, unknown>;
}

/** Words of a question name that mark free-text answers (rationales, corrections): never labels. */
const TEXT_WORDS = new Set([
  'comment',
  'comments',
  'feedback',
  'reason',
  'reasons',
  'note',
  'notes',
  'correction',
  'corrections',
  'corrected',
  'edit',
  'edits',
  'edited',
  'rewrite',
  'rewritten',
]);
const TEXT_STEMS = /^(rational|explan|justif|critiq)/;
/** Whether a question's answers are free text, by its name (`rationale`, `preference_reason`, `notes` …). */
export function isTextQuestion(name: string): boolean {
  return (name.toLowerCase().match(/[a-z]+/g) ?? []).some((w) => TEXT_WORDS.has(w) || TEXT_STEMS.test(w));
}
/** A question named like this is a preference question whatever its values; the first such is `overall`. */
const PREFERENCE_NAME = /prefer|choice|choose|rank|compar|better|winner|verdict|pairwise|overall/i;
/** The annotator of a suggestion without an agent. */
export const SUGGESTION = 'suggestion';

interface PreferenceQuestion {
  question: ArgillaQuestion;
  kind: ValueKind;
  dimension: string;
}

function values(q: ArgillaQuestion): unknown[] {
  const vs = q.responses.filter((r) => !r.problem).map((r) => r.value);
  return q.suggestion ? [...vs, q.suggestion.value] : vs;
}

/**
 * The record's preference questions with their kind and dimension. A ranking is one; a label question is
 * one when named like a preference, when it is the record's only question, or when a value names a side or
 * a tie; a rating only when named like a preference or the only question. Text questions never are. The
 * first question named like a preference is `overall` (else the first preference question); the others
 * are dimensions named after themselves, even when the `overall` question has no answer in this record.
 */
export function preferenceQuestions(questions: ArgillaQuestion[], sides: Sides): PreferenceQuestion[] {
  const candidates = questions.filter((q) => !isTextQuestion(q.name));
  const out: Omit<PreferenceQuestion, 'dimension'>[] = [];
  for (const question of candidates) {
    const vs = values(question);
    let kind = vs.map((v) => valueKind(v, sides)).find((k) => k !== null);
    if (!kind) continue;
    const named = PREFERENCE_NAME.test(question.name);
    const only = candidates.length === 1;
    if (kind === 'other' && named && vs.some((v) => rankingEntries(v) !== null)) kind = 'ranking';
    const sideWord = vs.some((v) => typeof v === 'string' && labelWord(v, sides) !== null);
    if (
      kind === 'ranking' ||
      (kind === 'label' && (named || only || sideWord)) ||
      (kind === 'rating' && (named || only))
    )
      out.push({ question, kind });
  }
  // by name among all the record's questions, so a preference question left unanswered keeps `overall` to itself
  const overall = candidates.find((q) => PREFERENCE_NAME.test(q.name)) ?? out[0]?.question;
  return out.map((p) => ({ ...p, dimension: p.question === overall ? 'overall' : p.question.name }));
}

type Reading = { label: string } | { problem: string };

/** The label of one answer of a question of `kind`, or why it has none. */
export function readAnswer(v: unknown, kind: ValueKind, sides: Sides): Reading {
  if (!present(v) || (Array.isArray(v) && v.length === 0)) return { problem: 'the answer is empty' };
  if (typeof v === 'string' && /^[[{]/.test(v.trim()))
    return { problem: 'the answer is text that is not JSON (a pandas or NumPy print?); export nested values as JSON' };
  if (kind === 'ranking') {
    const entries = rankingEntries(v);
    if (!entries) return { problem: `not a ranking: ${text(v).slice(0, 60)}` };
    const label = rankLabel(entries, sides);
    const both = sides.a && sides.b ? `\`${sides.a}\` and \`${sides.b}\`` : 'both responses';
    return label ? { label } : { problem: `the ranking does not rank ${both}: ${text(v).slice(0, 60)}` };
  }
  if (typeof v !== 'string' && typeof v !== 'number')
    return { problem: `not a single ${kind}: ${text(v).slice(0, 60)}` };
  const raw = text(v);
  if (kind === 'rating') return { label: raw };
  return { label: labelWord(raw, sides) ?? raw };
}

/** The prompt and the two responses of the record, as canonical texts. */
function textsOf(
  fields: Record<string, string>,
  sides: Sides,
): Pick<CanonicalRow, 'prompt' | 'response_a' | 'response_b'> {
  const out: Pick<CanonicalRow, 'prompt' | 'response_a' | 'response_b'> = {};
  if (sides.prompt) out.prompt = fields[sides.prompt];
  if (sides.a && sides.b) {
    out.response_a = fields[sides.a];
    out.response_b = fields[sides.b];
  }
  return out;
}

/**
 * Emits the judgements of a record: each submitted response (or response without a status) to a
 * preference question is one human judgement, its suggestion one AI judgement named by the agent with the
 * suggestion's score as confidence. Drafts and discarded responses are not judgements. A record with no
 * id is identified by its texts (`contentId` of prompt, A and B, else of all its fields).
 */
export function emitArgillaRecord(rec: ArgillaRecord, ctx: AdapterContext): void {
  const keys = Object.keys(rec.fields);
  const sides = sidesOf(keys);
  const texts = textsOf(rec.fields, sides);
  const ordered =
    texts.response_a !== undefined
      ? [texts.prompt ?? '', texts.response_a, texts.response_b ?? '']
      : keys.map((k) => rec.fields[k]);
  const item = rec.id || (keys.length > 0 ? contentId(...ordered) : '');
  if (item === '') {
    ctx.problem(rec.idField, `the record has no \`${rec.idField}\` and no fields to identify it; it is skipped`);
    return;
  }
  for (const q of rec.questions) {
    if (isTextQuestion(q.name)) continue;
    for (const r of q.responses) if (r.problem) ctx.problem(r.field, `${r.problem}; its responses are skipped`);
  }
  let judged = false;
  for (const { question, kind, dimension } of preferenceQuestions(rec.questions, sides)) {
    for (const r of question.responses) {
      const status = r.status.toLowerCase();
      if (r.problem || (status !== '' && status !== 'submitted')) continue;
      const reading = readAnswer(r.value, kind, sides);
      if ('problem' in reading) {
        ctx.problem(r.field, `${reading.problem}; the response is skipped`);
        continue;
      }
      ctx.emit({ item, annotator: r.user || SINGLE_ANNOTATOR, label: reading.label, dimension, ...texts }, rec.extra);
      judged = true;
    }
    const s = question.suggestion;
    if (!s || !present(s.value)) continue;
    const reading = readAnswer(s.value, kind, sides);
    if ('problem' in reading) {
      ctx.problem(s.field, `${reading.problem}; the suggestion is skipped`);
      continue;
    }
    const confidence = s.score !== undefined ? { ai_confidence: s.score } : {};
    ctx.emit(
      { item, annotator: s.agent || SUGGESTION, kind: 'ai', label: reading.label, dimension, ...confidence, ...texts },
      rec.extra,
    );
    judged = true;
  }
  if (!judged) ctx.emit({ item, ...texts });
}

/** Scalar metadata values (text, numbers, booleans): the record's slice columns. */
export function scalarEntries(o: Record<string, unknown> | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (o)
    for (const [k, v] of Object.entries(o))
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
  return out;
}
