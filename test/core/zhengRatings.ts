// The crowd benchmark sets of Zheng et al. (2017), "Truth Inference in Crowdsourcing: Is the Problem
// Solved?", PVLDB 10(5), read from ../shared/reference-data/ (reference README §5.3); never copied here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadFiles } from '../../src/parse/loadFiles';
import type { Ratings } from '../../src/core/types';
import { diskFile } from '../helpers/loadText';

const DATA = join(import.meta.dirname, '../../../shared/reference-data');

/** The folder of one data set, e.g. `zheng2017-d-product`. */
export const zhengDir = (name: string) => join(DATA, name);
export const hasZheng = (name: string) => existsSync(join(DATA, name, 'answer.csv')) && existsSync(join(DATA, name, 'truth.csv'));

/** answer.csv joined with truth.csv on the item id: `itemGold` holds the truth. */
export async function zhengRatings(name: string): Promise<Ratings> {
  const dir = join(DATA, name);
  const files = [await diskFile(join(dir, 'answer.csv')), await diskFile(join(dir, 'truth.csv'))];
  return (await loadFiles(files, { scale: 'nominal' })).ratings;
}

/** Items whose label equals the gold label, and gold items. */
export function goldCorrect(label: Int32Array, itemGold: Int32Array): { correct: number; n: number } {
  let correct = 0, n = 0;
  for (let i = 0; i < itemGold.length; i++) {
    if (itemGold[i] < 0) continue;
    n++;
    if (label[i] === itemGold[i]) correct++;
  }
  return { correct, n };
}
