import type { Issue } from '../types';

/**
 * One judgement (or one item's attributes) in prefscope's canonical terms (`docs/report-schema.md`,
 * "The canonical judgement"). Adapters write these; the encoder reads them with `canonicalMapping`.
 */
export type CanonicalRow = {
  item: string;
  /** empty for a row that only carries an item's attributes (texts, models, gold) */
  annotator?: string;
  /** `ai` for an AI judge (LLM verdict, model prediction, suggestion); default `human` */
  kind?: 'human' | 'ai';
  label?: string;
  dimension?: string;
  time_seconds?: number;
  timestamp?: string | number;
  /** the item's gold label (marks the item gold) */
  gold_label?: string;
  prompt?: string;
  response_a?: string;
  response_b?: string;
  model_a?: string;
  model_b?: string;
  /** which side the annotator saw first, when the adapter reordered the sides */
  shown_first?: 'A' | 'B';
  ai_confidence?: number;
};

/** Output columns of every adapter, in this order; slice columns an adapter passes through follow. */
export const CANONICAL_COLUMNS = [
  'item',
  'annotator',
  'annotator_kind',
  'label',
  'dimension',
  'time_seconds',
  'timestamp',
  'gold_label',
  'prompt',
  'response_a',
  'response_b',
  'model_a',
  'model_b',
  'shown_first',
  'ai_confidence',
] as const;

/** A source record: a JSON object, or a table row keyed by its header (null prototype: any key is data). */
export type SourceRecord = Record<string, unknown>;

/** What an adapter is given for each source record. */
export interface AdapterContext {
  /** the file being read */
  readonly fileName: string;
  /** the name of the AI judge whose verdicts this file holds when the file does not name one (from the file's name) */
  readonly judgeName: string;
  /**
   * Counts something the user should know about the file that is not a problem with one record (`verdicts
   * that were "error"`): one warning per message, with its count.
   */
  note(message: string): void;
  /** Shows annotator `id` under `name` everywhere (a Label Studio user id and the user's e-mail). */
  alias(id: string, name: string): void;
  /** Adds a canonical row; `extra` holds pass-through columns (slices such as `language`, `turn`). */
  emit(row: CanonicalRow, extra?: Record<string, unknown>): void;
  /** Reports a problem with the current record (field and message); the record or part of it is skipped. */
  problem(field: string | null, message: string): void;
}

/** How well the first records of a file match an adapter. */
export interface Detection {
  /** fields that identify the format, found in the records (more: a more specific match) */
  matched: string[];
  /** fields the format requires that the records lack: a near miss when non-empty */
  missing: string[];
}

export interface Adapter {
  /** name used by `--format` and in the report's `input.format` */
  id: string;
  /** what the page calls it */
  title: string;
  /** fields every record needs (for messages when a file is read as this format but lacks them) */
  required: readonly string[];
  /**
   * Whether the records look like this format: null when they do not at all; else the identifying fields
   * found and the required fields missing. `fileName` helps only to break ties.
   */
  detect(records: SourceRecord[], fileName: string): Detection | null;
  /** The canonical rows of one source record. */
  read(record: SourceRecord, context: AdapterContext): void;
  /** plain-language facts about what this format can and cannot show, for the page and the report */
  notes: string[];
  /** true when its item ids are made from the pairs' texts: the same id in two files is the same pair */
  contentIds?: boolean;
}

/** A format's title with its indefinite article: `a Label Studio JSON export`, `an MT-Bench judgment file`. */
export function withArticle(title: string): string {
  return `${/^([aeiou]|MT-|HH-|RLHF)/i.test(title) ? 'an' : 'a'} ${title}`;
}

/** True when `v` is a non-empty value (not null, undefined or a blank string). */
export function present(v: unknown): boolean {
  return v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
}

/** A value as trimmed text: numbers as written, objects as JSON, null/undefined as ''. */
export function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * A field that may hold JSON written as text (a CSV export of nested data): the parsed value when the
 * text starts with `{` or `[` and parses, else the value itself.
 */
export function nested(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return v;
  try {
    return JSON.parse(t);
  } catch {
    return v;
  }
}

/** A number, or undefined when the value is not one. */
export function numeric(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  const t = text(v);
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** Fields of `names` found as keys in any of the records. */
export function keysFound(records: SourceRecord[], names: readonly string[]): string[] {
  return names.filter((k) => records.some((r) => Object.hasOwn(r, k)));
}

/** Which of `required` no record has: the detection result of a format identified by `matched`. */
export function detection(records: SourceRecord[], matched: string[], required: readonly string[]): Detection {
  const found = new Set(keysFound(records, required));
  return { matched, missing: required.filter((k) => !found.has(k)) };
}

/**
 * A short stable id for an item that has no id of its own (AlpacaFarm, TRL, HH-RLHF): FNV-1a (64 bits,
 * two 32-bit halves) of its texts, as 16 hex digits.
 */
export function contentId(...parts: string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193); // a separator, so ("ab","c") ≠ ("a","bc")
    h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export type { Issue };
