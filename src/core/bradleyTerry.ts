import { winMatrix, type WinMatrix } from './winMatrix';

export interface BradleyTerry {
  /** per model: the fitted strength p_i, summing to 1 over the fitted models; NaN for a model not fitted */
  strength: Float64Array;
  /**
   * per model: an Elo-like rating 400 · log10(p_i), shifted so that its mean over the `finite` models is 0
   * (a 400-point gap = 10 : 1 odds of winning, 0 = the average finite model); NaN when not `finite`
   */
  rating: Float64Array;
  /** per model: 1 when its strength has a finite maximum-likelihood estimate (it lies in the `main` component) */
  finite: Uint8Array;
  /**
   * per model: its strongly connected component of the "scored against" graph (edge i → j when i beat or tied
   * j at least once), numbered by smallest model code; -1 for a model without comparisons
   */
  component: Int32Array;
  /** the component whose models get finite ratings (most models, then most comparisons, then lowest number); -1 when no component has 2 models */
  main: number;
  /** models fitted (the main component, or with `fit: 'all'` every model with comparisons) */
  nFitted: number;
  iterations: number;
  /** the last iteration changed no fitted strength by more than `tolerance` relative to its value */
  converged: boolean;
  /** the counts the fit used (all comparisons) */
  counts: WinMatrix;
}

export interface BradleyTerryOptions {
  maxIterations?: number;
  tolerance?: number;
  /** how often each comparison counts (default 1) */
  weight?: ArrayLike<number> | null;
  /**
   * `component` (default): fit only the comparisons inside the main component, whose MLE exists; `all`: iterate
   * on every comparison (crowd-kit's `BradleyTerry`), where models outside it drift to 0 or to all the mass
   */
  fit?: 'component' | 'all';
}

/**
 * Bradley–Terry strengths (P(i beats j) = p_i / (p_i + p_j)) by Hunter's (2004) MM algorithm, as crowd-kit's
 * `BradleyTerry` (tested against crowd-kit `tests/aggregation/test_bt_aggregation.py`, github.com/Toloka/crowd-kit
 * @35f0661): from a uniform start, every iteration sets p_i ← W_i / Σ_j n_ij / (p_i + p_j)
 * for all models at once and renormalises to sum 1, with W_i = wins + ties / 2 (a tie is half a win for each
 * side) and n_ij the comparisons between i and j; comparison k is `a[k]` against `b[k]` with `outcome[k]` the
 * score of a (1, 0.5, 0).
 *
 * The MLE is finite only when the graph "i scored against j" is strongly connected (Hunter 2004, Assumption 1;
 * Ford 1957): a model that never loses (never wins) has strength +∞ (0) relative to the rest, and so does a
 * group that beats every model outside it. Within each strongly connected component the limit of the MLE is
 * the MLE on the component's own comparisons, so the default fit uses the main component only and flags
 * every other model as not `finite` (NaN strength and rating) instead of returning an extreme.
 * Degenerate: no component with 2 models → nothing fitted, all NaN, `converged` false.
 */
export function bradleyTerry(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  outcome: ArrayLike<number>,
  nModels: number,
  { maxIterations = 1000, tolerance = 1e-10, weight = null, fit = 'component' }: BradleyTerryOptions = {},
): BradleyTerry {
  if (fit !== 'component' && fit !== 'all') throw new Error(`invalid fit: "${fit}"`);
  const M = nModels;
  const counts = winMatrix(a, b, outcome, M, { weight });
  const { component, main } = components(counts);
  const inFit = new Uint8Array(M);
  for (let i = 0; i < M; i++)
    inFit[i] = (fit === 'all' ? component[i] >= 0 : component[i] === main && main >= 0) ? 1 : 0;
  const fitted: number[] = [];
  for (let i = 0; i < M; i++) if (inFit[i]) fitted.push(i);

  // the pairs inside the fitted set and each model's score W_i against fitted opponents only
  const pi: number[] = [],
    pj: number[] = [],
    pn: number[] = [];
  const W = new Float64Array(M);
  for (const i of fitted)
    for (const j of fitted) {
      const ij = i * M + j;
      if (counts.comparisons[ij] === 0) continue;
      W[i] += counts.wins[ij] + counts.ties[ij] / 2;
      if (i < j) {
        pi.push(i);
        pj.push(j);
        pn.push(counts.comparisons[ij]);
      }
    }

  const strength = new Float64Array(M).fill(NaN);
  let iterations = 0;
  let converged = false;
  if (fitted.length >= 2) {
    const p = new Float64Array(M);
    const next = new Float64Array(M);
    const d = new Float64Array(M);
    for (const i of fitted) p[i] = 1 / fitted.length;
    while (iterations < maxIterations) {
      d.fill(0);
      for (let e = 0; e < pn.length; e++) {
        const x = pn[e] / (p[pi[e]] + p[pj[e]]);
        d[pi[e]] += x;
        d[pj[e]] += x;
      }
      let sum = 0;
      for (const i of fitted) sum += next[i] = W[i] === 0 ? 0 : W[i] / d[i];
      let change = 0;
      for (const i of fitted) {
        next[i] /= sum;
        const c = next[i] === p[i] ? 0 : Math.abs(next[i] - p[i]) / next[i];
        if (!(c <= change)) change = c;
        p[i] = next[i];
      }
      iterations++;
      if (change <= tolerance) {
        converged = true;
        break;
      }
    }
    for (const i of fitted) strength[i] = p[i];
  }

  const finite = new Uint8Array(M);
  const rating = new Float64Array(M).fill(NaN);
  let mean = 0,
    nFinite = 0;
  for (let i = 0; i < M; i++)
    if (main >= 0 && component[i] === main && strength[i] > 0) {
      finite[i] = 1;
      rating[i] = 400 * Math.log10(strength[i]);
      mean += rating[i];
      nFinite++;
    }
  for (let i = 0; i < M; i++) if (finite[i]) rating[i] -= mean / nFinite;
  return { strength, rating, finite, component, main, nFitted: fitted.length, iterations, converged, counts };
}

/**
 * Strongly connected components of "i scored against j" (Tarjan 1972, iterative), renumbered by smallest
 * model code, and the main one. Exported so that the models with ties (`davidson`, `raoKupper`, `elo`,
 * `bradleyTerryPosition`, through `componentPairs`) fit the same component.
 */
export function components(counts: WinMatrix): { component: Int32Array; main: number } {
  const M = counts.nModels;
  const { wins, ties, comparisons } = counts;
  const edge = (i: number, j: number) => wins[i * M + j] + ties[i * M + j] > 0;
  const index = new Int32Array(M).fill(-1);
  const low = new Int32Array(M);
  const onStack = new Uint8Array(M);
  const stack: number[] = [];
  const raw = new Int32Array(M).fill(-1);
  let counter = 0,
    nRaw = 0;
  const callNode: number[] = [],
    callNext: number[] = [];
  for (let s = 0; s < M; s++) {
    if (index[s] >= 0 || counts.total.comparisons[s] === 0) continue;
    callNode.push(s);
    callNext.push(0);
    index[s] = low[s] = counter++;
    stack.push(s);
    onStack[s] = 1;
    while (callNode.length) {
      const top = callNode.length - 1;
      const v = callNode[top];
      let j = callNext[top];
      while (j < M && !(edge(v, j) && (index[j] < 0 || onStack[j]))) j++;
      if (j < M) {
        callNext[top] = j + 1;
        if (index[j] < 0) {
          index[j] = low[j] = counter++;
          stack.push(j);
          onStack[j] = 1;
          callNode.push(j);
          callNext.push(0);
        } else low[v] = Math.min(low[v], index[j]);
        continue;
      }
      callNode.pop();
      callNext.pop();
      if (callNode.length) {
        const u = callNode[callNode.length - 1];
        low[u] = Math.min(low[u], low[v]);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          raw[w] = nRaw;
        } while (w !== v);
        nRaw++;
      }
    }
  }
  // renumber by smallest model code; size and internal comparisons per component
  const renumber = new Int32Array(nRaw).fill(-1);
  const component = new Int32Array(M).fill(-1);
  let nComp = 0;
  for (let i = 0; i < M; i++) {
    if (raw[i] < 0) continue;
    if (renumber[raw[i]] < 0) renumber[raw[i]] = nComp++;
    component[i] = renumber[raw[i]];
  }
  const size = new Float64Array(nComp);
  const inside = new Float64Array(nComp);
  for (let i = 0; i < M; i++) {
    if (component[i] < 0) continue;
    size[component[i]]++;
    for (let j = i + 1; j < M; j++) if (component[j] === component[i]) inside[component[i]] += comparisons[i * M + j];
  }
  let main = -1;
  for (let c = 0; c < nComp; c++)
    if (size[c] >= 2 && (main < 0 || size[c] > size[main] || (size[c] === size[main] && inside[c] > inside[main])))
      main = c;
  return { component, main };
}
