// Label-aggregation test vectors, transcribed from crowd-kit's test suite (github.com/Toloka/crowd-kit @35f0661:
// `tests/conftest.py`, `tests/aggregation/*.py`), and a seeded synthetic crowd with known annotator quality.
import { rng } from '../../src/core/rng';

type Triple = [string, string, string];

/**
 * crowd-kit toy YSDA data (`tests/conftest.py`): ground truth, and the MV / Wawa probabilities
 * (`tests/aggregation/data_mv.py`, `data_wawa.py`) as [P(no), P(yes)] in task order t1…t5.
 */
export const TOY_TRUTH = ['yes', 'yes', 'no', 'yes', 'no'];
export const TOY_MV_LABELS = ['no', 'yes', 'no', 'yes', 'no'];
export const TOY_MV_PROBAS = [
  [0.5, 0.5],
  [0.4, 0.6],
  [0.6, 0.4],
  [0, 1],
  [0.8, 0.2],
];
export const TOY_MV_SKILLS = [0.6, 0.8, 1.0, 0.4, 0.8];
export const TOY_WAWA_PROBAS = [
  [0.538462, 0.461538],
  [0.333333, 0.666667],
  [0.722222, 0.277778],
  [0, 1],
  [0.833333, 0.166667],
];

/**
 * crowd-kit `test_dawid_skene_step_by_step` (`tests/aggregation/test_ds_aggregation.py`, atol 0.005): probas
 * [P(no), P(yes)] per task, priors [no, yes], labels, and errors[w][observed][true] as printed (rows observed no / yes, columns true no / yes).
 */
export const TOY_DS_STEPS = {
  iter0: {
    probas: [
      [0.5, 0.5],
      [0.4, 0.6],
      [0.6, 0.4],
      [0.0, 1.0],
      [0.8, 0.2],
    ],
    priors: [0.46, 0.54],
    labels: ['no', 'yes', 'no', 'yes', 'no'],
    errors: [
      [
        [0.22, 0.19],
        [0.78, 0.81],
      ],
      [
        [0.61, 0.22],
        [0.39, 0.78],
      ],
      [
        [0.78, 0.27],
        [0.22, 0.73],
      ],
      [
        [0.52, 0.3],
        [0.48, 0.7],
      ],
      [
        [1.0, 0.63],
        [0.0, 0.37],
      ],
    ],
  },
  iter1: {
    probas: [
      [0.35, 0.65],
      [0.26, 0.74],
      [0.87, 0.13],
      [0.0, 1.0],
      [0.95, 0.05],
    ],
    priors: [0.49, 0.51],
    labels: ['yes', 'yes', 'no', 'yes', 'no'],
    errors: [
      [
        [0.14, 0.25],
        [0.86, 0.75],
      ],
      [
        [0.75, 0.07],
        [0.25, 0.93],
      ],
      [
        [0.87, 0.09],
        [0.13, 0.91],
      ],
      [
        [0.5, 0.31],
        [0.5, 0.69],
      ],
      [
        [1.0, 0.61],
        [0.0, 0.39],
      ],
    ],
  },
  /** recomputed independently with the same semantics (4 decimals), not a crowd-kit assertion */
  iter2: {
    probas: [
      [0.1492, 0.8508],
      [0.0963, 0.9037],
      [0.9923, 0.0077],
      [0.0, 1.0],
      [0.9965, 0.0035],
    ],
    priors: [0.4469, 0.5531],
  },
};

/** crowd-kit "simple" dataset (`tests/conftest.py::simple_answers_df`): task ids shortened to their last 3 hex digits (worker, task, label). */
const W = [
  'bde3b214b06c1efa6cb1bc6284dc72d2',
  'b17c3301ad2ccbb798716fdd405d16e8',
  'a452e450f913cfa987cad58d50393718',
  '0f65edea0a6dc7b9acba1dea313bbb3d',
  '0c3eb7d5fcc414db137c4180a654c06e',
  'e563e2fb32fce9f00123a65a1bc78c55',
];
const SIMPLE_BY_WORKER: [string, string][][] = [
  [
    ['eec', 'goose'],
    ['efb', 'parrot'],
    ['f03', 'goose'],
    ['f05', 'goose'],
    ['f02', 'parrot'],
    ['f08', 'parrot'],
  ],
  [
    ['efb', 'parrot'],
    ['ee8', 'chicken'],
    ['f07', 'parrot'],
    ['efd', 'chicken'],
    ['ee4', 'chicken'],
    ['f03', 'goose'],
  ],
  [
    ['ee8', 'chicken'],
    ['eec', 'goose'],
    ['f05', 'goose'],
    ['f02', 'parrot'],
    ['f08', 'parrot'],
  ],
  [
    ['eec', 'goose'],
    ['ee8', 'chicken'],
    ['f03', 'goose'],
    ['ee4', 'chicken'],
  ],
  [
    ['eec', 'parrot'],
    ['efb', 'parrot'],
    ['f07', 'parrot'],
    ['efd', 'parrot'],
    ['ee4', 'parrot'],
    ['f05', 'parrot'],
  ],
  [
    ['efb', 'parrot'],
    ['ee8', 'goose'],
    ['f02', 'parrot'],
    ['f08', 'parrot'],
    ['f07', 'parrot'],
    ['efd', 'goose'],
  ],
];
/** as (task, worker, label) triples */
export const SIMPLE: Triple[] = SIMPLE_BY_WORKER.flatMap((rows, w) => rows.map(([t, l]): Triple => [t, W[w], l]));
export const SIMPLE_TRUTH: Record<string, string> = {
  eec: 'goose',
  f03: 'goose',
  f05: 'goose',
  efb: 'parrot',
  f02: 'parrot',
  f08: 'parrot',
  f07: 'parrot',
  ee8: 'chicken',
  efd: 'chicken',
  ee4: 'chicken',
};
/** MV probabilities [chicken, goose, parrot] (efd is a three-way tie, broken to chicken) */
export const SIMPLE_MV_PROBAS: Record<string, number[]> = {
  ee4: [0.6666667, 0, 0.3333333],
  ee8: [0.75, 0.25, 0],
  eec: [0, 0.75, 0.25],
  efb: [0, 0, 1],
  efd: [0.3333333, 0.3333333, 0.3333333],
  f02: [0, 0, 1],
  f03: [0, 1, 0],
  f05: [0, 0.6666667, 0.3333333],
  f07: [0, 0, 1],
  f08: [0, 0, 1],
};

/**
 * A seeded crowd: each item has a true category (uniform over K) and `perItem` distinct annotators; an
 * annotator of accuracy q gives the truth with probability q, else a uniform category; `qualities` gives
 * q per annotator (0 = a random clicker). Returns the triples and the truth per item id.
 */
export function syntheticCrowd(seed: number, nItems: number, perItem: number, qualities: number[], K: number) {
  const random = rng(seed);
  const triples: [string, string, number][] = [];
  const truth = new Map<string, number>();
  for (let i = 0; i < nItems; i++) {
    const t = Math.floor(random() * K);
    truth.set(`i${i}`, t);
    const chosen = new Set<number>();
    while (chosen.size < perItem) chosen.add(Math.floor(random() * qualities.length));
    for (const a of chosen) triples.push([`i${i}`, `a${a}`, random() < qualities[a] ? t : Math.floor(random() * K)]);
  }
  return { triples, truth };
}

/** A seeded Fisher-Yates shuffle (a copy). */
export function shuffled<T>(xs: T[], seed: number): T[] {
  const random = rng(seed),
    out = xs.slice();
  for (let j = out.length - 1; j > 0; j--) {
    const k = Math.floor(random() * (j + 1));
    [out[j], out[k]] = [out[k], out[j]];
  }
  return out;
}
