import { guessMapping } from '../columnRoles';
import {
  nested,
  numeric,
  present,
  text,
  type Adapter,
  type AdapterContext,
  type CanonicalRow,
  type SourceRecord,
} from './adapter';

/** Names of the two compared texts in a task's `data`, first side first, when the roles guess finds none. */
const SIDE_PAIRS: [RegExp, RegExp][] = [
  [
    /^(answer|response|text|output|completion|item|option)[ _-]?(1|a)$/i,
    /^(answer|response|text|output|completion|item|option)[ _-]?(2|b)$/i,
  ],
  [/^left$/i, /^right$/i],
  [/^chosen$/i, /^rejected$/i],
];
/** A result whose `from_name` looks like this is the overall verdict when an annotation has several. */
const OVERALL_NAME = /overall|prefer|compar|winner|pairwise|better|choice|verdict/i;

interface Verdict {
  name: string;
  label: string;
}

function record(v: unknown): SourceRecord | null {
  const x = nested(v);
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as SourceRecord) : null;
}

function list(v: unknown): unknown[] {
  const x = nested(v);
  return Array.isArray(x) ? x : [];
}

/** The verdicts of an annotation's `result[]`: pairwise (`left` / `right`), choices, rating, or a text label. */
function verdicts(result: unknown[]): Verdict[] {
  const out: Verdict[] = [];
  for (const r of result) {
    const res = record(r);
    const value = res && record(res.value);
    if (!res || !value) continue;
    const name = text(res.from_name) || text(res.type) || 'result';
    let label = '';
    if (present(value.selected)) label = text(value.selected);
    else if (Array.isArray(value.choices) && value.choices.length > 0) label = text(value.choices[0]);
    else if (present(value.rating)) label = text(value.rating);
    else if (Array.isArray(value.labels) && value.labels.length > 0) label = text(value.labels[0]);
    if (label !== '' && !out.some((v) => v.name === name)) out.push({ name, label });
  }
  return out;
}

/** The dimension of each verdict: `overall` for the only one, or for the one named like a preference. */
function withDimensions(vs: Verdict[]): { dimension: string; label: string }[] {
  if (vs.length <= 1) return vs.map((v) => ({ dimension: 'overall', label: v.label }));
  const overall = Math.max(
    0,
    vs.findIndex((v) => OVERALL_NAME.test(v.name)),
  );
  return vs.map((v, i) => ({ dimension: i === overall ? 'overall' : v.name, label: v.label }));
}

/** The prompt and the two texts compared, from a task's `data`. */
export function taskTexts(data: SourceRecord | null): Pick<CanonicalRow, 'prompt' | 'response_a' | 'response_b'> {
  if (!data) return {};
  const keys = Object.keys(data).filter((k) => typeof data[k] === 'string');
  const m = guessMapping(keys);
  let a = m.responseA;
  let b = m.responseB;
  for (const [first, second] of SIDE_PAIRS) {
    if (a && b) break;
    a = keys.find((k) => first.test(k)) ?? null;
    b = keys.find((k) => second.test(k)) ?? null;
  }
  const prompt = m.prompt ?? keys.find((k) => /prompt|instruction|question|query|context/i.test(k)) ?? null;
  const out: Pick<CanonicalRow, 'prompt' | 'response_a' | 'response_b'> = {};
  if (prompt) out.prompt = text(data[prompt]);
  if (a && b) {
    out.response_a = text(data[a]);
    out.response_b = text(data[b]);
  }
  return out;
}

/**
 * The annotator of an annotation: `completed_by` as a user id, or an object `{id, email, …}` — its `id`, so one
 * user is one annotator whichever shape an annotation uses; the object's email (else username) is the name the
 * id is shown under.
 */
function annotatorOf(v: unknown, ctx: AdapterContext): string {
  const o = record(v);
  if (!o) return text(v);
  const id = text(o.id);
  const name = text(o.email) || text(o.username);
  if (id && name) ctx.alias(id, name);
  return id || name;
}

/**
 * Label Studio JSON export of a comparison project: one task per record (`id`, `data`, `annotations[]`,
 * `predictions[]`). Each annotation not cancelled gives one judgement per result (`pairwise`
 * `value.selected`, `choices`, `rating`); an annotation marked `ground_truth` gives the item's gold label
 * instead; each prediction is an AI judge named by its `model_version`.
 */
export const labelStudio: Adapter = {
  id: 'label-studio',
  title: 'Label Studio JSON export',
  required: ['data', 'annotations'],
  notes: [
    'Each task is a pair; each annotation that is not cancelled is one judgement per labelling result.',
    "An annotation marked ground truth is the pair's gold label, not a judgement; predictions are AI judges named by model version.",
  ],
  detect(records) {
    const tasks = records.filter((r) => record(r.data) !== null);
    const hasLists = records.some(
      (r) =>
        Array.isArray(nested(r.annotations)) ||
        Array.isArray(nested(r.predictions)) ||
        Array.isArray(nested(r.completions)),
    );
    if (tasks.length === 0 || !hasLists) return null;
    const matched = [
      'data',
      ...['annotations', 'predictions', 'id'].filter((k) => records.some((r) => Object.hasOwn(r, k))),
    ];
    const missing = records.some((r) => Object.hasOwn(r, 'annotations') || Object.hasOwn(r, 'completions'))
      ? []
      : ['annotations'];
    return { matched, missing };
  },
  read(task, ctx: AdapterContext) {
    const item = text(task.id ?? task.inner_id);
    if (item === '') {
      ctx.problem('id', 'the task has no `id`; it is skipped');
      return;
    }
    const texts = taskTexts(record(task.data));
    let judged = false;
    const annotations = list(task.annotations ?? task.completions);
    for (let i = 0; i < annotations.length; i++) {
      const a = record(annotations[i]);
      if (!a || a.was_cancelled === true) continue;
      const found = withDimensions(verdicts(list(a.result)));
      if (found.length === 0) {
        ctx.problem(
          `annotations[${i}].result`,
          'an annotation with no pairwise, choices or rating result; it is skipped',
        );
        continue;
      }
      if (a.ground_truth === true) {
        const overall = found.find((f) => f.dimension === 'overall')!;
        ctx.emit({ item, gold_label: overall.label, ...texts });
        judged = true;
        continue;
      }
      const annotator = annotatorOf(a.completed_by, ctx);
      if (annotator === '') {
        ctx.problem(`annotations[${i}].completed_by`, 'an annotation with no `completed_by`; it is skipped');
        continue;
      }
      const time = numeric(a.lead_time);
      const when = text(a.created_at ?? a.updated_at);
      for (const f of found) {
        ctx.emit({
          item,
          annotator,
          label: f.label,
          dimension: f.dimension,
          ...(time !== undefined && { time_seconds: time }),
          ...(when && { timestamp: when }),
          ...texts,
        });
        judged = true;
      }
    }
    const predictions = list(task.predictions);
    for (let i = 0; i < predictions.length; i++) {
      const p = record(predictions[i]);
      if (!p) continue;
      const found = withDimensions(verdicts(list(p.result)));
      const score = numeric(p.score);
      const annotator = text(p.model_version) || 'prediction';
      for (const f of found) {
        ctx.emit({
          item,
          annotator,
          kind: 'ai',
          label: f.label,
          dimension: f.dimension,
          ...(score !== undefined && { ai_confidence: score }),
          ...texts,
        });
        judged = true;
      }
    }
    if (!judged) ctx.emit({ item, ...texts });
  },
};
