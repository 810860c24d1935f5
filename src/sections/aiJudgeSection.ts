import { cohenKappa } from '../core/cohenKappa';
import { directionalSides } from '../core/directionalSides';
import { goldAccuracy } from '../core/goldAccuracy';
import { judgementFilter } from '../core/judgementFilter';
import { majorityAgreement } from '../core/majorityAgreement';
import { majorityVote } from '../core/majorityVote';
import { AI, type Ratings } from '../core/types';
import { wilsonInterval } from '../core/wilsonInterval';
import type { LoadResult } from '../parse/loadFiles';
import { judgeOrders, type JudgeOrders } from './judgeOrders';
import { judgePanelSection, type PanelReport } from './judgePanelSection';
import { lengthBaseline, lengthControlled, type LengthControlledReport } from './judgeLength';
import { swappedItemPairs } from './swappedItemPairs';
import { familyRules, selfPreference, type SelfPreference } from './selfPreference';

/** One AI judge compared with the humans (human judgements, overall dimension). */
export interface AiJudgeRow {
  id: string;
  /** items the judge labelled (overall dimension) */
  items: number;
  vs_majority: {
    /** judged items with a human majority (>= 1 human label) */
    n: number;
    /** Cohen's kappa, unweighted, judge vs human majority on the scale's categories */
    kappa: number | null;
    /** share on the majority's side (A / tie / B; a tie matches only a tie; nominal: equal category) */
    directional_accuracy: number | null;
    directional_accuracy_ci95: [number, number] | null;
    /** share on the same side over the items where neither the judge nor the majority says `=` */
    decisive_accuracy: number | null;
    decisive_n: number;
    /** rows = judge, columns = human majority; labels = sides A / = / B (categories for nominal data) */
    confusion: { labels: string[]; counts: number[][] };
  };
  /** on gold items the judge labelled; null when there is none */
  vs_gold: { n: number; directional_accuracy: number; ci95: [number, number] } | null;
  /** every human annotator sharing >= 1 item with the judge, in annotator order */
  vs_annotators: { id: string; n: number; kappa: number | null; directional_agreement: number }[];
  /** null when the judge has no confidence on an item with a human majority */
  calibration: {
    /** judged items with a human majority and a confidence in [0, 1] */
    n: number;
    /** 10 bins [0, 0.1), …, [0.9, 1]; mean_confidence, accuracy and ci95 null in an empty bin */
    bins: {
      from: number;
      to: number;
      n: number;
      mean_confidence: number | null;
      accuracy: number | null;
      ci95: [number, number] | null;
    }[];
    /** expected calibration error Σ n_b / N · |accuracy_b − mean_confidence_b| */
    ece: number;
  } | null;
  /** its preference for answers of its own model family (`selfPreference`); null without one */
  self_preference: SelfPreference | null;
  /** its win rate for the other models against the baseline model, raw and length-controlled; null without one */
  length_controlled: LengthControlledReport | null;
  /** the judge run in both presentation orders (`judgeOrders`), on its first order's row; null otherwise */
  orders: JudgeOrders | null;
  /** the judge placed among the annotators (definitions of the `annotators` section) */
  reliability: {
    gold_n: number;
    gold_accuracy_directional: number | null;
    majority_n: number;
    majority_agreement: number | null;
  };
}

export interface AiJudgeSection {
  judges: AiJudgeRow[];
  /** the judges as a panel (`judgePanelSection`); null with fewer than two */
  panel: PanelReport | null;
  /** the human majority's length-controlled win rate, as the judges' (null without a baseline or human verdicts) */
  human_length_controlled: LengthControlledReport | null;
}

/** One AI judge's verdicts on the overall dimension, per item. */
export interface JudgeVerdicts {
  /** the judge's annotator code */
  judge: number;
  /** per item: the judge's category, -1 when it did not label the item */
  label: Int32Array;
  /** per item: its confidence, NaN when none */
  confidence: Float64Array;
  /** items labelled */
  items: number;
}

/**
 * The verdicts of every AI judge (annotator of kind AI) with at least one label on the overall dimension,
 * in annotator order. Duplicates are resolved at parsing, so a judge has at most one label per item.
 */
export function judgeVerdicts(r: Ratings): JudgeVerdicts[] {
  const mask = judgementFilter(r, { kind: AI });
  const byJudge = new Map<number, JudgeVerdicts>();
  const nItems = r.items.length;
  for (let j = 0; j < r.n; j++) {
    if (!mask[j] || r.label[j] < 0) continue;
    const a = r.annotator[j];
    let v = byJudge.get(a);
    if (!v)
      byJudge.set(
        a,
        (v = {
          judge: a,
          label: new Int32Array(nItems).fill(-1),
          confidence: new Float64Array(nItems).fill(NaN),
          items: 0,
        }),
      );
    if (v.label[r.item[j]] < 0) v.items++;
    v.label[r.item[j]] = r.label[j];
    v.confidence[r.item[j]] = r.aiConfidence ? r.aiConfidence[j] : NaN;
  }
  return [...byJudge.values()].sort((x, y) => x.judge - y.judge);
}

/**
 * The sides a judge is compared on: the directional sides A / `=` / B of a preference scale
 * (`directionalSides`; binary: A / B), or the categories themselves for nominal data. `tie` is the index
 * of `=`, -1 when the scale has none.
 */
export function comparisonSides(r: Ratings): { side: Int32Array; labels: string[]; tie: number } {
  const sides = r.scale === 'nominal' ? null : directionalSides(r.fivePoint);
  if (!sides) return { side: Int32Array.from(r.categories, (_, c) => c), labels: [...r.categories], tie: -1 };
  return { side: sides.side, labels: sides.labels, tie: sides.labels.indexOf('=') };
}

const num = (x: number) => (Number.isFinite(x) ? x : null);
const interval = (k: number, n: number): [number, number] | null => (n > 0 ? wilsonInterval(k, n) : null);

/**
 * The AI judges compared with the humans: for each judge, against the human majority (`majorityVote` of
 * the human judgements on the overall dimension, items with >= 1 human label), against gold, against each
 * human annotator, its calibration (10 equal-width confidence bins, accuracy = directional agreement with
 * the majority) and its gold accuracy and majority agreement as the `annotators` section defines them
 * (the judge is not one of the humans, so its majority is the plurality of all human labels on the item,
 * no leave-one-out). `removed` human annotators are left out of every human side. Empty without AI judges.
 */
export function aiJudgeSection(
  loaded: LoadResult,
  { removed = [], families = null }: { removed?: readonly number[]; families?: Record<string, string> | null } = {},
): AiJudgeSection {
  const r = loaded.ratings;
  const verdicts = judgeVerdicts(r);
  if (!verdicts.length) return { judges: [], panel: null, human_length_controlled: null };
  const K = r.categories.length,
    nItems = r.items.length;
  const human = judgementFilter(r, { removed });
  const majority = majorityVote(r, human).label;
  const { side, labels, tie } = comparisonSides(r);
  const S = labels.length;
  const baseline = r.scale === 'nominal' ? null : lengthBaseline(loaded);
  const ab = { a: labels.indexOf('A'), b: labels.indexOf('B') };
  const toSides = (l: Int32Array) => Int32Array.from(l, (c) => (c < 0 ? -1 : side[c]));
  const rules = familyRules(families);
  const humanSides = toSides(majority);
  const lengthOf = (l: Int32Array) => (baseline ? lengthControlled(loaded, toSides(l), ab, baseline) : null);
  const orders =
    r.scale === 'nominal'
      ? new Map<number, JudgeOrders>()
      : judgeOrders(r, verdicts, majority, { side, labels }, () => swappedItemPairs(loaded));
  const judges = verdicts.map((v): AiJudgeRow => {
    const { judge, label, confidence } = v;
    // against the human majority
    const table = new Float64Array(K * K);
    const confusion = Array.from({ length: S }, () => new Array<number>(S).fill(0));
    let n = 0,
      same = 0,
      decisive = 0,
      decisiveSame = 0;
    const bins = Array.from({ length: 10 }, () => ({ n: 0, conf: 0, right: 0 }));
    for (let i = 0; i < nItems; i++) {
      const l = label[i],
        m = majority[i];
      if (l < 0 || m < 0) continue;
      n++;
      table[l * K + m]++;
      confusion[side[l]][side[m]]++;
      const right = side[l] === side[m] ? 1 : 0;
      same += right;
      if (side[l] !== tie && side[m] !== tie) {
        decisive++;
        decisiveSame += right;
      }
      const c = confidence[i];
      if (c >= 0 && c <= 1) {
        const b = bins[Math.min(9, Math.floor(c * 10))];
        b.n++;
        b.conf += c;
        b.right += right;
      }
    }
    // against each human annotator
    const nAnn = r.annotators.length;
    const pair = new Map<number, { table: Float64Array; n: number; same: number }>();
    for (let j = 0; j < r.n; j++) {
      if (!human[j] || r.label[j] < 0) continue;
      const l = label[r.item[j]];
      if (l < 0) continue;
      const a = r.annotator[j];
      let p = pair.get(a);
      if (!p) pair.set(a, (p = { table: new Float64Array(K * K), n: 0, same: 0 }));
      p.table[l * K + r.label[j]]++;
      p.n++;
      if (side[l] === side[r.label[j]]) p.same++;
    }
    const vsAnnotators: AiJudgeRow['vs_annotators'] = [];
    for (let a = 0; a < nAnn; a++) {
      const p = pair.get(a);
      if (p)
        vsAnnotators.push({
          id: r.annotators[a],
          n: p.n,
          kappa: num(cohenKappa(p.table, { K }).kappa),
          directional_agreement: p.same / p.n,
        });
    }
    // gold and majority agreement as the annotator table defines them
    const mine = new Uint8Array(r.n);
    for (let j = 0; j < r.n; j++) if (r.annotator[j] === judge && r.dimension[j] === 0) mine[j] = 1;
    const gold = goldAccuracy(r, mine);
    const both = Uint8Array.from(human, (h, j) => h | mine[j]);
    const agreement = majorityAgreement(r, both);
    const goldN = gold.n[judge],
      goldRight = gold.correctDirectional[judge];
    const calibrated = bins.reduce((s, b) => s + b.n, 0);
    return {
      id: r.annotators[judge],
      items: v.items,
      vs_majority: {
        n,
        kappa: num(cohenKappa(table, { K }).kappa),
        directional_accuracy: n > 0 ? same / n : null,
        directional_accuracy_ci95: interval(same, n),
        decisive_accuracy: decisive > 0 ? decisiveSame / decisive : null,
        decisive_n: decisive,
        confusion: { labels, counts: confusion },
      },
      vs_gold:
        goldN > 0
          ? { n: goldN, directional_accuracy: goldRight / goldN, ci95: wilsonInterval(goldRight, goldN) }
          : null,
      vs_annotators: vsAnnotators,
      calibration:
        calibrated === 0
          ? null
          : {
              n: calibrated,
              bins: bins.map((b, k) => ({
                from: k / 10,
                to: (k + 1) / 10,
                n: b.n,
                mean_confidence: b.n > 0 ? b.conf / b.n : null,
                accuracy: b.n > 0 ? b.right / b.n : null,
                ci95: interval(b.right, b.n),
              })),
              ece: bins.reduce(
                (s, b) => s + (b.n > 0 ? (b.n / calibrated) * Math.abs(b.right / b.n - b.conf / b.n) : 0),
                0,
              ),
            },
      self_preference:
        ab.a < 0 ? null : selfPreference(loaded, r.annotators[judge], toSides(label), humanSides, ab, rules),
      length_controlled: lengthOf(label),
      orders: orders.get(judge) ?? null,
      reliability: {
        gold_n: goldN,
        gold_accuracy_directional: num(gold.directional[judge]),
        majority_n: agreement.n[judge],
        majority_agreement: num(agreement.share[judge]),
      },
    };
  });
  return {
    judges,
    panel: judgePanelSection(r, verdicts, majority, side),
    human_length_controlled: lengthOf(majority),
  };
}
