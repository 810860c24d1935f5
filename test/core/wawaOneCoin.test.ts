// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { oneCoinDawidSkene } from '../../src/core/oneCoinDawidSkene';
import type { Ratings } from '../../src/core/types';
import { wawa } from '../../src/core/wawa';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { closeTo } from '../helpers/closeTo';
import { whenShared } from '../helpers/shared';
import { SIMPLE, SIMPLE_TRUTH, TOY_MV_LABELS, TOY_MV_SKILLS, TOY_TRUTH, TOY_WAWA_PROBAS } from './aggregationVectors';
import { CROWDKIT_TOY } from './referenceVectors';
import { goldCorrect, hasZheng, zhengRatings } from './zhengRatings';

const names = (r: Ratings, label: Int32Array) => Array.from(label, (c) => (c < 0 ? null : r.categories[c]));

describe('wawa and oneCoinDawidSkene on crowd-kit toy data (tests/aggregation @35f0661)', () => {
  const r = ratingsFromTriples(CROWDKIT_TOY);
  it("wawa(r): crowd-kit Wawa's skills (majority-vote agreement), probabilities and labels", () => {
    const w = wawa(r);
    expect(Array.from(w.skill)).toEqual(TOY_MV_SKILLS.map((s) => expect.closeTo(s, 12)));
    expect(names(r, w.label)).toEqual(TOY_MV_LABELS);
    TOY_WAWA_PROBAS.forEach((row, i) =>
      row.forEach((p, c) => closeTo(w.votes[i * 2 + c] / (w.votes[i * 2] + w.votes[i * 2 + 1]), p, 1e-6)),
    );
  });
  it('oneCoinDawidSkene(r) recovers the toy ground truth, with 10 passes and to convergence (as crowd-kit)', () => {
    for (const options of [{ maxIterations: 10, tolerance: 0 }, {}]) {
      const oc = oneCoinDawidSkene(r, null, options);
      expect(names(r, oc.label)).toEqual(TOY_TRUTH);
    }
    const oc = oneCoinDawidSkene(r);
    expect(oc.converged).toBe(true);
    closeTo(oc.priors[0] + oc.priors[1], 1, 1e-9);
    for (let i = 0; i < 5; i++) closeTo(oc.posterior[i * 2] + oc.posterior[i * 2 + 1], 1, 1e-12);
  });
  it("oneCoinDawidSkene(simple) recovers the ground truth of crowd-kit's simple data set", () => {
    const s = ratingsFromTriples(SIMPLE);
    const oc = oneCoinDawidSkene(s);
    expect(Object.fromEntries(s.items.map((id, i) => [id, s.categories[oc.label[i]]]))).toEqual(SIMPLE_TRUTH);
  });
  it('relabelling annotators changes nothing; a worker answering for two changes nothing in wawa of the rest', () => {
    const renamed = ratingsFromTriples(CROWDKIT_TOY.map(([t, w, l]) => [t, `x-${w}`, l]));
    expect(Array.from(oneCoinDawidSkene(renamed).posterior)).toEqual(Array.from(oneCoinDawidSkene(r).posterior));
    expect(Array.from(wawa(renamed).label)).toEqual(Array.from(wawa(r).label));
  });
});

/**
 * On the crowd benchmark sets of Zheng et al. (2017) against crowd-kit 1.4.1 (Toloka/crowd-kit @35f0661,
 * Apache-2.0) run here with Debian's python 3.11.2, numpy 1.24.2, pandas 1.5.3: `Wawa()` and
 * `OneCoinDawidSkene(n_iter=1000, tol=-1e18)` (its fixed point: a thousand passes, no early stop), labels
 * per class and right answers on the truth. D_Product's Wawa, 7455 / 8315 = 0.897, is also the figure of
 * crowd-kit's paper (Ustalov et al. 2024, JOSS 9(96):6227, table of categorical methods).
 */
const CROWD_KIT: Record<
  string,
  { wawa: [Record<string, number>, number, number]; oneCoin: [Record<string, number>, number, number] }
> = {
  'zheng2017-d-product': { wawa: [{ 0: 7226, 1: 1089 }, 7455, 8315], oneCoin: [{ 0: 8020, 1: 295 }, 7553, 8315] },
  'zheng2017-duck-identification': { wawa: [{ 0: 76, 1: 32 }, 82, 108], oneCoin: [{ 0: 105, 1: 3 }, 63, 108] },
  'zheng2017-dog': {
    wawa: [{ 0: 184, 1: 172, 2: 184, 3: 267 }, 669, 807],
    oneCoin: [{ 0: 180, 1: 177, 2: 175, 3: 275 }, 670, 807],
  },
  'zheng2017-face-sentiment': {
    wawa: [{ 0: 286, 1: 157, 2: 76, 3: 65 }, 368, 584],
    oneCoin: [{ 0: 312, 1: 156, 2: 65, 3: 51 }, 357, 584],
  },
};

const figures = (r: Ratings, label: Int32Array): [Record<string, number>, number, number] => {
  const counts: Record<string, number> = {};
  for (const l of label) if (l >= 0) counts[r.categories[l]] = (counts[r.categories[l]] ?? 0) + 1;
  const { correct, n } = goldCorrect(label, r.itemGold);
  return [counts, correct, n];
};

for (const [name, expected] of Object.entries(CROWD_KIT))
  whenShared(hasZheng(name)).describe(`${name} against crowd-kit 1.4.1`, () => {
    it("wawa(r) gives crowd-kit Wawa's labels per class and right answers", async () => {
      const r = await zhengRatings(name);
      expect(figures(r, wawa(r).label)).toEqual(expected.wawa);
    });
    it("oneCoinDawidSkene(r, null, {anyLabel: true}) to convergence reaches crowd-kit OneCoinDawidSkene's fixed point", async () => {
      const r = await zhengRatings(name);
      const free = oneCoinDawidSkene(r, null, { tolerance: 1e-10, maxIterations: 5000, anyLabel: true });
      expect(free.converged).toBe(true);
      expect(figures(r, free.label)).toEqual(expected.oneCoin);
      // by default no label none of the item's annotators gave: only those items differ
      const kept = oneCoinDawidSkene(r, null, { tolerance: 1e-10, maxIterations: 5000 });
      expect(kept.label.reduce((s, l, i) => s + (l === free.label[i] ? 0 : 1), 0)).toBe(kept.outsideGiven);
      const given = new Set<string>();
      for (let j = 0; j < r.n; j++) given.add(`${r.item[j]} ${r.label[j]}`);
      expect(kept.label.every((l, i) => l < 0 || given.has(`${i} ${l}`))).toBe(true);
    }, 60_000);
  });
