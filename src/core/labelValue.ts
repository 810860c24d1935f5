export interface LabelValue {
  /** per item: H(π_i) in bits */
  entropy: Float64Array;
  /** per item: expected information gain of one more label, in bits (the mutual information of that label and the true class) */
  gain: Float64Array;
  /** per item: max_t π_i(t), the expected accuracy of the argmax label */
  accuracy: Float64Array;
  /** per item: the expected rise of that accuracy after one more label (>= 0) */
  accuracyGain: Float64Array;
}

/**
 * The value of one more label per item under a Dawid–Skene model ("expected information gain", Lindley
 * 1956): with the class posterior π_i (nItems × K, row-major, as `dawidSkene`'s `posterior`) and the next
 * annotator's confusion C (K × K, C[t·K + l] = P(next label l | true class t)),
 *   P_i(l) = Σ_t π_i(t) C[t][l],   π'_{i,l}(t) = π_i(t) C[t][l] / P_i(l),
 *   gain_i = H(π_i) − Σ_l P_i(l) H(π'_{i,l}) = I(T; L) = H(P_i) − Σ_t π_i(t) H(C[t]),
 * the mutual information of the next label and the true class, in bits (computed in the last form: 2K
 * logarithms an item, 0 · log 0 = 0); rounding is clamped to 0 ≤ gain ≤ H(π_i) (and H ≥ 0).
 * `accuracy` = max_t π_i(t), `accuracyGain` = Σ_l P_i(l) max_t π'_{i,l}(t) − max_t π_i(t)
 * = Σ_l max_t π_i(t) C[t][l] − max_t π_i(t) (>= 0, negatives from rounding clamped).
 * Posterior rows are read divided by their sum, confusion rows too (1M items, K = 5: ~0.2 s).
 * Degenerate: a row summing to 0 (an unlabelled item) or with `exclude[i] = 1` → NaN in all four.
 * Programmer errors throw: K < 2, a posterior length not a multiple of K, a confusion not K × K or with a
 * negative / non-finite entry or a row without mass.
 */
export function labelValue(
  posterior: Float64Array,
  K: number,
  confusion: Float64Array,
  { exclude = null }: { exclude?: Uint8Array | null } = {},
): LabelValue {
  if (!Number.isInteger(K) || K < 2) throw new Error(`invalid K: ${K}`);
  if (posterior.length % K !== 0) throw new Error(`posterior length ${posterior.length} is not a multiple of K = ${K}`);
  if (confusion.length !== K * K) throw new Error(`confusion length ${confusion.length}, expected K × K = ${K * K}`);
  const n = posterior.length / K;
  if (exclude && exclude.length !== n) throw new Error(`exclude length ${exclude.length}, expected ${n}`);
  const C = new Float64Array(K * K),
    rowEntropy = new Float64Array(K);
  for (let t = 0; t < K; t++) {
    let sum = 0;
    for (let l = 0; l < K; l++) {
      const c = confusion[t * K + l];
      if (!(c >= 0 && c < Infinity)) throw new Error(`invalid confusion entry: ${c}`);
      sum += c;
    }
    if (!(sum > 0)) throw new Error(`confusion row ${t} has no mass`);
    for (let l = 0; l < K; l++) {
      const c = (C[t * K + l] = confusion[t * K + l] / sum);
      if (c > 0) rowEntropy[t] -= c * Math.log2(c);
    }
  }
  const entropy = new Float64Array(n),
    gain = new Float64Array(n),
    accuracy = new Float64Array(n),
    accuracyGain = new Float64Array(n);
  const p = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    const o = i * K;
    let sum = 0;
    for (let t = 0; t < K; t++) sum += posterior[o + t];
    if (!(sum > 0 && sum < Infinity) || (exclude && exclude[i])) {
      entropy[i] = gain[i] = accuracy[i] = accuracyGain[i] = NaN;
      continue;
    }
    let h = 0,
      top = 0,
      mi = 0,
      after = 0;
    for (let t = 0; t < K; t++) {
      const q = (p[t] = posterior[o + t] / sum);
      if (q > 0) h -= q * Math.log2(q);
      if (q > top) top = q;
      mi -= q * rowEntropy[t]; // − H(L | T)
    }
    for (let l = 0; l < K; l++) {
      let pl = 0,
        best = 0;
      for (let t = 0; t < K; t++) {
        const joint = p[t] * C[t * K + l];
        pl += joint;
        if (joint > best) best = joint;
      }
      after += best;
      if (pl > 0) mi -= pl * Math.log2(pl); // + H(L)
    }
    entropy[i] = h = Math.max(0, h);
    gain[i] = Math.min(h, Math.max(0, mi));
    accuracy[i] = top;
    accuracyGain[i] = Math.max(0, after - top);
  }
  return { entropy, gain, accuracy, accuracyGain };
}
