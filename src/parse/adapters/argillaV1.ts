import { nested, numeric, present, text, type Adapter, type Detection, type SourceRecord } from './adapter';
import {
  emitArgillaRecord,
  scalarEntries,
  type ArgillaQuestion,
  type ArgillaRecord,
  type ArgillaResponse,
} from './argillaRecord';

const SUGGESTION = '-suggestion';
const SUGGESTION_METADATA = '-suggestion-metadata';
const OWN_COLUMNS = new Set(['external_id', 'metadata']);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isResponse = (v: unknown) =>
  isObject(v) && Object.hasOwn(v, 'value') && (Object.hasOwn(v, 'user_id') || Object.hasOwn(v, 'status'));

/**
 * The responses in a question column: a list of `{user_id, value, status}`, or the same as a struct of
 * lists (`{user_id: [...], value: [...], status: [...]}`, how `datasets` stores a sequence of structs and
 * how Argilla up to 1.12 wrote it). Null when the value is neither.
 */
export function responseList(v: unknown): { user_id?: unknown; value?: unknown; status?: unknown }[] | null {
  if (Array.isArray(v)) return v.every(isResponse) ? (v as { value?: unknown }[]) : null;
  if (isObject(v) && Array.isArray(v.value) && (Array.isArray(v.user_id) || Array.isArray(v.status))) {
    const users = Array.isArray(v.user_id) ? v.user_id : [];
    const status = Array.isArray(v.status) ? v.status : [];
    return v.value.map((value, i) => ({ user_id: users[i], value, status: status[i] }));
  }
  return null;
}

/** The question names of a record, in column order: response-list columns and the columns suggestions name. */
function questionNames(record: SourceRecord): string[] {
  const names: string[] = [];
  const add = (n: string) => {
    if (n !== '' && !names.includes(n)) names.push(n);
  };
  for (const k of Object.keys(record)) {
    if (k.endsWith(SUGGESTION_METADATA)) add(k.slice(0, -SUGGESTION_METADATA.length));
    else if (k.endsWith(SUGGESTION) && Object.hasOwn(record, `${k}-metadata`)) add(k.slice(0, -SUGGESTION.length));
    else if (!OWN_COLUMNS.has(k)) {
      const list = responseList(nested(record[k]));
      if (list && list.length > 0) add(k);
    }
  }
  return names;
}

function question(record: SourceRecord, name: string): ArgillaQuestion {
  const cell = nested(record[name]);
  const list = responseList(cell) ?? [];
  const responses: ArgillaResponse[] = list.map((r, i) => ({
    user: text(r.user_id),
    value: nested(r.value),
    status: text(r.status),
    field: `${name}[${i}]`,
  }));
  if (!responseList(cell) && present(cell)) {
    const problem =
      typeof cell === 'string'
        ? 'the cell is text that is not JSON (a pandas or NumPy print?); write nested values as JSON'
        : 'not a list of {user_id, value, status}';
    responses.push({ user: '', value: null, status: '', field: name, problem });
  }
  const value = nested(record[`${name}${SUGGESTION}`]);
  const meta = nested(record[`${name}${SUGGESTION_METADATA}`]);
  const m = isObject(meta) ? meta : {};
  const suggestion = present(value)
    ? { value, agent: text(m.agent), score: numeric(m.score), field: `${name}${SUGGESTION}` }
    : null;
  return { name, responses, suggestion };
}

/** The record in the terms shared by the Argilla layouts. */
function argillaRecord(record: SourceRecord): ArgillaRecord {
  const names = questionNames(record);
  const owned = new Set(names.flatMap((n) => [n, `${n}${SUGGESTION}`, `${n}${SUGGESTION_METADATA}`]));
  const fields: Record<string, string> = {};
  for (const k of Object.keys(record))
    if (!owned.has(k) && !OWN_COLUMNS.has(k) && typeof record[k] === 'string') fields[k] = record[k] as string;
  const metadata = nested(record.metadata);
  return {
    id: text(record.external_id),
    idField: 'external_id',
    fields,
    questions: names.map((n) => question(record, n)),
    extra: scalarEntries(isObject(metadata) ? metadata : null),
  };
}

function detect(records: SourceRecord[]): Detection | null {
  const named = new Set<string>();
  for (const r of records) for (const n of questionNames(r)) named.add(n);
  if (named.size === 0) return null;
  const has = (k: string) => records.some((r) => Object.hasOwn(r, k));
  const columns = [...named].flatMap((n) => [n, `${n}${SUGGESTION}`, `${n}${SUGGESTION_METADATA}`]);
  const matched = [...columns, ...OWN_COLUMNS].filter(has);
  return { matched, missing: [...named].filter((n) => !has(n)) };
}

/**
 * Argilla 1.x `FeedbackDataset` records as `push_to_huggingface` / `format_as("datasets")` write them
 * (then saved as JSON, JSONL, Parquet, or CSV with the nested cells as JSON text): one column per field
 * (the prompt and the two responses, found by name: `response1`/`response2`, `response-a`/`response-b`,
 * `chosen`/`rejected` …); per question a column holding a list of `{user_id, value, status}` (or the
 * same as a struct of lists) and the columns `<question>-suggestion` and `<question>-suggestion-metadata`
 * (`{type, score, agent}`); `external_id`; `metadata` (JSON text).
 *
 * Item: `external_id`, else a hash of the texts. Annotator: `user_id` (`(single)` when null, as Argilla
 * loads a response without a user). Only `submitted` responses count. Label: a ranking's side ranked 1 is
 * better, equal ranks a tie (both the list of `{value, rank}` and the `{rank: [...], value: [...]}` form);
 * a label naming a side (`response1`, `Response A`, `B is much better`) or a tie becomes `A>>` … `B>>`;
 * a rating stays the number it is (read by the numeric rules). AI judge: the suggestion, named by its
 * agent (`suggestion` without one), confidence = its score. Dimension: the question named like a
 * preference (or the only one) is `overall`, other preference questions are named after themselves; text
 * questions are ignored. Scalar metadata values become slice columns.
 */
export const argillaV1: Adapter = {
  id: 'argilla-v1',
  title: 'Argilla v1 (FeedbackDataset) export',
  required: ['<question> (a list of {user_id, value, status})'],
  notes: [
    'Each record is a pair; each submitted response to a preference question is one judgement (drafts and discarded responses are not).',
    'Suggestions are AI judges named by their agent, with their score as confidence; Argilla has no gold labels.',
    'The question named like a preference (preference, choice, ranking, comparison, better…) is the overall verdict; other preference questions are dimensions; free-text questions are ignored.',
    'Rating questions keep their numbers, read by the numeric label rules; do not mix them with ranking or label questions in one file.',
  ],
  detect,
  read(record, ctx) {
    emitArgillaRecord(argillaRecord(record), ctx);
  },
};
