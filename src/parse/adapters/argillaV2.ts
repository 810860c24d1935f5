import { nested, numeric, present, text, type Adapter, type Detection, type SourceRecord } from './adapter';
import { sidesOf } from './argillaLabels';
import {
  emitArgillaRecord,
  scalarEntries,
  type ArgillaQuestion,
  type ArgillaRecord,
  type ArgillaResponse,
} from './argillaRecord';

/** Columns of a flattened record that are neither fields nor metadata. */
const RECORD_COLUMNS = new Set(['id', '_server_id', 'status', 'inserted_at', 'updated_at', 'score']);
const RESPONSES = '.responses';
const SUGGESTION = '.suggestion';
const FLAT_SUFFIXES = [
  RESPONSES,
  `${RESPONSES}.users`,
  `${RESPONSES}.status`,
  SUGGESTION,
  `${SUGGESTION}.score`,
  `${SUGGESTION}.agent`,
];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const object = (v: unknown): Record<string, unknown> | null => {
  const x = nested(v);
  return isObject(x) ? x : null;
};
/** A list cell: the list, [] when empty or null, or the text itself when it is not JSON. */
const list = (v: unknown): unknown[] | string => {
  const x = nested(v);
  return Array.isArray(x) ? x : typeof x === 'string' && x.trim() !== '' ? x : [];
};

/** Question names of a flattened record, in column order (`<question>.responses`, `<question>.suggestion`). */
function flatQuestions(record: SourceRecord): string[] {
  const names: string[] = [];
  for (const k of Object.keys(record)) {
    const suffix = [RESPONSES, SUGGESTION].find((s) => k.endsWith(s));
    const name = suffix ? k.slice(0, -suffix.length) : '';
    if (name !== '' && !names.includes(name)) names.push(name);
  }
  return names;
}

const NOT_JSON = 'the cell is text that is not JSON (a pandas or NumPy print?); write list cells as JSON';

function flatQuestion(record: SourceRecord, name: string): ArgillaQuestion {
  const key = `${name}${RESPONSES}`;
  const values = list(record[key]);
  const users = list(record[`${key}.users`]);
  const status = list(record[`${key}.status`]);
  const responses: ArgillaResponse[] = [];
  if (typeof values === 'string' || typeof users === 'string' || typeof status === 'string') {
    const field = typeof values === 'string' ? key : typeof users === 'string' ? `${key}.users` : `${key}.status`;
    responses.push({ user: '', value: null, status: '', field, problem: NOT_JSON });
  } else if (values.length > 0 && users.length !== values.length) {
    const problem = Object.hasOwn(record, `${key}.users`)
      ? `${values.length} responses but ${users.length} user ids`
      : 'no users for the responses';
    responses.push({ user: '', value: null, status: '', field: `${key}.users`, problem });
  } else {
    values.forEach((value, i) =>
      responses.push({ user: text(users[i]), value: nested(value), status: text(status[i]), field: `${key}[${i}]` }),
    );
  }
  const value = nested(record[`${name}${SUGGESTION}`]);
  const suggestion = present(value)
    ? {
        value,
        agent: text(record[`${name}${SUGGESTION}.agent`]),
        score: numeric(record[`${name}${SUGGESTION}.score`]),
        field: `${name}${SUGGESTION}`,
      }
    : null;
  return { name, responses, suggestion };
}

/** A flattened record (`to_datasets()`, `to_hub`, `to_list(flatten=True)`): fields and metadata are columns. */
function flatRecord(record: SourceRecord): ArgillaRecord {
  const names = flatQuestions(record);
  const owned = new Set(names.flatMap((n) => FLAT_SUFFIXES.map((s) => `${n}${s}`)));
  const rest = Object.keys(record).filter((k) => !owned.has(k) && !RECORD_COLUMNS.has(k));
  const fields: Record<string, string> = {};
  for (const k of rest) if (typeof record[k] === 'string') fields[k] = record[k] as string;
  const sides = sidesOf(Object.keys(fields));
  const extra: Record<string, unknown> = {};
  for (const k of rest) if (k !== sides.prompt && k !== sides.a && k !== sides.b) extra[k] = record[k];
  return {
    id: text(record.id) || text(record._server_id),
    idField: 'id',
    fields,
    questions: names.map((n) => flatQuestion(record, n)),
    extra: scalarEntries(extra),
  };
}

function nestedQuestion(name: string, answers: unknown, suggestion: Record<string, unknown> | null): ArgillaQuestion {
  const responses: ArgillaResponse[] = (Array.isArray(answers) ? answers : []).map((a, i) => {
    const r = isObject(a) ? a : {};
    return { user: text(r.user_id), value: nested(r.value), status: text(r.status), field: `responses.${name}[${i}]` };
  });
  const s =
    suggestion && present(suggestion.value)
      ? {
          value: nested(suggestion.value),
          agent: text(suggestion.agent),
          score: numeric(suggestion.score),
          field: `suggestions.${name}`,
        }
      : null;
  return { name, responses, suggestion: s };
}

/** A nested record (`to_list()`, `to_json`, `to_disk`): `{id, fields, metadata, suggestions, responses, vectors, _server_id}`. */
function nestedRecord(record: SourceRecord): ArgillaRecord {
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(object(record.fields) ?? {})) if (typeof v === 'string') fields[k] = v;
  const responses = object(record.responses) ?? {};
  const suggestions = object(record.suggestions) ?? {};
  const names = [...new Set([...Object.keys(responses), ...Object.keys(suggestions)])];
  return {
    id: text(record.id) || text(record._server_id),
    idField: 'id',
    fields,
    questions: names.map((n) => nestedQuestion(n, responses[n], object(suggestions[n]))),
    extra: scalarEntries(object(record.metadata)),
  };
}

const isNested = (r: SourceRecord) =>
  object(r.fields) !== null && (Object.hasOwn(r, 'responses') || Object.hasOwn(r, 'suggestions'));

function detect(records: SourceRecord[]): Detection | null {
  const has = (k: string) => records.some((r) => Object.hasOwn(r, k));
  const own = ['id', '_server_id', 'status'].filter(has);
  if (records.some(isNested)) {
    const matched = ['fields', 'responses', 'suggestions', 'metadata', 'vectors', ...own].filter(has);
    return { matched, missing: has('responses') ? [] : ['responses'] };
  }
  const names = new Set(records.flatMap(flatQuestions));
  if (names.size === 0) return null;
  const columns = [...names].flatMap((n) => FLAT_SUFFIXES.map((s) => `${n}${s}`));
  const missing = [...names]
    .filter((n) => has(`${n}${RESPONSES}`) && !has(`${n}${RESPONSES}.users`))
    .map((n) => `${n}${RESPONSES}.users`);
  return { matched: [...columns.filter(has), ...own], missing };
}

/**
 * Argilla 2.x record exports, in both layouts:
 * - flattened (`records.to_datasets()`, `Dataset.to_hub`, `records.to_list(flatten=True)`; JSON, JSONL,
 *   Parquet, or CSV with list cells as JSON text): `id`, `_server_id`, `status`, fields and metadata as
 *   columns, per question `<q>.responses` (values), `<q>.responses.users`, `<q>.responses.status` (lists
 *   aligned by position) and `<q>.suggestion`, `<q>.suggestion.score`, `<q>.suggestion.agent`;
 * - nested (`records.to_list()`, `records.to_json`, `Dataset.to_disk`): `{id, fields, metadata,
 *   suggestions: {<q>: {value, score, agent}}, responses: {<q>: [{value, user_id, status}]}, _server_id}`.
 *
 * Item: `id`, else `_server_id`, else a hash of the texts. Annotator: the response's user id. Only
 * `submitted` responses count (a response with no status, as early 2.x `to_list()` wrote them, counts).
 * Label: a ranking (names best first, as the v2 SDK writes it; `{value, rank}` lists too) gives the side
 * ranked first; a label naming a side or a tie becomes `A>>` … `B>>`; a rating stays its number. AI judge:
 * the suggestion, named by its agent, confidence = its score. Dimensions as in Argilla v1: the question
 * named like a preference (or the only one) is `overall`. Scalar metadata (and, flattened, the columns that
 * are not the prompt or a response) become slice columns.
 */
export const argillaV2: Adapter = {
  id: 'argilla-v2',
  title: 'Argilla v2 records export',
  required: ['<question>.responses', '<question>.responses.users'],
  notes: [
    'Each record is a pair; each submitted response to a preference question is one judgement (drafts and discarded responses are not).',
    'Suggestions are AI judges named by their agent, with their score as confidence; Argilla has no gold labels.',
    'Argilla 2 writes a ranking as the names best first, so a tie in a ranking cannot be seen: the first is better.',
    'The question named like a preference (preference, choice, ranking, comparison, better…) is the overall verdict; other preference questions are dimensions; free-text questions are ignored.',
    'Rating questions keep their numbers, read by the numeric label rules; do not mix them with ranking or label questions in one file.',
  ],
  detect,
  read(record, ctx) {
    emitArgillaRecord(isNested(record) ? nestedRecord(record) : flatRecord(record), ctx);
  },
};
