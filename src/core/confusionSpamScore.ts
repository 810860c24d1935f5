export interface ConfusionSpamScore {
  /**
   * per annotator: Raykar & Yu's spammer score in [0, 1]. 0 = a spammer: all rows of the confusion matrix are
   * equal, so the answers do not depend on the true class; 1 = rows as far apart as they can be (one-hot rows on
   * distinct answers: a perfect annotator, or one who swaps classes consistently). NaN for an annotator with no
   * labels (`nLabels` 0), a NaN entry, or fewer than two categories in use.
   */
  spammerScore: Float64Array;
  /** the categories scored (those in use), in code order */
  categories: number[];
  /** annotators with a score (not NaN) */
  nScored: number;
}

/**
 * The categorical spammer score of Raykar & Yu (2012), "Eliminating spammers and ranking annotators for
 * crowdsourced labeling tasks", JMLR 13:491–518, eq. for K classes: the squared Frobenius distance from an
 * annotator's confusion matrix A to the nearest matrix with equal rows (a spammer's), scaled to [0, 1]:
 * S = 1/(K(K−1)) Σ_{c<c'} Σ_k (A[c][k] − A[c'][k])², K the categories in use; K = 2 gives (α + β − 1)².
 * High is good, as in Raykar & Yu and in peerannot's `Spam_Score` (github.com/peerannot/peerannot, which reports S
 * itself, "the closer to 0, the more likely the worker is a spammer"). The score measures how much the answers
 * tell about the true class, not accuracy: an annotator who always flips a binary label scores like an accurate one.
 * Input: the Dawid-Skene confusion array (`dawidSkene(...).confusion`), `confusion[(a * K + true) * K + observed]`,
 * rows summing to 1. Categories in `unused` (e.g. `dawidSkene(...).unused`: no label used them, so their rows are
 * uniform by default and their columns 0) are left out of both sides; `nLabels` (per annotator, optional) marks
 * annotators without labels, whose rows carry no evidence, as NaN.
 */
export function confusionSpamScore(
  confusion: Float64Array,
  K: number,
  { unused = [], nLabels = null }: { unused?: readonly number[]; nLabels?: ArrayLike<number> | null } = {},
): ConfusionSpamScore {
  if (!(K >= 1) || !Number.isInteger(K) || confusion.length % (K * K) !== 0)
    throw new Error(`invalid confusion: ${confusion.length} entries for K = ${K}`);
  const nAnn = confusion.length / (K * K);
  if (nLabels && nLabels.length !== nAnn) throw new Error(`nLabels: ${nLabels.length} entries for ${nAnn} annotators`);
  for (const k of unused) if (!(k >= 0 && k < K)) throw new Error(`invalid unused category: ${k}`);
  const categories = [...Array(K).keys()].filter((k) => !unused.includes(k)),
    k2 = categories.length;
  const spammerScore = new Float64Array(nAnn).fill(NaN);
  let nScored = 0;
  for (let a = 0; a < nAnn; a++) {
    if (k2 < 2 || (nLabels && !(nLabels[a] > 0))) continue;
    const row = (c: number) => (a * K + categories[c]) * K;
    let sum = 0;
    for (let c = 0; c < k2; c++)
      for (let d = c + 1; d < k2; d++)
        for (const k of categories) {
          const diff = confusion[row(c) + k] - confusion[row(d) + k];
          sum += diff * diff;
        }
    spammerScore[a] = sum / (k2 * (k2 - 1));
    if (!Number.isNaN(spammerScore[a])) nScored++;
  }
  return { spammerScore, categories, nScored };
}
