/**
 * The working arrays of `dawidSkene`. W = the padded class width (5 when K <= 5, so that one unrolled
 * loop serves every preference scale; padded classes have prior 0 and stay at posterior 0).
 * `cell[t]` = (annotator * K + observed) * W for judgement t in item order; `cf[cell[t] + k]` =
 * P(observed | true k); `sums` has the layout of `cf`; `T` is nItems × W. `gold` (optional, per item: a known
 * class or -1): a gold item's row of `T` is one-hot on its class and the pass leaves it so.
 */
export interface EmState {
  K: number;
  W: number;
  start: Int32Array;
  cell: Int32Array;
  cf: Float64Array;
  priors: Float64Array;
  T: Float64Array;
  sums: Float64Array;
  mass: Float64Array;
  gold?: Int32Array | null;
}

const TINY = 1e-180,
  HUGE = 1e180,
  LOG_HUGE = Math.log(HUGE);

/**
 * One fused EM pass of Dawid-Skene in probability space: per item the E-step (prior × Π confusion entries,
 * rescaled by 1e180 whenever the running sum drops below 1e-180), the largest change of the item's
 * posterior, and the sums of the next M-step (`sums`, `mass`; the caller zeroes them). Returns the largest
 * posterior change and, when `withLogLik`, the log-likelihood Σ_i log Σ_k prior_k Π confusion (else 0).
 * A gold item (`s.gold[i]` = g >= 0) keeps its one-hot row: it adds 1 to the sums of class g, no change, and
 * log(prior_g Π confusion_g) to the log-likelihood (the joint likelihood of its labels and its known class).
 */
export function dawidSkenePass(s: EmState, withLogLik: boolean): { change: number; logLik: number } {
  return s.W === 5 ? pass5(s, withLogLik) : passAny(s, withLogLik);
}

function pass5({ start, cell, cf, priors, T, sums, mass, gold = null }: EmState, withLogLik: boolean) {
  const nItems = start.length - 1;
  let change = 0,
    logLik = 0,
    m0 = 0,
    m1 = 0,
    m2 = 0,
    m3 = 0,
    m4 = 0;
  for (let i = 0; i < nItems; i++) {
    const s = start[i],
      e = start[i + 1],
      off = i * 5;
    if (e === s) continue;
    if (gold !== null && gold[i] >= 0) {
      logLik += fixedRow(gold[i], s, e, cell, cf, priors, sums, mass, withLogLik);
      continue;
    }
    let p0 = priors[0],
      p1 = priors[1],
      p2 = priors[2],
      p3 = priors[3],
      p4 = priors[4],
      scaled = 0;
    for (let t = s; t < e; t++) {
      const b = cell[t];
      p0 *= cf[b];
      p1 *= cf[b + 1];
      p2 *= cf[b + 2];
      p3 *= cf[b + 3];
      p4 *= cf[b + 4];
      if (p0 + p1 + p2 + p3 + p4 < TINY) {
        p0 *= HUGE;
        p1 *= HUGE;
        p2 *= HUGE;
        p3 *= HUGE;
        p4 *= HUGE;
        scaled++;
      }
    }
    const sum = p0 + p1 + p2 + p3 + p4,
      inv = 1 / sum;
    if (withLogLik) logLik += Math.log(sum) - scaled * LOG_HUGE;
    p0 *= inv;
    p1 *= inv;
    p2 *= inv;
    p3 *= inv;
    p4 *= inv;
    const d = Math.max(
      Math.abs(p0 - T[off]),
      Math.abs(p1 - T[off + 1]),
      Math.abs(p2 - T[off + 2]),
      Math.abs(p3 - T[off + 3]),
      Math.abs(p4 - T[off + 4]),
    );
    if (d > change) change = d;
    T[off] = p0;
    T[off + 1] = p1;
    T[off + 2] = p2;
    T[off + 3] = p3;
    T[off + 4] = p4;
    m0 += p0;
    m1 += p1;
    m2 += p2;
    m3 += p3;
    m4 += p4;
    for (let t = s; t < e; t++) {
      const b = cell[t];
      sums[b] += p0;
      sums[b + 1] += p1;
      sums[b + 2] += p2;
      sums[b + 3] += p3;
      sums[b + 4] += p4;
    }
  }
  mass[0] += m0;
  mass[1] += m1;
  mass[2] += m2;
  mass[3] += m3;
  mass[4] += m4;
  return { change, logLik };
}

function passAny({ W, start, cell, cf, priors, T, sums, mass, gold = null }: EmState, withLogLik: boolean) {
  const nItems = start.length - 1,
    p = new Float64Array(W);
  let change = 0,
    logLik = 0;
  for (let i = 0; i < nItems; i++) {
    const s = start[i],
      e = start[i + 1],
      off = i * W;
    if (e === s) continue;
    if (gold !== null && gold[i] >= 0) {
      logLik += fixedRow(gold[i], s, e, cell, cf, priors, sums, mass, withLogLik);
      continue;
    }
    let scaled = 0,
      sum: number;
    for (let k = 0; k < W; k++) p[k] = priors[k];
    for (let t = s; t < e; t++) {
      const b = cell[t];
      sum = 0;
      for (let k = 0; k < W; k++) sum += p[k] *= cf[b + k];
      if (sum < TINY) {
        for (let k = 0; k < W; k++) p[k] *= HUGE;
        scaled++;
      }
    }
    sum = 0;
    for (let k = 0; k < W; k++) sum += p[k];
    if (withLogLik) logLik += Math.log(sum) - scaled * LOG_HUGE;
    for (let k = 0; k < W; k++) {
      const q = p[k] / sum,
        d = Math.abs(q - T[off + k]);
      if (d > change) change = d;
      T[off + k] = q;
      mass[k] += q;
    }
    for (let t = s; t < e; t++) {
      const b = cell[t];
      for (let k = 0; k < W; k++) sums[b + k] += T[off + k];
    }
  }
  return { change, logLik };
}

/** A gold item of class g: its (one-hot) posterior into the M-step sums; its log-likelihood term when asked, else 0. */
function fixedRow(
  g: number,
  s: number,
  e: number,
  cell: Int32Array,
  cf: Float64Array,
  priors: Float64Array,
  sums: Float64Array,
  mass: Float64Array,
  withLogLik: boolean,
) {
  mass[g] += 1;
  let logLik = withLogLik ? Math.log(priors[g]) : 0;
  for (let t = s; t < e; t++) {
    sums[cell[t] + g] += 1;
    if (withLogLik) logLik += Math.log(cf[cell[t] + g]);
  }
  return logLik;
}
