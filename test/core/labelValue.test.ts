// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { dawidSkene } from '../../src/core/dawidSkene';
import { labelValue } from '../../src/core/labelValue';
import { rng, type Rng } from '../../src/core/rng';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { closeTo } from '../helpers/closeTo';

const H = (p: ArrayLike<number>) => Array.from(p).reduce((h, q) => (q > 0 ? h - q * Math.log2(q) : h), 0);
const symmetric = (K: number, acc: number) =>
  Float64Array.from({ length: K * K }, (_, x) => (Math.floor(x / K) === x % K ? acc : (1 - acc) / (K - 1)));

/** A random probability vector of length K, sometimes with exact zeros. */
function simplex(random: Rng, K: number, zeros = true): number[] {
  const v = Array.from({ length: K }, (): number => (zeros && random() < 0.15 ? 0 : -Math.log(1 - random())));
  if (!v.some((x) => x > 0)) v[0] = 1;
  const s = v.reduce((a, b) => a + b, 0);
  return v.map((x) => x / s);
}

/** I(T; L) from the joint table p(t, l) = π(t) C[t][l]: Σ p log2 p / (p(t) p(l)). */
function mutualInformation(pi: number[], C: number[][]): number {
  const K = pi.length;
  const pl = Array.from({ length: K }, (_, l) => pi.reduce((s, p, t) => s + p * C[t][l], 0));
  let mi = 0;
  for (let t = 0; t < K; t++) {
    for (let l = 0; l < K; l++) {
      const p = pi[t] * C[t][l];
      if (p > 0) mi += p * Math.log2(p / (pi[t] * pl[l]));
    }
  }
  return mi;
}

/** Σ_l P(l) max_t π'_l(t) − max π, with π'_l computed by Bayes for each possible next label. */
function accuracyGainByEnumeration(pi: number[], C: number[][]): number {
  const K = pi.length;
  let after = 0;
  for (let l = 0; l < K; l++) {
    const joint = pi.map((p, t) => p * C[t][l]);
    const pl = joint.reduce((a, b) => a + b, 0);
    if (pl === 0) continue;
    after += pl * Math.max(...joint.map((j) => j / pl));
  }
  return after - Math.max(...pi);
}

describe('labelValue: hand cases', () => {
  it('labelValue(uniform binary, symmetric annotator of accuracy 0.8) gives 1 − H2(0.8) bits and +0.3 accuracy', () => {
    const v = labelValue(Float64Array.of(0.5, 0.5), 2, symmetric(2, 0.8));
    closeTo(v.entropy[0], 1, 1e-15);
    closeTo(v.gain[0], 1 - H([0.8, 0.2]), 1e-12);
    closeTo(v.gain[0], 0.2780719051126377, 1e-12);
    closeTo(v.accuracy[0], 0.5, 1e-15);
    closeTo(v.accuracyGain[0], 0.3, 1e-12);
  });

  it('labelValue(certain posterior) gives 0 entropy, 0 gain, accuracy 1, no accuracy gain', () => {
    const v = labelValue(Float64Array.of(0, 1, 0), 3, symmetric(3, 0.7));
    expect([v.entropy[0], v.gain[0], v.accuracy[0], v.accuracyGain[0]]).toEqual([0, 0, 1, 0]);
  });

  it('labelValue(uninformative annotator: all rows equal) gives 0 gain and no accuracy gain', () => {
    const row = [0.2, 0.5, 0.3];
    const C = Float64Array.from([...row, ...row, ...row]);
    const v = labelValue(Float64Array.of(0.3, 0.3, 0.4, 0.6, 0.1, 0.3), 3, C);
    for (let i = 0; i < 2; i++) {
      closeTo(v.gain[i], 0, 1e-15);
      closeTo(v.accuracyGain[i], 0, 1e-15);
    }
    closeTo(v.entropy[0], H([0.3, 0.3, 0.4]), 1e-15);
  });

  it('labelValue(…, perfect annotator) gains the whole entropy and all the missing accuracy', () => {
    const pi = [0.2, 0.5, 0.3];
    const v = labelValue(Float64Array.from(pi), 3, symmetric(3, 1));
    closeTo(v.gain[0], H(pi), 1e-12);
    expect(v.gain[0]).toBeLessThanOrEqual(v.entropy[0]);
    closeTo(v.accuracyGain[0], 0.5, 1e-12);
  });

  it('labelValue: unlabelled rows and excluded items are NaN in all four; rows and confusion rows are normalised', () => {
    const v = labelValue(Float64Array.of(0, 0, 1, 1, 3, 1), 2, Float64Array.of(8, 2, 2, 8), {
      exclude: Uint8Array.of(0, 0, 1),
    });
    for (const x of [v.entropy, v.gain, v.accuracy, v.accuracyGain]) {
      expect(Number.isNaN(x[0])).toBe(true);
      expect(Number.isNaN(x[2])).toBe(true);
    }
    closeTo(v.gain[1], 1 - H([0.8, 0.2]), 1e-12);
    expect(labelValue(new Float64Array(0), 2, symmetric(2, 0.9)).gain).toHaveLength(0);
  });

  it('labelValue with K < 2 or a confusion of the wrong shape throws', () => {
    expect(() => labelValue(Float64Array.of(1), 1, Float64Array.of(1))).toThrow(/K/);
    expect(() => labelValue(Float64Array.of(0.5, 0.5), 2, new Float64Array(3))).toThrow(/confusion/);
    expect(() => labelValue(Float64Array.of(0.5, 0.5, 0.1), 2, symmetric(2, 0.8))).toThrow(/multiple/);
    expect(() => labelValue(Float64Array.of(0.5, 0.5), 2, Float64Array.of(0, 0, 0.5, 0.5))).toThrow(/mass/);
    expect(() => labelValue(Float64Array.of(0.5, 0.5), 2, Float64Array.of(-0.1, 1.1, 0.5, 0.5))).toThrow(/entry/);
  });
});

describe('labelValue: brute force and properties (seeded, K = 2…5)', () => {
  it('labelValue(random π, random C): gain = I(T; L) from the joint table, accuracyGain by enumeration, 0 ≤ gain ≤ min(H(π), H(L))', () => {
    const random = rng(20240611);
    let checked = 0;
    for (let rep = 0; rep < 400; rep++) {
      const K = 2 + (rep % 4),
        n = 5;
      const pis = Array.from({ length: n }, () => simplex(random, K));
      const C = Array.from({ length: K }, () => simplex(random, K, rep % 3 === 0));
      const v = labelValue(Float64Array.from(pis.flat()), K, Float64Array.from(C.flat()));
      pis.forEach((pi, i) => {
        closeTo(v.entropy[i], H(pi), 1e-12);
        closeTo(v.gain[i], mutualInformation(pi, C), 1e-12);
        closeTo(v.accuracy[i], Math.max(...pi), 1e-15);
        closeTo(v.accuracyGain[i], accuracyGainByEnumeration(pi, C), 1e-12);
        // the definition's own form: H(π) − Σ_l P(l) H(π'_l)
        let expected = 0;
        for (let l = 0; l < K; l++) {
          const joint = pi.map((p, t) => p * C[t][l]);
          const pl = joint.reduce((a, b) => a + b, 0);
          if (pl > 0) expected += pl * H(joint.map((j) => j / pl));
        }
        closeTo(v.gain[i], H(pi) - expected, 1e-12);
        const pL = Array.from({ length: K }, (_, l) => pi.reduce((s, p, t) => s + p * C[t][l], 0));
        expect(v.gain[i]).toBeGreaterThanOrEqual(0);
        expect(v.gain[i]).toBeLessThanOrEqual(v.entropy[i]);
        expect(v.gain[i]).toBeLessThanOrEqual(H(pL) + 1e-12);
        expect(v.accuracyGain[i]).toBeGreaterThanOrEqual(0);
        expect(v.accuracyGain[i]).toBeLessThanOrEqual(1 - v.accuracy[i] + 1e-12);
        checked++;
      });
    }
    expect(checked).toBe(2000);
  });

  it("labelValue(dawidSkene posterior, an annotator's confusion) = H(π) − E[H(π after appending the label to the ratings)] by Bayes with the fitted parameters", () => {
    const random = rng(7);
    for (const K of [2, 3, 4]) {
      const triples: [string, string, number][] = [];
      for (let i = 0; i < 12; i++) {
        const t = Math.floor(random() * K);
        for (let a = 0; a < 4; a++)
          if (random() < 0.7) triples.push([`i${i}`, `a${a}`, random() < 0.75 ? t : Math.floor(random() * K)]);
      }
      const r = ratingsFromTriples(triples, { categories: Array.from({ length: K }, (_, k) => k) });
      const ds = dawidSkene(r);
      /** π(t) ∝ prior(t) Π over the item's judgements confusion[a][t][l], recomputed from the triples */
      const bayes = (ts: [string, string, number][], item: string) => {
        const w = Array.from(ds.priors);
        for (const [it, an, l] of ts) {
          if (it !== item) continue;
          const a = r.annotators.indexOf(an);
          for (let t = 0; t < K; t++) w[t] *= ds.confusion[(a * K + t) * K + l];
        }
        const s = w.reduce((x, y) => x + y, 0);
        return w.map((x) => x / s);
      };
      for (const item of r.items) {
        const pi = bayes(triples, item);
        const i = r.items.indexOf(item);
        pi.forEach((p, t) => closeTo(p, ds.posterior[i * K + t], 1e-4)); // DS's own posterior (converged to 1e-6)
        for (let a = 0; a < r.annotators.length; a++) {
          const C = ds.confusion.slice(a * K * K, (a + 1) * K * K);
          let expected = 0;
          for (let l = 0; l < K; l++) {
            const predictive = pi.reduce((s, p, t) => s + p * C[t * K + l], 0);
            expected += predictive * H(bayes([...triples, [item, r.annotators[a], l]], item));
          }
          const v = labelValue(Float64Array.from(pi), K, C);
          closeTo(v.gain[0], H(pi) - expected, 1e-9);
        }
      }
    }
  });
});
