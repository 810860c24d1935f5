import { directionalSides } from '../core/directionalSides';
import { spearmanMatrix } from '../core/spearmanMatrix';
import type { Ratings } from '../core/types';
import { rubricDisagreement, type RubricDisagreement } from './rubricDisagreement';
import { rubricGroups, type RubricGroups } from './rubricGroups';
import {
  ABOUT_LENGTH,
  finiteRho,
  itemLengths,
  lengthByAnnotator,
  lengthOutliers,
  type AnnotatorLengthRow,
  type LengthOutlier,
  type LengthRow,
} from './rubricLength';
import { agreementSection, dimensionRow, type AgreementOptions, type DimensionRow } from './agreementSection';
import { verdictBand } from './band';
import { metricIds } from './metrics';
import { DEFAULT_RUBRIC_WEIGHTS, DEFAULT_SETTINGS } from '../defaults';

const STEMS: [string, string][] = [
  ['helpful', 'helpfulness'],
  ['correct', 'correctness'],
  ['harmless', 'harmlessness'],
  ['concise', 'conciseness'],
];
/** the dimension that carries an overall verdict beside the rubric */
export const OVERALL = 'overall';
export const VERDICT = 'rubric verdict';
const EPS = 1e-9;

export interface RubricOptions extends Omit<AgreementOptions, 'dimension' | 'slices' | 'onProgress'> {
  /** weight per rubric dimension by name; null / absent = the defaults */
  weights?: Readonly<Record<string, number>> | null;
}

export interface RubricSection {
  /** the rubric dimensions (every labelled dimension but `overall`) */
  dimensions: string[];
  /** `overall` when the files label an overall verdict beside the rubric, else null */
  overall: string | null;
  /** weight per rubric dimension, as used (renormalised over the dimensions a judgement has) */
  weights: Record<string, number>;
  weights_source: 'default' | 'equal' | 'custom';
  verdict: {
    /** weighted verdicts: one per (item, human annotator) with a weighted dimension */
    judgements: number;
    /** of them, lacking some weighted dimension */
    partial: number;
    /** exactly between two labels of a binary scale: left out */
    undecided: number;
    label_counts: Record<string, number>;
    agreement: DimensionRow | null;
    band: { metric: string; value: number; label: string; action: string } | null;
    /** the verdict against the same annotator's own overall label (null without an overall dimension) */
    matches_overall: { n: number; exact: number | null; directional: number | null } | null;
  } | null;
  /** Spearman's ρ between dimensions (and `length`) over the (item, annotator) judgements having both */
  correlations: { variables: string[]; rho: (number | null)[][]; n: number[][] };
  /** each dimension against the length difference of the responses (B − A characters; a lone response: its length) */
  length: LengthRow[];
  length_by_annotator: AnnotatorLengthRow[];
  /**
   * annotators whose labels on a dimension follow length far more than everyone's (n >= 20, ρ >= 0.3 and at
   * least 0.3 above the pooled ρ of that dimension); dimensions about length itself (concise, verbose…) left out
   */
  length_outliers: LengthOutlier[];
  /** which dimension's disagreement goes with disagreement on the reference (overall, else the verdict) */
  disagreement: RubricDisagreement;
  reading: string;
  reasons: Record<string, string>;
}

/** Rubric weights for these dimensions: the custom ones when given, else the defaults by stem, else equal. */
export function rubricWeights(
  dimensions: readonly string[],
  custom?: Readonly<Record<string, number>> | null,
): { weights: Record<string, number>; source: RubricSection['weights_source'] } {
  const weights: Record<string, number> = {};
  if (custom && dimensions.some((d) => Object.hasOwn(custom, d))) {
    for (const d of dimensions) {
      const w = Object.hasOwn(custom, d) ? custom[d] : 0;
      if (!(Number.isFinite(w) && w >= 0))
        throw new Error(`rubric weight of "${d}" must be a number >= 0, not ${String(w)}`);
      define(weights, d, w);
    }
    return { weights, source: 'custom' };
  }
  let any = false;
  for (const d of dimensions) {
    const folded = d.toLowerCase();
    const stem = STEMS.find(([s]) => folded.includes(s));
    define(weights, d, stem ? DEFAULT_RUBRIC_WEIGHTS[stem[1]] : 0);
    if (stem) any = true;
  }
  if (any) return { weights, source: 'default' };
  for (const d of dimensions) define(weights, d, 1 / dimensions.length);
  return { weights, source: 'equal' };
}

/**
 * The report's `rubric` section (null with fewer than two dimensions), on the human judgements less removed
 * annotators. Each (item, annotator) with labels on several dimensions is one rubric judgement:
 * - **weighted verdict**: s = Σ w_d x_d / Σ w_d over the weighted dimensions it has, x = the label's signed
 *   5-point value (−2 … 2; nominal: the category index), rounded to the nearest label of the scale (a tie
 *   to the milder; a binary tie is left out); its agreement by the same kernels as every dimension;
 * - **correlations**: Spearman's ρ between the dimensions' values, and with the response length difference;
 * - **disagreement**: over every pair of annotators on one item, the disagreement (different side; nominal:
 *   different category) on the reference (`overall`, else the verdict) against that on each dimension —
 *   the share of reference disagreements shared by the dimension and the phi coefficient; the dimension with
 *   the largest phi (>= 10 pairs) explains most of it.
 */
export function rubricSection(
  r: Ratings,
  lengths: { responseA: (string | undefined)[]; responseB: (string | undefined)[] },
  options: RubricOptions = {},
): RubricSection | null {
  if (r.dimensions.length < 2) return null;
  const { weights: custom, ...agreementOptions } = options;
  const removed = agreementOptions.removed ?? [];
  const overallCode = r.dimensions.indexOf(OVERALL);
  const rubric = r.dimensions.map((_, d) => d).filter((d) => d !== overallCode);
  const names = rubric.map((d) => r.dimensions[d]);
  const { weights, source } = rubricWeights(names, custom);
  const reasons: Record<string, string> = {};
  const D = r.dimensions.length;
  const g = rubricGroups(r, removed);
  const preference = r.scale !== 'nominal';
  const value = Float64Array.from(r.categories, (_, c) => (preference ? r.fivePoint[c] - 2 : c));
  // disagreement is a different side (A / tie / B); nominal: a different category
  const side = (preference ? directionalSides(r.fivePoint)?.side : null) ?? Int32Array.from(r.categories, (_, c) => c);

  // the weighted verdict of each group
  const w = rubric.map((d) => weights[r.dimensions[d]]);
  const verdict = new Int32Array(g.count).fill(-1);
  let partial = 0,
    undecided = 0,
    judgements = 0;
  if (w.some((x) => x > 0)) {
    for (let k = 0; k < g.count; k++) {
      let sum = 0,
        total = 0,
        missing = false;
      rubric.forEach((d, i) => {
        const l = g.label[k * D + d];
        if (w[i] === 0) return;
        if (l < 0) missing = true;
        else {
          sum += w[i] * value[l];
          total += w[i];
        }
      });
      if (total === 0) continue;
      judgements++;
      if (missing) partial++;
      verdict[k] = nearestLabel(sum / total, value);
      if (verdict[k] < 0) undecided++;
    }
  } else reasons.verdict = 'every rubric weight is 0';

  const verdictBlock = judgements > 0 ? verdictAgreement(r, g, verdict, agreementOptions, side) : null;
  if (!verdictBlock && !reasons.verdict) reasons.verdict = 'no judgement has a weighted dimension';

  // correlations between the dimensions and with length
  const lengthSignal = itemLengths(r.items.length, lengths);
  const variables = r.dimensions.map((d) => d);
  const columns = r.dimensions.map((_, d) => {
    const column = new Float64Array(g.count);
    for (let k = 0; k < g.count; k++) column[k] = g.label[k * D + d] >= 0 ? value[g.label[k * D + d]] : NaN;
    return column;
  });
  if (lengthSignal) {
    variables.push('length');
    const column = new Float64Array(g.count);
    for (let k = 0; k < g.count; k++) column[k] = lengthSignal[g.item[k]];
    columns.push(column);
  } else reasons.length = 'the files have no response texts';
  const matrix = spearmanMatrix(columns);
  const lengthRows = lengthSignal
    ? r.dimensions.map((dimension, d) => ({ dimension, ...finiteRho({ rho: matrix.rho[d][D], n: matrix.n[d][D] }) }))
    : [];
  const byAnnotator = lengthSignal ? lengthByAnnotator(r, g, columns, D) : [];

  const disagreement = rubricDisagreement(
    r,
    g,
    overallCode >= 0 && rubric.length ? overallCode : -1,
    verdict,
    rubric,
    side,
    { overall: OVERALL, verdict: VERDICT },
  );
  const section: RubricSection = {
    dimensions: names,
    overall: overallCode >= 0 ? OVERALL : null,
    weights,
    weights_source: source,
    verdict: verdictBlock ? { judgements, partial, undecided, ...verdictBlock } : null,
    correlations: { variables, rho: matrix.rho.map((row) => row.map(finite)), n: matrix.n },
    length: lengthRows,
    length_by_annotator: byAnnotator,
    length_outliers: lengthOutliers(lengthRows, byAnnotator),
    disagreement,
    reading: '',
    reasons,
  };
  section.reading = rubricReading(section);
  return section;
}

/** The category nearest to s; equally near: the milder (smaller |value|); still tied (binary at 0): −1. */
function nearestLabel(s: number, value: Float64Array): number {
  let best = -1,
    bestDistance = Infinity,
    tied = false;
  for (let c = 0; c < value.length; c++) {
    const distance = Math.abs(value[c] - s);
    if (distance < bestDistance - EPS) {
      best = c;
      bestDistance = distance;
      tied = false;
    } else if (distance <= bestDistance + EPS) {
      const milder = Math.abs(value[c]) < Math.abs(value[best]) - EPS;
      if (milder) {
        best = c;
        tied = false;
      } else if (Math.abs(Math.abs(value[c]) - Math.abs(value[best])) <= EPS) tied = true;
    }
  }
  return tied ? -1 : best;
}

/** The verdicts as judgements of their own, through the same agreement kernels as any dimension. */
function verdictAgreement(
  r: Ratings,
  g: RubricGroups,
  verdict: Int32Array,
  options: Omit<AgreementOptions, 'dimension'>,
  side: Int32Array,
): Omit<NonNullable<RubricSection['verdict']>, 'judgements' | 'partial' | 'undecided'> {
  let n = 0;
  for (let k = 0; k < g.count; k++) if (verdict[k] >= 0) n++;
  const kept = new Int32Array(n);
  for (let k = 0, m = 0; k < g.count; k++) if (verdict[k] >= 0) kept[m++] = k;
  const item = new Int32Array(n),
    annotator = new Int32Array(n),
    label = new Int32Array(n);
  for (let m = 0; m < n; m++) {
    item[m] = g.item[kept[m]];
    annotator[m] = g.annotator[kept[m]];
    label[m] = verdict[kept[m]];
  }
  const derived: Ratings = {
    ...r,
    n,
    item,
    annotator,
    label,
    dimension: new Int32Array(n),
    dimensions: [VERDICT],
    time: null,
    timestamp: null,
    shownFirst: null,
    aiConfidence: null,
    slices: [],
  };
  const s = agreementSection(derived, { ...options, removed: [], slices: [], onProgress: undefined });
  const label_counts: Record<string, number> = {};
  r.categories.forEach((c) => define(label_counts, c, 0));
  for (const k of kept) label_counts[r.categories[verdict[k]]]++;
  let matches: { n: number; exact: number | null; directional: number | null } | null = null;
  const overall = r.dimensions.indexOf(OVERALL);
  if (overall >= 0) {
    const D = r.dimensions.length;
    let both = 0,
      exact = 0,
      same = 0;
    for (const k of kept) {
      const l = g.label[k * D + overall];
      if (l < 0) continue;
      both++;
      if (l === verdict[k]) exact++;
      if (side[l] === side[verdict[k]]) same++;
    }
    matches = {
      n: both,
      exact: both ? exact / both : null,
      directional: both && r.scale !== 'nominal' ? same / both : null,
    };
  }
  return {
    label_counts,
    agreement: dimensionRow(VERDICT, s),
    band: verdictBand(dimensionRow(VERDICT, s), options.bandMetric ?? DEFAULT_SETTINGS.bandMetric),
    matches_overall: matches,
  };
}

/**
 * Which dimension's disagreement goes with disagreement on the reference, from the rows the table shows: ranked by
 * φ as `explains_most` is, ties (equal at two decimals) named as ties, the runner-up given; null when no
 * dimension has a φ on 10 or more annotator pairs.
 */
export function disagreementSentence(d: RubricSection['disagreement']): string | null {
  const ranked = d.dimensions
    .filter((row) => row.phi !== null && row.pairs >= 10)
    .sort((a, b) => b.phi! - a.phi! || (b.share_of_reference ?? 0) - (a.share_of_reference ?? 0));
  const top = ranked[0];
  if (!top) return null;
  const phi = (x: number) => x.toFixed(2);
  const tied = ranked.filter((row) => phi(row.phi!) === phi(top.phi!));
  const next = ranked.find((row) => phi(row.phi!) !== phi(top.phi!));
  const reference = d.reference === OVERALL ? 'the overall verdict' : 'the rubric verdict';
  if (tied.length === ranked.length && ranked.length > 1)
    return `Disagreement on ${reference} goes with disagreement on every dimension alike (φ ${phi(top.phi!)}).`;
  if (tied.length > 1) {
    const names = tied.map((row) => row.dimension);
    return `Disagreement on ${reference} goes equally closely with disagreement on ${names.slice(0, -1).join(', ')} and ${names.at(-1)} (φ ${phi(top.phi!)} each${next ? `; next ${next.dimension}, φ ${phi(next.phi!)}` : ''}).`;
  }
  const share =
    top.share_of_reference === null
      ? ''
      : `: when two annotators disagree on ${reference}, they also disagree on ${top.dimension} ${Math.round(top.share_of_reference * 100)}% of the time`;
  return `Disagreement on ${reference} goes most closely with disagreement on ${top.dimension} (φ ${phi(top.phi!)}${next ? `; next ${next.dimension}, φ ${phi(next.phi!)}` : ''})${share}.`;
}

/** One plain-language paragraph: the verdict's agreement, the dimension behind the disagreement, any length pull. */
export function rubricReading(s: RubricSection): string {
  const parts: string[] = [];
  const a = s.verdict?.band;
  const metric = metricIds(true).find((m) => m.id === a?.metric)?.name ?? a?.metric;
  if (s.verdict && a)
    parts.push(
      `The weighted rubric verdict shows ${a.label.toLowerCase()} (${metric} ${a.value.toFixed(2)}): ${a.action.toLowerCase()}.`,
    );
  else
    parts.push(
      `The weighted rubric verdict has no agreement value${s.reasons.verdict ? ` (${s.reasons.verdict})` : ''}.`,
    );
  const disagreement = disagreementSentence(s.disagreement);
  if (disagreement) parts.push(disagreement);
  const strongest = s.length
    .filter((row) => row.rho !== null && row.n >= 20 && !ABOUT_LENGTH.test(row.dimension))
    .sort((x, y) => Math.abs(y.rho!) - Math.abs(x.rho!))[0];
  if (strongest && Math.abs(strongest.rho!) >= 0.3) {
    parts.push(
      `${capitalise(strongest.dimension)} follows response length (ρ ${strongest.rho!.toFixed(2)}): annotators may be rewarding ${strongest.rho! > 0 ? 'longer' : 'shorter'} answers.`,
    );
  } else if (strongest)
    parts.push(
      `No dimension follows response length closely (largest |ρ| ${Math.abs(strongest.rho!).toFixed(2)}, ${strongest.dimension}).`,
    );
  const outliers = s.length_outliers.filter((o) => o.dimension === s.length_outliers[0]?.dimension);
  if (outliers.length) {
    const who = outliers.map((o) => o.annotator);
    const names = who.length === 1 ? who[0] : `${who.slice(0, -1).join(', ')} and ${who.at(-1)}`;
    parts.push(
      `${names} follow${who.length === 1 ? 's' : ''} length on ${outliers[0].dimension} far more than the others (ρ ${outliers.map((o) => o.rho.toFixed(2)).join(', ')}; all annotators ${outliers[0].pooled.toFixed(2)}): ${who.length === 1 ? 'this annotator may conflate' : 'they may conflate'} ${outliers[0].dimension} with length.`,
    );
  }
  return parts.join(' ');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** An own enumerable property, even for a name like `__proto__`. */
function define(target: Record<string, number>, key: string, value: number): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
