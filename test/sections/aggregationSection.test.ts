// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { aggregationSection, resolveMethod } from '../../src/sections/aggregationSection';
import { diskFile, textFile } from '../helpers/loadText';
import { withZheng, zhengDir } from '../core/zhengRatings';

const PRODUCT = zhengDir('zheng2017-d-product');

describe('resolveMethod', () => {
  it("resolveMethod('auto', …) is Dawid-Skene when it converged, else majority vote with the reason; a chosen method stands", () => {
    expect(resolveMethod('auto', true, 23)).toEqual({ method: 'dawid_skene', reason: null });
    expect(resolveMethod('auto', false, 100)).toEqual({
      method: 'majority',
      reason:
        "Dawid-Skene stopped after 100 passes without converging (the largest posterior change was still 1e-6 or more), so the final labels are majority vote's",
    });
    expect(resolveMethod('dawid_skene', false, 100).method).toBe('dawid_skene');
    expect(resolveMethod('dawid_skene', false, 100).reason).toMatch(/its labels are those of the last pass, as asked$/);
    expect(resolveMethod('weighted', false, 100)).toEqual({ method: 'weighted', reason: null });
  });
});

describe('aggregationSection', () => {
  withZheng('zheng2017-d-product').it(
    'aggregationSection(D_Product) gives majority 7455/8315 and Dawid-Skene in the published range',
    async () => {
      const { ratings } = await loadFiles(
        [await diskFile(join(PRODUCT, 'answer.csv')), await diskFile(join(PRODUCT, 'truth.csv'))],
        { scale: 'nominal' },
      );
      const a = aggregationSection(ratings, {
        composite: new Float64Array(ratings.annotators.length).fill(NaN),
      }).section;
      expect(a.gold_items).toBe(8315);
      expect(a.gold_accuracy.majority).toBe(7455 / 8315); // Zheng et al. / crowd-kit: 0.897
      expect(a.gold_accuracy.dawid_skene).toBeGreaterThanOrEqual(0.935); // 0.9366 (Zheng) … 0.940 (crowd-kit)
      expect(a.gold_accuracy.dawid_skene).toBeLessThanOrEqual(0.941);
      expect(a.converged).toBe(true);
      // with every weight equal (no composite: 0.5 each) the weighted vote is the majority vote
      expect(a.differs_from_majority.weighted).toBe(0);
      // Wawa as crowd-kit 1.4.1 labels D_Product (test/core/wawaOneCoin.test.ts): 7455 / 8315 (0.897, crowd-kit's
      // paper); One-coin Dawid-Skene at crowd-kit's fixed point is 7553 / 8315, and 7587 / 8315 here, where the 76
      // items whose argmax no annotator gave keep the most probable label given (the test there checks that only
      // those items differ)
      const row = (id: string) => a.methods.find((m) => m.id === id)!;
      expect(a.methods.map((m) => m.id)).toEqual([
        'majority',
        'weighted',
        'dawid_skene',
        'one_coin_dawid_skene',
        'wawa',
      ]);
      expect(row('wawa')).toMatchObject({ gold_n: 8315, gold_accuracy: 7455 / 8315, iterations: null });
      expect(row('one_coin_dawid_skene')).toMatchObject({ gold_n: 8315, gold_accuracy: 7587 / 8315, converged: true });
      // nominal labels: by label and by direction are the same; the interval is Wilson's
      for (const m of a.methods) {
        expect(m.gold_accuracy_exact).toBe(m.gold_accuracy);
        const [lo, hi] = m.gold_accuracy_ci95!;
        expect(lo).toBeLessThan(m.gold_accuracy!);
        expect(hi).toBeGreaterThan(m.gold_accuracy!);
      }
      expect(row('majority').gold_accuracy_ci95![0]).toBeCloseTo(0.889843, 6); // Wilson 7455/8315, computed by hand in python
    },
    60_000,
  );

  it('aggregationSection(ratings) scores each method on the gold side and counts changes (hand-computed)', async () => {
    // g1 gold A>: votes A>, A>, B> → A> (right); g2 gold B>: votes A>, B>, = → sides tie 1-1-1 → "=" (wrong)
    const csv =
      'example_id,annotator_id,label,gold_label\ng1,x,A>,A>\ng1,y,A>,A>\ng1,z,B>,A>\ng2,x,A>,B>\ng2,y,B>,B>\ng2,z,=,B>\n';
    const { ratings } = await loadFiles([textFile('g.csv', csv)]);
    const composite = Float64Array.from(ratings.annotators, (id) => (id === 'y' ? 1 : 0.2)); // trust y
    const a = aggregationSection(ratings, { composite, method: 'weighted' }).section;
    expect(a.gold_accuracy.majority).toBe(0.5);
    expect(a.gold_accuracy.weighted).toBe(1); // y's B> outweighs x and z on g2
    expect(a.changed_vs_majority).toBe(1);
    expect(a.label_counts.majority).toEqual([1, 1, 0]); // 3-way scale: A>, =, B>
    // by label and by direction: g1's A> is both; on g2 nothing right
    const weighted = a.methods.find((m) => m.id === 'weighted')!;
    expect(weighted).toMatchObject({ gold_n: 2, gold_accuracy_exact: 1, gold_accuracy: 1 });
  });
});
