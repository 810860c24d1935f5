/**
 * A display order of n objects that keeps clusters together: agglomerative clustering with average
 * linkage (UPGMA, Sokal & Michener 1958) on the distance matrix, read off as the leaf order of the tree.
 * `distance` is n × n row-major and symmetric; NaN distances (unknown) count as the largest distance.
 * O(n³) — fine for the hundreds of annotators a heatmap can show.
 */
export function clusterOrder(n: number, distance: ArrayLike<number>): number[] {
  if (n <= 2) return Array.from({ length: n }, (_, i) => i);
  let max = 0;
  for (let i = 0; i < n * n; i++) if (distance[i] > max) max = distance[i];
  const d = Float64Array.from({ length: n * n }, (_, i) => (Number.isNaN(distance[i]) ? max : distance[i]));
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const alive = new Uint8Array(n).fill(1);
  for (let step = 0; step < n - 1; step++) {
    let bi = -1,
      bj = -1,
      best = Infinity;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      for (let j = i + 1; j < n; j++) if (alive[j] && d[i * n + j] < best) [best, bi, bj] = [d[i * n + j], i, j];
    }
    const si = members[bi].length,
      sj = members[bj].length;
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const v = (d[bi * n + k] * si + d[bj * n + k] * sj) / (si + sj);
      d[bi * n + k] = d[k * n + bi] = v;
    }
    members[bi] = members[bi].concat(members[bj]);
    alive[bj] = 0;
  }
  return members[alive.indexOf(1)];
}
