import { ratingsFromTriples } from '../helpers/buildRatings';
import { dawidSkene } from '../../src/core/dawidSkene';
import { syntheticCrowd } from './aggregationVectors';
(globalThis as any).dbg = (...a: unknown[]) => console.log(...a);
const qualities = [0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.55, 0.9, 0.8, 0.7, 0.6, 0, 0, 0, 0, 0, 0, 0, 0];
const { triples } = syntheticCrowd(20240601, 2000, 5, qualities, 5);
const r = ratingsFromTriples(triples, { categories: [0, 1, 2, 3, 4] });
const ds = dawidSkene(r, null, { maxIterations: 3000 });
console.log(ds.iterations);
