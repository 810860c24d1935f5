import { describe, expect, it } from 'vitest';
import { goldCatch, type GoldCatchInput } from '../../src/core/goldCatch';
import { closeTo } from '../helpers/closeTo';

/**
 * Brute force: every sequence of N tasks, each non-gold (1 − F), gold answered right (F·A) or gold answered
 * wrong (F·(1 − A)), 3^N of them, played through the rule; returns the same quantities as goldCatch.
 */
function bruteForce(
  { goldShare: F, minGold: M, threshold: T, accuracy: A, tasks: N }: GoldCatchInput,
  at: number[] = [],
) {
  let pCaught = 0,
    tasks = 0,
    bad = 0;
  const caughtAtGold = new Array(N + 1).fill(0);
  const caughtAtTask = new Array(N + 1).fill(0);
  const probs = [1 - F, F * A, F * (1 - A)];
  const seq = new Array(N).fill(0);
  for (let code = 0; code < 3 ** N; code++) {
    let x = code,
      p = 1;
    for (let t = 0; t < N; t++) {
      seq[t] = x % 3;
      x = Math.floor(x / 3);
      p *= probs[seq[t]];
    }
    if (p === 0) continue;
    let answered = 0,
      correct = 0,
      flaggedAt = 0,
      nonGold = 0,
      badAtFlag = 0;
    for (let t = 0; t < N; t++) {
      if (seq[t] === 0) {
        nonGold++;
        continue;
      }
      answered++;
      if (seq[t] === 1) correct++;
      if (!flaggedAt && answered >= M && correct / answered < T) {
        flaggedAt = t + 1;
        badAtFlag = nonGold;
        caughtAtGold[answered] += p;
      }
    }
    if (flaggedAt) {
      pCaught += p;
      caughtAtTask[flaggedAt] += p;
      tasks += p * flaggedAt;
      bad += p * badAtFlag;
    } else {
      tasks += p * N;
      bad += p * nonGold;
    }
  }
  const pCaughtAt = at.map((n) => caughtAtTask.slice(0, n + 1).reduce((a, b) => a + b, 0));
  return { pCaught, tasks, bad, caughtAtGold, pCaughtAt };
}

/** P(Binomial(n, p) >= k) by the textbook sum, for small n */
function binomialAtLeast(n: number, p: number, k: number): number {
  let s = 0,
    choose = 1;
  for (let j = 0; j <= n; j++) {
    if (j >= k) s += choose * p ** j * (1 - p) ** (n - j);
    choose = (choose * (n - j)) / (j + 1);
  }
  return s;
}

describe('goldCatch', () => {
  it('goldCatch({F: 0.5, M: 2, T: 0.6, A: 0.4, N: 3}) matches the 2³ gold patterns enumerated by hand', () => {
    // Flag at the 2nd gold answer unless both are right: q = 1 − A² = 0.84; a 3rd gold answer after RR
    // gives 2/3 or 3/3 >= 0.6, never flagged. Of the 8 gold patterns (g gold, . not):
    //   '...' (1−F)³ and one gold 3F(1−F)²: never checked; 'gg.' and 'ggg' (F² together): flagged at task 2
    //   with q; 'g.g', '.gg' (2F²(1−F)): flagged at task 3 with q.
    //   P(caught) = q · P(>= 2 gold in 3) = 0.84 · (3·0.25·0.5 + 0.125) = 0.84 · 0.5 = 0.42
    //   E[tasks] = 3 − q·F² (only 'gg?' stops before task 3) = 3 − 0.84·0.25 = 2.79
    //   E[bad] = 3(1−F) − q·F²(1−F) (only 'gg.' loses its non-gold 3rd label) = 1.5 − 0.105 = 1.395
    const r = goldCatch({ goldShare: 0.5, minGold: 2, threshold: 0.6, accuracy: 0.4, tasks: 3 });
    closeTo(r.pCaught, 0.42, 1e-15);
    closeTo(r.expectedTasksToCatch, 2.79, 1e-14);
    closeTo(r.expectedBadLabels, 1.395, 1e-14);
    closeTo(r.flagAtGold[2], 0.84, 1e-15);
    expect(r.flagAtGold[1]).toBe(0);
    expect(r.flagAtGold[3]).toBe(0);
    // caught at task 2 w.p. q·F² = 0.21, at task 3 w.p. q·2F²(1−F) = 0.21: mean 2.5
    closeTo(r.meanTasksWhenCaught, 2.5, 1e-14);
  });

  it('goldCatch equals brute-force enumeration of every task sequence (N <= 10)', () => {
    const settings: GoldCatchInput[] = [
      { goldShare: 0.3, minGold: 2, threshold: 0.6, accuracy: 0.45, tasks: 9 },
      { goldShare: 0.5, minGold: 3, threshold: 0.5, accuracy: 0.7, tasks: 8 },
      { goldShare: 0.9, minGold: 1, threshold: 0.75, accuracy: 0.6, tasks: 8 },
      { goldShare: 0.6, minGold: 5, threshold: 0.6, accuracy: 0.4, tasks: 10 }, // 3/5 = 0.6 is not flagged
      { goldShare: 1, minGold: 2, threshold: 0.8, accuracy: 0.85, tasks: 7 },
      { goldShare: 0.1, minGold: 1, threshold: 1, accuracy: 0.4, tasks: 6 },
    ];
    for (const s of settings) {
      const at = [1, Math.floor(s.tasks / 2), s.tasks - 1];
      const r = goldCatch(s, { at });
      const b = bruteForce(s, at);
      closeTo(r.pCaught, b.pCaught, 1e-13);
      // expectations of ~10 summed over 3^9 sequences: the brute force itself is good to ~1e-12
      closeTo(r.expectedTasksToCatch, b.tasks, 1e-11);
      closeTo(r.expectedBadLabels, b.bad, 1e-11);
      for (let g = 1; g < b.caughtAtGold.length; g++) closeTo(r.caughtAtGold[g] ?? 0, b.caughtAtGold[g], 1e-13);
      at.forEach((_, i) => closeTo(r.pCaughtAt[i], b.pCaughtAt[i], 1e-13));
    }
  });

  it('goldCatch with M = 1, T = 1 (flag at the first wrong gold answer) matches the geometric closed form', () => {
    // Each task is a wrong gold answer w.p. p = F(1 − A), independently: τ ~ Geometric(p).
    // P(τ <= N) = 1 − (1 − p)^N; E[min(τ, N)] = (1 − (1 − p)^N)/p; the tasks before the flag are
    // non-gold w.p. (1 − F)/(1 − p) each, so E[bad] = (1 − F)(1 − (1 − p)^N)/p.
    for (const [F, A, N] of [
      [0.1, 0.4, 200],
      [0.05, 0.85, 40],
      [0.001, 0.999, 100_000],
      [0.3, 0.7, 50],
    ]) {
      const p = F * (1 - A);
      const caught = -Math.expm1(N * Math.log1p(-p));
      const r = goldCatch({ goldShare: F, minGold: 1, threshold: 1, accuracy: A, tasks: N }, { at: [1, 10] });
      closeTo(r.pCaught / caught, 1, 1e-11);
      closeTo(r.expectedTasksToCatch / (caught / p), 1, 1e-11);
      closeTo(r.expectedBadLabels / (((1 - F) * caught) / p), 1, 1e-11);
      closeTo(r.flagAtGold[1], 1 - A, 1e-15); // P(flagged at the first gold answer) = 1 − A
      closeTo(r.flagAtGold[3], A * A * (1 - A), 1e-15);
      closeTo(r.pCaughtAt[0], p, 1e-15);
      closeTo(r.pCaughtAt[1], -Math.expm1(10 * Math.log1p(-p)), 1e-14);
    }
  });

  it('goldCatch with M = 1 flags at the first gold answer w.p. 1 − A for any T in (0, 1]', () => {
    for (const T of [0.01, 0.5, 0.6, 1])
      closeTo(
        goldCatch({ goldShare: 0.2, minGold: 1, threshold: T, accuracy: 0.7, tasks: 20 }).flagAtGold[1],
        0.3,
        1e-15,
      );
  });

  it('goldCatch with T > 1 (or A = 0) flags at the M-th gold answer: P(caught) = P(Binomial(N, F) >= M)', () => {
    // N = 30, F = 0.2, M = 3: 1 − (0.8^30 + 30·0.2·0.8^29 + 435·0.04·0.8^28) = 0.955823…
    const ref = 1 - (0.8 ** 30 + 30 * 0.2 * 0.8 ** 29 + 435 * 0.04 * 0.8 ** 28);
    closeTo(ref, binomialAtLeast(30, 0.2, 3), 1e-14);
    closeTo(goldCatch({ goldShare: 0.2, minGold: 3, threshold: 1.5, accuracy: 0.9, tasks: 30 }).pCaught, ref, 1e-14);
    const zero = goldCatch({ goldShare: 0.2, minGold: 3, threshold: 0.6, accuracy: 0, tasks: 30 });
    closeTo(zero.pCaught, ref, 1e-14);
    expect(zero.flagAtGold[3]).toBe(1);
    // E[min(pos_3, 30)]: the 3rd gold task is at n w.p. C(n−1, 2)·0.2³·0.8^(n−3)
    let tasks = 0;
    for (let n = 3; n <= 30; n++) tasks += (((n - 1) * (n - 2)) / 2) * 0.2 ** 3 * 0.8 ** (n - 3) * n;
    tasks += 30 * (1 - ref);
    closeTo(zero.expectedTasksToCatch, tasks, 1e-12);
  });

  it('goldCatch with F = 1 is the rule on N gold answers: M = 5, T = 0.6, N = 5 → P(Binomial(5, A) <= 2)', () => {
    // A = 0.4: 0.6^5 + 5·0.4·0.6^4 + 10·0.16·0.6^3 = 0.07776 + 0.2592 + 0.3456 = 0.68256 (3/5 = 0.6 is not < 0.6)
    const r = goldCatch({ goldShare: 1, minGold: 5, threshold: 0.6, accuracy: 0.4, tasks: 5 });
    closeTo(r.pCaught, 0.68256, 1e-15);
    closeTo(r.expectedTasksToCatch, 5, 1e-15);
    closeTo(r.expectedBadLabels, 0, 1e-15);
  });

  it('goldCatch is never caught without gold, with T = 0, with a perfect annotator, or with N = 0', () => {
    for (const s of [
      { goldShare: 0, minGold: 1, threshold: 0.6, accuracy: 0.4, tasks: 50 },
      { goldShare: 0.3, minGold: 1, threshold: 0, accuracy: 0.4, tasks: 50 },
      { goldShare: 0.3, minGold: 2, threshold: 1, accuracy: 1, tasks: 50 },
    ]) {
      const r = goldCatch(s);
      expect(r.pCaught).toBe(0);
      closeTo(r.expectedTasksToCatch, 50, 1e-12);
      closeTo(r.expectedBadLabels, 50 * (1 - s.goldShare), 1e-12);
      expect(r.meanTasksWhenCaught).toBeNaN();
      closeTo(r.pNeverFlaggedByGold, 1, 1e-15);
    }
    const none = goldCatch({ goldShare: 0.5, minGold: 1, threshold: 0.6, accuracy: 0.4, tasks: 0 }, { at: [0] });
    expect([none.pCaught, none.expectedTasksToCatch, none.expectedBadLabels, none.pCaughtAt[0]]).toEqual([0, 0, 0, 0]);
  });

  it('goldCatch stays a probability for long runs (N = 20000) and rises with N', () => {
    const base = { goldShare: 0.05, minGold: 5, threshold: 0.6, accuracy: 0.55 };
    const r = goldCatch({ ...base, tasks: 20_000 }, { at: [100, 1000, 10_000] });
    expect(r.pCaught).toBeGreaterThan(0.99);
    expect(r.pCaught).toBeLessThanOrEqual(1);
    expect(r.pCaughtAt[0]).toBeLessThan(r.pCaughtAt[1]);
    expect(r.pCaughtAt[1]).toBeLessThan(r.pCaughtAt[2]);
    // the curve at n equals a separate computation with N = n
    closeTo(r.pCaughtAt[1], goldCatch({ ...base, tasks: 1000 }).pCaught, 1e-13);
    closeTo(goldCatch({ ...base, tasks: 100 }, { at: [1000] }).pCaughtAt[0], r.pCaughtAt[1], 1e-13); // n > N too
    // caught + never flagged within the reachable gold answers + flagged beyond = 1 (here: all within reach)
    let flagged = 0;
    for (const f of r.flagAtGold) flagged += f;
    closeTo(flagged + r.pNeverFlaggedByGold, 1, 1e-12);
  });

  it('goldCatch throws on invalid parameters', () => {
    const ok = { goldShare: 0.1, minGold: 5, threshold: 0.6, accuracy: 0.4, tasks: 10 };
    expect(() => goldCatch({ ...ok, goldShare: 1.5 })).toThrow(/goldShare/);
    expect(() => goldCatch({ ...ok, accuracy: -0.1 })).toThrow(/accuracy/);
    expect(() => goldCatch({ ...ok, minGold: 0 })).toThrow(/minGold/);
    expect(() => goldCatch({ ...ok, tasks: 2.5 })).toThrow(/tasks/);
    expect(() => goldCatch({ ...ok, threshold: NaN })).toThrow(/threshold/);
    expect(() => goldCatch(ok, { at: [-1] })).toThrow(/at/);
  });
});
