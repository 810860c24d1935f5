// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldAccuracy } from '../../src/core/goldAccuracy';
import { judgementFilter } from '../../src/core/judgementFilter';
import { rng } from '../../src/core/rng';
import { wilsonInterval } from '../../src/core/wilsonInterval';
import { loadFiles } from '../../src/parse/loadFiles';
import { timeSection } from '../../src/sections/timeSection';
import { RANDOM_CLICKERS } from '../fixtures/generateDemo';
import { closeTo } from '../helpers/closeTo';
import { diskFile, textFile } from '../helpers/loadText';

// u1 in file order: lines 2…6, stamped so that its session is n1 (10:01), g1 (10:02), n2 (10:03), g2 (10:04), g3 (10:05).
// Gold: g1 A>, g2 B>, g3 =. u1: g1 A>> (right side), g2 A> (wrong), g3 = (right) → positions 2 ✓, 4 ✗, 5 ✓.
// u2: g1 B> at 11:00 (✗, position 1), g2 B>> at 11:01 (✓, 2), n1 without a stamp (last, 3).
// The AI judge's verdict on n1 (ai_label) is not a human judgement.
const CSV = `example_id,annotator_id,label,time_seconds,timestamp,is_gold,gold_label,ai_label
g1,u1,A>>,2,2026-01-05T10:02:00Z,1,A>,
g2,u1,A>,4,2026-01-05T10:04:00Z,1,B>,
n1,u1,=,6,2026-01-05T10:01:00Z,0,,A>
g3,u1,=,8,2026-01-05T10:05:00Z,1,=,
n2,u1,B>,30,2026-01-05T10:03:00Z,0,,
g1,u2,B>,5,2026-01-05T11:00:00Z,1,A>,
g2,u2,B>>,10,2026-01-05T11:01:00Z,1,B>,
n1,u2,A>,,,0,,
`;

const load = (csv: string) => loadFiles([textFile('t.csv', csv)]);

describe('timeSection', () => {
  it('timeSection(loaded) gives per-annotator and pooled type-7 quantiles and the labels under 5 s (hand-computed)', async () => {
    const t = (await timeSection(await load(CSV)))!;
    expect(t.too_fast_seconds).toBe(5);
    expect(t.annotators.map((a) => a.id)).toEqual(['u1', 'u2']);
    const [u1, u2] = t.annotators;
    // u1 sorted 2, 4, 6, 8, 30 (h = 4p): p10 2 + 0.4 × 2 = 2.8; p25 4; p50 6; p75 8; p90 8 + 0.6 × 22 = 21.2; under 5: 2, 4
    expect(u1).toMatchObject({ n: 5, too_fast: 2, too_fast_share: 0.4 });
    Object.entries({ p10: 2.8, p25: 4, p50: 6, p75: 8, p90: 21.2 }).forEach(([k, v]) =>
      closeTo(u1.quantiles![k as 'p10'], v, 1e-12),
    );
    // u2: 5, 10 (the third has no time; h = p): 5.5, 6.25, 7.5, 8.75, 9.5; 5 s is not under 5 s
    expect(u2).toMatchObject({ n: 2, too_fast: 0, too_fast_share: 0 });
    Object.entries({ p10: 5.5, p25: 6.25, p50: 7.5, p75: 8.75, p90: 9.5 }).forEach(([k, v]) =>
      closeTo(u2.quantiles![k as 'p10'], v, 1e-12),
    );
    // pooled 2, 4, 5, 6, 8, 10, 30 (h = 6p): p10 2 + 0.6 × 2 = 3.2; p25 4 + 0.5 × 1 = 4.5; p50 6; p75 8 + 0.5 × 2 = 9; p90 10 + 0.4 × 20 = 18
    expect(t.pooled).toMatchObject({ n: 7, too_fast: 2 });
    closeTo(t.pooled.too_fast_share!, 2 / 7, 1e-15);
    Object.entries({ p10: 3.2, p25: 4.5, p50: 6, p75: 9, p90: 18 }).forEach(([k, v]) =>
      closeTo(t.pooled.quantiles![k as 'p10'], v, 1e-12),
    );
  });

  it('timeSection(loaded, {bucketWidth, minGold}) orders each session by timestamp and scores gold per bucket and half (hand-computed)', async () => {
    const loaded = await load(CSV);
    const f = timeSection(loaded, { bucketWidth: 2, minGold: 1 })!.fatigue!;
    expect(f.order).toBe('timestamp');
    expect(f.missing_timestamps).toBe(1);
    expect(f.bucket_width).toBe(2);
    // 1–2: u1 2 ✓, u2 1 ✗, u2 2 ✓ → 2/3; 3–4: u1 4 ✗ → 0/1; 5: u1 5 ✓ → 1/1
    expect(f.buckets.map((b) => [b.from, b.to, b.gold_n, b.gold_accuracy])).toEqual([
      [1, 2, 3, 2 / 3],
      [3, 4, 1, 0],
      [5, 5, 1, 1],
    ]);
    // Wilson 2/3, z = 1.959964: z²/n = 1.28049, centre (0.66667 + 0.64024) / 2.28049 = 0.57308,
    // half 1.959964 × √(0.074074 + 0.106708) / 2.28049 = 0.36538 → [0.2077, 0.9385]
    closeTo(f.buckets[0].ci95![0], 0.2077, 5e-5);
    closeTo(f.buckets[0].ci95![1], 0.9385, 5e-5);
    // 0/1: [0, z²/(1 + z²)] = [0, 3.8415 / 4.8415] = [0, 0.7935]
    closeTo(f.buckets[1].ci95![1], 0.7935, 5e-5);
    expect(f.buckets[1].ci95![0]).toBe(0);
    // u1: length 5, first half positions 1, 2 → 1/1; second 3…5 → 4 ✗, 5 ✓ → 1/2; change −0.5
    // u2: length 3, first half position 1 → 0/1; second 2, 3 → 1/1; change +1
    expect(
      f.annotators.map((a) => [
        a.id,
        a.gold_n,
        a.first_half.gold_n,
        a.first_half.gold_accuracy,
        a.second_half.gold_n,
        a.second_half.gold_accuracy,
        a.change,
      ]),
    ).toEqual([
      ['u1', 3, 1, 1, 2, 0.5, -0.5],
      ['u2', 2, 1, 0, 1, 1, 1],
    ]);
    // a tail with fewer than minGold gold answers joins the bucket before: minGold 2 → 3–5 with 1/2
    const merged = timeSection(loaded, { bucketWidth: 2, minGold: 2 })!.fatigue!;
    expect(merged.buckets.map((b) => [b.from, b.to, b.gold_n, b.gold_accuracy])).toEqual([
      [1, 2, 3, 2 / 3],
      [3, 5, 2, 0.5],
    ]);
  });

  it('timeSection(loaded) without timestamps orders by file then row; without gold has no fatigue; without times is null', async () => {
    const noStamp = CSV.split('\n')
      .map((l) =>
        l
          .split(',')
          .filter((_, k) => k !== 4)
          .join(','),
      )
      .join('\n');
    const f = timeSection(await load(noStamp), { bucketWidth: 2, minGold: 1 })!.fatigue!;
    // u1 in file order: g1 ✓, g2 ✗, n1, g3 ✓, n2; u2: g1 ✗, g2 ✓, n1 → 1–2: 2/4 (u1 1, 2; u2 1, 2); 3–4: g3 ✓ → 1/1, and the
    // last position (5, no gold) joins it: 3–5
    expect(f.order).toBe('file order');
    expect(f.missing_timestamps).toBe(0);
    expect(f.buckets.map((b) => [b.from, b.to, b.gold_n, b.gold_accuracy])).toEqual([
      [1, 2, 4, 0.5],
      [3, 5, 1, 1],
    ]);

    const noGold = CSV.split('\n')
      .map((l) =>
        l
          .split(',')
          .filter((_, k) => k !== 5 && k !== 6)
          .join(','),
      )
      .join('\n');
    expect(timeSection(await load(noGold))!.fatigue).toBeNull();

    const noTimes = CSV.split('\n')
      .map((l) =>
        l
          .split(',')
          .filter((_, k) => k !== 3 && k !== 4)
          .join(','),
      )
      .join('\n');
    expect(timeSection(await load(noTimes))).toBeNull();
    // timestamps alone: no speed (n 0, quantiles null), fatigue by timestamp
    const stampsOnly = timeSection(
      await load(
        CSV.split('\n')
          .map((l) =>
            l
              .split(',')
              .filter((_, k) => k !== 3)
              .join(','),
          )
          .join('\n'),
      ),
    )!;
    expect(stampsOnly.pooled).toEqual({ n: 0, quantiles: null, too_fast: 0, too_fast_share: null });
    expect(stampsOnly.annotators[0]).toEqual({ id: 'u1', n: 0, quantiles: null, too_fast: 0, too_fast_share: null });
    expect(stampsOnly.fatigue!.order).toBe('timestamp');
  });

  it('timeSection(loaded) shows a planted fatigue effect (gold accuracy 0.9 → 0.6 along each session) with the truth inside the intervals', async () => {
    // 20 annotators with 300…400 labels each, half of them on gold items; the chance of a right side falls
    // linearly with the position k in the own session: p = 0.9 − 0.3 (k − 1)/(L − 1). Stamps follow the
    // session; rows are shuffled, so only the timestamps give the order.
    const random = rng(2024);
    const LABELS = ['A>>', 'A>', '=', 'B>', 'B>>'];
    const sideOf = (c: number) => (c <= 1 ? 0 : c === 2 ? 1 : 2);
    const rows: { line: string; key: number }[] = [];
    const truth = new Map<string, { p: number; k: number; L: number }>(); // per gold row: its chance
    for (let a = 0; a < 20; a++) {
      const L = 300 + Math.floor(random() * 101);
      for (let k = 1; k <= L; k++) {
        const id = `i${a}_${k}`;
        const gold = random() < 0.5;
        const g = Math.floor(random() * 5);
        const p = 0.9 - (0.3 * (k - 1)) / (L - 1);
        let label = g;
        if (gold && random() >= p) {
          const wrong = [0, 1, 2, 3, 4].filter((c) => sideOf(c) !== sideOf(g));
          label = wrong[Math.floor(random() * wrong.length)];
        } else if (!gold) label = Math.floor(random() * 5);
        if (gold) truth.set(`${a}:${k}`, { p, k, L });
        const stamp = new Date(Date.UTC(2026, 0, 5, 9) + a * 3_600_000 * 24 + k * 30_000).toISOString();
        rows.push({
          line: [
            id,
            `w${String(a).padStart(2, '0')}`,
            LABELS[label],
            (10 + 20 * random()).toFixed(1),
            stamp,
            gold ? 1 : 0,
            gold ? LABELS[g] : '',
          ].join(','),
          key: random(),
        });
      }
    }
    rows.sort((x, y) => x.key - y.key);
    const csv = `example_id,annotator_id,label,time_seconds,timestamp,is_gold,gold_label\n${rows.map((r) => r.line).join('\n')}\n`;
    const f = timeSection(await load(csv))!.fatigue!;
    expect(f.order).toBe('timestamp');
    // longest session ~400 → width 50: 8 buckets
    expect(f.bucket_width).toBe(50);
    const all = [...truth.entries()].map(([key, v]) => ({ a: Number(key.split(':')[0]), ...v }));
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    let outside = 0;
    for (const b of f.buckets) {
      // the truth of a bucket: the mean chance of its gold answers
      const inB = all.filter((x) => x.k >= b.from && x.k <= b.to);
      expect(b.gold_n).toBe(inB.length);
      const t = mean(inB.map((x) => x.p));
      if (!(b.ci95![0] <= t && t <= b.ci95![1])) outside++;
      // and always inside the 99.9% interval (z = 3.2905): P(any of 8 outside) ≈ 0.8%
      const [lo, hi] = wilsonInterval(Math.round(b.gold_n * b.gold_accuracy!), b.gold_n, 3.2905);
      expect(lo <= t && t <= hi).toBe(true);
    }
    // 95% intervals: 0.4 misses expected of 8, P(2 or more) ≈ 5.7%. With this seed, 1–50 misses: 0.841 [0.806, 0.870]
    // against a truth of 0.879 (2.6 standard errors)
    expect(outside).toBeLessThanOrEqual(1);
    // the fall is visible: the first bucket's interval lies above the last one's
    expect(f.buckets[0].ci95![0]).toBeGreaterThan(f.buckets[f.buckets.length - 1].ci95![1]);
    closeTo(f.buckets[0].gold_accuracy!, 0.88, 0.05);
    // halves: truth ~0.825 and ~0.675 per annotator; 95% intervals, so a few of the 40 may miss
    let missed = 0;
    const changes: number[] = [],
      trueChanges: number[] = [];
    for (const row of f.annotators) {
      const a = Number(row.id.slice(1));
      const own = all.filter((x) => x.a === a);
      const first = mean(own.filter((x) => 2 * x.k <= x.L).map((x) => x.p));
      const second = mean(own.filter((x) => 2 * x.k > x.L).map((x) => x.p));
      if (!(row.first_half.ci95![0] <= first && first <= row.first_half.ci95![1])) missed++;
      if (!(row.second_half.ci95![0] <= second && second <= row.second_half.ci95![1])) missed++;
      changes.push(row.change!);
      trueChanges.push(second - first);
    }
    expect(f.annotators).toHaveLength(20);
    expect(missed).toBeLessThanOrEqual(4); // expected 2 of 40; P(more than 4) ≈ 5%
    // the mean change over annotators (sd ≈ 0.06/√20 ≈ 0.014) is close to the true −0.15
    closeTo(mean(changes), mean(trueChanges), 0.05);
    expect(mean(changes)).toBeLessThan(-0.1);
  });

  it('timeSection(demo) shows the planted random clickers as fast (1.5–4 s, every label under 5 s) and no fatigue', async () => {
    const loaded = await loadFiles([await diskFile(join(import.meta.dirname, '../../public/samples/demo.csv.gz'))]);
    const t = timeSection(loaded)!;
    expect(t.annotators).toHaveLength(25);
    // generateDemo `seconds`: clickers take round(1.5 + 2.5 u, 1) s; the others max(4, median × reading × e^(0.4 N)) with
    // a median of 25–60 s, so only a rare label of theirs is under 5 s
    for (const row of t.annotators) {
      if ((RANDOM_CLICKERS as readonly string[]).includes(row.id)) {
        expect(row.too_fast_share).toBe(1);
        expect(row.quantiles!.p10).toBeGreaterThanOrEqual(1.5);
        expect(row.quantiles!.p90).toBeLessThanOrEqual(4);
      } else {
        expect(row.too_fast_share).toBeLessThan(0.01);
        expect(row.quantiles!.p10).toBeGreaterThan(10);
      }
    }
    const clickerLabels = t.annotators
      .filter((a) => (RANDOM_CLICKERS as readonly string[]).includes(a.id))
      .reduce((s, a) => s + a.n, 0);
    expect(t.pooled.n).toBe(6000);
    expect(t.pooled.too_fast).toBeGreaterThanOrEqual(clickerLabels);
    expect(t.pooled.too_fast).toBeLessThan(clickerLabels + 10);
    // fatigue: stamps give the order; every gold answer is in one bucket (200 gold pairs × 3 judgements)
    const f = t.fatigue!;
    expect(f.order).toBe('timestamp');
    expect(f.missing_timestamps).toBe(0);
    const mask = judgementFilter(loaded.ratings);
    const g = goldAccuracy(loaded.ratings, mask);
    const total = g.n.reduce((s, x) => s + x, 0),
      right = g.correctDirectional.reduce((s, x) => s + x, 0);
    expect(total).toBe(600);
    expect(f.buckets.reduce((s, b) => s + b.gold_n, 0)).toBe(total);
    expect(f.buckets.reduce((s, b) => s + b.gold_n * b.gold_accuracy!, 0)).toBeCloseTo(right, 9);
    // the generator's accuracy does not depend on the position: every bucket's interval holds the overall accuracy
    for (const b of f.buckets) {
      expect(b.ci95![0]).toBeLessThanOrEqual(right / total);
      expect(b.ci95![1]).toBeGreaterThanOrEqual(right / total);
    }
  });
});
