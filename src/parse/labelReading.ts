import { PREFERENCE_LABELS, type Scale } from '../core/types';
import {
  BY_MODEL_NAME,
  LABEL_CONVENTIONS,
  LABEL_MAP,
  MODEL_NAMES,
  MODEL_NAMES_DESCRIPTION,
  NOMINAL,
  NOMINAL_DESCRIPTION,
  conventionById,
  isNumberedSideWord,
  numberOf,
  readTextLabel,
  type LabelConvention,
} from './labelConventions';

export { readTextLabel } from './labelConventions';

/** A reading that fits the values, with what it makes of them (for the page's question and the warnings). */
export interface ReadingCandidate {
  convention: string;
  description: string;
  preference: boolean;
  /** judgements per label under this reading: the five labels (zeros left out) or the nominal categories */
  counts: Record<string, number>;
  /** judgements this reading cannot read (they would be unknown labels) */
  unread: number;
}

/**
 * How raw label values are read. For preference data every raw value maps to a 5-point code (0 = `A>>`
 * … 4 = `B>>`), `BY_MODEL_NAME` (the judgement's label names one of its pair's models) or -1 (unknown);
 * for nominal data to an index into `categories`.
 */
export interface LabelReading {
  preference: boolean;
  /** the convention's id (`labelConventions.ts`), `nominal`, `model-names` or `label-map` */
  convention: string;
  /** one line for the page: which reading was chosen */
  description: string;
  /** raw value → 5-point code, or category index for nominal data; -1 = not a label */
  code: Map<string, number>;
  /** nominal data: the categories in sorted label order */
  categories: string[];
  /** `stated`: by the user (label map, `--labels-are`, a nominal scale); `only`: the one reading that fits; `guess` */
  chosen: 'stated' | 'only' | 'guess';
  /** more than one reading fits the values: the page asks which one, the command warns */
  ambiguous: boolean;
  /** the readings that fit (the chosen one first); one entry when nothing else fits */
  candidates: ReadingCandidate[];
}

/** Per raw value: how many of its judgements name the pair's model A, and model B (the `model-names` reading). */
export type ModelNameMatches = Map<string, [number, number]>;

export interface ReadingOptions {
  labelMap?: Record<string, string> | null;
  scale?: Scale | null;
  /** a convention id (`--labels-are`): read the labels this way */
  convention?: string | null;
}

/** Share of judgements a reading must read to be kept when it reads less than all (the rest become unknown labels). */
const MIN_COVERAGE: Record<string, number> = { words: 0.5, default: 0.9 };
/** Share of judgements a partial reading must read to be taken without asking (the rest are unknown labels). */
const CLEAR_COVERAGE = 0.9;

interface Evaluated {
  convention: string;
  description: string;
  code: Map<string, number>;
  /** judgements per 5-point code (index 5: by model name, split into A / B in `sides`) */
  byCode: number[];
  covered: number;
  plausible: boolean;
}

/**
 * Chooses the reading of a label column from its distinct values and how often each occurs. A label map, a
 * stated convention or a nominal scale wins. Otherwise every known convention is tried: the readings that
 * read every value fit, the plausible ones (both sides chosen, when more than one value is read) before the
 * others; the first in `LABEL_CONVENTIONS` order is the guess. Small integers (0 / 1, 0 / 1 / 2, 1 / 2,
 * 1 / 2 / 3), numbered side words (`model1`), implausible readings and readings that leave values unread
 * also fit nominal categories. When more than one reading fits, the reading is ambiguous: the page asks,
 * the command warns. `modelNames` counts, per raw
 * value, the judgements whose label names the pair's model A or B.
 */
export function chooseLabelReading(
  counts: Map<string, number>,
  options: ReadingOptions = {},
  modelNames: ModelNameMatches | null = null,
): LabelReading {
  const { labelMap = null, scale = null, convention = null } = options;
  const values = [...counts.keys()];
  const total = values.reduce((s, v) => s + counts.get(v)!, 0);
  if (labelMap) {
    const code = new Map<string, number>();
    for (const v of values) code.set(v, Object.hasOwn(labelMap, v) ? labelCode(labelMap[v]) : -1);
    return stated(preferenceReading({ convention: LABEL_MAP, description: 'the label map given', code }), counts);
  }
  if (convention === NOMINAL || scale === 'nominal')
    return stated(nominal(counts, `${NOMINAL_DESCRIPTION} (chosen)`), counts);
  if (convention === MODEL_NAMES)
    return stated(preferenceReading(evaluateModelNames(counts, modelNames)), counts, modelNames);
  if (convention) {
    const c = conventionById(convention);
    if (!c) throw new Error(`unknown label convention "${convention}"`);
    return stated(preferenceReading(evaluate(c, counts)), counts);
  }
  const evaluated = LABEL_CONVENTIONS.map((c) => evaluate(c, counts));
  if (modelNames) evaluated.push(evaluateModelNames(counts, modelNames));
  // the readings that read every value; the plausible ones (both sides chosen) first, the others only when none is
  const full = evaluated.filter((e) => e.covered === total && total > 0);
  const fits: Evaluated[] = [];
  for (const e of full.some((x) => x.plausible) ? full.filter((x) => x.plausible) : full)
    if (!fits.some((f) => sameMap(f, e, values))) fits.push(e);
  const implausible = fits.length > 0 && !fits[0].plausible;
  const nominalFits =
    values.length > 0 &&
    (implausible ||
      values.every((v) => Number.isInteger(numberOf(v)) && numberOf(v) >= 0 && numberOf(v) <= 3) ||
      values.some(isNumberedSideWord));
  if (fits.length > 0) {
    const alternatives = [
      ...fits.map((f) => preferenceReading(f)),
      ...(nominalFits ? [nominal(counts, NOMINAL_DESCRIPTION)] : []),
    ];
    return {
      ...alternatives[0],
      chosen: alternatives.length > 1 ? 'guess' : 'only',
      ambiguous: alternatives.length > 1,
      candidates: alternatives.map((a) => candidateOf(a, counts, modelNames)),
    };
  }
  // nothing reads every value: the best plausible reading of most of them, if any, chosen by elimination
  let partial: Evaluated | null = null;
  for (const e of evaluated) {
    const min = MIN_COVERAGE[e.convention] ?? MIN_COVERAGE.default;
    if (e.plausible && e.covered >= min * total && e.covered > 0 && (!partial || e.covered > partial.covered))
      partial = e;
  }
  const categories = nominal(
    counts,
    partial ? NOMINAL_DESCRIPTION : `${NOMINAL_DESCRIPTION}; the values are not preference labels`,
  );
  if (!partial)
    return { ...categories, chosen: 'only', ambiguous: false, candidates: [candidateOf(categories, counts)] };
  const guess = preferenceReading(partial);
  // a reading of nine in ten judgements or more leaves a few stray values (typos, "maybe"): unknown labels, not a question
  if (partial.covered >= CLEAR_COVERAGE * total)
    return { ...guess, chosen: 'only', ambiguous: false, candidates: [candidateOf(guess, counts, modelNames)] };
  return {
    ...guess,
    chosen: 'guess',
    ambiguous: true,
    candidates: [candidateOf(guess, counts, modelNames), candidateOf(categories, counts)],
  };
}

type Unchosen = Omit<LabelReading, 'chosen' | 'ambiguous' | 'candidates'>;

function stated(
  reading: Unchosen,
  counts: Map<string, number>,
  modelNames: ModelNameMatches | null = null,
): LabelReading {
  return { ...reading, chosen: 'stated', ambiguous: false, candidates: [candidateOf(reading, counts, modelNames)] };
}

function evaluate(c: LabelConvention, counts: Map<string, number>): Evaluated {
  const code = new Map<string, number>();
  const byCode = [0, 0, 0, 0, 0, 0];
  let covered = 0;
  const applies = !c.applies || c.applies([...counts.keys()]);
  for (const [v, n] of counts) {
    const x = applies ? c.code(v) : -1;
    code.set(v, x);
    if (x >= 0) {
      byCode[x] += n;
      covered += n;
    }
  }
  return {
    convention: c.id,
    description: c.description,
    code,
    byCode,
    covered,
    plausible: plausible(byCode, [...code.values()]),
  };
}

/** Labels that name the pair's model A or B (`modelNames`), and tie words, read per judgement. */
function evaluateModelNames(counts: Map<string, number>, modelNames: ModelNameMatches | null): Evaluated {
  const code = new Map<string, number>();
  const byCode = [0, 0, 0, 0, 0, 0];
  let covered = 0;
  for (const [v, n] of counts) {
    const [a, b] = modelNames?.get(v) ?? [0, 0];
    const tie = readTextLabel(v) === 2;
    code.set(v, a + b > 0 ? BY_MODEL_NAME : tie ? 2 : -1);
    byCode[1] += a;
    byCode[3] += b;
    if (tie && a + b === 0) byCode[2] += n;
    covered += a + b > 0 ? a + b : tie ? n : 0;
  }
  return {
    convention: MODEL_NAMES,
    description: MODEL_NAMES_DESCRIPTION,
    code,
    byCode,
    covered,
    plausible: byCode[1] > 0 && byCode[3] > 0,
  };
}

/** Both sides chosen somewhere, unless at most one label value is read at all. */
function plausible(byCode: number[], codes: number[]): boolean {
  if (new Set(codes.filter((c) => c >= 0)).size <= 1) return true;
  return byCode[0] + byCode[1] > 0 && byCode[3] + byCode[4] > 0;
}

function sameMap(a: Evaluated, b: Evaluated, values: string[]): boolean {
  return values.every((v) => a.code.get(v) === b.code.get(v));
}

function preferenceReading(e: Pick<Evaluated, 'convention' | 'description' | 'code'>): Unchosen {
  return { preference: true, convention: e.convention, description: e.description, code: e.code, categories: [] };
}

/** What a reading makes of the values: judgements per label (labels with none left out) and those it cannot read. */
export function candidateOf(
  reading: Unchosen,
  counts: Map<string, number>,
  modelNames: ModelNameMatches | null = null,
): ReadingCandidate {
  const out: Record<string, number> = Object.create(null);
  let unread = 0;
  const add = (label: string, n: number) => n > 0 && (out[label] = (out[label] ?? 0) + n);
  for (const [v, n] of counts) {
    const c = reading.code.get(v) ?? -1;
    if (c < 0) unread += n;
    else if (!reading.preference) add(reading.categories[c], n);
    else if (c === BY_MODEL_NAME) {
      const [a, b] = modelNames?.get(v) ?? [0, 0];
      add('A>', a);
      add('B>', b);
      unread += n - a - b;
    } else add(PREFERENCE_LABELS[c], n);
  }
  // the labels in scale (or category) order
  const order = reading.preference ? [...PREFERENCE_LABELS] : reading.categories;
  const sorted: Record<string, number> = {};
  for (const label of order)
    if (out[label] !== undefined)
      Object.defineProperty(sorted, label, { value: out[label], enumerable: true, writable: true, configurable: true });
  return {
    convention: reading.convention,
    description: reading.description,
    preference: reading.preference,
    counts: sorted,
    unread,
  };
}

function nominal(counts: Map<string, number>, description: string): Unchosen {
  const values = [...counts.keys()];
  const numeric = values.every((v) => !Number.isNaN(numberOf(v)));
  const categories = [...values].sort(
    numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  return {
    preference: false,
    convention: NOMINAL,
    description,
    code: new Map(categories.map((v, i) => [v, i])),
    categories,
  };
}

/** A label name from a label map: one of the five labels or a word of the text vocabulary. */
export function labelCode(name: string): number {
  const i = (PREFERENCE_LABELS as readonly string[]).indexOf(name.trim());
  if (i >= 0) return i;
  const c = readTextLabel(name);
  if (c < 0) throw new Error(`unknown label in the label map: "${name}"`);
  return c;
}

/** The scale the labels use unless the user states one: any strength label → 5-point, a tie → 3-way. */
export function inferScale(fivePointCodesPresent: Iterable<number>): Exclude<Scale, 'nominal'> {
  const present = new Set(fivePointCodesPresent);
  if (present.has(0) || present.has(4)) return '5-point';
  if (present.has(2)) return '3-way';
  return 'binary';
}

/** Categories of a preference scale and the category index of each 5-point code (-1: not on it). */
export function scaleCategories(scale: Exclude<Scale, 'nominal'>): {
  categories: string[];
  fromFivePoint: number[];
  fivePoint: number[];
} {
  if (scale === '5-point')
    return { categories: [...PREFERENCE_LABELS], fromFivePoint: [0, 1, 2, 3, 4], fivePoint: [0, 1, 2, 3, 4] };
  if (scale === '3-way') return { categories: ['A>', '=', 'B>'], fromFivePoint: [0, 0, 1, 2, 2], fivePoint: [1, 2, 3] };
  return { categories: ['A>', 'B>'], fromFivePoint: [0, 0, -1, 1, 1], fivePoint: [1, 3] };
}
