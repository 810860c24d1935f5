import type { Ratings } from './types';
import { dawidSkenePass, type EmState } from './dawidSkenePass';
import { voteWinner } from './voteWinner';

export interface DawidSkene {
  /** per item: the posterior argmax (ties broken as in majority vote), -1 for items without labels */
  label: Int32Array;
  /** nItems × K, row-major; rows of items without labels are 0 */
  posterior: Float64Array;
  /** per item: the largest posterior, NaN without labels */
  confidence: Float64Array;
  /** nAnnotators × K × K: `confusion[(a * K + true) * K + observed]`; rows sum to 1 (uniform without evidence) */
  confusion: Float64Array;
  /** per category: the class prior (mean posterior of the labelled items), NaN when there is none */
  priors: Float64Array;
  /** EM passes (E-step + M-step) after the initial M-step, extrapolated ones included */
  iterations: number;
  /** true when a plain EM pass changed no posterior by `tolerance` or more */
  converged: boolean;
  /** per pass: the largest absolute change of any posterior (after an extrapolation: versus the pass before) */
  maxChange: number[];
  /** items with at least one selected label */
  nLabelled: number;
  /** categories that no selected label used: they get no prior mass and are no item's label */
  unused: number[];
  /**
   * items whose posterior argmax is a category none of the item's annotators gave: their label is the best of
   * the categories given instead (unless `anyLabel`), so they are counted here
   */
  outsideGiven: number;
  /** gold items used: items with a `gold` category and at least one selected label (0 without `gold`) */
  nGold: number;
}

const FLOOR = 1e-12;

/**
 * Dawid & Skene (1979) EM (`docs/report-schema.md` "Dawid-Skene"), with the semantics of crowd-kit's `DawidSkene`
 * (tested against crowd-kit's `test_dawid_skene_step_by_step`, github.com/Toloka/crowd-kit @35f0661):
 * posteriors start at the vote shares (soft majority); the M-step sets the priors to
 * the mean posterior and confusion[a][k][l] = Σ posterior_k over a's labels l / Σ posterior_k over a's
 * labels, floored at 1e-12 (no other smoothing; a row without mass is uniform); the E-step sets
 * posterior ∝ prior × Π confusion[a][·][l]. `maxIterations: 0` gives the start with one M-step.
 * Stops when a plain EM pass changes no posterior by `tolerance` or more, or after `maxIterations` passes.
 * `accelerate` (default) runs SQUAREM (Varadhan & Roland 2008, scheme S3, step bound 1 ×4 on use, a step
 * that lowers the log-likelihood by more than 1 falls back to the plain EM point): same fixed point and
 * stopping test, about 3× fewer passes; passes 1 and 2 are plain EM. `accelerate: false` is plain EM.
 * Speed: one counting sort by item; fused probability-space passes (`dawidSkenePass`).
 * Categories no selected label uses are left out of the fit (prior and posterior 0, as crowd-kit, which knows
 * only the labels it sees). An item's label is never a category none of its annotators gave (`anyLabel: false`,
 * the default): when the argmax is one, the item gets the given category of highest posterior (an exact tie: the
 * lowest code, crowd-kit's argmax) and is counted in `outsideGiven`. With `anyLabel: true` the argmax stands.
 * `gold` (per item: its known category, any negative value when unknown; default null, no gold) is crowd-kit's
 * `DawidSkene.fit(data, true_labels)`:  a gold item's posterior is one-hot on its category at the start and after
 * every E-step, so the priors count it and the M-step learns the confusion of its annotators from the truth.
 * SQUAREM extrapolates only the confusion matrices and priors, and each pass re-fixes the gold rows, so they stay
 * exactly one-hot throughout; the likelihood it guards is the joint one (a gold item: prior × Π confusion of its
 * known class).
 * A gold item is labelled with its gold category (confidence 1, never counted in `outsideGiven`); gold items
 * without selected labels are left out, as crowd-kit (which knows only the tasks in its data); a gold category no
 * selected label uses is kept in the fit. `nGold` counts the gold items used.
 */
export function dawidSkene(
  ratings: Ratings,
  mask: Uint8Array | null = null,
  options: {
    maxIterations?: number;
    tolerance?: number;
    init?: 'majority';
    accelerate?: boolean;
    anyLabel?: boolean;
    gold?: Int32Array | null;
  } = {},
): DawidSkene {
  if ((options.init ?? 'majority') !== 'majority') throw new Error(`invalid init: "${String(options.init)}"`);
  // categories no selected label uses are left out of the fit (no prior mass, no confusion column), then put back
  const K = ratings.categories.length,
    nItems = ratings.items.length;
  const used = new Uint8Array(K),
    labelled = new Uint8Array(nItems);
  for (let j = 0; j < ratings.n; j++)
    if ((!mask || mask[j]) && ratings.label[j] >= 0) used[ratings.label[j]] = labelled[ratings.item[j]] = 1;
  // gold on items with selected labels only; its category takes part in the fit even if no label used it
  const { gold: given = null } = options;
  let gold: Int32Array | null = null;
  if (given) {
    if (given.length !== nItems) throw new Error(`gold: ${given.length} entries for ${nItems} items`);
    gold = new Int32Array(nItems).fill(-1);
    for (let i = 0; i < nItems; i++) {
      if (given[i] >= K) throw new Error(`invalid gold category: ${given[i]}`);
      if (given[i] < 0 || !labelled[i]) continue;
      gold[i] = given[i];
      used[given[i]] = 1;
    }
  }
  const kept = [...used.keys()].filter((k) => used[k]);
  if (kept.length === K || kept.length === 0) return fit(ratings, mask, { ...options, gold });
  const toKept = new Int32Array(K).fill(-1);
  kept.forEach((k, c) => (toKept[k] = c));
  const label = new Int32Array(ratings.n);
  for (let j = 0; j < ratings.n; j++) label[j] = ratings.label[j] < 0 ? -1 : toKept[ratings.label[j]];
  const inner = fit(
    {
      ...ratings,
      label,
      categories: kept.map((k) => ratings.categories[k]),
      fivePoint: Int8Array.from(kept, (k) => ratings.fivePoint[k]),
    },
    mask,
    {
      ...options,
      gold: gold && gold.map((g) => (g < 0 ? -1 : toKept[g])),
    },
  );
  return expand(inner, kept, K, ratings.items.length, ratings.annotators.length);
}

/** A fit on the used categories `kept` (codes 0…K'−1) with its outputs put back on all K categories. */
function expand(inner: DawidSkene, kept: number[], K: number, nItems: number, nAnn: number): DawidSkene {
  const k2 = kept.length;
  const posterior = new Float64Array(nItems * K);
  for (let i = 0; i < nItems; i++)
    for (let c = 0; c < k2; c++) posterior[i * K + kept[c]] = inner.posterior[i * k2 + c];
  const priors = new Float64Array(K);
  kept.forEach((k, c) => (priors[k] = inner.priors[c]));
  if (inner.nLabelled === 0) priors.fill(NaN);
  // a true class no label used has no evidence: its row is uniform, as in the fit
  const confusion = new Float64Array(nAnn * K * K);
  for (let a = 0; a < nAnn; a++) {
    for (let k = 0; k < K; k++) for (let l = 0; l < K; l++) confusion[(a * K + k) * K + l] = 1 / K;
    for (let c = 0; c < k2; c++) {
      for (let l = 0; l < K; l++) confusion[(a * K + kept[c]) * K + l] = 0;
      for (let d = 0; d < k2; d++) confusion[(a * K + kept[c]) * K + kept[d]] = inner.confusion[(a * k2 + c) * k2 + d];
    }
  }
  const label = Int32Array.from(inner.label, (c) => (c < 0 ? -1 : kept[c]));
  const unused = [...Array(K).keys()].filter((k) => !kept.includes(k));
  return { ...inner, label, posterior, priors, confusion, unused };
}

function fit(
  ratings: Ratings,
  mask: Uint8Array | null,
  {
    maxIterations = 100,
    tolerance = 1e-6,
    accelerate = true,
    anyLabel = false,
    gold = null,
  }: {
    maxIterations?: number;
    tolerance?: number;
    accelerate?: boolean;
    anyLabel?: boolean;
    gold?: Int32Array | null;
  },
): DawidSkene {
  const K = ratings.categories.length,
    W = K <= 5 ? 5 : K,
    nItems = ratings.items.length,
    nAnn = ratings.annotators.length;
  const { item, annotator, label: observed } = ratings;
  const start = new Int32Array(nItems + 1);
  for (let j = 0; j < ratings.n; j++) if ((!mask || mask[j]) && observed[j] >= 0) start[item[j] + 1]++;
  for (let i = 0; i < nItems; i++) start[i + 1] += start[i];
  const next = start.slice(0, nItems),
    cell = new Int32Array(start[nItems]);
  for (let j = 0; j < ratings.n; j++)
    if ((!mask || mask[j]) && observed[j] >= 0) cell[next[item[j]]++] = (annotator[j] * K + observed[j]) * W;
  const s: EmState = {
    K,
    W,
    start,
    cell,
    T: new Float64Array(nItems * W),
    priors: new Float64Array(W),
    mass: new Float64Array(W),
    cf: new Float64Array(nAnn * K * W),
    sums: new Float64Array(nAnn * K * W),
    gold,
  };
  const { T, cf, sums, priors, mass } = s;
  let nLabelled = 0,
    nGold = 0;
  for (let i = 0; i < nItems; i++) {
    const a = start[i],
      e = start[i + 1];
    if (e === a) continue;
    nLabelled++;
    // the start: vote shares (crowd-kit's MajorityVote probabilities), one-hot on a gold item's category
    if (gold && gold[i] >= 0) {
      T[i * W + gold[i]] = 1;
      nGold++;
    } else for (let t = a; t < e; t++) T[i * W + ((cell[t] / W) % K)] += 1 / (e - a);
    for (let k = 0; k < K; k++) mass[k] += T[i * W + k];
    for (let t = a; t < e; t++) for (let k = 0; k < K; k++) sums[cell[t] + k] += T[i * W + k];
  }
  const mStep = () => {
    for (let k = 0; k < K; k++) priors[k] = nLabelled ? Math.max(mass[k] / nLabelled, FLOOR) : NaN;
    for (let a = 0; a < nAnn * K * W; a += K * W) {
      for (let k = 0; k < K; k++) {
        let den = 0;
        for (let l = 0; l < K; l++) den += sums[a + l * W + k];
        for (let l = 0; l < K; l++) cf[a + l * W + k] = den > 0 ? Math.max(sums[a + l * W + k] / den, FLOOR) : 1 / K;
      }
    }
    sums.fill(0);
    mass.fill(0);
  };
  mStep();

  const maxChange: number[] = [];
  let converged = false,
    genuine = true;
  const pass = (withLogLik: boolean) => {
    const { change, logLik } = dawidSkenePass(s, withLogLik);
    mStep();
    maxChange.push(change);
    if (genuine && change < tolerance) converged = true;
    genuine = true;
    return logLik;
  };
  const done = () => converged || maxChange.length >= maxIterations || nLabelled === 0;
  const P = cf.length + W,
    theta = [0, 1, 2, 3].map(() => new Float64Array(P)); // θ0, θ1, θ2, extrapolated
  const pack = (x: Float64Array) => (x.set(cf), x.set(priors, cf.length));
  const unpack = (x: Float64Array) => (cf.set(x.subarray(0, cf.length)), priors.set(x.subarray(cf.length)));
  let stepMax = 1,
    llBefore = -Infinity,
    extrapolated = false;
  while (!done()) {
    if (!accelerate) {
      pass(false);
      continue;
    }
    pack(theta[0]);
    const ll0 = pass(true);
    if (extrapolated && !converged && !(ll0 >= llBefore - 1)) {
      unpack(theta[2]); // the extrapolation lowered the likelihood: go on from the last plain EM point
      genuine = extrapolated = false;
      stepMax = Math.max(1, stepMax / 4);
      continue;
    }
    extrapolated = false;
    if (done()) break;
    pack(theta[1]);
    pass(false);
    if (done()) break;
    pack(theta[2]);
    const [t0, t1, t2, tx] = theta;
    let rr = 0,
      vv = 0;
    for (let x = 0; x < P; x++) {
      const r = t1[x] - t0[x],
        v = t2[x] - 2 * t1[x] + t0[x];
      rr += r * r;
      vv += v * v;
    }
    const alpha = Math.min(stepMax, Math.sqrt(rr / vv));
    if (alpha === stepMax) stepMax *= 4;
    if (!(alpha > 1)) continue; // the plain EM point θ2 is already in place
    for (let x = 0; x < P; x++)
      tx[x] = t0[x] + 2 * alpha * (t1[x] - t0[x]) + alpha * alpha * (t2[x] - 2 * t1[x] + t0[x]);
    project(tx, K, W, nAnn);
    unpack(tx);
    genuine = false;
    extrapolated = true;
    llBefore = ll0;
    pass(false);
  }

  const label = new Int32Array(nItems).fill(-1),
    confidence = new Float64Array(nItems).fill(NaN);
  const posterior = new Float64Array(nItems * K),
    top = new Float64Array(K),
    given = new Uint8Array(K);
  const fivePoint = ratings.scale === 'nominal' ? null : ratings.fivePoint;
  let outsideGiven = 0;
  for (let i = 0; i < nItems; i++) {
    if (start[i + 1] === start[i]) continue;
    if (gold && gold[i] >= 0) {
      for (let k = 0; k < K; k++) posterior[i * K + k] = T[i * W + k];
      label[i] = gold[i];
      confidence[i] = 1;
      continue;
    }
    let max = 0;
    for (let k = 0; k < K; k++) max = Math.max(max, (posterior[i * K + k] = T[i * W + k]));
    for (let k = 0; k < K; k++) top[k] = T[i * W + k] >= max - 1e-12 ? 1 : 0;
    const free = voteWinner(top, 0, K, fivePoint);
    given.fill(0);
    for (let t = start[i]; t < start[i + 1]; t++) given[(cell[t] / W) % K] = 1;
    if (given[free] || anyLabel) {
      label[i] = free;
      confidence[i] = max;
      continue;
    }
    // the argmax is a category nobody gave this item: the best given one, an exact tie to the lowest code
    outsideGiven++;
    let best = -1;
    for (let k = 0; k < K; k++) if (given[k] && (best < 0 || T[i * W + k] > T[i * W + best] + 1e-12)) best = k;
    label[i] = best;
    confidence[i] = T[i * W + best];
  }
  const confusion = new Float64Array(nAnn * K * K);
  for (let a = 0; a < nAnn; a++)
    for (let k = 0; k < K; k++) for (let l = 0; l < K; l++) confusion[(a * K + k) * K + l] = cf[(a * K + l) * W + k];
  return {
    label,
    posterior,
    confidence,
    confusion,
    priors: priors.slice(0, K),
    iterations: maxChange.length,
    converged,
    maxChange,
    nLabelled,
    unused: [],
    outsideGiven,
    nGold,
  };
}

/** Back into the parameter space: entries clamped to [1e-12, 1], each confusion row and the priors renormalised. */
function project(x: Float64Array, K: number, W: number, nAnn: number) {
  const clamp = (i: number) => (x[i] = Math.min(1, Math.max(FLOOR, x[i])));
  for (let a = 0; a < nAnn * K * W; a += K * W) {
    for (let k = 0; k < K; k++) {
      let sum = 0;
      for (let l = 0; l < K; l++) sum += clamp(a + l * W + k);
      for (let l = 0; l < K; l++) x[a + l * W + k] /= sum;
    }
  }
  const off = nAnn * K * W;
  let sum = 0;
  for (let k = 0; k < K; k++) sum += clamp(off + k);
  for (let k = 0; k < K; k++) x[off + k] /= sum;
}
