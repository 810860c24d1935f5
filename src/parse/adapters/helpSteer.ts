import { SINGLE_ANNOTATOR } from '../encoder';
import {
  contentId,
  keysFound,
  nested,
  numeric,
  present,
  text,
  type Adapter,
  type AdapterContext,
  type SourceRecord,
} from './adapter';

/** Where one of the two HelpSteer preference layouts keeps each part of a pair. */
interface Layout {
  prompt: string;
  responseA: string;
  responseB: string;
  /** the strength aggregated by NVIDIA from the same annotators */
  aggregate: string;
  /** per-annotator lists, the one read first first */
  lists: readonly string[];
  /** the key of the strength in each entry of a list */
  score: string;
  /** plain fields passed through as slices */
  slices: readonly string[];
  /** fields found in the records that identify the layout */
  marks: readonly string[];
}

/** HelpSteer2 `preference/preference.jsonl.gz`. */
const HELPSTEER2: Layout = {
  prompt: 'prompt',
  responseA: 'response_1',
  responseB: 'response_2',
  aggregate: 'preference_strength',
  lists: ['all_preferences_unprocessed', 'three_most_similar_preferences'],
  score: 'strength',
  slices: ['split'],
  marks: [
    'prompt',
    'response_1',
    'response_2',
    'preference_strength',
    'all_preferences_unprocessed',
    'three_most_similar_preferences',
    'preference_statement',
    'split',
  ],
};

/** HelpSteer3 `preference/{train,validation}.jsonl.gz`. */
const HELPSTEER3: Layout = {
  prompt: 'context',
  responseA: 'response1',
  responseB: 'response2',
  aggregate: 'overall_preference',
  lists: ['individual_preference'],
  score: 'score',
  slices: ['domain', 'language'],
  marks: ['context', 'response1', 'response2', 'overall_preference', 'individual_preference', 'domain', 'language'],
};

/** Canonical label of each strength −3…3 (index = strength + 3): negative = response 1 (A) better. */
const STRENGTH_LABELS = ['A>>', 'A>>', 'A>', '=', 'B>', 'B>>', 'B>>'] as const;

/** The canonical label of a HelpSteer preference strength (an integer −3…3), or null for any other value. */
export function strengthLabel(v: unknown): string | null {
  const n = numeric(v);
  return n !== undefined && Number.isInteger(n) && Math.abs(n) <= 3 ? STRENGTH_LABELS[n + 3] : null;
}

/**
 * A HelpSteer3 `context` (a list of `{role, content}` turns) as one text: the content alone for a single
 * user turn, else each turn as `role: content`, separated by blank lines. A plain string is kept as it is.
 */
export function conversationText(v: unknown): string {
  const turns = nested(v);
  if (!Array.isArray(turns)) return text(turns);
  const parts = turns.map((t) => {
    const turn = nested(t);
    if (turn === null || typeof turn !== 'object' || Array.isArray(turn)) return { role: '', content: text(turn) };
    const o = turn as SourceRecord;
    return { role: text(o.role), content: text(o.content) };
  });
  if (parts.length === 1) return parts[0].content;
  return parts.map((p) => (p.role ? `${p.role}: ${p.content}` : p.content)).join('\n\n');
}

/** HelpSteer3 when the record has any of its own fields, else HelpSteer2. */
function layoutOf(record: SourceRecord): Layout {
  const own = [HELPSTEER3.responseA, HELPSTEER3.responseB, HELPSTEER3.aggregate, ...HELPSTEER3.lists];
  return own.some((k) => Object.hasOwn(record, k)) ? HELPSTEER3 : HELPSTEER2;
}

/** The slice columns of a record: its layout's plain fields and the aggregated strength. */
function slicesOf(record: SourceRecord, layout: Layout): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of layout.slices) if (present(record[k])) out[k] = text(record[k]);
  const aggregate = numeric(record[layout.aggregate]);
  if (aggregate !== undefined) out.preference_strength = aggregate;
  return out;
}

/** The per-annotator list of a record and its field, or the field of an empty one, or null when it has none. */
function annotatorList(record: SourceRecord, layout: Layout): { field: string; entries: unknown[] } | null {
  let empty: string | null = null;
  for (const field of layout.lists) {
    if (!Object.hasOwn(record, field)) continue;
    const entries = nested(record[field]);
    if (Array.isArray(entries) && entries.length > 0) return { field, entries };
    empty ??= field;
  }
  return empty === null ? null : { field: empty, entries: [] };
}

/**
 * NVIDIA HelpSteer preference data, one pair per record (JSON Lines as published, a JSON array, or a CSV
 * export with the lists written as JSON text):
 * - HelpSteer2 `preference` (huggingface.co/datasets/nvidia/HelpSteer2): `prompt`, `response_1`, `response_2`,
 *   `preference_strength`, `all_preferences_unprocessed[] {strength, justification}`,
 *   `three_most_similar_preferences[] {statement, elaboration, strength}`, `split`;
 * - HelpSteer3 `preference` (huggingface.co/datasets/nvidia/HelpSteer3): `domain`, `language`, `context[] {role,
 *   content}`, `response1`, `response2`, `overall_preference`, `individual_preference[] {score, reasoning, …}`.
 *
 * Item: the record's `id` if it has one, else a content id of (prompt, response 1, response 2); texts: the
 * prompt (the HelpSteer3 conversation as text), `response_a` = response 1, `response_b` = response 2.
 * Annotators: the entries of `all_preferences_unprocessed` (else `three_most_similar_preferences`) or of
 * `individual_preference`, named by position (`annotator 1`, …); each strength −3…3 (negative = response 1
 * better) becomes the label on dimension `overall`: −3, −2 → `A>>`, −1 → `A>`, 0 → `=`, 1 → `B>`, 2, 3 → `B>>`.
 * The aggregated `preference_strength` / `overall_preference` is never gold (it comes from the same
 * annotators): it passes through as the slice `preference_strength`, with `split` or `domain` and `language`.
 * A record without any per-annotator list is one judgement by `(single)` read from the aggregate.
 * The per-response ratings files (train / validation, disagreements) are read by `helpSteerRatings`.
 */
export const helpSteer: Adapter = {
  id: 'helpsteer',
  title: 'HelpSteer2 / HelpSteer3 preference file',
  required: ['prompt', 'response_1', 'response_2'],
  notes: [
    'Each record is one pair (prompt, response 1 = A, response 2 = B), identified by a content id of its texts.',
    "HelpSteer annotators are anonymous: each is named by position in the record's list (`annotator 1`, `annotator 2`, …), so `annotator 1` of one pair is not the same person as `annotator 1` of another. Cohen's kappa between positions compares positions, not people: read Fleiss' kappa and Krippendorff's alpha. Per-annotator statistics (gold accuracy, flags) describe positions too.",
    'Strengths −3…3 (negative = response 1 better) map −3, −2 → A>>, −1 → A>, 0 → =, 1 → B>, 2, 3 → B>>; any other value is reported and skipped.',
    "HelpSteer2: every annotator of `all_preferences_unprocessed` is read (the outlier-filtered `three_most_similar_preferences` only when the former is absent), so agreement is not inflated by NVIDIA's filtering.",
    'The aggregated `preference_strength` / `overall_preference` comes from the same annotators, so it is never used as gold; it is kept as the slice `preference_strength`. A record with no per-annotator list gives one judgement by (single) from it.',
  ],
  detect(records) {
    for (const layout of [HELPSTEER3, HELPSTEER2]) {
      const own = [layout.aggregate, ...layout.lists];
      if (keysFound(records, own).length === 0) continue;
      const required = [layout.prompt, layout.responseA, layout.responseB];
      const found = new Set(keysFound(records, required));
      return { matched: keysFound(records, layout.marks), missing: required.filter((k) => !found.has(k)) };
    }
    return null;
  },
  read(record, ctx: AdapterContext) {
    const layout = layoutOf(record);
    const prompt = layout === HELPSTEER3 ? conversationText(record[layout.prompt]) : text(record[layout.prompt]);
    const a = text(record[layout.responseA]);
    const b = text(record[layout.responseB]);
    const empty = (
      [
        [layout.prompt, prompt, 'prompt'],
        [layout.responseA, a, 'response 1'],
        [layout.responseB, b, 'response 2'],
      ] as const
    ).find(([, v]) => v === '');
    if (empty) {
      ctx.problem(empty[0], `no ${empty[2]}; the record is skipped`);
      return;
    }
    const item = text(record.id) || contentId(prompt, a, b);
    const texts = { prompt, response_a: a, response_b: b };
    const slices = slicesOf(record, layout);
    const list = annotatorList(record, layout);
    if (list === null) {
      const label = strengthLabel(record[layout.aggregate]);
      if (label === null)
        ctx.problem(
          layout.aggregate,
          `"${text(record[layout.aggregate])}" is not a preference strength (an integer −3…3); the record is skipped`,
        );
      else ctx.emit({ item, annotator: SINGLE_ANNOTATOR, label, ...texts }, slices);
      return;
    }
    if (list.entries.length === 0) {
      ctx.problem(list.field, 'no individual preferences; the record is skipped');
      return;
    }
    list.entries.forEach((e, i) => {
      const entry = nested(e);
      const score =
        entry !== null && typeof entry === 'object' && !Array.isArray(entry)
          ? (entry as SourceRecord)[layout.score]
          : undefined;
      const label = strengthLabel(score);
      if (label === null)
        ctx.problem(
          `${list.field}[${i}].${layout.score}`,
          `"${text(score)}" is not a preference strength (an integer −3…3); annotator ${i + 1}'s preference is skipped`,
        );
      else ctx.emit({ item, annotator: `annotator ${i + 1}`, label, ...texts }, slices);
    });
  },
};
