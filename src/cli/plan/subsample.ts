import { existsSync, openAsBlob, statSync } from 'node:fs';
import { basename } from 'node:path';
import { loadFiles } from '../../parse/loadFiles';
import { subsampleCurve } from '../../planning/subsampleCurve';
import { parseCommandLine } from '../commandLine';
import type { PlanCommand } from './command';
import { fail } from '../command';

const USAGE = `usage: npm run --silent plan -- subsample FILE... [--price P] [--max-k K] [--repeats R] [--seed S] [--remove ID,ID,...]
  draws k = 1…K human labels per item (K = min(--max-k, the most labels on one item); default 7) --repeats times
  (default 50, seeded by --seed, default 1) and prints agreement, gold accuracy of the k-label majority and its
  agreement with the full majority, with 95% intervals over the repeats, against the cost per pair (k × --price,
  default 0.30 per label); --remove leaves annotators out by id.`;

/** `plan subsample`: is a third or fifth label worth it, from the user's own files. */
export const subsample: PlanCommand = {
  usage: USAGE,
  async run(argv) {
    const { values: v, positionals: paths } = parseCommandLine(
      argv,
      {
        price: { type: 'string' },
        'max-k': { type: 'string' },
        repeats: { type: 'string' },
        seed: { type: 'string' },
        remove: { type: 'string' },
      },
      USAGE,
      fail,
    );
    if (paths.length === 0) fail(`no input file\n${USAGE}`);
    const whole = (raw: string | undefined, name: string, fallback: number, min: number) => {
      if (raw === undefined) return fallback;
      if (!/^\d+$/.test(raw.trim()) || Number(raw) < min)
        fail(`--${name} takes a whole number of ${min} or more, not "${raw}"`);
      return Number(raw);
    };
    let price = 0.3;
    if (v.price !== undefined) {
      price = Number(v.price);
      if (!(v.price.trim() !== '' && price >= 0 && price < Infinity))
        fail(`--price takes a price of 0 or more, not "${v.price}"`);
    }
    const maxK = whole(v['max-k'], 'max-k', 7, 1);
    const repeats = whole(v.repeats, 'repeats', 50, 1);
    const seed = whole(v.seed, 'seed', 1, 0);
    for (const p of paths) if (!existsSync(p) || !statSync(p).isFile()) fail(`cannot read ${p}: no such file`);
    const files = await Promise.all(
      paths.map(async (p) => ({ name: basename(p), blob: (await openAsBlob(p)) as unknown as Blob })),
    );
    let loaded;
    try {
      loaded = await loadFiles(files);
    } catch (error) {
      return fail((error as Error).message);
    }
    const ids = v.remove
      ? v.remove
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : [];
    const unknown = ids.filter((id) => !loaded.ratings.annotators.includes(id));
    if (unknown.length) fail(`--remove: no annotator ${unknown.map((id) => `"${id}"`).join(', ')} in the files`);
    const removed = ids.map((id) => loaded.ratings.annotators.indexOf(id));
    return {
      files: files.map((f) => f.name),
      judgements: loaded.ratings.n,
      removed: ids,
      ...subsampleCurve(loaded, { maxK, repeats, seed, pricePerLabel: price, removed }),
    };
  },
};
