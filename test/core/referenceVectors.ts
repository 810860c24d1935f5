// Published test vectors: values printed in papers or asserted by the test suites of reference packages,
// transcribed by hand, with their sources given per vector. Repositories are cited at the commit the values
// were read at. Short source names used in test names and comments across test/core:
//   FK       fast-krippendorff, github.com/pln-fing-udelar/fast-krippendorff @b1eb616 (krippendorff/krippendorff.py
//            doctests, sample.py)
//   NLTK     github.com/nltk/nltk @152be06, nltk/test/unit/test_disagreement.py
//   SM       statsmodels, github.com/statsmodels/statsmodels @99d59e3, statsmodels/stats/tests/test_inter_rater.py
//   SK       scikit-learn, github.com/scikit-learn/scikit-learn @cc928d1, sklearn/metrics/tests/test_classification.py
//   PYIRR    Python irrCAC 0.4.4, github.com/afergadis/irrCAC @2b71b15 (test/unit/irrCAC/{raw,table}/test_*.py,
//            data in irrCAC/datasets.py)
//   RIRR     Gwet's R irrCAC 1.4, github.com/kgwet/irrCAC @7fb7509 (README.md printed outputs, inst/extdata/*.csv)
//   CK       crowd-kit, github.com/Toloka/crowd-kit @35f0661 (tests/conftest.py, tests/aggregation/*.py,
//            tests/metrics/test_metrics.py)
//   CKJOSS   Ustalov, Pavlichenko & Tseitlin (2024), "Learning from Crowds with Crowd-Kit", JOSS 9(96):6227,
//            doi:10.21105/joss.06227
//   ZHENG    Zheng, Li, Li, Shan & Cheng (2017), "Truth Inference in Crowdsourcing: Is the Problem Solved?",
//            PVLDB 10(5):541–552; code, data and run outputs at github.com/zhydhkcws/crowd_truth_infer @8d21647
//   KALPHA   Hayes's KALPHA SPSS macro v3.0 (2011), as mirrored in github.com/timcavazzotto/Stat-Learn @fccaa11
//            (kalpha/kalpha.sps); Hayes & Krippendorff (2007), Communication Methods and Measures 1:77–89

type Cell = number | null;
type SCell = string | null;

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", 4 observers × 12 units, variant A (unit 12's
 * lone 3 under coder B).
 */
export const K2011_A: Cell[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
/**
 * Variant B = irrCAC `raw_4raters` (RIRR `cac.raw4raters`, PYIRR `irrCAC/datasets.py`) = NLTK `test_advanced`:
 * unit 12's 3 under coder C.
 */
export const K2011_B: Cell[][] = K2011_A.map((row, c) => row.map((v, u) => (u === 11 ? (c === 2 ? 3 : null) : v)));
/** irrCAC `raw_4raters` as printed (rows = subjects): PYIRR `irrCAC/datasets.py`, identical to RIRR `inst/extdata`. */
export const RAW_4RATERS: Cell[][] = [
  [1, 1, null, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [null, 5, 5, 5],
  [null, null, 1, 1],
  [null, null, 3, null],
];

/** Wikipedia "Krippendorff's alpha" example, 3 coders × 15 units, as in the FK doctests and `sample.py`. */
export const WIKI_3X15: Cell[][] = [
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
];
export const WIKI_VALUE_COUNTS = [
  [1, 0, 0, 0],
  [0, 0, 0, 0],
  [0, 2, 0, 0],
  [2, 0, 0, 0],
  [0, 0, 2, 0],
  [0, 0, 2, 1],
  [0, 0, 0, 3],
  [1, 0, 1, 0],
  [0, 2, 0, 0],
  [2, 0, 0, 0],
  [2, 0, 0, 0],
  [0, 0, 2, 0],
  [0, 0, 2, 0],
  [0, 0, 0, 0],
  [0, 0, 1, 1],
];

/**
 * Hayes & Krippendorff (2007), "Answering the call for a standard reliability measure for coding data",
 * Communication Methods and Measures 1(1):77–89, the example reliability data (Table 1): 40 units × 5
 * observers, values 0–3, null where an observer did not code the unit. Rows = units as printed.
 */
export const HK2007_UNITS: Cell[][] = [
  [1, 1, 2, null, 2],
  [1, 1, 0, 1, null],
  [2, 3, 3, 3, null],
  [null, 0, 0, null, 0],
  [0, 0, 0, null, 0],
  [0, 0, 0, null, 0],
  [1, 0, 2, null, 1],
  [1, null, 2, 0, null],
  [2, 2, 2, null, 2],
  [2, 1, 1, 1, null],
  [null, 1, 0, 0, null],
  [0, 0, 0, 0, null],
  [1, 2, 2, 2, null],
  [3, 3, 2, 2, 3],
  [1, 1, 1, null, 1],
  [1, 1, 1, null, 1],
  [2, 1, 2, null, 2],
  [1, 2, 3, 3, null],
  [1, 1, 0, 1, null],
  [0, 0, 0, null, 0],
  [0, 0, 1, 1, null],
  [0, 0, null, 0, 0],
  [2, 3, 3, 3, null],
  [0, 0, 0, 0, null],
  [1, 2, null, 2, 2],
  [0, 1, 1, 1, null],
  [0, 0, 0, 1, 0],
  [1, 2, 1, 2, null],
  [1, 1, 2, 2, null],
  [1, 1, 2, null, 2],
  [1, 1, 0, null, 0],
  [2, 1, 2, 1, null],
  [2, 2, null, 2, 2],
  [3, 2, 2, 2, null],
  [2, 2, 2, null, 2],
  [2, 2, 3, null, 2],
  [2, 2, 2, null, 2],
  [2, 2, null, 1, 2],
  [2, 2, 2, 2, null],
  [1, 1, 1, null, 1],
];
/** The same data as coders × units (the layout the reliability helpers take). */
export function hayesKrippendorff2007(): Cell[][] {
  return HK2007_UNITS[0].map((_, c) => HK2007_UNITS.map((u) => u[c]));
}
/**
 * The first observer's 40 values of Hayes & Krippendorff (2007) as transcribed in
 * github.com/raoulbia/nltk-krippendorff-validation @9cb46ef (`data/krippendorff-evaluation-dataset.csv`), to check
 * the layout `hayesKrippendorff2007` returns.
 */
export const HK2007_FIRST_CODER: Cell[] = [
  1,
  1,
  2,
  null,
  0,
  0,
  1,
  1,
  2,
  2,
  null,
  0,
  1,
  3,
  1,
  1,
  2,
  1,
  1,
  0,
  0,
  0,
  2,
  0,
  1,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  3,
  2,
  2,
  2,
  2,
  2,
  1,
];

/** Wikipedia "Fleiss' kappa" example (also SM `test_fleiss_kappa`, `table1`), 10 subjects × 5 categories, 14 raters each. */
export const FLEISS_WIKI = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

/**
 * Fleiss (1971), "Measuring nominal scale agreement among many raters", Psychological Bulletin 76(5):378–382:
 * diagnoses, 30 patients × 6 raters (raw), as R `irr::diagnoses` and SM `diagnoses`.
 */
export const DIAGNOSES: number[][] = [
  [4, 4, 4, 4, 4, 4],
  [2, 2, 2, 5, 5, 5],
  [2, 3, 3, 3, 3, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 2, 2, 4, 4, 4],
  [1, 1, 3, 3, 3, 3],
  [3, 3, 3, 3, 5, 5],
  [1, 1, 3, 3, 3, 4],
  [1, 1, 4, 4, 4, 4],
  [5, 5, 5, 5, 5, 5],
  [1, 4, 4, 4, 4, 4],
  [1, 2, 4, 4, 4, 4],
  [2, 2, 2, 3, 3, 3],
  [1, 4, 4, 4, 4, 4],
  [2, 2, 4, 4, 4, 5],
  [3, 3, 3, 3, 3, 5],
  [1, 1, 1, 4, 5, 5],
  [1, 1, 1, 1, 1, 2],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 5, 5, 5],
  [5, 5, 5, 5, 5, 5],
  [2, 4, 4, 4, 4, 4],
  [2, 2, 4, 5, 5, 5],
  [1, 1, 4, 4, 4, 4],
  [1, 4, 4, 4, 4, 5],
  [2, 2, 2, 2, 2, 4],
  [1, 1, 1, 1, 5, 5],
  [2, 2, 4, 4, 4, 4],
  [1, 3, 3, 3, 3, 3],
  [5, 5, 5, 5, 5, 5],
];

/** SM `test_fleis_randolph` (atol 6e-6); fleiss null = undefined ("—"). */
export const RANDOLPH: { counts: number[][]; fleiss: number | null; randolph: number }[] = [
  {
    counts: [
      [7, 0],
      [7, 0],
    ],
    fleiss: null,
    randolph: 1,
  },
  {
    counts: [
      [6.99, 0.01],
      [6.99, 0.01],
    ],
    fleiss: -0.166667,
    randolph: 0.993343,
  },
  {
    counts: [
      [7, 1],
      [3, 5],
    ],
    fleiss: 0.161905,
    randolph: 0.214286,
  },
  {
    counts: [
      [7, 0],
      [0, 7],
    ],
    fleiss: 1,
    randolph: 1,
  },
  {
    counts: [
      [6, 1, 0],
      [0, 7, 0],
    ],
    fleiss: 0.708333,
    randolph: 0.785714,
  },
];

/** irrCAC `distrib.6raters` (counts), with the outputs RIRR's README.md prints for it. */
export const DISTRIB_6RATERS = [
  [0, 0, 0, 6, 0],
  [0, 3, 0, 0, 3],
  [0, 1, 4, 0, 1],
  [0, 0, 0, 0, 6],
  [0, 3, 0, 3, 0],
  [2, 0, 4, 0, 0],
  [0, 0, 4, 0, 2],
  [2, 0, 3, 1, 0],
  [2, 0, 0, 4, 0],
  [0, 0, 0, 0, 6],
  [1, 0, 0, 5, 0],
  [1, 1, 0, 4, 0],
  [0, 3, 3, 0, 0],
  [1, 0, 0, 5, 0],
  [0, 2, 0, 3, 1],
];

/** Other irrCAC raw datasets (rows = subjects): PYIRR `irrCAC/datasets.py`, identical to RIRR `inst/extdata`. */
export const RAW_5OBSERVERS: Cell[][] = [
  [1, 1, 2, null, 2],
  [1, 1, 0, 1, null],
  [2, 3, 3, 3, null],
  [null, 0, 0, null, 0],
  [0, 0, 0, null, 0],
  [0, 0, 0, null, 0],
  [1, 0, 2, null, 1],
  [1, null, 2, 0, null],
  [2, 2, 2, null, 2],
  [2, 1, 1, 1, null],
  [null, 1, 0, 0, null],
  [0, 0, 0, 0, null],
  [1, 2, 2, 2, null],
  [3, 3, 2, 2, 3],
  [1, 1, 1, null, 1],
];
export const RAW_GENDER: SCell[][] = [
  ['a', 'a', 'a', 'c'],
  ['a', 'a', 'b', 'c'],
  ['a', 'a', 'b', 'c'],
  ['a', 'a', 'c', 'c'],
  ['a', 'b', 'a', 'a'],
  ['b', 'a', 'a', 'a'],
  ['b', 'b', 'b', 'b'],
  ['b', 'c', 'b', 'b'],
  ['c', 'c', 'c', 'c'],
  ['a', 'a', 'a', 'c'],
  ['a', 'a', 'b', 'c'],
  ['a', 'a', 'b', 'c'],
  ['a', 'a', 'c', 'c'],
  ['a', 'b', 'a', 'a'],
  ['b', 'a', 'a', 'a'],
];
export const RAW_BEN_GERRY: SCell[][] = [
  ['a', 'b'],
  ['a', 'a'],
  ['b', 'b'],
  ['b', 'b'],
  ['d', 'b'],
  ['c', 'c'],
  ['c', 'c'],
  ['c', 'c'],
  ['e', 'e'],
  ['d', null],
  ['d', 'd'],
  ['a', 'd'],
];
export const RAW_G1G2: SCell[][] = [
  ['a', 'a', null, 'a'],
  ['b', 'b', 'c', 'b'],
  ['c', 'c', 'c', 'c'],
  ['c', 'c', 'c', 'c'],
  ['b', 'b', 'b', 'b'],
  ['a', 'b', 'c', 'd'],
  ['d', 'd', 'd', 'd'],
  ['a', 'a', 'b', 'a'],
  ['b', 'b', 'b', 'b'],
  [null, 'e', 'e', 'e'],
  [null, null, 'a', 'a'],
  [null, null, 'c', null],
  ['b', 'b', 'c', 'b'],
  ['b', 'a', 'c', 'b'],
];
/** Category lists of those datasets (raw_ben_gerry and raw_g1g2 have 5 categories a..e). */
export const ABCDE = ['a', 'b', 'c', 'd', 'e'];

/** PYIRR unit tests (`test/unit/irrCAC/raw/test_*.py`), unweighted, 3 dp: [dataset, fleiss, gwet, krippendorff, pa]. */
export const PYIRR_3DP = {
  raw_4raters: { fleiss: 0.761, gwet: 0.775, krippendorff: 0.743, pa: 0.818, fleissPe: 0.239, gwetPe: 0.19 },
  raw_5observers: { fleiss: 0.458, gwet: 0.497, krippendorff: 0.481, pa: 0.616, fleissPe: 0.291, gwetPe: 0.236 },
  raw_g1g2: { fleiss: 0.657, gwet: 0.685, krippendorff: 0.632, pa: 0.744, fleissPe: 0.252, gwetPe: 0.187 },
  raw_gender: { fleiss: 0.129, gwet: 0.208, krippendorff: 0.143, pa: 0.456, fleissPe: 0.375, gwetPe: 0.312 },
  raw_ben_gerry: { fleiss: 0.649, gwet: 0.661, krippendorff: 0.665, pa: 0.727, fleissPe: 0.222, gwetPe: 0.194 },
};

/**
 * Gwet's 2-rater contingency tables `cont3x3abstractors` and `cont4x4diagnosis` (RIRR; PYIRR `table` tests), in
 * PYIRR's orientation (RIRR's `inst/extdata/cont4x4diagnosis.csv` is the transpose).
 */
export const CONT3X3 = [
  [13, 0, 0],
  [0, 20, 7],
  [0, 4, 56],
];
export const CONT4X4 = [
  [40, 4, 4, 17],
  [6, 25, 2, 13],
  [4, 1, 21, 12],
  [15, 5, 9, 45],
];

/** SM `cohens_kappa` tests: R irr `anxiety`, raters 2 and 3. */
export const ANXIETY_RATER2 = [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4];
export const ANXIETY_RATER3 = [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2];

/** CK toy YSDA answers (`tests/conftest.py::toy_answers_df`; also used by `tests/metrics/test_metrics.py`) (task, worker, label). */
export const CROWDKIT_TOY: [string, string, string][] = [
  ['t1', 'w1', 'no'],
  ['t2', 'w1', 'yes'],
  ['t3', 'w1', 'yes'],
  ['t4', 'w1', 'yes'],
  ['t5', 'w1', 'yes'],
  ['t1', 'w2', 'yes'],
  ['t2', 'w2', 'yes'],
  ['t3', 'w2', 'no'],
  ['t4', 'w2', 'yes'],
  ['t5', 'w2', 'no'],
  ['t2', 'w3', 'yes'],
  ['t3', 'w3', 'no'],
  ['t4', 'w3', 'yes'],
  ['t5', 'w3', 'no'],
  ['t1', 'w4', 'yes'],
  ['t2', 'w4', 'no'],
  ['t3', 'w4', 'yes'],
  ['t4', 'w4', 'yes'],
  ['t5', 'w4', 'no'],
  ['t1', 'w5', 'no'],
  ['t2', 'w5', 'no'],
  ['t3', 'w5', 'no'],
  ['t4', 'w5', 'yes'],
  ['t5', 'w5', 'no'],
];

/** Rows of a square table as count rows of 2-rater items (each cell = items with that label pair). */
export function tableToCounts(table: number[][]): number[][] {
  const K = table.length;
  const rows: number[][] = [];
  table.forEach((r, i) =>
    r.forEach((t, j) => {
      for (let x = 0; x < t; x++) rows.push(Array.from({ length: K }, (_, c) => (c === i ? 1 : 0) + (c === j ? 1 : 0)));
    }),
  );
  return rows;
}

/** Tolerance for a value the source gives to 3 decimals (half a unit, plus rounding of ties like 0.3125). */
export const DP3 = 5e-4 + 1e-9;
