import { syntheticRatings } from './dawidSkene.timing';
const r = syntheticRatings(7, 1_000_000, 3, 200, 5);
const K = 5, nItems = r.items.length, mask = null as Uint8Array | null;
for (let rep = 0; rep < 4; rep++) {
  let t0 = performance.now();
  const { item, annotator, label: observed } = r;
  const start = new Int32Array(nItems + 1);
  for (let j = 0; j < r.n; j++) if ((!mask || mask[j]) && observed[j] >= 0) start[item[j] + 1]++;
  for (let i = 0; i < nItems; i++) start[i + 1] += start[i];
  const t1 = performance.now();
  const next = start.slice(0, nItems), cell = new Int32Array(start[nItems]);
  const T = new Float64Array(nItems * K);
  const t2 = performance.now();
  for (let j = 0; j < r.n; j++) {
    if ((mask && !mask[j]) || observed[j] < 0) continue;
    const i = item[j];
    cell[next[i]++] = (annotator[j] * K + observed[j]) * K;
  }
  const t3 = performance.now();
  for (let i = 0; i < nItems; i++) for (let t = start[i]; t < start[i + 1]; t++) T[i * K + ((cell[t] / K) % K)]++;
  console.log('init', (performance.now() - t3).toFixed(0));
  console.log(`count ${(t1 - t0).toFixed(0)} alloc ${(t2 - t1).toFixed(0)} scatter ${(t3 - t2).toFixed(0)}`);
}
