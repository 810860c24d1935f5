// @vitest-environment node
import { expect, it } from 'vitest';
import { dawidSkene } from '../../src/core/dawidSkene';
import { majorityVote } from '../../src/core/majorityVote';
import type { Ratings } from '../../src/core/types';
import { hasRealExports, loadReal } from '../helpers/realExports';
import { whenShared } from '../helpers/shared';
import { goldCorrect, hasZheng, zhengRatings } from './zhengRatings';

/**
 * Dawid-Skene and majority vote on real crowd data against crowd-kit 1.4.1 (Toloka/crowd-kit @ 35f06615e6dc,
 * Apache-2.0), run here with Debian's python 3.11.2, numpy 1.24.2, pandas 1.5.3 on the same data (duplicate
 * worker–item rows: the last kept, as prefscope does). crowd-kit's DawidSkene stops when its loss changes by less
 * than 1e-5 or falls (it can fall while the likelihood still rises), so its fixed point was recorded from a run
 * of exactly 1,000 EM iterations (2,000 gave the same labels); prefscope run to convergence with `anyLabel`
 * (no restriction to the labels given) reaches the same labels on every set — checked task by task when the
 * figures were recorded; here by the counts, the gold accuracy and the labels no annotator of the task gave.
 * Majority vote: crowd-kit breaks ties to the smallest label, as prefscope's nominal rule.
 */
interface Figures {
  /** label → tasks */
  counts: Record<string, number>;
  /** right on gold / gold tasks answered */
  gold: [number, number];
  /** tasks whose label none of their annotators gave */
  invented: number;
}
const SETS: { name: string; load: () => Promise<Ratings>; available: boolean; mv: Figures; ds: Figures }[] = [
  {
    name: 'GAL AdultContent2 (real-exports/gal-adultcontent2: labels.txt + gold.txt, header-less)',
    load: async () => (await loadReal(['gal-adultcontent2/labels.txt', 'gal-adultcontent2/gold.txt'])).ratings,
    available: hasRealExports('gal-adultcontent2/labels.txt', 'gal-adultcontent2/gold.txt'),
    mv: { counts: { G: 9699, P: 449, R: 147, X: 745 }, gold: [253, 333], invented: 0 },
    ds: { counts: { G: 7910, P: 1506, R: 589, X: 1035 }, gold: [249, 333], invented: 109 },
  },
  {
    name: 'Zheng et al. (2017) D_Product',
    load: () => zhengRatings('zheng2017-d-product'),
    available: hasZheng('zheng2017-d-product'),
    mv: { counts: { 0: 7226, 1: 1089 }, gold: [7455, 8315], invented: 0 },
    ds: { counts: { 0: 7525, 1: 790 }, gold: [7810, 8315], invented: 32 },
  },
  {
    name: 'Zheng et al. (2017) Duck',
    load: () => zhengRatings('zheng2017-duck-identification'),
    available: hasZheng('zheng2017-duck-identification'),
    mv: { counts: { 0: 76, 1: 32 }, gold: [82, 108], invented: 0 },
    ds: { counts: { 0: 61, 1: 47 }, gold: [97, 108], invented: 0 },
  },
  {
    name: 'Zheng et al. (2017) Dog',
    load: () => zhengRatings('zheng2017-dog'),
    available: hasZheng('zheng2017-dog'),
    mv: { counts: { 0: 197, 1: 162, 2: 205, 3: 243 }, gold: [660, 807], invented: 0 },
    ds: { counts: { 0: 174, 1: 183, 2: 169, 3: 281 }, gold: [680, 807], invented: 0 },
  },
  {
    name: 'Zheng et al. (2017) Face',
    load: () => zhengRatings('zheng2017-face-sentiment'),
    available: hasZheng('zheng2017-face-sentiment'),
    mv: { counts: { 0: 291, 1: 158, 2: 73, 3: 62 }, gold: [368, 584], invented: 0 },
    ds: { counts: { 0: 270, 1: 154, 2: 85, 3: 75 }, gold: [374, 584], invented: 0 },
  },
];

/** The figures of a labelling: counts per label, gold right / answered, labels none of the task's annotators gave. */
function figures(r: Ratings, label: Int32Array): Figures {
  const counts: Record<string, number> = {};
  for (let i = 0; i < label.length; i++)
    if (label[i] >= 0) counts[r.categories[label[i]]] = (counts[r.categories[label[i]]] ?? 0) + 1;
  const given = new Set<string>();
  for (let j = 0; j < r.n; j++) given.add(`${r.item[j]} ${r.label[j]}`);
  let invented = 0;
  for (let i = 0; i < label.length; i++) if (label[i] >= 0 && !given.has(`${i} ${label[i]}`)) invented++;
  // gold on the tasks that have an answer (crowd-kit scores the tasks it labels)
  const gold = Int32Array.from(r.itemGold, (g, i) => (label[i] >= 0 ? g : -1));
  const { correct, n } = goldCorrect(label, gold);
  return { counts, gold: [correct, n], invented };
}

for (const set of SETS) {
  whenShared(set.available).describe(`${set.name} against crowd-kit 1.4.1`, () => {
    it("majorityVote(r) gives crowd-kit MajorityVote's label counts and gold accuracy", async () => {
      const r = await set.load();
      expect(figures(r, majorityVote(r).label)).toEqual(set.mv);
    });

    it("dawidSkene(r, null, {anyLabel: true}) to convergence reaches crowd-kit DawidSkene's fixed point, labels no one gave included", async () => {
      const r = await set.load();
      const ds = dawidSkene(r, null, { anyLabel: true, maxIterations: 10_000, tolerance: 1e-10 });
      expect(ds.converged).toBe(true);
      expect(figures(r, ds.label)).toEqual(set.ds);
    }, 60_000);

    it("dawidSkene(r) never gives a label none of the task's annotators gave: the same fit keeps those tasks to their own labels", async () => {
      const r = await set.load();
      const ds = dawidSkene(r, null, { maxIterations: 10_000, tolerance: 1e-10 });
      const f = figures(r, ds.label);
      expect(f.invented).toBe(0);
      expect(ds.outsideGiven).toBe(set.ds.invented);
      // only those tasks differ from the unrestricted labels
      const free = dawidSkene(r, null, { anyLabel: true, maxIterations: 10_000, tolerance: 1e-10 });
      expect(ds.label.reduce((s, l, i) => s + (l === free.label[i] ? 0 : 1), 0)).toBe(set.ds.invented);
    }, 60_000); // two fits to 1e-10 on a real file: seconds on a loaded machine
  });
}
