// The crowd benchmark sets of Zheng et al. (2017), "Truth Inference in Crowdsourcing: Is the Problem
// Solved?", PVLDB 10(5):541–552: `datasets/<name>/answer.csv` and `truth.csv` of
// github.com/zhydhkcws/crowd_truth_infer @8d21647 (no licence stated, so never copied here). Tests read a local
// copy outside the repository when it is there and are skipped otherwise (test/helpers/shared.ts).
import { join } from 'node:path';
import { loadFiles } from '../../src/parse/loadFiles';
import type { Ratings } from '../../src/core/types';
import { diskFile } from '../helpers/loadText';
import { hasShared, sharedPath, withShared } from '../helpers/shared';

const DATA = sharedPath('reference-data');
const files = (name: string) => [join('reference-data', name, 'answer.csv'), join('reference-data', name, 'truth.csv')];

/** The folder of one data set, e.g. `zheng2017-d-product`. */
export const zhengDir = (name: string) => join(DATA, name);
export const hasZheng = (name: string) => hasShared(...files(name));
/** `describe` / `it` that run only when every named data set is there (test/helpers/shared.ts). */
export const withZheng = (...names: string[]) => withShared(...names.flatMap(files));

/** answer.csv joined with truth.csv on the item id: `itemGold` holds the truth. */
export async function zhengRatings(name: string): Promise<Ratings> {
  const dir = join(DATA, name);
  const files = [await diskFile(join(dir, 'answer.csv')), await diskFile(join(dir, 'truth.csv'))];
  return (await loadFiles(files, { scale: 'nominal' })).ratings;
}

/** Items whose label equals the gold label, and gold items. */
export function goldCorrect(label: Int32Array, itemGold: Int32Array): { correct: number; n: number } {
  let correct = 0,
    n = 0;
  for (let i = 0; i < itemGold.length; i++) {
    if (itemGold[i] < 0) continue;
    n++;
    if (label[i] === itemGold[i]) correct++;
  }
  return { correct, n };
}
