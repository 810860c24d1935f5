import { syntheticRatings } from './dawidSkene.timing';
import { dawidSkene } from '../../src/core/dawidSkene';
const r = syntheticRatings(7, 1_000_000, 3, 200, 5);
let last = 0; const laps: string[] = [];
(globalThis as any).lap = (n: string) => { const t = performance.now(); if (n !== 'start') laps.push(`${n} ${(t - last).toFixed(0)}`); last = t; };
for (let rep = 0; rep < 4; rep++) {
    laps.length = 0;
    const t0 = performance.now();
    dawidSkene(r, null, { maxIterations: 0 });
    console.log((performance.now() - t0).toFixed(0), laps.join(', '));
}
