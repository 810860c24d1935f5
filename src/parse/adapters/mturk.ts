import { guessMapping } from '../columnRoles';
import {
  contentId,
  detection,
  keysFound,
  nested,
  numeric,
  present,
  text,
  type Adapter,
  type AdapterContext,
  type CanonicalRow,
  type SourceRecord,
} from './adapter';

const REQUIRED = ['HITId', 'AssignmentId', 'WorkerId'] as const;
const FIELDS = [
  ...REQUIRED,
  'HITTypeId',
  'AssignmentStatus',
  'WorkTimeInSeconds',
  'SubmitTime',
  'AcceptTime',
  'RejectionTime',
  'Approve',
  'Reject',
  'Title',
] as const;
const ANSWER = 'Answer.';
const INPUT = 'Input.';
/** Answers that are free-text remarks, not verdicts. */
const REMARK = /^(comments?|feedback|notes?|remarks?|explanation|reason(ing)?|rationale|justification)$/i;
/** An answer named like the overall verdict when a task has several. */
const OVERALL = /overall|prefer|compar|winner|better|choice|verdict|^q$|^answer$|^label$/i;

/** An answer's value as a label: text, a crowd-classifier `{label}`, the checked key of a radio group `{A: true, B: false}`. */
export function answerValue(v: unknown): string {
  const x = nested(v);
  if (x === null || x === undefined) return '';
  if (typeof x !== 'object') return text(x);
  if (Array.isArray(x)) return x.length ? answerValue(x[0]) : '';
  const o = x as SourceRecord;
  if (present(o.label)) return text(o.label);
  if (Array.isArray(o.labels) && o.labels.length) return text(o.labels[0]);
  const checked = Object.keys(o).filter((k) => o[k] === true || o[k] === 'true');
  return checked.length === 1 ? checked[0] : '';
}

/** `q2` → [`q`, `2`], `pref_1` → [`pref`, `1`], `choice` → [`choice`, ``]. */
function splitTask(name: string): [string, string] {
  const m = /^(.*?\D)[_-]?(\d+)$/.exec(name);
  return m ? [m[1].replace(/[_-]$/, ''), m[2]] : [name, ''];
}

/**
 * The answers of an assignment by task: the `Answer.*` fields (a dotted `Answer.x.label` is the answer `x`), and
 * the `Answer.taskAnswers` JSON of crowd-html-elements templates (a list of objects: one object is one form, its
 * keys the answers; several objects are several tasks). Task keys come from a number ending the answer's name
 * (`q1`, `pref_2`, `Choice3`); answers without one are the single task `` (remarks left out).
 */
function answersByTask(r: SourceRecord): Map<string, Map<string, string>> {
  const flat = new Map<string, string>();
  for (const key of Object.keys(r)) {
    if (!key.startsWith(ANSWER)) continue;
    const name = key.slice(ANSWER.length);
    if (name === 'taskAnswers') {
      const list = nested(r[key]);
      const forms = Array.isArray(list) ? list : [list];
      forms.forEach((form, t) => {
        if (form === null || typeof form !== 'object') return;
        for (const [k, v] of Object.entries(form as SourceRecord))
          flat.set(forms.length > 1 ? `${k}#${t + 1}` : k, answerValue(v));
      });
    } else if (name.includes('.')) {
      const [base, sub] = [name.slice(0, name.lastIndexOf('.')), name.slice(name.lastIndexOf('.') + 1)];
      if (sub === 'label') flat.set(base, text(r[key]));
      else if (text(r[key]).toLowerCase() === 'true') flat.set(base, sub);
    } else flat.set(name, answerValue(r[key]));
  }
  const tasks = new Map<string, Map<string, string>>();
  for (const [name, value] of flat) {
    const [base, task] = name.includes('#')
      ? [name.slice(0, name.indexOf('#')), name.slice(name.indexOf('#') + 1)]
      : splitTask(name);
    if (REMARK.test(base)) continue;
    if (!tasks.has(task)) tasks.set(task, new Map());
    tasks.get(task)!.set(base, value);
  }
  // answers without a task number beside numbered tasks are remarks about the whole assignment
  if (tasks.size > 1) tasks.delete('');
  return tasks;
}

/** The `Input.*` fields of task `task`: `Input.prompt_2` is `prompt` of task 2; unnumbered inputs belong to every task. */
function inputsOf(r: SourceRecord, task: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(r)) {
    if (!key.startsWith(INPUT)) continue;
    const [base, n] = splitTask(key.slice(INPUT.length));
    if (n === task) out[base] = text(r[key]);
    else if (n === '' && !(base in out)) out[key.slice(INPUT.length)] = text(r[key]);
  }
  return out;
}

/**
 * Amazon Mechanical Turk batch results ("Download CSV" of a batch): one row per assignment with `HITId`,
 * `AssignmentId`, `WorkerId`, `AssignmentStatus`, `WorkTimeInSeconds`, `SubmitTime`, the HIT's `Input.*` fields
 * and the worker's `Answer.*` fields (AWS, "Reviewing Assignments Offline").
 * - rejected assignments (`AssignmentStatus` Rejected, or a `RejectionTime`) are skipped and counted;
 * - annotator: `WorkerId`; one judgement per task: a HIT holding several pairs numbers them (`Input.prompt_2`,
 *   `Answer.q2`, or several `taskAnswers` objects);
 * - item: the task's id input (`Input.pair_id`, `Input.example_id_2`, … as the roles guess names them), else a
 *   content id of its prompt and responses, else the HIT and task;
 * - label: the task's answer (text, a crowd-classifier label, the checked radio button); with several answers per
 *   task, the one named like a preference is the overall verdict and the others are rubric dimensions;
 * - seconds: `WorkTimeInSeconds` shared by the assignment's tasks; timestamp: `SubmitTime`.
 */
export const mturk: Adapter = {
  id: 'mturk',
  title: 'Mechanical Turk batch results file',
  required: REQUIRED,
  notes: [
    'One row per assignment: the worker (WorkerId) answered one or more pairs (tasks) of a HIT; each task is one judgement.',
    "Rejected assignments are skipped and counted. The seconds per judgement are the assignment's WorkTimeInSeconds shared by its tasks.",
  ],
  detect(records) {
    if (
      !records.some((r) => Object.keys(r).some((k) => k.startsWith(ANSWER))) ||
      !records.some((r) => Object.hasOwn(r, 'HITId'))
    )
      return null;
    return detection(records, keysFound(records, FIELDS), REQUIRED);
  },
  read(r: SourceRecord, ctx: AdapterContext) {
    const worker = text(r.WorkerId);
    if (worker === '') return ctx.problem('WorkerId', 'an assignment with no WorkerId; it is skipped');
    if (/^rejected$/i.test(text(r.AssignmentStatus)) || present(r.RejectionTime)) {
      ctx.problem('AssignmentStatus', `assignment ${text(r.AssignmentId)} by ${worker} was rejected; skipped`);
      ctx.note('rejected assignments were skipped');
      return;
    }
    const tasks = answersByTask(r);
    if (tasks.size === 0) return ctx.problem('Answer', 'an assignment with no answer; it is skipped');
    const seconds = numeric(r.WorkTimeInSeconds);
    const when = text(r.SubmitTime);
    for (const [task, answers] of tasks) {
      const inputs = inputsOf(r, task);
      const m = guessMapping(Object.keys(inputs));
      const texts: Pick<CanonicalRow, 'prompt' | 'response_a' | 'response_b' | 'model_a' | 'model_b'> = {};
      if (m.prompt) texts.prompt = inputs[m.prompt];
      if (m.responseA && m.responseB) [texts.response_a, texts.response_b] = [inputs[m.responseA], inputs[m.responseB]];
      if (m.modelA) texts.model_a = inputs[m.modelA];
      if (m.modelB) texts.model_b = inputs[m.modelB];
      const id = m.item ? inputs[m.item] : '';
      const item =
        id ||
        (texts.response_a !== undefined
          ? contentId(texts.prompt ?? '', texts.response_a, texts.response_b ?? '')
          : `${text(r.HITId)}${task ? ` task ${task}` : ''}`);
      const names = [...answers.keys()].filter((n) => answers.get(n) !== '');
      if (names.length === 0) {
        ctx.problem(
          `Answer${task ? ` (task ${task})` : ''}`,
          `task ${task || 1} of assignment ${text(r.AssignmentId)} has no answer; left out`,
        );
        continue;
      }
      const overall = names.length === 1 ? names[0] : (names.find((n) => OVERALL.test(n)) ?? names[0]);
      for (const name of names) {
        ctx.emit({
          item,
          annotator: worker,
          label: answers.get(name)!,
          dimension: name === overall ? 'overall' : name,
          ...texts,
          ...(seconds !== undefined && { time_seconds: seconds / tasks.size }),
          ...(when && { timestamp: when }),
        });
      }
    }
  },
};
