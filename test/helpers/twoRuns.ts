import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../../src/core/rng';

/** The labels of the runs: the three-way scale. */
export const RUN_LABELS = ['A', 'tie', 'B'];

/** The true label of items 0, 1, 2, … (the same in every run): what `runCsv` labels agree with. */
export function trueLabels(n: number): number[] {
  const truth = rng(1);
  return Array.from({ length: n }, () => Math.floor(truth() * 3));
}

/**
 * A labelling run as a long CSV in `dir`: items `first` … `first + items - 1` (ids `p0`, `p1`, …) × 3
 * annotators of `pool`, each label the item's true label (`trueLabels`) with probability `agree`, else
 * uniform; `flip` items get the other side from all three (a tie stays a tie). Returns the file's path.
 */
export function runCsv(
  dir: string,
  name: string,
  seed: number,
  opts: { items: number; first?: number; pool: string[]; agree: number; flip?: Set<number> },
): string {
  const random = rng(seed);
  const { items, first = 0, pool, agree, flip } = opts;
  const truth = trueLabels(first + items);
  const lines = ['item_id,annotator_id,label'];
  for (let i = first; i < first + items; i++) {
    const t = truth[i];
    const start = Math.floor(random() * pool.length);
    for (let k = 0; k < 3; k++) {
      const label = flip?.has(i) ? 2 - t : random() < agree ? t : Math.floor(random() * 3);
      lines.push(`p${i},${pool[(start + k) % pool.length]},${RUN_LABELS[label]}`);
    }
  }
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Annotators `worker-0` … `worker-{n-1}`. */
export const workers = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `worker-${from + i}`);
