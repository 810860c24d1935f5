// Published test vectors, transcribed from /work/shared/reference/README.md (section numbers cite it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Cell = number | null;
type SCell = string | null;

/** §1.1 Krippendorff (2011), 4 observers × 12 units, variant A (unit 12's lone 3 under coder B). */
export const K2011_A: Cell[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
/** §1.1 variant B = irrCAC `raw_4raters` (§4.2) = NLTK test_advanced: unit 12's 3 under coder C. */
export const K2011_B: Cell[][] = K2011_A.map((row, c) => row.map((v, u) => (u === 11 ? (c === 2 ? 3 : null) : v)));
/** §4.2 raw_4raters as printed (rows = subjects). */
export const RAW_4RATERS: Cell[][] = [
  [1, 1, null, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4],
  [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [null, 5, 5, 5], [null, null, 1, 1], [null, null, 3, null],
];

/** §1.2 Wikipedia, 3 coders × 15 units. */
export const WIKI_3X15: Cell[][] = [
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
];
export const WIKI_VALUE_COUNTS = [[1,0,0,0],[0,0,0,0],[0,2,0,0],[2,0,0,0],[0,0,2,0],[0,0,2,1],[0,0,0,3],[1,0,1,0],[0,2,0,0],[2,0,0,0],[2,0,0,0],[0,0,2,0],[0,0,2,0],[0,0,0,0],[0,0,1,1]];

/** §1.5 Hayes & Krippendorff (2007), read from the shared CSV (rows = units, '.' missing) as coders × units. */
export function hayesKrippendorff2007(): Cell[][] {
  const file = join(import.meta.dirname, '../../../shared/reference-data/hayes-krippendorff-2007/reliability-data.csv');
  const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1);
  const units = lines.map((line) => line.split(',').slice(1).map((v) => (v.trim() === '.' ? null : Number(v))));
  return units[0].map((_, c) => units.map((u) => u[c]));
}
/** §1.5 as transcribed in the reference README (to check the CSV reading). */
export const HK2007_FIRST_CODER: Cell[] = [1,1,2,null,0,0,1,1,2,2,null,0,1,3,1,1,2,1,1,0,0,0,2,0,1,0,0,1,1,1,1,2,2,3,2,2,2,2,2,1];

/** §2.1 Wikipedia Fleiss, 10 subjects × 5 categories, 14 raters each. */
export const FLEISS_WIKI = [[0,0,0,0,14],[0,2,6,4,2],[0,0,3,5,6],[0,3,9,2,0],[2,2,8,1,1],[7,7,0,0,0],[3,2,6,3,0],[2,5,3,2,2],[6,5,2,1,0],[0,2,2,3,7]];

/** §2.2 Fleiss (1971) diagnoses, 30 patients × 6 raters (raw). */
export const DIAGNOSES: number[][] = [[4,4,4,4,4,4],[2,2,2,5,5,5],[2,3,3,3,3,5],[5,5,5,5,5,5],[2,2,2,4,4,4],[1,1,3,3,3,3],[3,3,3,3,5,5],[1,1,3,3,3,4],[1,1,4,4,4,4],[5,5,5,5,5,5],[1,4,4,4,4,4],[1,2,4,4,4,4],[2,2,2,3,3,3],[1,4,4,4,4,4],[2,2,4,4,4,5],[3,3,3,3,3,5],[1,1,1,4,5,5],[1,1,1,1,1,2],[2,2,4,4,4,4],[1,3,3,5,5,5],[5,5,5,5,5,5],[2,4,4,4,4,4],[2,2,4,5,5,5],[1,1,4,4,4,4],[1,4,4,4,4,5],[2,2,2,2,2,4],[1,1,1,1,5,5],[2,2,4,4,4,4],[1,3,3,3,3,3],[5,5,5,5,5,5]];

/** §2.3 statsmodels test_fleis_randolph (atol 6e-6); fleiss null = undefined ("—"). */
export const RANDOLPH: { counts: number[][]; fleiss: number | null; randolph: number }[] = [
  { counts: [[7, 0], [7, 0]], fleiss: null, randolph: 1 },
  { counts: [[6.99, 0.01], [6.99, 0.01]], fleiss: -0.166667, randolph: 0.993343 },
  { counts: [[7, 1], [3, 5]], fleiss: 0.161905, randolph: 0.214286 },
  { counts: [[7, 0], [0, 7]], fleiss: 1, randolph: 1 },
  { counts: [[6, 1, 0], [0, 7, 0]], fleiss: 0.708333, randolph: 0.785714 },
];

/** §4.3 irrCAC distrib.6raters (counts). */
export const DISTRIB_6RATERS = [[0,0,0,6,0],[0,3,0,0,3],[0,1,4,0,1],[0,0,0,0,6],[0,3,0,3,0],[2,0,4,0,0],[0,0,4,0,2],[2,0,3,1,0],[2,0,0,4,0],[0,0,0,0,6],[1,0,0,5,0],[1,1,0,4,0],[0,3,3,0,0],[1,0,0,5,0],[0,2,0,3,1]];

/** §4.2 other irrCAC raw datasets (rows = subjects). */
export const RAW_5OBSERVERS: Cell[][] = [[1,1,2,null,2],[1,1,0,1,null],[2,3,3,3,null],[null,0,0,null,0],[0,0,0,null,0],[0,0,0,null,0],[1,0,2,null,1],[1,null,2,0,null],[2,2,2,null,2],[2,1,1,1,null],[null,1,0,0,null],[0,0,0,0,null],[1,2,2,2,null],[3,3,2,2,3],[1,1,1,null,1]];
export const RAW_GENDER: SCell[][] = [['a','a','a','c'],['a','a','b','c'],['a','a','b','c'],['a','a','c','c'],['a','b','a','a'],['b','a','a','a'],['b','b','b','b'],['b','c','b','b'],['c','c','c','c'],['a','a','a','c'],['a','a','b','c'],['a','a','b','c'],['a','a','c','c'],['a','b','a','a'],['b','a','a','a']];
export const RAW_BEN_GERRY: SCell[][] = [['a','b'],['a','a'],['b','b'],['b','b'],['d','b'],['c','c'],['c','c'],['c','c'],['e','e'],['d',null],['d','d'],['a','d']];
export const RAW_G1G2: SCell[][] = [['a','a',null,'a'],['b','b','c','b'],['c','c','c','c'],['c','c','c','c'],['b','b','b','b'],['a','b','c','d'],['d','d','d','d'],['a','a','b','a'],['b','b','b','b'],[null,'e','e','e'],[null,null,'a','a'],[null,null,'c',null],['b','b','c','b'],['b','a','c','b']];
/** §4.2 category lists (raw_ben_gerry and raw_g1g2 have 5 categories a..e). */
export const ABCDE = ['a', 'b', 'c', 'd', 'e'];

/** §4.4 PYIRR unit tests, unweighted, 3 dp: [dataset, fleiss, gwet, krippendorff, pa]. */
export const PYIRR_3DP = {
  raw_4raters: { fleiss: 0.761, gwet: 0.775, krippendorff: 0.743, pa: 0.818, fleissPe: 0.239, gwetPe: 0.19 },
  raw_5observers: { fleiss: 0.458, gwet: 0.497, krippendorff: 0.481, pa: 0.616, fleissPe: 0.291, gwetPe: 0.236 },
  raw_g1g2: { fleiss: 0.657, gwet: 0.685, krippendorff: 0.632, pa: 0.744, fleissPe: 0.252, gwetPe: 0.187 },
  raw_gender: { fleiss: 0.129, gwet: 0.208, krippendorff: 0.143, pa: 0.456, fleissPe: 0.375, gwetPe: 0.312 },
  raw_ben_gerry: { fleiss: 0.649, gwet: 0.661, krippendorff: 0.665, pa: 0.727, fleissPe: 0.222, gwetPe: 0.194 },
};

/** §3.3 Gwet's 2-rater contingency tables (Python orientation). */
export const CONT3X3 = [[13, 0, 0], [0, 20, 7], [0, 4, 56]];
export const CONT4X4 = [[40, 4, 4, 17], [6, 25, 2, 13], [4, 1, 21, 12], [15, 5, 9, 45]];

/** §3.2 statsmodels: R irr `anxiety`, raters 2 and 3. */
export const ANXIETY_RATER2 = [3,6,4,6,2,4,2,4,3,3,2,3,3,3,2,2,1,3,3,4];
export const ANXIETY_RATER3 = [2,1,4,4,3,2,1,6,1,1,1,2,3,3,1,1,3,3,2,2];

/** §1.4 / §5.1 crowd-kit toy YSDA answers (task, worker, label). */
export const CROWDKIT_TOY: [string, string, string][] = [
  ['t1','w1','no'],['t2','w1','yes'],['t3','w1','yes'],['t4','w1','yes'],['t5','w1','yes'],
  ['t1','w2','yes'],['t2','w2','yes'],['t3','w2','no'],['t4','w2','yes'],['t5','w2','no'],
  ['t2','w3','yes'],['t3','w3','no'],['t4','w3','yes'],['t5','w3','no'],
  ['t1','w4','yes'],['t2','w4','no'],['t3','w4','yes'],['t4','w4','yes'],['t5','w4','no'],
  ['t1','w5','no'],['t2','w5','no'],['t3','w5','no'],['t4','w5','yes'],['t5','w5','no'],
];

/** Rows of a square table as count rows of 2-rater items (each cell = items with that label pair). */
export function tableToCounts(table: number[][]): number[][] {
  const K = table.length;
  const rows: number[][] = [];
  table.forEach((r, i) => r.forEach((t, j) => {
    for (let x = 0; x < t; x++) rows.push(Array.from({ length: K }, (_, c) => (c === i ? 1 : 0) + (c === j ? 1 : 0)));
  }));
  return rows;
}

/** Tolerance for a value the source gives to 3 decimals (half a unit, plus rounding of ties like 0.3125). */
export const DP3 = 5e-4 + 1e-9;
