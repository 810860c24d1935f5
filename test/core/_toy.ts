import { ratingsFromTriples } from '../helpers/buildRatings';
import { dawidSkene } from '../../src/core/dawidSkene';
import { majorityVote } from '../../src/core/majorityVote';
const A: [string, string, string][] = [
    ["t1","w1","no"],["t2","w1","yes"],["t3","w1","yes"],["t4","w1","yes"],["t5","w1","yes"],
    ["t1","w2","yes"],["t2","w2","yes"],["t3","w2","no"],["t4","w2","yes"],["t5","w2","no"],
    ["t2","w3","yes"],["t3","w3","no"],["t4","w3","yes"],["t5","w3","no"],
    ["t1","w4","yes"],["t2","w4","no"],["t3","w4","yes"],["t4","w4","yes"],["t5","w4","no"],
    ["t1","w5","no"],["t2","w5","no"],["t3","w5","no"],["t4","w5","yes"],["t5","w5","no"]];
const r = ratingsFromTriples(A);
console.log(r.categories, r.items, r.annotators);
const mv = majorityVote(r, null);
console.log(mv.label, mv.votes, mv.confidence);
const w = majorityVote(r, null, { weights: Float64Array.of(0.6, 0.8, 1.0, 0.4, 0.8) });
console.log(w.label, w.votes);
for (const it of [0, 1, 2, 100]) {
  const ds = dawidSkene(r, null, { maxIterations: it, accelerate: false });
  console.log(it, ds.label, Array.from(ds.posterior, (x) => x.toFixed(4)).join(' '), ds.priors, ds.iterations, ds.converged);
  if (it <= 1) console.log(Array.from(ds.confusion, (x) => x.toFixed(2)).join(' '));
}
const ds = dawidSkene(r, null);
console.log('acc', ds.label, ds.iterations, ds.converged, ds.maxChange);
