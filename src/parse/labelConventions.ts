/**
 * The label conventions prefscope knows: each one says what a raw label value means on the 5-point
 * preference scale (0 = `A>>` … 4 = `B>>`, -1 = not a value of this convention). One list, read by the
 * reading chooser, the page's question, the command line (`--labels-are ID`) and the README.
 */
export interface LabelConvention {
  /** name used by `--labels-are`, in the link and in the report (`settings.label_reading.convention`) */
  id: string;
  /** what the values mean, for the page, the warnings and the report */
  description: string;
  /** the 5-point code of a raw value, or -1 when the value is not one of this convention's */
  code(raw: string): number;
  /** whether the convention can be meant at all, given every value (signed scales: some value is negative) */
  applies?(values: string[]): boolean;
}

/** The code of a judgement whose label names one of its pair's two models (resolved per judgement). */
export const BY_MODEL_NAME = 5;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number a raw value writes, or NaN. */
export function numberOf(raw: string): number {
  const t = raw.trim();
  return NUMBER.test(t) ? Number(t) : NaN;
}

const TEXT_VOCABULARY = new Map<string, number>();
const vocab: [number, string[]][] = [
  [0, ['a>>', 'a>>b', 'a >> b', 'a much better', 'a_much_better', 'a<<', 'much better a']],
  [
    1,
    [
      'a>',
      'a>b',
      'a > b',
      'a',
      'left',
      'response_1',
      'response 1',
      'output_1',
      'output 1',
      'model_a',
      'first',
      'a better',
      'a_better',
      'a slightly better',
      'b<a',
    ],
  ],
  [2, ['=', 'a=b', 'a = b', 'equal', 'draw', 'same', 'both', 'neither', 'none']],
  [
    3,
    [
      'b>',
      'b>a',
      'b > a',
      'b',
      'right',
      'response_2',
      'response 2',
      'output_2',
      'output 2',
      'model_b',
      'second',
      'b better',
      'b_better',
      'b slightly better',
      'a<b',
    ],
  ],
  [4, ['b>>', 'b>>a', 'b >> a', 'b much better', 'b_much_better', 'a<<b', 'much better b']],
];
for (const [code, words] of vocab) for (const w of words) TEXT_VOCABULARY.set(w, code);
// `Response A`, `answer_b`, `Assistant A` …: a side named by its letter
for (const noun of ['response', 'answer', 'output', 'option', 'assistant', 'completion', 'candidate', 'summary']) {
  for (const sep of [' ', '_']) {
    TEXT_VOCABULARY.set(`${noun}${sep}a`, 1);
    TEXT_VOCABULARY.set(`${noun}${sep}b`, 3);
  }
}

/**
 * Words that name a side by a number (`model1`, `model_2`, `response1`): also plausible as names of models
 * or categories, so a vocabulary that uses them is asked about.
 */
const NUMBERED_WORDS = new Map<string, number>([
  ['model1', 1],
  ['model 1', 1],
  ['model_1', 1],
  ['response1', 1],
  ['output1', 1],
  ['answer1', 1],
  ['answer_1', 1],
  ['model2', 3],
  ['model 2', 3],
  ['model_2', 3],
  ['response2', 3],
  ['output2', 3],
  ['answer2', 3],
  ['answer_2', 3],
]);

function fold(raw: string): string {
  // a leading apostrophe before = + - @ is a spreadsheet's formula guard (our CSV exports write it)
  return raw
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^'(?=[=+\-@])/, '');
}

/** The 5-point code of a text label, or -1. Anything containing "tie" is a tie. */
export function readTextLabel(raw: string): number {
  const v = fold(raw);
  const code = TEXT_VOCABULARY.get(v) ?? NUMBERED_WORDS.get(v);
  if (code !== undefined) return code;
  if (v.includes('tie')) return 2;
  return -1;
}

/** True for a side named by a number (`model1`, `response_2`): a word that could also be a name. */
export function isNumberedSideWord(raw: string): boolean {
  return NUMBERED_WORDS.has(fold(raw));
}

const isInt = Number.isInteger;
/** A convention of small integers: `codes[x - from]` is the 5-point code of integer x. */
function integers(id: string, description: string, from: number, codes: number[]): LabelConvention {
  return {
    id,
    description,
    // a signed scale is meant only when some value is negative
    ...(from < 0 && { applies: (values: string[]) => values.some((v) => numberOf(v) < 0) }),
    code(raw) {
      const x = numberOf(raw);
      return isInt(x) && x >= from && x < from + codes.length ? codes[x - from] : -1;
    },
  };
}

/**
 * Every convention, in the order that breaks ties between equally plausible readings (the first is the best
 * guess). `nominal` and `model-names` are handled by the reading chooser: they are not per-value maps.
 */
export const LABEL_CONVENTIONS: readonly LabelConvention[] = [
  {
    id: 'words',
    description:
      'preference words (A>>, A>, =, B>, B>>; A>B / tie / B>A; A / B / tie; model_a / model_b; left / right; model1 / model2 …)',
    code: readTextLabel,
  },
  integers('signed-2', 'signed −2…2: negative = A better, 0 = tie, positive = B better', -2, [0, 1, 2, 3, 4]),
  integers(
    'signed-3',
    'signed −3…3: negative = A better (−3, −2 much better), 0 = tie, positive = B better',
    -3,
    [0, 0, 1, 2, 3, 4, 4],
  ),
  integers(
    'likert-5',
    'Likert 1…5: 1 = A much better, 2 = A better, 3 = tie, 4 = B better, 5 = B much better',
    1,
    [0, 1, 2, 3, 4],
  ),
  integers('tie-first-second', '0 = tie, 1 = first response (A) better, 2 = second (B) better', 0, [2, 1, 3]),
  integers('first-second', '0 = first response (A) better, 1 = second (B) better', 0, [1, 3]),
  integers('first-second-tie-from-1', '1 = first response (A) better, 2 = second (B) better, 3 = tie', 1, [1, 3, 2]),
  integers('first-second-tie', '0 = first response (A) better, 1 = second (B) better, 2 = tie', 0, [1, 3, 2]),
  {
    id: 'fraction',
    description: 'fractional 1…2 (AlpacaEval): below 1.5 = A better, 1.5 = tie, above 1.5 = B better',
    code(raw) {
      const x = numberOf(raw);
      return x >= 1 && x <= 2 ? (x < 1.5 ? 1 : x > 1.5 ? 3 : 2) : -1;
    },
  },
];

export const NOMINAL = 'nominal';
export const MODEL_NAMES = 'model-names';
/** The reading of a label map the user gave (`--label-map`, the page's label map). */
export const LABEL_MAP = 'label-map';

export const NOMINAL_DESCRIPTION = 'nominal categories (no sides: the values are kept as they are)';
export const MODEL_NAMES_DESCRIPTION =
  "model names: the label names the pair's model that won (model A or model B); tie words are ties";

/** Every id `--labels-are` takes. */
export const CONVENTION_IDS: readonly string[] = [...LABEL_CONVENTIONS.map((c) => c.id), MODEL_NAMES, NOMINAL];

export function conventionById(id: string): LabelConvention | undefined {
  return LABEL_CONVENTIONS.find((c) => c.id === id);
}

/** What a convention id says, for any id `--labels-are` takes. */
export function conventionDescription(id: string): string {
  if (id === NOMINAL) return NOMINAL_DESCRIPTION;
  if (id === MODEL_NAMES) return MODEL_NAMES_DESCRIPTION;
  return conventionById(id)?.description ?? id;
}
