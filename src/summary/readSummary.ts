import type { Scale } from '../core/types';
import { SUMMARY_SCHEMA, type Summary, type SummaryPattern } from './types';

const SCALE_K: Record<Exclude<Scale, 'nominal'>, number> = { '5-point': 5, '3-way': 3, binary: 2 };

/** Thrown for a summary file that cannot be used; the message names the field. */
export class SummaryError extends Error {
  constructor(message: string) {
    super(`summary: ${message}`);
    this.name = 'SummaryError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function field(o: Record<string, unknown>, key: string, path: string): unknown {
  if (!(key in o) || o[key] === undefined) throw new SummaryError(`missing field "${path}${key}"`);
  return o[key];
}

function checked(v: unknown, name: string, min: number): number {
  if (typeof v !== 'number' || !(v >= min) || !Number.isFinite(v))
    throw new SummaryError(
      `field "${name}" must be a ${min === 0 ? 'number >= 0' : 'finite number'}, not ${JSON.stringify(v)}`,
    );
  return v;
}

const count = (o: Record<string, unknown>, key: string, path: string) => checked(field(o, key, path), path + key, 0);

function list(o: Record<string, unknown>, key: string, path: string): unknown[] {
  const v = field(o, key, path);
  if (!Array.isArray(v)) throw new SummaryError(`field "${path}${key}" must be an array`);
  return v;
}

function object(v: unknown, path: string): Record<string, unknown> {
  if (!isObject(v)) throw new SummaryError(`"${path}" must be an object`);
  return v;
}

function counts(o: Record<string, unknown>, key: string, path: string, length: number): number[] {
  const v = list(o, key, path);
  if (v.length !== length) throw new SummaryError(`field "${path}${key}" must hold ${length} numbers, not ${v.length}`);
  return v.map((x, i) => checked(x, `${path}${key}[${i}]`, 0));
}

function patterns(v: unknown[], path: string, K: number): SummaryPattern[] {
  return v.map((p, i) => {
    const o = object(p, `${path}[${i}]`);
    return { counts: counts(o, 'counts', `${path}[${i}].`, K), items: count(o, 'items', `${path}[${i}].`) };
  });
}

/**
 * Validates a parsed `prefscope.summary/v1` document (`docs/report-schema.md`, "Summary files") and returns it
 * typed. Every problem throws a `SummaryError` naming the field: `summary: missing field
 * "item_patterns[3].items"`. Unknown extra fields are ignored (new fields may be added).
 */
export function readSummary(json: unknown): Summary {
  const o = object(json, '(document)');
  if (field(o, 'schema', '') !== SUMMARY_SCHEMA)
    throw new SummaryError(`field "schema" must be "${SUMMARY_SCHEMA}", not ${JSON.stringify(o.schema)}`);
  const scale = field(o, 'scale', '') as Scale;
  if (scale !== 'nominal' && !(scale in SCALE_K))
    throw new SummaryError(`field "scale" must be 5-point, 3-way, binary or nominal, not ${JSON.stringify(scale)}`);
  const categories = list(o, 'categories', '');
  if (!categories.every((c) => typeof c === 'string')) throw new SummaryError('field "categories" must hold strings');
  const K = categories.length;
  if (scale === 'nominal' ? K < 2 : K !== SCALE_K[scale])
    throw new SummaryError(`field "categories" has ${K} names, which does not fit the ${scale} scale`);
  const pairTables = list(o, 'pair_tables', '').map((p, i) => {
    const t = object(p, `pair_tables[${i}]`),
      at = `pair_tables[${i}].`;
    const a = field(t, 'a', at),
      b = field(t, 'b', at);
    if (typeof a !== 'string' || typeof b !== 'string')
      throw new SummaryError(`fields "${at}a" and "${at}b" must be annotator ids (strings)`);
    return { a, b, n: count(t, 'n', at), table: counts(t, 'table', at, K * K) };
  });
  const annotators = list(o, 'annotators', '').map((p, i) => {
    const r = object(p, `annotators[${i}]`),
      at = `annotators[${i}].`;
    const id = field(r, 'id', at);
    if (typeof id !== 'string') throw new SummaryError(`field "${at}id" must be a string`);
    const n = (key: string) => count(r, key, at);
    return {
      id,
      labels: n('labels'),
      label_counts: counts(r, 'label_counts', at, K),
      gold_n: n('gold_n'),
      gold_exact: n('gold_exact'),
      gold_directional: n('gold_directional'),
      majority_n: n('majority_n'),
      majority_agreed: n('majority_agreed'),
      time_sum: checked(field(r, 'time_sum', at), `${at}time_sum`, -Infinity),
      time_count: n('time_count'),
    };
  });
  const labelCounts = object(field(o, 'label_counts', ''), 'label_counts');
  const slices: Summary['slices'] = {};
  for (const [name, values] of Object.entries(object(field(o, 'slices', ''), 'slices'))) {
    if (!Array.isArray(values)) throw new SummaryError(`field "slices.${name}" must be an array`);
    slices[name] = values.map((v, i) => {
      const s = object(v, `slices.${name}[${i}]`),
        at = `slices.${name}[${i}].`;
      return {
        value: String(field(s, 'value', at)),
        item_patterns: patterns(list(s, 'item_patterns', at), `${at}item_patterns`, K),
      };
    });
  }
  return {
    schema: SUMMARY_SCHEMA,
    scale,
    categories: categories as string[],
    item_patterns: patterns(list(o, 'item_patterns', ''), 'item_patterns', K),
    pair_tables: pairTables,
    annotators,
    label_counts: Object.fromEntries(
      categories.map((c) => [c as string, count(labelCounts, c as string, 'label_counts.')]),
    ),
    slices,
    ...(isObject(o.input) ? { input: o.input as Summary['input'] } : {}),
  };
}
