import { dawidSkene, type DawidSkene } from '../core/dawidSkene';
import { labelCounts } from '../core/labelCounts';
import { labelsPerAnnotator } from '../core/labelsPerAnnotator';
import { majorityVote, type MajorityVote } from '../core/majorityVote';
import { glad } from '../core/glad';
import { mace, type Mace } from '../core/mace';
import { oneCoinDawidSkene } from '../core/oneCoinDawidSkene';
import type { Ratings } from '../core/types';
import { kos } from '../core/kos';
import { mmsr } from '../core/mmsr';
import { wawa } from '../core/wawa';
import { zeroBasedSkill } from '../core/zeroBasedSkill';

/**
 * The registry of final-label methods: id, name and how each is fitted. Every table, chart, export, the
 * report and the command line read it (`--method` takes these ids); adding a method is an entry here, its
 * kernel in `core/` and their tests.
 */
export const METHODS = [
  'majority',
  'weighted',
  'dawid_skene',
  'dawid_skene_gold',
  'one_coin_dawid_skene',
  'glad',
  'mace',
  'wawa',
  'zero_based_skill',
  'kos',
  'mmsr',
] as const;
export type Method = (typeof METHODS)[number];

/** What a method's fit gives the section: per item a label (-1 = none) and a confidence (NaN without label). */
export interface MethodFit {
  label: Int32Array;
  confidence: Float64Array;
  /** passes of an iterative fit and whether they converged; null for a vote */
  iterations: number | null;
  converged: boolean | null;
  /** items whose most probable label none of their annotators gave (each keeps its best given one); null for a vote */
  outsideGiven: number | null;
  /**
   * for a method given the gold labels: per item, the label gold accuracy is measured on — each gold item's label
   * from a fit that was not given that item's gold (cross-validation), -1 elsewhere; absent for the other methods
   */
  heldOut?: Int32Array;
}

/** A method that cannot run on this data, and why (shown in place of its figures). */
export interface Unavailable {
  unavailable: string;
}

/** What fits share: the weighted vote's weights, and majority vote, Dawid-Skene and MACE, fitted once on first use. */
export interface MethodContext {
  ratings: Ratings;
  mask: Uint8Array;
  /** per annotator: the reliability-weighted vote's weight */
  weights: Float64Array;
  majority: () => MajorityVote;
  dawidSkene: () => DawidSkene;
  mace: () => Mace;
  /** milliseconds each shared fit took, whether fitted here or handed over with its time (0 until fitted) */
  fitMs: Record<SharedFit, number>;
  /** milliseconds of handed-over fits given out so far: the method that first asks for one is charged its time */
  handedOverMs: () => number;
}

/** The fits a context shares between methods. */
export type SharedFit = 'majority' | 'dawidSkene' | 'mace';

/** Fits already made on the same judgements, handed to a context with the milliseconds each took. */
export interface HandedOverFits {
  dawidSkene?: DawidSkene;
  mace?: Mace;
  ms?: Partial<Record<SharedFit, number>>;
}

/** MACE passes at most: crowd-kit's 50 leave MACE short of convergence on small files; 200 reach it there. */
export const MACE_PASSES = 200;

export interface MethodSpec {
  name: string;
  fit: (context: MethodContext) => MethodFit | Unavailable;
}

const vote = (v: MajorityVote): MethodFit => ({
  label: v.label,
  confidence: v.confidence,
  iterations: null,
  converged: null,
  outsideGiven: null,
});
const em = (f: {
  label: Int32Array;
  confidence: Float64Array;
  iterations: number;
  converged: boolean;
  outsideGiven: number;
}): MethodFit => ({
  label: f.label,
  confidence: f.confidence,
  iterations: f.iterations,
  converged: f.converged,
  outsideGiven: f.outsideGiven,
});

export const METHOD_SPECS: Record<Method, MethodSpec> = {
  majority: { name: 'Majority vote', fit: (c) => vote(c.majority()) },
  weighted: {
    name: 'Reliability-weighted vote',
    fit: (c) => vote(majorityVote(c.ratings, c.mask, { weights: c.weights })),
  },
  dawid_skene: { name: 'Dawid-Skene', fit: (c) => em(c.dawidSkene()) },
  dawid_skene_gold: { name: 'Dawid-Skene with gold', fit: dawidSkeneWithGold },
  one_coin_dawid_skene: { name: 'One-coin Dawid-Skene', fit: (c) => em(oneCoinDawidSkene(c.ratings, c.mask)) },
  glad: { name: 'GLAD', fit: (c) => em(glad(c.ratings, c.mask)) },
  mace: { name: 'MACE', fit: (c) => em(c.mace()) },
  wawa: { name: 'Wawa (agreement-weighted vote)', fit: (c) => vote(wawa(c.ratings, c.mask)) },
  zero_based_skill: {
    name: 'Zero-Based Skill',
    fit: (c) => {
      const z = zeroBasedSkill(c.ratings, c.mask);
      return { ...vote(z), iterations: z.iterations, converged: z.converged };
    },
  },
  kos: {
    name: 'KOS (two labels only)',
    fit: (c) => {
      const k = kos(c.ratings, c.mask);
      if (!k.applicable) return { unavailable: k.reason };
      // KOS gives a sign, not a probability: no confidence
      return keptToGiven(c, k.label, new Float64Array(k.label.length).fill(NaN), k.iterations, null);
    },
  },
  mmsr: {
    name: 'M-MSR',
    fit: (c) => {
      const A = labelsPerAnnotator(c.ratings, c.mask).filter((n) => n > 0).length;
      if (A === 0) return { unavailable: 'there are no selected labels' };
      // its agreement is rescaled by the labels used, M / (M - 1), and read on pairs two annotators share
      if (labelCounts(c.ratings, c.mask).filter((n) => n > 0).length < 2)
        return { unavailable: 'M-MSR rescales agreement by the labels used, and the selected ones use only one' };
      if (!c.majority().n.some((n) => n >= 2))
        return { unavailable: 'no pair has two labels, so no two annotators can be compared' };
      if (A > MMSR_MAX_ANNOTATORS)
        return {
          unavailable: `M-MSR keeps an annotator × annotator matrix: not run on ${A.toLocaleString('en-US')} annotators (at most ${MMSR_MAX_ANNOTATORS.toLocaleString('en-US')})`,
        };
      const m = mmsr(c.ratings, c.mask);
      if (!m.label.some((l) => l >= 0))
        return {
          unavailable: m.skill.some((x) => Number.isFinite(x))
            ? 'no annotator got a positive skill (a weight above 0), so it labels nothing'
            : "its matrix completion diverged: no annotator's skill",
        };
      // its normalised score leaves [0, 1] where an item's scores sum below 0: no probability there
      const confidence = m.confidence.map((x) => (x >= 0 && x <= 1 ? x : NaN));
      return keptToGiven(c, m.label, confidence, m.iterations, m.converged);
    },
  },
};

/** M-MSR's annotator × annotator matrices grow as the square of the annotators: it is not run past this many. */
export const MMSR_MAX_ANNOTATORS = 3000;

/**
 * A method's labels kept to those an item's annotators gave: KOS's signed messages and M-MSR's weights can be
 * negative, which can make a label no annotator of the item gave win; such an item takes majority vote's label
 * (always a given one; confidence NaN) and is counted in `outsideGiven`.
 */
function keptToGiven(
  c: MethodContext,
  label: Int32Array,
  confidence: Float64Array,
  iterations: number,
  converged: boolean | null,
): MethodFit {
  const { ratings: r, mask } = c;
  const given = new Uint8Array(label.length);
  for (let j = 0; j < r.n; j++) if (mask[j] && label[r.item[j]] === r.label[j]) given[r.item[j]] = 1;
  const mv = c.majority().label;
  const kept = label.slice();
  const sure = confidence.slice();
  let outsideGiven = 0;
  for (let i = 0; i < kept.length; i++)
    if (mv[i] >= 0 && !given[i]) {
      outsideGiven++;
      kept[i] = mv[i];
      sure[i] = NaN;
    }
  return { label: kept, confidence: sure, iterations, converged, outsideGiven };
}

export const METHOD_NAMES = Object.fromEntries(METHODS.map((m) => [m, METHOD_SPECS[m].name])) as Record<Method, string>;

/**
 * A context whose majority vote, Dawid-Skene and MACE are fitted once, when a method first asks for them;
 * `fitted` hands over fits already made on the same judgements (the spam scores' when no one is removed), with
 * the time they took, so that the method asking first is timed as if it had fitted them.
 */
export function methodContext(
  ratings: Ratings,
  mask: Uint8Array,
  weights: Float64Array,
  fitted: HandedOverFits = {},
): MethodContext {
  const fitMs: Record<SharedFit, number> = { majority: 0, dawidSkene: 0, mace: 0 };
  let handedOver = 0;
  const once = <T>(name: SharedFit, given: T | undefined, fit: () => T): (() => T) => {
    let value: T | null = null;
    return () => {
      if (value !== null) return value;
      if (given !== undefined) {
        fitMs[name] = fitted.ms?.[name] ?? 0;
        handedOver += fitMs[name];
        return (value = given);
      }
      const t0 = performance.now();
      value = fit();
      fitMs[name] = performance.now() - t0;
      return value;
    };
  };
  return {
    ratings,
    mask,
    weights,
    majority: once('majority', undefined, () => majorityVote(ratings, mask)),
    dawidSkene: once('dawidSkene', fitted.dawidSkene, () => dawidSkene(ratings, mask)),
    mace: once('mace', fitted.mace, () => mace(ratings, mask, { maxIterations: MACE_PASSES })),
    fitMs,
    handedOverMs: () => handedOver,
  };
}

/** Folds of the cross-validated gold accuracy of a method given the gold labels. */
export const GOLD_FOLDS = 5;

/**
 * Held-out gold pairs that are enough: folds are refitted, in order, until this many gold pairs are held out
 * (every fold when there are fewer; on 50,000 gold pairs one fold of 10,000 is refitted instead of five). The
 * accuracy's interval is then on the pairs scored (`gold_n`), so it is wider, never overstated; the
 * Wilson half-width at 10,000 pairs is at most one percentage point.
 */
export const GOLD_HELD_OUT_ENOUGH = 10_000;

/**
 * Dawid-Skene with the gold items fixed on their known class (`dawidSkene`'s `gold`). Its accuracy on gold would
 * be 1 by construction, so `heldOut` holds each gold item's label from a fit that was not given it: the gold
 * items in item order are dealt into `GOLD_FOLDS` folds, and folds are refitted from the start with the other
 * folds' gold only until `GOLD_HELD_OUT_ENOUGH` gold items are held out (gold items of folds not refitted stay
 * -1: not scored). A warm start from plain Dawid-Skene's posteriors saved no passes and moved a held-out label.
 */
function dawidSkeneWithGold(c: MethodContext): MethodFit | Unavailable {
  const gold = c.ratings.itemGold;
  const goldItems: number[] = [];
  for (let i = 0; i < gold.length; i++) if (gold[i] >= 0) goldItems.push(i);
  if (goldItems.length === 0) return { unavailable: 'no gold pairs to fix' };
  const fit = dawidSkene(c.ratings, c.mask, { gold });
  const heldOut = new Int32Array(gold.length).fill(-1);
  let held = 0;
  for (let fold = 0; fold < Math.min(GOLD_FOLDS, goldItems.length) && held < GOLD_HELD_OUT_ENOUGH; fold++) {
    const known = gold.slice();
    for (let g = fold; g < goldItems.length; g += GOLD_FOLDS) known[goldItems[g]] = -1;
    const out = dawidSkene(c.ratings, c.mask, { gold: known });
    for (let g = fold; g < goldItems.length; g += GOLD_FOLDS, held++) heldOut[goldItems[g]] = out.label[goldItems[g]];
  }
  return { ...em(fit), heldOut };
}
