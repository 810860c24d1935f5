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
  });
});
