// @vitest-environment node
// The crowd benchmark sets of Zheng et al. (2017), "Truth Inference in Crowdsourcing: Is the Problem Solved?",
// PVLDB 10(5), from github.com/zhydhkcws/crowd_truth_infer @8d21647 (`datasets/d_jn-product/` = the paper's
// D_Product, `datasets/d_Duck Identification/`), read from a local copy when present and never copied into the
// repo (test/core/zhengRatings.ts); counts recounted from the files (D_Product's are the paper's).
import { it, expect } from 'vitest';
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { loadFiles } from '../../src/parse/loadFiles';
import type { InputFile } from '../../src/parse/types';
import { withZheng, zhengDir } from '../core/zhengRatings';

const PRODUCT = zhengDir('zheng2017-d-product');
const DUCK = zhengDir('zheng2017-duck-identification');

async function file(dir: string, name: string): Promise<InputFile> {
  return { name, blob: await openAsBlob(join(dir, name)) };
}

function goldItems(itemGold: Int32Array): number {
  return itemGold.reduce((n, g) => n + (g >= 0 ? 1 : 0), 0);
}

withZheng('zheng2017-d-product').describe('loadFiles: Zheng (2017) D_Product', () => {
  it('loadFiles([answer.csv, truth.csv], {scale: "nominal"}) reads 24,945 judgements, 8,315 items, 176 annotators, 8,315 gold items', async () => {
    const r = await loadFiles([await file(PRODUCT, 'answer.csv'), await file(PRODUCT, 'truth.csv')], {
      scale: 'nominal',
    });
    expect(r.issues).toEqual([]);
    expect(r.rowsDropped).toBe(0);
    expect(r.fileInfos.map((f) => f.role)).toEqual(['judgements', 'joined']);
    expect(r.fileInfos[0].mapping).toMatchObject({ item: 'question', annotator: 'worker', label: 'answer' });
    expect(r.fileInfos[1].mapping).toMatchObject({ item: 'question', goldLabel: 'truth' });
    const { ratings } = r;
    expect(ratings.n).toBe(24945);
    expect(ratings.items).toHaveLength(8315);
    expect(ratings.annotators).toHaveLength(176);
    expect(ratings.scale).toBe('nominal');
    expect(ratings.categories).toEqual(['0', '1']);
    expect(goldItems(ratings.itemGold)).toBe(8315);
    expect(ratings.annotatorKind.every((k) => k === 0)).toBe(true);
    expect(ratings.slices).toEqual([]);
  });
});

withZheng('zheng2017-duck-identification').describe(
  'loadFiles: Zheng (2017) Duck identification (CRLF line endings)',
  () => {
    it('loadFiles([answer.csv, truth.csv], {scale: "nominal"}) reads 4,212 judgements, 108 items, 39 workers', async () => {
      const r = await loadFiles([await file(DUCK, 'answer.csv'), await file(DUCK, 'truth.csv')], { scale: 'nominal' });
      expect(r.issues).toEqual([]);
      expect(r.rowsDropped).toBe(0);
      const { ratings } = r;
      expect(ratings.n).toBe(4212);
      expect(ratings.items).toHaveLength(108);
      expect(ratings.annotators).toHaveLength(39);
      expect(ratings.categories).toEqual(['0', '1']);
      expect(goldItems(ratings.itemGold)).toBe(108);
      // no carriage return leaks into ids or labels, and the last row is the file's last line
      expect(ratings.items.some((id) => id.includes('\r'))).toBe(false);
      expect(ratings.annotators.some((id) => id.includes('\r'))).toBe(false);
      expect(Math.max(...r.row)).toBe(4213);
    });
  },
);
