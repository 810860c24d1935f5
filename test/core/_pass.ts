// scratch: generic vs unrolled pass
export function passGeneric(K: number, nItems: number, start: Int32Array, cell: Int32Array, cf: Float64Array, priors: Float64Array, T: Float64Array, sums: Float64Array, mass: Float64Array, p: Float64Array): number {
  let change = 0;
  for (let i = 0; i < nItems; i++) {
    const s = start[i], e = start[i + 1], off = i * K;
    if (e === s) continue;
    for (let k = 0; k < K; k++) p[k] = priors[k];
    for (let t = s; t < e; t++) {
      const b = cell[t];
      let sum = 0;
      for (let k = 0; k < K; k++) sum += p[k] *= cf[b + k];
      if (sum < 1e-180) for (let k = 0; k < K; k++) p[k] *= 1e180;
    }
    let sum = 0;
    for (let k = 0; k < K; k++) sum += p[k];
    const inv = 1 / sum;
    for (let k = 0; k < K; k++) {
      const q = p[k] * inv, d = Math.abs(q - T[off + k]);
      if (d > change) change = d;
      T[off + k] = q;
      mass[k] += q;
    }
    for (let t = s; t < e; t++) {
      const b = cell[t];
      for (let k = 0; k < K; k++) sums[b + k] += T[off + k];
    }
  }
  return change;
}
export function pass5(K: number, nItems: number, start: Int32Array, cell: Int32Array, cf: Float64Array, priors: Float64Array, T: Float64Array, sums: Float64Array, mass: Float64Array): number {
  let change = 0;
  let m0 = 0, m1 = 0, m2 = 0, m3 = 0, m4 = 0;
  for (let i = 0; i < nItems; i++) {
    const s = start[i], e = start[i + 1], off = i * 5;
    if (e === s) continue;
    let p0 = priors[0], p1 = priors[1], p2 = priors[2], p3 = priors[3], p4 = priors[4];
    for (let t = s; t < e; t++) {
      const b = cell[t];
      p0 *= cf[b]; p1 *= cf[b + 1]; p2 *= cf[b + 2]; p3 *= cf[b + 3]; p4 *= cf[b + 4];
      if (p0 + p1 + p2 + p3 + p4 < 1e-180) { p0 *= 1e180; p1 *= 1e180; p2 *= 1e180; p3 *= 1e180; p4 *= 1e180; }
    }
    const inv = 1 / (p0 + p1 + p2 + p3 + p4);
    p0 *= inv; p1 *= inv; p2 *= inv; p3 *= inv; p4 *= inv;
    change = Math.max(change, Math.abs(p0 - T[off]), Math.abs(p1 - T[off + 1]), Math.abs(p2 - T[off + 2]), Math.abs(p3 - T[off + 3]), Math.abs(p4 - T[off + 4]));
    T[off] = p0; T[off + 1] = p1; T[off + 2] = p2; T[off + 3] = p3; T[off + 4] = p4;
    m0 += p0; m1 += p1; m2 += p2; m3 += p3; m4 += p4;
    for (let t = s; t < e; t++) {
      const b = cell[t];
      sums[b] += p0; sums[b + 1] += p1; sums[b + 2] += p2; sums[b + 3] += p3; sums[b + 4] += p4;
    }
  }
  mass[0] += m0; mass[1] += m1; mass[2] += m2; mass[3] += m3; mass[4] += m4;
  return change + K * 0;
}
