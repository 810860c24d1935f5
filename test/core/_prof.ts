import { syntheticRatings } from '/work/main/test/core/dawidSkene.timing.ts';
import { dawidSkene } from '/work/main/src/core/dawidSkene';

import { majorityVote } from '/work/main/src/core/majorityVote';
const r = syntheticRatings(7, 1_000_000, 3, 200, 5);
for (let rep = 0; rep < 3; rep++) {

let t0 = performance.now(); dawidSkene(r, null, {maxIterations: 0}); console.log('ds0', performance.now() - t0);
t0 = performance.now(); dawidSkene(r, null, {maxIterations: 1}); console.log('ds1', performance.now() - t0);
t0 = performance.now(); majorityVote(r, null); console.log('mv', performance.now() - t0);
}
