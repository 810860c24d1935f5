import { join } from 'node:path';
import { loadFiles } from '../../src/parse/loadFiles';
import { diskFile } from '../helpers/loadText';
import { dawidSkene } from '../../src/core/dawidSkene';
import { majorityVote } from '../../src/core/majorityVote';
const DATA = join(import.meta.dirname, '../../../shared/reference-data');
for (const d of ['zheng2017-duck-identification', 'zheng2017-d-product', 'zheng2017-dog', 'zheng2017-face-sentiment']) {
  const { ratings: r } = await loadFiles([await diskFile(join(DATA, d, 'answer.csv')), await diskFile(join(DATA, d, 'truth.csv'))], { scale: 'nominal' });
  const acc = (l: Int32Array) => { let ok = 0, n = 0; r.itemGold.forEach((g, i) => { if (g >= 0) { n++; if (l[i] === g) ok++; } }); return `${ok}/${n}`; };
  const mv = majorityVote(r, null);
  let ties = 0; for (let i = 0; i < r.items.length; i++) { const K = r.categories.length; const row = mv.votes.subarray(i * K, i * K + K); const m = Math.max(...row); if (row.filter((x) => x === m).length > 1) ties++; }
  const out = [d, r.categories.join(','), 'MV', acc(mv.label), 'ties', ties];
  for (const [accelerate, it] of [[false, 10], [false, 100], [true, 100], [false, 1000], [true, 1000]] as const) {
    const ds = dawidSkene(r, null, { accelerate, maxIterations: it });
    out.push(`DS(${accelerate ? 'sq' : 'em'},${it})`, acc(ds.label), ds.iterations, ds.converged);
  }
  console.log(out.join(' '));
}
