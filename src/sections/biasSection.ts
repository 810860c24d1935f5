import { directionalSides } from '../core/directionalSides';
import { judgementFilter } from '../core/judgementFilter';
import { lengthBias } from '../core/lengthBias';
import { positionBias } from '../core/positionBias';
import { AI, HUMAN, type Ratings } from '../core/types';
import { wilsonInterval } from '../core/wilsonInterval';
import { SINGLE_ANNOTATOR } from '../parse/encoder';
import type { LoadResult } from '../parse/loadFiles';
import { swappedItemPairs } from './swappedItemPairs';

type Kind = 'human' | 'ai';
type Interval = [number, number] | null;

/** A share of decisive judgements with its 95% Clopper–Pearson interval and the exact two-sided p-value vs 1/2. */
interface Share {
  n: number;
  share: number | null;
  ci95: Interval;
  p_value: number | null;
}

export interface PositionRow extends Share {
  id: string;
  kind: Kind;
  /** decisive judgements that chose the side shown first */
  first: number;
  flagged: boolean;
  /** why the share measures something else than position, so it is not tested (null: tested when n is enough) */
  untested: string | null;
}

export interface LengthRow extends Share {
  id: string;
  kind: Kind;
  /** decisive judgements that chose the longer response */
  longer: number;
}

export interface LengthBin {
  /** null: human judgements pooled; else the AI judge's id */
  judge: string | null;
  kind: Kind;
  /** log2(length A / length B) bounds; null = unbounded (−∞ / +∞) */
  from: number | null;
  to: number | null;
  /** decisive judgements in the bin, the share choosing A and its Wilson interval */
  n: number;
  share_a: number | null;
  ci95: Interval;
}

export interface BiasSection {
  /** null for nominal data (no sides) */
  position: {
    /** human judgements; `reason` says why positions mean nothing for them (then share and p-value are null) */
    pooled: Share & { first: number; reason: string | null };
    /** every annotator and AI judge with a judgement on the overall dimension, in file order */
    annotators: PositionRow[];
    /** whether any decisive judgement had a known order shown (else side A counts as shown first) */
    uses_shown_first: boolean;
    /** the flag needs at least this many decisive judgements */
    min_n: number;
    /** annotators and judges with n >= min_n (the Bonferroni divisor) */
    tested: number;
    /** alpha / tested; null when nobody was tested */
    p_threshold: number | null;
    rule: string;
  } | null;
  /** null without both response texts on any item, or for nominal data */
  length: {
    min_difference: number;
    /** items with both lengths whose difference exceeds min_difference */
    pairs: number;
    /** human judgements */
    pooled: Share & { longer: number };
    annotators: LengthRow[];
    /** the human bins first, then each AI judge's */
    bins: LengthBin[];
    bin_rule: string;
  } | null;
  /** null when no two items hold the same texts in swapped order (or for nominal data) */
  swap: {
    /** unordered item pairs (i, j) with i's (prompt, A, B) = j's (prompt, B, A) */
    item_pairs: number;
    /** (item pair, annotator) instances where the annotator or judge labelled both items */
    pairs: number;
    /** of those, verdicts that mirror each other (A ↔ B, tie ↔ tie) */
    consistent: number;
    share: number | null;
    ci95: Interval;
  } | null;
}

const num = (x: number) => (Number.isFinite(x) ? x : null);
const interval = (lo: number, hi: number): Interval => (Number.isNaN(lo) || Number.isNaN(hi) ? null : [lo, hi]);
const kindOf = (r: Ratings, a: number): Kind => (r.annotatorKind[a] === AI ? 'ai' : 'human');

/** Responses whose lengths differ by this many characters or fewer are not counted for length bias. */
export const MIN_LENGTH_DIFFERENCE = 30;

/** Per item, the trimmed lengths of responses A and B (NaN when a text is missing); null when no item has both. */
export function responseLengths(
  texts: LoadResult['texts'],
  nItems: number,
): { a: Float64Array; b: Float64Array } | null {
  const { responseA, responseB } = texts;
  const a = new Float64Array(nItems).fill(NaN),
    b = new Float64Array(nItems).fill(NaN);
  let withTexts = 0;
  for (let i = 0; i < nItems; i++) {
    const x = responseA[i],
      y = responseB[i];
    if (x !== undefined) a[i] = x.trim().length;
    if (y !== undefined) b[i] = y.trim().length;
    if (x !== undefined && y !== undefined) withTexts++;
  }
  return withTexts > 0 ? { a, b } : null;
}

/** Annotators with at least one selected judgement, in code order. */
function present(r: Ratings, mask: Uint8Array): number[] {
  const has = new Uint8Array(r.annotators.length);
  for (let j = 0; j < r.n; j++) if (mask[j]) has[r.annotator[j]] = 1;
  const out: number[] = [];
  for (let a = 0; a < has.length; a++) if (has[a]) out.push(a);
  return out;
}

/**
 * The bias section: position bias (share choosing the side shown first, per annotator and AI judge, pooled
 * over humans, flagged by a Bonferroni-corrected exact binomial test), length bias (share choosing the longer
 * response when lengths differ by more than `minDifference` characters; rate of choosing A per bin of the
 * length ratio) and swap consistency (items shown in both orders). Overall dimension; every kind for the
 * per-annotator rows (AI judges included, removed annotators too, so the page can show why) and for swap
 * consistency; humans less the `removed` annotator codes for the pooled figures. Lengths are those of the
 * trimmed texts (UTF-16 code units).
 */
export function biasSection(
  loaded: LoadResult,
  {
    alpha = 0.05,
    minDifference = MIN_LENGTH_DIFFERENCE,
    minN = 20,
    removed = [],
  }: { alpha?: number; minDifference?: number; minN?: number; removed?: readonly number[] } = {},
): BiasSection {
  const r = loaded.ratings;
  if (!directionalSides(r.fivePoint)) return { position: null, length: null, swap: null };
  const all = judgementFilter(r, { kind: null });
  const human = judgementFilter(r, { kind: HUMAN, removed });
  const who = present(r, all);
  return {
    position: position(r, loaded.models, all, human, who, alpha, minN),
    length: length(loaded, all, human, who, minDifference),
    swap: swap(loaded, all),
  };
}

/** The models of each pair's two sides (null when the files name none). */
export type SideModels = { a: (string | undefined)[]; b: (string | undefined)[] } | null;

/** Ids of the annotators and AI judges flagged `position_bias` by the rule of `biasSection` (for the annotator table). */
export function positionBiasFlags(
  r: Ratings,
  models: SideModels = null,
  { alpha = 0.05, minN = 20 }: { alpha?: number; minN?: number } = {},
): Set<string> {
  if (!directionalSides(r.fivePoint)) return new Set();
  const all = judgementFilter(r, { kind: null });
  const p = position(r, models, all, judgementFilter(r), present(r, all), alpha, minN);
  return new Set(p.annotators.filter((a) => a.flagged).map((a) => a.id));
}

const RESOLVED =
  'one resolved label per pair and no annotator (the chosen response is A by construction): the share measures nothing about position';

/**
 * Why a share of first-side wins would measure something else than position, per annotator (and for the selected
 * `human` judgements pooled): the synthetic annotator of a file of resolved pairs, or an annotator who saw the same
 * model first on every decisive judgement (a fixed baseline on one side: the share is that model's win rate).
 */
export function positionConfounds(
  r: Ratings,
  models: SideModels,
  all: Uint8Array,
  human: Uint8Array,
): { each: (string | null)[]; pooled: string | null } {
  const nAnn = r.annotators.length;
  const each: (string | null)[] = r.annotators.map((id) => (id === SINGLE_ANNOTATOR ? RESOLVED : null));
  const sides = directionalSides(r.fivePoint)!;
  // per annotator (and index nAnn: the pooled humans): the one model seen first, null before any, '' when several
  const firstModel: (string | null)[] = new Array(nAnn + 1).fill(null);
  let humans = 0,
    single = 0;
  for (let j = 0; j < r.n; j++) {
    if (!all[j] || sides.side[r.label[j]] === 1) continue;
    const a = r.annotator[j];
    if (human[j]) {
      humans++;
      if (r.annotators[a] === SINGLE_ANNOTATOR) single++;
    }
    if (!models) continue;
    const i = r.item[j];
    const model = (r.shownFirst?.[j] === 1 ? models.b[i] : models.a[i]) ?? '';
    for (const k of human[j] ? [a, nAnn] : [a])
      firstModel[k] = firstModel[k] === null ? model : firstModel[k] === model ? model : '';
  }
  const fixed = (m: string | null) =>
    m ? `always saw ${m} first: the share of first-side wins is ${m}'s win rate, not a position bias` : null;
  for (let a = 0; a < nAnn; a++) each[a] ??= fixed(firstModel[a]);
  const pooled = humans === 0 ? 'no decisive human label' : single === humans ? RESOLVED : fixed(firstModel[nAnn]);
  return { each, pooled };
}

function position(
  r: Ratings,
  models: SideModels,
  all: Uint8Array,
  human: Uint8Array,
  who: number[],
  alpha: number,
  minN: number,
): NonNullable<BiasSection['position']> {
  const each = positionBias(r, all);
  const pooled = positionBias(r, human).pooled;
  const confounds = positionConfounds(r, models, all, human);
  const tested = who.filter((a) => each.n[a] >= minN && !confounds.each[a]).length;
  const threshold = tested > 0 ? alpha / tested : null;
  const annotators = who.map((a): PositionRow => ({
    id: r.annotators[a],
    kind: kindOf(r, a),
    n: each.n[a],
    first: each.first[a],
    share: num(each.share[a]),
    ci95: interval(each.ciLow[a], each.ciHigh[a]),
    p_value: confounds.each[a] ? null : num(each.pValue[a]),
    flagged: threshold !== null && !confounds.each[a] && each.n[a] >= minN && each.pValue[a] < threshold,
    untested: confounds.each[a],
  }));
  const pooledReason = confounds.pooled;
  return {
    pooled: {
      n: pooled.n,
      first: pooled.chosen,
      share: pooledReason ? null : num(pooled.share),
      ci95: pooledReason ? null : interval(...pooled.ci),
      p_value: pooledReason ? null : num(pooled.pValue),
      reason: pooledReason,
    },
    annotators,
    uses_shown_first: each.pooled.known > 0,
    min_n: minN,
    tested,
    p_threshold: threshold,
    rule:
      `position_bias: n ≥ ${minN} decisive judgements (A or B; ties left out) on the overall dimension and a two-sided ` +
      `exact binomial test (R's binom.test) of the share choosing the side shown first (side A when the order shown is ` +
      `unknown) against 1/2 with p < alpha / m = ${alpha} / ${tested}, m = the annotators and AI judges with n ≥ ${minN} ` +
      `(Bonferroni, so fair annotators are not flagged by chance); ci95 is the Clopper–Pearson interval. Not tested ` +
      `where positions mean nothing: one resolved label per pair (A is the chosen response), or an annotator who saw ` +
      `the same model first on every decisive judgement (a fixed baseline: the share is that model's win rate).`,
  };
}

function length(
  loaded: LoadResult,
  all: Uint8Array,
  human: Uint8Array,
  who: number[],
  minDifference: number,
): BiasSection['length'] {
  const r = loaded.ratings;
  const lengths = responseLengths(loaded.texts, r.items.length);
  if (!lengths) return null;
  const { a: lenA, b: lenB } = lengths;
  const each = lengthBias(r, all, lenA, lenB, { minDifference });
  const humans = lengthBias(r, human, lenA, lenB, { minDifference });
  const { edges } = each;
  const nBins = edges.length + 1;
  const binRows = (judge: string | null, kind: Kind, binN: Int32Array, binA: Int32Array, offset: number): LengthBin[] =>
    Array.from({ length: nBins }, (_, b) => {
      const n = binN[offset + b],
        chooseA = binA[offset + b];
      const [lo, hi] = wilsonInterval(chooseA, n);
      return {
        judge,
        kind,
        from: b > 0 ? edges[b - 1] : null,
        to: b < edges.length ? edges[b] : null,
        n,
        share_a: n > 0 ? chooseA / n : null,
        ci95: interval(lo, hi),
      };
    });
  const bins = binRows(null, 'human', humans.pooledBinN, humans.pooledBinA, 0);
  for (const a of who)
    if (r.annotatorKind[a] === AI) bins.push(...binRows(r.annotators[a], 'ai', each.binN, each.binA, a * nBins));
  const p = humans.pooled;
  return {
    min_difference: minDifference,
    pairs: each.items,
    pooled: { n: p.n, longer: p.chosen, share: num(p.share), ci95: interval(...p.ci), p_value: num(p.pValue) },
    annotators: who.map((a): LengthRow => ({
      id: r.annotators[a],
      kind: kindOf(r, a),
      n: each.n[a],
      longer: each.longer[a],
      share: num(each.share[a]),
      ci95: interval(each.ciLow[a], each.ciHigh[a]),
      p_value: num(each.pValue[a]),
    })),
    bins,
    bin_rule:
      `bins of log2(length A / length B) with edges ${edges.join(', ')}, each closed on its side away from 0 ` +
      `(≤ ${edges[0]} … ≥ ${edges[edges.length - 1]}), so swapping A and B mirrors the bins; an empty response A is −∞, ` +
      `an empty B +∞, two empty responses are left out; share_a = decisive judgements choosing A, with a Wilson interval.`,
  };
}

/**
 * Swap consistency: over the item pairs whose texts are the same in swapped order (`swappedItemPairs`) and the
 * annotators and judges who labelled both, the share of mirrored verdicts.
 */
function swap(loaded: LoadResult, all: Uint8Array): BiasSection['swap'] {
  const r = loaded.ratings;
  const nItems = r.items.length;
  const pairs = swappedItemPairs(loaded);
  if (pairs.length === 0) return null;
  // selected judgements grouped by item (counting sort)
  const start = new Int32Array(nItems + 1);
  for (let j = 0; j < r.n; j++) if (all[j]) start[r.item[j] + 1]++;
  for (let i = 0; i < nItems; i++) start[i + 1] += start[i];
  const at = start.slice(0, nItems);
  const order = new Int32Array(start[nItems]);
  for (let j = 0; j < r.n; j++) if (all[j]) order[at[r.item[j]]++] = j;
  const sides = directionalSides(r.fivePoint)!;
  const mirrorLabel: Record<string, string> = { A: 'B', '=': '=', B: 'A' };
  const sideLabel = (j: number) => sides.labels[sides.side[r.label[j]]];
  let compared = 0,
    consistent = 0;
  for (const [i, k] of pairs) {
    for (let u = start[i]; u < start[i + 1]; u++) {
      const ju = order[u];
      for (let v = start[k]; v < start[k + 1]; v++) {
        const jv = order[v];
        if (r.annotator[ju] !== r.annotator[jv]) continue;
        compared++;
        if (mirrorLabel[sideLabel(ju)] === sideLabel(jv)) consistent++;
      }
    }
  }
  const [lo, hi] = wilsonInterval(consistent, compared);
  return {
    item_pairs: pairs.length,
    pairs: compared,
    consistent,
    share: compared > 0 ? consistent / compared : null,
    ci95: interval(lo, hi),
  };
}
