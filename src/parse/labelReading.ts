import { PREFERENCE_LABELS, type Scale } from '../core/types';

/**
 * How raw label values are read. For preference data every raw value maps to a 5-point code (0 = `A>>`
 * … 4 = `B>>`) or -1 (unknown); for nominal data to an index into `categories`.
 */
export interface LabelReading {
  preference: boolean;
  /** one line for the page: which reading was chosen */
  description: string;
  /** raw value → 5-point code, or category index for nominal data; -1 = not a label */
  code: Map<string, number>;
  /** nominal data: the categories in sorted label order */
  categories: string[];
}

const TEXT_VOCABULARY = new Map<string, number>();
const vocab: [number, string[]][] = [
  [0, ['a>>', 'a>>b', 'a >> b', 'a much better', 'a_much_better', 'a<<', 'much better a']],
  [1, ['a>', 'a>b', 'a > b', 'a', 'left', 'response_1', 'response 1', 'output_1', 'output 1', 'model_a', 'first', 'a better', 'a_better', 'a slightly better', 'b<a']],
  [2, ['=', 'a=b', 'a = b', 'equal', 'draw', 'same', 'both', 'neither', 'none']],
  [3, ['b>', 'b>a', 'b > a', 'b', 'right', 'response_2', 'response 2', 'output_2', 'output 2', 'model_b', 'second', 'b better', 'b_better', 'b slightly better', 'a<b']],
  [4, ['b>>', 'b>>a', 'b >> a', 'b much better', 'b_much_better', 'a<<b', 'much better b']],
];
for (const [code, words] of vocab) for (const w of words) TEXT_VOCABULARY.set(w, code);

/** The 5-point code of a text label, or -1. Anything containing "tie" is a tie. */
export function readTextLabel(raw: string): number {
  // a leading apostrophe before = + - @ is a spreadsheet's formula guard (our CSV exports write it)
  const v = raw.trim().toLowerCase().replace(/\s+/g, ' ').replace(/^'(?=[=+\-@])/, '');
  const code = TEXT_VOCABULARY.get(v);
  if (code !== undefined) return code;
  if (v.includes('tie')) return 2;
  return -1;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Chooses the reading of a label column from its distinct values and how often each occurs
 * (`../shared/report-schema.md`, Labels). An explicit `labelMap` (raw → label name) wins; `scale:
 * 'nominal'` reads the values as K unordered categories.
 */
export function chooseLabelReading(
  counts: Map<string, number>,
  { labelMap = null, scale = null }: { labelMap?: Record<string, string> | null; scale?: Scale | null } = {},
): LabelReading {
  const values = [...counts.keys()];
  if (scale === 'nominal') return nominal(values, 'nominal categories (chosen)');
  if (labelMap) {
    const code = new Map<string, number>();
    for (const v of values) code.set(v, Object.hasOwn(labelMap, v) ? labelCode(labelMap[v]) : -1);
    return { preference: true, description: 'the label map given', code, categories: [] };
  }
  if (values.length > 0 && values.every((v) => NUMBER.test(v.trim()))) return numericReading(counts);
  const code = new Map<string, number>();
  let matched = 0;
  let total = 0;
  for (const [v, n] of counts) {
    const c = readTextLabel(v);
    code.set(v, c);
    total += n;
    if (c >= 0) matched += n;
  }
  if (total > 0 && matched * 2 >= total) {
    return { preference: true, description: 'preference words (A>>, A>, =, B>, B>>; A / B / tie; model_a / model_b; left / right …)', code, categories: [] };
  }
  return nominal(values, 'nominal categories (the values are not preference labels)');
}

/** A label name from a label map: one of the five labels or a word of the text vocabulary. */
export function labelCode(name: string): number {
  const i = (PREFERENCE_LABELS as readonly string[]).indexOf(name.trim());
  if (i >= 0) return i;
  const c = readTextLabel(name);
  if (c < 0) throw new Error(`unknown label in the label map: "${name}"`);
  return c;
}

interface NumericRule {
  description: string;
  /** whether the rule applies at all to these values */
  applies: (nums: number[]) => boolean;
  /** 5-point code of a value, or -1 when the value is not on this scale */
  code: (x: number) => number;
}

const isInt = Number.isInteger;
const NUMERIC_RULES: NumericRule[] = [
  { description: '1 = first response (A) better, 2 = second (B) better, 0 = tie', applies: () => true, code: (x) => (isInt(x) && x >= 0 && x <= 2 ? [2, 1, 3][x] : -1) },
  { description: 'signed −2…2: negative = A better', applies: (n) => n.some((x) => x < 0), code: (x) => (isInt(x) && Math.abs(x) <= 2 ? x + 2 : -1) },
  { description: 'signed −3…3: negative = A better', applies: (n) => n.some((x) => x < 0), code: (x) => (isInt(x) && Math.abs(x) <= 3 ? [0, 0, 1, 2, 3, 4, 4][x + 3] : -1) },
  { description: 'Likert 1…5: 1 = A much better, 3 = tie, 5 = B much better', applies: (n) => n.some((x) => x >= 3 && x <= 5), code: (x) => (isInt(x) && x >= 1 && x <= 5 ? x - 1 : -1) },
  { description: 'fractional 1…2: below 1.5 = A, 1.5 = tie, above = B', applies: (n) => n.some((x) => !isInt(x)), code: (x) => (x >= 1 && x <= 2 ? (x < 1.5 ? 1 : x > 1.5 ? 3 : 2) : -1) },
];

/** Share of judgements a reading must cover for the rest to be reported as unknown labels. */
const MIN_COVERAGE = 0.9;

/**
 * The first numeric preference rule that reads every value; failing that, the rule that reads the most
 * judgements if it reads at least 90% of them (the rest become "unknown label" issues); else nominal.
 */
function numericReading(counts: Map<string, number>): LabelReading {
  const values = [...counts.keys()];
  const nums = values.map((v) => Number(v.trim()));
  const total = values.reduce((s, v) => s + counts.get(v)!, 0);
  let best: { rule: NumericRule; covered: number } | null = null;
  for (const rule of NUMERIC_RULES) {
    if (!rule.applies(nums)) continue;
    const covered = values.reduce((s, v, i) => s + (rule.code(nums[i]) >= 0 ? counts.get(v)! : 0), 0);
    if (covered === total) {
      best = { rule, covered };
      break;
    }
    if (!best || covered > best.covered) best = { rule, covered };
  }
  if (!best || best.covered < MIN_COVERAGE * total) return nominal(values, 'nominal categories (numbers that are not a preference scale)');
  const { rule } = best;
  return { preference: true, description: rule.description, code: new Map(values.map((v, i) => [v, rule.code(nums[i])])), categories: [] };
}

function nominal(values: string[], description: string): LabelReading {
  const numeric = values.every((v) => NUMBER.test(v.trim()));
  const categories = [...values].sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { preference: false, description, code: new Map(categories.map((v, i) => [v, i])), categories };
}

/** The scale the labels use unless the user states one: any strength label → 5-point, a tie → 3-way. */
export function inferScale(fivePointCodesPresent: Iterable<number>): Exclude<Scale, 'nominal'> {
  const present = new Set(fivePointCodesPresent);
  if (present.has(0) || present.has(4)) return '5-point';
  if (present.has(2)) return '3-way';
  return 'binary';
}

/** Categories of a preference scale and the category index of each 5-point code (-1: not on it). */
export function scaleCategories(scale: Exclude<Scale, 'nominal'>): { categories: string[]; fromFivePoint: number[]; fivePoint: number[] } {
  if (scale === '5-point') return { categories: [...PREFERENCE_LABELS], fromFivePoint: [0, 1, 2, 3, 4], fivePoint: [0, 1, 2, 3, 4] };
  if (scale === '3-way') return { categories: ['A>', '=', 'B>'], fromFivePoint: [0, 0, 1, 2, 2], fivePoint: [1, 2, 3] };
  return { categories: ['A>', 'B>'], fromFivePoint: [0, 0, -1, 1, 1], fivePoint: [1, 3] };
}
