/**
 * The directional collapse of a preference scale: A side (5-point codes 0, 1 = `A>>`, `A>`), tie (2 = `=`),
 * B side (3, 4 = `B>`, `B>>`), as defined in `docs/report-schema.md` "Labels". Only the sides the scale has are kept,
 * in the order A, tie, B: 5-point and 3-way give 3 sides, binary gives 2 (A, B).
 * Returns `side[c]` = the side index of category c, or null for nominal data (directional is undefined there).
 */
export function directionalSides(
  fivePoint: ArrayLike<number>,
): { side: Int32Array; K: number; labels: string[] } | null {
  const K5 = fivePoint.length;
  if (K5 === 0) return null;
  const sideOfCode = (code: number) => (code <= 1 ? 0 : code === 2 ? 1 : 2);
  const present = [false, false, false];
  for (let c = 0; c < K5; c++) {
    const code = fivePoint[c];
    if (!(code >= 0 && code <= 4)) return null;
    present[sideOfCode(code)] = true;
  }
  const index = [-1, -1, -1];
  const labels: string[] = [];
  for (let s = 0; s < 3; s++) {
    if (!present[s]) continue;
    index[s] = labels.length;
    labels.push(['A', '=', 'B'][s]);
  }
  const side = new Int32Array(K5);
  for (let c = 0; c < K5; c++) side[c] = index[sideOfCode(fivePoint[c])];
  return { side, K: labels.length, labels };
}

/** Per category, the side a decisive judgement chose: 0 = A, 1 = B, -1 = a tie; null for nominal data. */
export function decisiveSides(fivePoint: Int8Array): Int8Array | null {
  const sides = directionalSides(fivePoint);
  if (!sides) return null;
  return Int8Array.from(sides.side, (s) => (sides.labels[s] === 'A' ? 0 : sides.labels[s] === 'B' ? 1 : -1));
}
