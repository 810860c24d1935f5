import { midranks } from './midranks';
import { pearson } from './pearson';
import { spearman } from './spearman';

/**
 * `spearman` of every two columns (equally long, NaN = missing), each pair over the rows where both are
 * finite. Columns finite on exactly the same rows share their midranks (computed once each), so a complete
 * table costs one ranking per column and a Pearson per pair; other pairs go through `spearman`.
 */
export function spearmanMatrix(columns: Float64Array[]): { rho: number[][]; n: number[][] } {
  const m = columns.length;
  const finite = columns.map((c) => {
    const f = new Uint8Array(c.length);
    for (let k = 0; k < c.length; k++) f[k] = Number.isFinite(c[k]) ? 1 : 0;
    return f;
  });
  const sameRows = (i: number, j: number) => {
    const a = finite[i],
      b = finite[j];
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
    return true;
  };
  const ranks = new Map<number, Float64Array>();
  const ranked = (i: number) => {
    let r = ranks.get(i);
    if (!r) {
      const c = columns[i],
        f = finite[i];
      let count = 0;
      for (let k = 0; k < f.length; k++) count += f[k];
      const values = new Float64Array(count);
      for (let k = 0, m = 0; k < f.length; k++) if (f[k]) values[m++] = c[k];
      ranks.set(i, (r = midranks(values)));
    }
    return r;
  };
  const rho = columns.map(() => new Array<number>(m).fill(NaN));
  const n = columns.map(() => new Array<number>(m).fill(0));
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      let out: { rho: number; n: number };
      if (sameRows(i, j)) {
        const a = ranked(i),
          b = ranked(j);
        out = { rho: a.length < 2 ? NaN : pearson(a, b), n: a.length };
      } else out = spearman(columns[i], columns[j]);
      [rho[i][j], rho[j][i], n[i][j], n[j][i]] = [out.rho, out.rho, out.n, out.n];
    }
  }
  return { rho, n };
}
