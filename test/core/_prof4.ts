import { syntheticRatings } from './dawidSkene.timing';
import { passGeneric, pass5 } from './_pass';
const r = syntheticRatings(7, 1_000_000, 3, 200, 5);
const K = 5, nItems = 1_000_000, nAnn = 200;
const start = new Int32Array(nItems + 1);
for (let j = 0; j < r.n; j++) start[r.item[j] + 1]++;
for (let i = 0; i < nItems; i++) start[i + 1] += start[i];
const next = start.slice(0, nItems), cell = new Int32Array(r.n);
for (let j = 0; j < r.n; j++) cell[next[r.item[j]]++] = (r.annotator[j] * K + r.label[j]) * K;
const cf = new Float64Array(nAnn * 25).map((_, x) => (x % 5 === Math.floor(x / 5) % 5 ? 0.7 : 0.075));
const priors = new Float64Array(5).fill(0.2);
const T = new Float64Array(nItems * 5), sums = new Float64Array(nAnn * 25), mass = new Float64Array(5), p = new Float64Array(5);
for (let rep = 0; rep < 6; rep++) {
  let t0 = performance.now();
  for (let it = 0; it < 5; it++) passGeneric(K, nItems, start, cell, cf, priors, T, sums, mass, p);
  const g = (performance.now() - t0) / 5;
  t0 = performance.now();
  for (let it = 0; it < 5; it++) pass5(K, nItems, start, cell, cf, priors, T, sums, mass);
  console.log(`generic ${g.toFixed(1)} ms/pass, unrolled ${((performance.now() - t0) / 5).toFixed(1)} ms/pass`);
}
