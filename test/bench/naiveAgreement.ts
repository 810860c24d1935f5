/**
 * The baseline a user might write: string rows into nested Maps of label counts per item, then percent
 * agreement, Fleiss' kappa and nominal Krippendorff alpha by iterating the Maps. Same numbers, no typed
 * arrays. Used by the benchmark only, to report a ratio.
 */
export function naiveAgreement(rows: [string, string, string][]): { percent: number; fleiss: number; alpha: number } {
  const byItem = new Map<string, Map<string, number>>();
  for (const [item, , label] of rows) {
    let counts = byItem.get(item);
    if (!counts) byItem.set(item, (counts = new Map()));
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  let pairs = 0,
    equal = 0,
    pSum = 0,
    pN = 0;
  const share = new Map<string, number>();
  const coincidence = new Map<string, number>();
  let nPairable = 0;
  for (const counts of byItem.values()) {
    let m = 0;
    for (const c of counts.values()) m += c;
    for (const [label, c] of counts) share.set(label, (share.get(label) ?? 0) + c / m / byItem.size);
    if (m < 2) continue;
    let same = 0;
    for (const c of counts.values()) same += c * (c - 1);
    pairs += (m * (m - 1)) / 2;
    equal += same / 2;
    pSum += same / (m * (m - 1));
    pN++;
    nPairable += m;
    for (const [label, c] of counts) coincidence.set(label, (coincidence.get(label) ?? 0) + (c * (c - 1)) / (m - 1));
  }
  let pe = 0;
  for (const p of share.values()) pe += p * p;
  const pa = pSum / pN;
  let marginal = 0,
    diagonal = 0;
  const nc = new Map<string, number>();
  for (const counts of byItem.values()) {
    let m = 0;
    for (const c of counts.values()) m += c;
    if (m >= 2) for (const [label, c] of counts) nc.set(label, (nc.get(label) ?? 0) + c);
  }
  for (const v of nc.values()) marginal += v * (v - 1);
  for (const v of coincidence.values()) diagonal += v;
  const n = nPairable;
  const alpha = 1 - ((n - 1) * (n - diagonal)) / (n * (n - 1) - marginal);
  return { percent: equal / pairs, fleiss: (pa - pe) / (1 - pe), alpha };
}
