import { confusionSpamScore } from '../core/confusionSpamScore';
import type { DawidSkene } from '../core/dawidSkene';
import { judgementFilter } from '../core/judgementFilter';
import { labelsPerAnnotator } from '../core/labelsPerAnnotator';
import type { Mace } from '../core/mace';
import type { Ratings } from '../core/types';
import { FLAG_RULES } from '../defaults';
import { methodContext } from './aggregationMethods';

/** Per annotator: MACE's spamming probability and the spammer score of their Dawid-Skene confusion matrix. */
export interface SpamScore {
  /** MACE: the probability that a label of theirs ignores the item (1 − competence); null without labels */
  spam_probability: number | null;
  /** Raykar & Yu's spammer score of the Dawid-Skene confusion matrix, 0 (answers ignore the true class) … 1 */
  spammer_score: number | null;
  /** `spammer` is raised: enough labels, and both scores past their thresholds (`FLAG_RULES`) */
  spammer: boolean;
}

/** The fits the scores come from, on every human judgement (overall dimension, nobody removed). */
export interface SpamFits {
  dawidSkene: DawidSkene;
  mace: Mace;
  /** milliseconds each fit took (the final-label methods that reuse them report this time as theirs) */
  ms: { dawidSkene: number; mace: number };
}

/**
 * Dawid-Skene and MACE on every human judgement of the overall dimension (no one removed: the data alone), as
 * the final-label methods fit them (`methodContext`), so that those can reuse them when no one is removed.
 */
export function spamFits(r: Ratings): SpamFits {
  const context = methodContext(r, judgementFilter(r), new Float64Array(r.annotators.length));
  const fits = { dawidSkene: context.dawidSkene(), mace: context.mace() };
  return { ...fits, ms: { dawidSkene: context.fitMs.dawidSkene, mace: context.fitMs.mace } };
}

/** Per annotator: their selected judgements on pairs that carry at least one other selected label. */
function labelsBesideOthers(r: Ratings, mask: Uint8Array): Int32Array {
  const perItem = new Int32Array(r.items.length);
  for (let j = 0; j < r.n; j++) if (mask[j]) perItem[r.item[j]]++;
  const out = new Int32Array(r.annotators.length);
  for (let j = 0; j < r.n; j++) if (mask[j] && perItem[r.item[j]] >= 2) out[r.annotator[j]]++;
  return out;
}

/**
 * Spam scores by annotator id, from `spamFits`: MACE's spamming probability (Hovy et al. 2013) and the
 * confusion-matrix spammer score (Raykar & Yu 2012). `spammer` is flagged when an annotator has at least
 * `FLAG_RULES.spamMinLabels` labels, MACE's spamming probability is at least `FLAG_RULES.spamProbability` and
 * the spammer score at most `FLAG_RULES.spammerScore`: both models agree that the labels ignore the item. An
 * annotator with no label on a pair someone else labelled too gets no scores (null): nothing measured them.
 */
export function spamScores(r: Ratings, fits: SpamFits): Map<string, SpamScore> {
  const K = r.categories.length;
  const mask = judgementFilter(r);
  const labels = labelsPerAnnotator(r, mask);
  const compared = labelsBesideOthers(r, mask);
  const { spammerScore } = confusionSpamScore(fits.dawidSkene.confusion, K, {
    unused: fits.dawidSkene.unused,
    nLabels: labels,
  });
  const out = new Map<string, SpamScore>();
  const value = (x: number) => (Number.isFinite(x) ? x : null);
  r.annotators.forEach((id, a) => {
    if (labels[a] === 0) return;
    // an annotator whose pairs nobody else labelled is not measured by either model: their fit is the prior's
    const p = compared[a] ? value(fits.mace.spamProbability[a]) : null;
    const s = compared[a] ? value(spammerScore[a]) : null;
    out.set(id, {
      spam_probability: p,
      spammer_score: s,
      spammer:
        labels[a] >= FLAG_RULES.spamMinLabels &&
        p !== null &&
        s !== null &&
        p >= FLAG_RULES.spamProbability &&
        s <= FLAG_RULES.spammerScore,
    });
  });
  return out;
}
