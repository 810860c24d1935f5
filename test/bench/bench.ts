/**
 * `npm run bench`: reading compared with the floor and pandas, the kernels, and the app in chromium, on a
 * realistic file (test/bench/realisticCsv.ts: 1M pairs × 3 labels in submission order, 200 annotators, times, a
 * slice, gold flag and gold label), the same rows grouped by pair, 100K pairs whose rows carry ~2 KB of prompt
 * and response texts, and the realistic file again as gzip CSV, JSON Lines and Parquet. The floor
 * (`../shared/perf/floor.mjs FILE bytes-columns-hash`), pandas `read_csv` and prefscope's `loadFiles` run
 * interleaved, each in a fresh process, `--runs` times; medians and ratios are
 * printed with the targets (met / not met) and written into README.md between the bench markers.
 *
 * Options: --runs N (3) --pairs N (1000000: the realistic and grouped files) --text-pairs N (100000)
 * --sizes N,N (10000,100000,1000000: kernel rows) --no-browser --no-readme
 * --quick (= --runs 1 --pairs 100000 --text-pairs 10000 --sizes 10000,100000 --no-browser --no-readme)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, openAsBlob, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { cohenPairs } from '../../src/core/cohenPairs';
import { countPatterns } from '../../src/core/countPatterns';
import { dawidSkene } from '../../src/core/dawidSkene';
import { itemCounts } from '../../src/core/itemCounts';
import { judgementFilter } from '../../src/core/judgementFilter';
import { loadFiles } from '../../src/parse/loadFiles';
import { agreementSection } from '../../src/sections/agreementSection';
import { aggregationSection, METHOD_NAMES, METHODS } from '../../src/sections/aggregationSection';
import { annotatorsSection } from '../../src/sections/annotatorsSection';
import { COUNT_METRICS } from '../../src/sections/metrics';
import { nextLabelSection } from '../../src/sections/nextLabelSection';
import { rubricSection } from '../../src/sections/rubricSection';
import { duckdbEngine } from '../../src/sql/duckdbEngine';
import { benchFile } from './benchFile';
import { browserBench, browserLoadOnce, type BrowserBench } from './browserBench';
import { naiveAgreement } from './naiveAgreement';
import {
  ROOT,
  floorRead,
  floorWhy,
  machine,
  median,
  pandasRead,
  pandasWhy,
  prefscopeRead,
  type FloorRun,
  type PandasRun,
  type PrefscopeRun,
} from './readers';
import type { RealisticOptions } from './realisticCsv';
import { syntheticRubric } from './syntheticRubric';

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    pairs: { type: 'string', default: '1000000' },
    'text-pairs': { type: 'string', default: '100000' },
    sizes: { type: 'string', default: '10000,100000,1000000' },
    'no-browser': { type: 'boolean', default: false },
    'no-readme': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
  },
});
const quick = opts.quick;
const runs = quick ? 1 : Number(opts.runs);
const pairs = quick ? 100_000 : Number(opts.pairs);
const textPairs = quick ? 10_000 : Number(opts['text-pairs']);
const sizes = (quick ? '10000,100000' : opts.sizes).split(',').map(Number);
const withBrowser = !quick && !opts['no-browser'];
const writeReadme = !quick && !opts['no-readme'];

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const count = (n: number) => n.toLocaleString('en-US');
const ratio = (x: number) => `${x.toFixed(2)}×`;
const date = new Date().toISOString().slice(0, 10);
const where = machine();
const loadAtStart = loadavg()[0];
console.log(
  `prefscope bench, ${date}, ${where}, load average ${loadAtStart.toFixed(1)}; medians of ${runs} run${runs === 1 ? '' : 's'}`,
);

async function time<T>(n: number, f: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    value = await f();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}

// ── Reading: floor, pandas and prefscope, interleaved, on the three files ────────────────────────────────────
const noFloor = floorWhy();
const noPandas = pandasWhy();
if (noFloor) console.log(`floor: skipped, ${noFloor}`);
if (noPandas) console.log(`pandas: skipped, ${noPandas}`);

interface ReadCase {
  label: string;
  pairs: number;
  options: RealisticOptions;
  path: string;
  mb: number;
  floor: FloorRun[];
  pandas: PandasRun[];
  prefscope: PrefscopeRun[];
}
const cases: ReadCase[] = [
  { label: `realistic: ${count(pairs)} pairs × 3, submission order`, pairs, options: {} },
  { label: `the same rows grouped by pair`, pairs, options: { order: 'grouped' as const } },
  {
    label: `${count(textPairs)} pairs × 3 with texts (~2 KB per pair on each row)`,
    pairs: textPairs,
    options: { textChars: 2000 },
  },
].map((c) => ({ ...c, path: '', mb: 0, floor: [], pandas: [], prefscope: [] }));

for (const c of cases) {
  Object.assign(c, await benchFile(c.pairs, c.options));
  console.log(`\n${c.label} (${c.mb.toFixed(0)} MB, ${c.path.slice(ROOT.length + 1)})`);
  for (let r = 0; r < runs; r++) {
    const parts: string[] = [];
    if (!noFloor) {
      c.floor.push(floorRead(c.path));
      parts.push(`floor ${fmt(c.floor.at(-1)!.parseMs)}`);
    }
    if (!noPandas) {
      c.pandas.push(pandasRead(c.path));
      parts.push(`pandas ${fmt(c.pandas.at(-1)!.ms)}`);
    }
    c.prefscope.push(prefscopeRead(c.path));
    parts.push(`prefscope ${fmt(c.prefscope.at(-1)!.ms)}`);
    console.log(`  run ${r + 1}/${runs}: ${parts.join(', ')}`);
  }
  const judgements = c.pairs * 3;
  for (const [who, rows] of [
    ['floor', c.floor.map((f) => f.rows)],
    ['pandas', c.pandas.map((p) => p.rows)],
    ['prefscope', c.prefscope.map((p) => p.judgements)],
  ] as const)
    if (rows.some((n) => n !== judgements)) throw new Error(`${who} read ${rows.join(', ')} rows, not ${judgements}`);
}

const m = (xs: number[]) => (xs.length ? median(xs) : NaN);
const readOf = (c: ReadCase) => {
  const floor = m(c.floor.map((f) => f.parseMs));
  const pandas = m(c.pandas.map((p) => p.ms));
  const ours = m(c.prefscope.map((p) => p.ms));
  return {
    floor,
    floorAll: m(c.floor.map((f) => f.ms)),
    floorWall: m(c.floor.map((f) => f.wallMs)),
    pandas,
    pandasWall: m(c.pandas.map((p) => p.wallMs)),
    ours,
    oursWall: m(c.prefscope.map((p) => p.wallMs)),
    toFloor: ours / floor,
    toPandas: ours / pandas,
  };
};
const orNot = (ms: number, s: string) => (Number.isNaN(ms) ? '—' : s);
console.log('');
for (const c of cases) {
  const r = readOf(c);
  console.log(
    `${c.label}: ` +
      [
        orNot(r.floor, `floor ${fmt(r.floor)} (${fmt(r.floorWall)} with node's start)`),
        orNot(r.pandas, `pandas read_csv ${fmt(r.pandas)} (${fmt(r.pandasWall)} with python's start)`),
        `prefscope loadFiles ${fmt(r.ours)} (${fmt(r.oursWall)} with node's start)`,
        orNot(r.toFloor, `${ratio(r.toFloor)} the floor`),
        orNot(r.toPandas, `${ratio(r.toPandas)} pandas`),
      ].join(', '),
  );
}
const realistic = cases[0];
const coded = realistic.prefscope[0];
const codedLine =
  `bytes per judgement (coded columns): ${(coded.codedBytes / coded.judgements).toFixed(1)} ` +
  `(${count(coded.codedBytes)} bytes in the typed arrays of the loaded Ratings ÷ ${count(coded.judgements)} judgements, ` +
  `realistic file; ${(coded.loadBytes / coded.judgements).toFixed(1)} with the load's source row and file index)`;
console.log(codedLine);

// ── The realistic file in the other formats (gzip CSV; JSON Lines and Parquet written by DuckDB), read in node ──
const gzPath = `${realistic.path}.gz`;
writeFileSync(gzPath, gzipSync(readFileSync(realistic.path)));
const jsonlPath = realistic.path.replace(/\.csv$/, '.jsonl');
const parquetPath = realistic.path.replace(/\.csv$/, '.parquet');
{
  const engine = await duckdbEngine();
  const source = `(SELECT * FROM read_csv_auto('${realistic.path}'))`;
  await engine.exec(`COPY ${source} TO '${jsonlPath}' (FORMAT JSON)`);
  await engine.exec(`COPY ${source} TO '${parquetPath}' (FORMAT PARQUET)`);
  engine.close();
}
const otherFormats = [
  ['gzip CSV', gzPath],
  ['JSON Lines', jsonlPath],
  ['Parquet', parquetPath],
] as const;
const formatRows: string[][] = [];
for (const [what, path] of otherFormats) {
  const reads = Array.from({ length: runs }, () => prefscopeRead(path));
  if (reads.some((r) => r.judgements !== realistic.pairs * 3)) throw new Error(`${what}: not every judgement read`);
  const ms = m(reads.map((r) => r.ms));
  const mb = statSync(path).size / 1e6;
  const asCsv = ms / readOf(realistic).ours;
  console.log(`node, the realistic file as ${what} (${mb.toFixed(0)} MB): ${fmt(ms)}, ${ratio(asCsv)} its CSV read`);
  formatRows.push([
    `node: the realistic file as ${what} (${ratio(asCsv)} its CSV read)`,
    mb.toFixed(0),
    '—',
    '—',
    fmt(ms),
    '—',
    '—',
  ]);
}

/** The same statistics with Debian's python3 numpy / pandas / statsmodels, or why they cannot run. */
function pythonStats(
  path: string,
  n: number,
): { table_s: number; fleiss_s: number; alpha_s: number; fleiss: number; alpha: number } | string {
  if (spawnSync('/usr/bin/python3', ['-c', 'import numpy, pandas, statsmodels']).status !== 0)
    return '/usr/bin/python3 lacks numpy, pandas or statsmodels (apt-get install python3-statsmodels)';
  const out = spawnSync('/usr/bin/python3', [join(import.meta.dirname, 'pythonBaseline.py'), path, String(n)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return out.status === 0 ? JSON.parse(out.stdout) : `pythonBaseline.py failed: ${out.stderr.slice(-500)}`;
}

// ── Kernels on the realistic file ────────────────────────────────────────────────────────────────────────────
const rows: string[][] = [];
const notes: string[] = [];
for (const size of sizes) {
  const c = size === pairs ? realistic : null;
  const { path } = c ?? (await benchFile(size));
  const reads = c ? c.prefscope.map((p) => p.ms) : Array.from({ length: runs }, () => prefscopeRead(path).ms);
  // the ratings for the kernels, read once more in this process (not timed)
  const r = (await loadFiles([{ name: 'realistic.csv', blob: await openAsBlob(path) }])).ratings;
  const mask = judgementFilter(r);
  const kernels = await time(runs, () => {
    const patterns = countPatterns(itemCounts(r, mask));
    return COUNT_METRICS.map((k) => k.from(patterns, { sides: [0, 0, 1, 2, 2], q: 5, ordered: true }).value);
  });
  const pairsTime = await time(runs, () => cohenPairs(r, mask));
  const section = await time(runs, () => agreementSection(r, { bootstrap: 0 }));
  const annotators = await time(runs, () => annotatorsSection(r));
  const composite = Float64Array.from(r.annotators, () => 0.5);
  const ds = await time(runs, () => dawidSkene(r, mask));
  const aggregation = await time(runs, () => aggregationSection(r, { composite }));
  const nextLabel = await time(runs, () => nextLabelSection(r, aggregation.value, {}));
  // each method's own fit, from the section's timings (the last run; majority vote and Dawid-Skene fitted once, shared)
  const perMethod = METHODS.map(
    (m) =>
      `${METHOD_NAMES[m]} ${aggregation.value.labels[m] ? fmt(aggregation.value.ms[m]) : `not run (${aggregation.value.section.methods.find((x) => x.id === m)?.unavailable})`}`,
  ).join(', ');
  console.log(`  final-label methods, ${count(size)} pairs: ${perMethod}`);
  notes.push(`${count(size)} pairs, each final-label method's fit in the aggregation section: ${perMethod}.`);
  notes.push(
    `${count(size)} pairs: value of the next label (expected information gain of every pair under the Dawid-Skene fit, ranking, budget curve) ${fmt(nextLabel.ms)} after the final labels.`,
  );
  const stringRows = readFileSync(path, 'utf8')
    .split('\n')
    .slice(1, -1)
    .map((l) => l.split(',').slice(0, 3) as [string, string, string]);
  const naive = await time(runs, () => naiveAgreement(stringRows));
  const ours = {
    percent: section.value.percent_agreement.strict!,
    fleiss: section.value.fleiss_kappa!,
    alpha: section.value.krippendorff_alpha.nominal!,
  };
  for (const k of ['percent', 'fleiss', 'alpha'] as const)
    if (Math.abs(naive.value[k] - ours[k]) > 1e-9)
      throw new Error(`naive ${k} ${naive.value[k]} differs from ${ours[k]}`);
  if (c?.floor.length && Math.abs(c.floor[0].alphaNominal - ours.alpha) > 1e-9)
    throw new Error(`the floor's nominal alpha ${c.floor[0].alphaNominal} differs from ${ours.alpha}`);
  console.log(
    `\nrealistic, ${count(size)} pairs: read ${fmt(median(reads))}, count-based coefficients ${fmt(kernels.ms)} (naive ${fmt(naive.ms)}), Cohen pairs ${fmt(pairsTime.ms)}, agreement section ${fmt(section.ms)}, annotators ${fmt(annotators.ms)}, Dawid-Skene ${fmt(ds.ms)} (${ds.value.iterations} iterations), all final-label methods ${fmt(aggregation.ms)}, next label ${fmt(nextLabel.ms)}`,
  );
  const py = pythonStats(path, runs);
  if (typeof py === 'string') console.log(`  python (pandas, statsmodels, numpy): skipped, ${py}`);
  else {
    for (const [k, value] of [
      ['fleiss', ours.fleiss],
      ['alpha', ours.alpha],
    ] as const)
      if (Math.abs(py[k] - value) > 1e-9) throw new Error(`python ${k} ${py[k]} differs from ${value}`);
    const pyStats = (py.table_s + py.fleiss_s + py.alpha_s) * 1000;
    console.log(
      `  python (pandas, statsmodels, numpy): count table + Fleiss + alpha ${fmt(pyStats)} — ${(pyStats / kernels.ms).toFixed(0)}× our count-based coefficients`,
    );
    notes.push(
      `${count(size)} pairs, the same file with Debian's pandas, statsmodels and numpy: crosstab + statsmodels \`fleiss_kappa\` + a numpy Krippendorff alpha ${fmt(pyStats)}, ${(pyStats / kernels.ms).toFixed(0)}× prefscope's count-based coefficients (same values to 1e-9).`,
    );
  }
  rows.push([
    `node, ${count(size)} pairs`,
    fmt(median(reads)),
    fmt(kernels.ms),
    `${(naive.ms / kernels.ms).toFixed(0)}×`,
    fmt(pairsTime.ms),
    fmt(section.ms),
    fmt(annotators.ms),
    `${fmt(aggregation.ms)} (DS ${fmt(ds.ms)}, ${ds.value.iterations} it.)`,
  ]);
}

{
  // a rubric load of 1M pairs (3 labels × 5 dimensions, 15M judgements), held in memory: the realistic file has no rubric
  const { ratings, texts } = syntheticRubric(quick ? 100_000 : 1_000_000);
  const rubric = await time(runs, () => rubricSection(ratings, texts, { bootstrap: 0 }));
  const what = `Rubric, ${count(ratings.items.length)} pairs × 3 labels × 5 dimensions (${count(ratings.n)} judgements, in memory)`;
  console.log(`\n${what}: rubric section ${fmt(rubric.ms)}`);
  notes.push(
    `${what}: the rubric section (weighted verdict and its agreement, 6 × 6 Spearman correlations, per-annotator length correlations, disagreement attribution) ${fmt(rubric.ms)}.`,
  );
}

// ── Chromium: the built app on the realistic file, the floor run between its loads ────────────────────────────
function browserWhy(): string | null {
  if (!withBrowser) return quick ? '--quick' : '--no-browser';
  if (!existsSync('/usr/bin/chromium')) return '/usr/bin/chromium is absent';
  if (!existsSync(join(ROOT, 'dist/index.html'))) return 'dist/ is not built (npx vite build)';
  return null;
}
/** A source file of the build newer than dist/ (the build is then not what is measured), or null. */
function newerThanDist(): string | null {
  const built = statSync(join(ROOT, 'dist/index.html')).mtimeMs;
  for (const dir of ['src', 'workers', 'index.html']) {
    const path = join(ROOT, dir);
    const files = statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, encoding: 'utf8' }).map((f) => join(path, f))
      : [path];
    const newer = files.find((f) => statSync(f).mtimeMs > built);
    if (newer) return newer.slice(ROOT.length + 1);
  }
  return null;
}
const noBrowser = browserWhy();
let b: BrowserBench | null = null;
const browserFloors: FloorRun[] = [];
const formats: string[][] = [];
if (noBrowser) console.log(`\nchromium: skipped (${noBrowser})`);
else {
  const newer = newerThanDist();
  if (newer) {
    const warning = `dist/ is older than ${newer}: the chromium numbers are for the last build (npx vite build)`;
    console.log(`\nwarning: ${warning}`);
    notes.push(`Warning: ${warning}.`);
  }
  b = await browserBench(realistic.path, {
    loads: runs,
    agreements: runs,
    between: () => {
      if (!noFloor) browserFloors.push(floorRead(realistic.path));
    },
  });
  console.log(
    `\nchromium ${b.version}, realistic file: choose → overview ${fmt(median(b.overview))} (runs ${b.overview.map(fmt).join(', ')}), choose → agreement coefficients ${fmt(median(b.coefficients))} (runs ${b.coefficients.map(fmt).join(', ')}), floor between the loads ${browserFloors.map((f) => fmt(f.ms)).join(', ') || '—'}`,
  );
  console.log(
    `chromium: agreement section in the worker ${fmt(median(b.agreement))} (runs ${b.agreement.map(fmt).join(', ')}), final labels ${fmt(median(b.aggregation))} (runs ${b.aggregation.map(fmt).join(', ')})`,
  );
  // the same file in the other formats, read once each
  for (const [what, path] of otherFormats) {
    const ms = await browserLoadOnce(path);
    console.log(
      `chromium, realistic file as ${what} (${(statSync(path).size / 1e6).toFixed(0)} MB): overview in ${fmt(ms)}`,
    );
    formats.push([
      `chromium: choose the ${what} → overview (1 run)`,
      (statSync(path).size / 1e6).toFixed(0),
      '—',
      '—',
      fmt(ms),
      '—',
      '—',
    ]);
  }
}

// ── Targets ──────────────────────────────────────────────────────────────────────────────────────────────────
const read = readOf(realistic);
const chromiumFloor = browserFloors.length ? m(browserFloors.map((f) => f.ms)) : read.floorAll;
const longest = b ? Math.max(0, ...b.longTasks.map((t) => t.ms)) : NaN;
const over50 = b ? b.longTasks.filter((t) => t.ms > 50).length : NaN;
/** Long tasks by where they came: `choose → overview 3, longest 120 ms; …` */
const longTasksWhere = (tasks: BrowserBench['longTasks']) =>
  (['choose → overview', 'choose → coefficients', 'rest of the session'] as const)
    .map((where) => {
      const ms = tasks.filter((t) => t.where === where && t.ms > 50).map((t) => t.ms);
      return `${where} ${ms.length}${ms.length ? `, longest ${Math.max(...ms).toFixed(0)} ms` : ''}`;
    })
    .join('; ');
const sizeNote = pairs === 1_000_000 ? '' : ` (measured on ${count(pairs)} pairs; the target is for 1,000,000)`;
const target = (name: string, met: boolean | null, measured: string) =>
  `${name}: ${met === null ? 'not measured' : met ? 'met' : 'NOT MET'} — ${measured}${met === null ? '' : sizeNote}`;
const targets = [
  target(
    'node read ≤ 1.5× the floor (realistic file)',
    Number.isNaN(read.toFloor) ? null : read.toFloor <= 1.5,
    orNot(read.toFloor, `${ratio(read.toFloor)} (${fmt(read.ours)} ÷ ${fmt(read.floor)})`) +
      (noFloor ? ` (${noFloor})` : ''),
  ),
  target(
    'node read ≤ 1.0× pandas read_csv (realistic file)',
    Number.isNaN(read.toPandas) ? null : read.toPandas <= 1.0,
    orNot(read.toPandas, `${ratio(read.toPandas)} (${fmt(read.ours)} ÷ ${fmt(read.pandas)})`) +
      (noPandas ? ` (${noPandas})` : ''),
  ),
  target(
    'chromium, choose the file → agreement coefficients on screen ≤ 2.5× the floor',
    b && !Number.isNaN(chromiumFloor) ? median(b.coefficients) / chromiumFloor <= 2.5 : null,
    b
      ? `${ratio(median(b.coefficients) / chromiumFloor)} (${fmt(median(b.coefficients))} ÷ ${fmt(chromiumFloor)}, the floor's pass and its alpha)`
      : `chromium skipped (${noBrowser})`,
  ),
  target(
    'no main-thread task over 50 ms (chromium, every page)',
    b ? over50 === 0 : null,
    b
      ? `${over50} over 50 ms, the longest ${longest.toFixed(0)} ms (${longTasksWhere(b.longTasks)})`
      : `chromium skipped (${noBrowser})`,
  ),
  target(
    'peak tab memory ≤ 1.2 GB (renderer processes’ VmRSS, tab + worker)',
    b ? b.peakRssMb <= 1200 : null,
    b ? `${b.peakRssMb.toFixed(0)} MB` : `chromium skipped (${noBrowser})`,
  ),
];
console.log(`\ntargets:\n${targets.map((t) => `  ${t}`).join('\n')}\n${codedLine}`);

// ── Tables and the README ────────────────────────────────────────────────────────────────────────────────────
const readRows: string[][] = cases.map((c) => {
  const r = readOf(c);
  return [
    c.label,
    c.mb.toFixed(0),
    orNot(r.floor, fmt(r.floor)),
    orNot(r.pandas, `${fmt(r.pandas)} (${fmt(r.pandasWall)})`),
    fmt(r.ours),
    orNot(r.toFloor, ratio(r.toFloor)),
    orNot(r.toPandas, ratio(r.toPandas)),
  ];
});
readRows.push(...formatRows);
if (b) {
  const browserParse = browserFloors.length ? m(browserFloors.map((f) => f.parseMs)) : read.floor;
  readRows.push(
    [
      'chromium: choose the realistic file → overview',
      realistic.mb.toFixed(0),
      orNot(browserParse, fmt(browserParse)),
      '—',
      fmt(median(b.overview)),
      orNot(browserParse, ratio(median(b.overview) / browserParse)),
      '—',
    ],
    [
      'chromium: choose the realistic file → agreement coefficients',
      realistic.mb.toFixed(0),
      orNot(chromiumFloor, `${fmt(chromiumFloor)} (with alpha)`),
      '—',
      fmt(median(b.coefficients)),
      orNot(chromiumFloor, ratio(median(b.coefficients) / chromiumFloor)),
      '—',
    ],
    ...formats,
  );
}
const readTable = [
  '| file | MB | floor | pandas `read_csv` (with python’s start) | prefscope | ÷ floor | ÷ pandas |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  ...readRows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
const kernelTable = [
  '| realistic file (× 3 labels) | read and code | count-based coefficients | naive baseline ÷ ours | Cohen, all pairs | whole agreement section | annotator table | final labels: every method (Dawid-Skene alone) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
if (b)
  notes.push(
    `Chromium ${b.version}, realistic file, recomputed in the worker after the load (its own timing): the agreement section (no bootstrap) ${fmt(median(b.agreement))}, the final labels (every method) ${fmt(median(b.aggregation))}. Long tasks are counted in every page (both loads of each run, then a session that recomputes and visits every panel); memory is the renderer processes' VmRSS from /proc, sampled every 100 ms.`,
  );
console.log(`\n${readTable}\n\n${kernelTable}`);

if (!writeReadme) console.log(`\nREADME.md not written (${quick ? '--quick' : '--no-readme'})`);
else {
  const readme = join(ROOT, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const pandasVersion = realistic.pandas[0]?.version;
  const stamp =
    `${date}, ${where}${b ? `, chromium ${b.version}` : ''}${pandasVersion ? `, pandas ${pandasVersion}` : ''}; ` +
    `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (other work shares the machine). ` +
    `Medians of ${runs} run${runs === 1 ? '' : 's'}; the floor, pandas and prefscope run interleaved, each in a fresh process, and are timed ` +
    `inside it (the process's start is left out; pandas with it in brackets). Floor: \`floor.mjs bytes-columns-hash\`'s ` +
    `pass into typed arrays (\`parse_ms\`); for the coefficients in chromium, that pass and its alpha (\`ms\`), run ` +
    `between the chromium loads.`;
  const targetList = [...targets, codedLine].map((t) => `- ${t}`).join('\n');
  const kernelIntro =
    'Kernels in node, on the ratings read once more in one process; read and code as above (a fresh process per ' +
    'read), no bootstrap; "count-based" = percent agreement, Fleiss, Krippendorff (3 levels), AC1 from per-item counts.';
  const body = [stamp, readTable, targetList, kernelIntro, kernelTable, ...notes].join('\n\n');
  writeFileSync(
    readme,
    `${text.slice(0, text.indexOf(start) + start.length)}\n${body}\n${text.slice(text.indexOf(end))}`,
  );
  console.log('\nREADME.md: bench section written');
}
