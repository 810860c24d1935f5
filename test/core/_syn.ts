import { ratingsFromTriples } from '../helpers/buildRatings';
import { dawidSkene } from '../../src/core/dawidSkene';
import { syntheticCrowd } from './aggregationVectors';
for (const qualities of [[0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.9, 0.8, 0.7, 0.6, 0, 0, 0, 0, 0, 0, 0, 0], [0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.9, 0.8, 0.7, 0.6]]) {
const { triples } = syntheticCrowd(20240601, 2000, 5, qualities, 5);
const r = ratingsFromTriples(triples, { categories: [0, 1, 2, 3, 4] });
const res = [true, false].map((accelerate) => dawidSkene(r, null, { accelerate, maxIterations: 3000 }));
const [a, b] = res;
let diff = 0, maxd = 0; a.label.forEach((l, i) => { if (l !== b.label[i]) diff++; }); a.posterior.forEach((p, x) => { maxd = Math.max(maxd, Math.abs(p - b.posterior[x])); });
console.log(a.iterations, a.converged, b.iterations, b.converged, 'label diffs', diff, 'max post diff', maxd);
}
