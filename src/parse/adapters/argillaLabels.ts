import { PREFERENCE_LABELS } from '../../core/types';
import { guessMapping } from '../columnRoles';
import { readTextLabel } from '../labelReading';
import { text } from './adapter';

/** The record's fields that hold the prompt and the two compared responses (side A first), when found. */
export interface Sides {
  prompt: string | null;
  a: string | null;
  b: string | null;
}

/** Field names of the two responses, first side first, when the roles guess finds none. */
const SIDE_PAIRS: [RegExp, RegExp][] = [
  [
    /^(response|answer|output|completion|generation|generations|reply|option|text|candidate|assistant|summary|translation)[ _-]?(1|a)$/i,
    /^(response|answer|output|completion|generation|generations|reply|option|text|candidate|assistant|summary|translation)[ _-]?(2|b)$/i,
  ],
  [/^left$/i, /^right$/i],
  [/^chosen$/i, /^rejected$/i],
];
const PROMPT_NAME = /prompt|instruction|question|query|context|input/i;

/** Which of the text fields (`keys`) are the prompt and the two responses. */
export function sidesOf(keys: string[]): Sides {
  const m = guessMapping(keys);
  let a = m.responseA;
  let b = m.responseB;
  for (const [first, second] of SIDE_PAIRS) {
    if (a && b) break;
    a = keys.find((k) => first.test(k)) ?? null;
    b = keys.find((k) => second.test(k)) ?? null;
  }
  if (!a || !b) a = b = null;
  const prompt = m.prompt ?? keys.find((k) => k !== a && k !== b && PROMPT_NAME.test(k)) ?? null;
  return { prompt, a, b };
}

const fold = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
const A_WORDS = new Set(['1', 'one', 'first', 'left']);
const B_WORDS = new Set(['2', 'two', 'second', 'right']);
/** nouns after which a lone `a` / `b` names a side ("Response A"), not an article */
const SIDE_NOUN =
  /^(response|answer|output|completion|generation|generations|reply|option|text|candidate|assistant|model|system|summary|translation)$/;
const TIE = /\b(tie|tied|equal|equally|same|both|neither|draw|none|indifferent|no preference)\b/;
const STRONG = /\b(much|far|significantly|clearly|strongly|definitely|vastly|way)\b/;
/** longer values are free text (a rationale), not a label naming a side */
const MAX_LABEL_WORDS = 8;

/** The side a name or short label names: the field's own name, or words such as `1`, `first`, `Response A`. */
export function sideOf(name: string, sides: Sides): 'A' | 'B' | null {
  const f = fold(name);
  if (sides.a && f === fold(sides.a)) return 'A';
  if (sides.b && f === fold(sides.b)) return 'B';
  const words = f.match(/[a-z]+|\d+/g) ?? [];
  if (words.length === 0 || words.length > MAX_LABEL_WORDS) return null;
  const names = (letter: string, set: Set<string>) =>
    words.some((w, i) => set.has(w) || (w === letter && (i === 0 || SIDE_NOUN.test(words[i - 1]))));
  const a = names('a', A_WORDS);
  const b = names('b', B_WORDS);
  return a === b ? null : a ? 'A' : 'B';
}

/**
 * The canonical label (`A>>` … `B>>`) a label question's value stands for, or null when it names no side:
 * a word of prefscope's vocabulary (`A`, `tie`, `A>>`, `left` …), a tie word, or a side (its field name,
 * `Response 1`, `B is slightly better`) made strong by "much", "far", "significantly" ….
 */
export function labelWord(raw: string, sides: Sides): string | null {
  const v = raw.trim().toLowerCase();
  if ((v.match(/[a-z]+|\d+/g) ?? []).length > MAX_LABEL_WORDS) return null;
  const known = readTextLabel(v);
  if (known >= 0) return PREFERENCE_LABELS[known];
  const side = sideOf(v, sides);
  if (side === null) return TIE.test(v) ? '=' : null;
  return STRONG.test(v) ? `${side}>>` : `${side}>`;
}

export interface RankEntry {
  name: string;
  rank: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The entries of a ranking value in any of its exported forms: a list of `{value, rank}` (Argilla v1
 * records), a `{rank: [...], value: [...]}` object (v1 through Hugging Face `datasets`, whose sequences
 * of structs become structs of lists), or a list of names best first (Argilla v2). Null when `v` has none
 * of these forms; a rank that is not a number is NaN.
 */
export function rankingEntries(v: unknown): RankEntry[] | null {
  if (Array.isArray(v)) {
    if (v.length === 0) return null;
    if (v.every((e) => typeof e === 'string')) return v.map((name, i) => ({ name, rank: i + 1 }));
    if (!v.every((e) => isObject(e) && Object.hasOwn(e, 'value') && Object.hasOwn(e, 'rank'))) return null;
    return v.map((e, i) => {
      const o = e as Record<string, unknown>;
      return { name: text(o.value), rank: o.rank === null || o.rank === undefined ? i + 1 : Number(o.rank) };
    });
  }
  if (isObject(v) && Array.isArray(v.value) && Array.isArray(v.rank)) {
    const ranks = v.rank;
    return v.value.map((name, i) => ({
      name: text(name),
      rank: ranks[i] === null || ranks[i] === undefined ? NaN : Number(ranks[i]),
    }));
  }
  return null;
}

/** The label a ranking gives the pair: the side ranked 1 is better, equal ranks a tie; null without both sides. */
export function rankLabel(entries: RankEntry[], sides: Sides): string | null {
  const rankOf = (side: 'A' | 'B') => entries.find((e) => sideOf(e.name, sides) === side)?.rank;
  const a = rankOf('A');
  const b = rankOf('B');
  if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b)) return null;
  return a < b ? 'A>' : a > b ? 'B>' : '=';
}

/** What kind of question a value answers: its exported form decides. */
export type ValueKind = 'ranking' | 'rating' | 'label' | 'other';

const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * The kind of a question's value: a number (or a number written as text, as CSV cells hold them) is a
 * rating; text a label; a ranking form a ranking — except a list of names that does not name both sides,
 * which is a multi-label answer (`other`). Null for an empty value.
 */
export function valueKind(v: unknown, sides: Sides): ValueKind | null {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
  if (typeof v === 'number') return 'rating';
  if (typeof v === 'string') return NUMBER.test(v.trim()) ? 'rating' : 'label';
  const entries = rankingEntries(v);
  if (!entries) return 'other';
  if (Array.isArray(v) && v.every((e) => typeof e === 'string'))
    return rankLabel(entries, sides) === null ? 'other' : 'ranking';
  return 'ranking';
}
