/**
 * `npm run bench`: times reading and agreement at 10K / 100K / 1M pairs × 3 labels (seeded synthetic data)
 * in node, the same steps end-to-end in Debian's chromium for 1M pairs, and a naive Map-based baseline;
 * prints medians of several runs and writes the table into README.md between the bench markers.
 * Options: --sizes 10000,100000 --runs N --no-browser.
 */
import { createWriteStream, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { cohenPairs } from '../../src/core/cohenPairs';
import { countPatterns } from '../../src/core/countPatterns';
import { itemCounts } from '../../src/core/itemCounts';
import { judgementFilter } from '../../src/core/judgementFilter';
import { loadFiles } from '../../src/parse/loadFiles';
import { COUNT_METRICS } from '../../src/sections/metrics';
import { agreementSection } from '../../src/sections/agreementSection';
import { nextLabelSection } from '../../src/sections/nextLabelSection';
import { rubricSection } from '../../src/sections/rubricSection';
import { syntheticRubric } from './syntheticRubric';
import { naiveAgreement } from './naiveAgreement';
import { dawidSkene } from '../../src/core/dawidSkene';
import { annotatorsSection } from '../../src/sections/annotatorsSection';
import { aggregationSection } from '../../src/sections/aggregationSection';
import { syntheticCsv } from './syntheticCsv';
import { browserBench, browserLoadOnce } from './browserBench';
import { duckdbEngine } from '../../src/sql/duckdbEngine';
import { gzipSync } from 'node:zlib';

const ROOT = join(import.meta.dirname, '../..');
const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    runs: { type: 'string', default: '5' },
    'no-browser': { type: 'boolean', default: false },
  },
});
const runs = Number(opts.runs);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

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

const rows: string[][] = [];
const notes: string[] = [];
/** Times the same statistics with Debian's python3 numpy / pandas / statsmodels, when installed. */
function pythonBaseline(
  chunks: string[],
  n: number,
): { load_s: number; table_s: number; fleiss_s: number; alpha_s: number; fleiss: number; alpha: number } | null {
  if (spawnSync('/usr/bin/python3', ['-c', 'import numpy, pandas, statsmodels']).status !== 0) return null;
  const path = join(ROOT, 'test/artifacts/bench-python.csv');
  mkdirSync(join(ROOT, 'test/artifacts'), { recursive: true });
  writeFileSync(path, chunks.join(''));
  const out = spawnSync('/usr/bin/python3', [join(import.meta.dirname, 'pythonBaseline.py'), path, String(n)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return out.status === 0 ? JSON.parse(out.stdout) : null;
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
for (const pairs of opts.sizes.split(',').map(Number)) {
  const chunks = [...syntheticCsv(pairs)];
  const blob = new Blob(chunks);
  const file = { name: `bench-${pairs}.csv`, blob };
  const load = await time(pairs >= 1_000_000 ? Math.min(3, runs) : runs, () => loadFiles([file]));
  const r = load.value.ratings;
  const mask = judgementFilter(r);
  const kernels = await time(runs, () => {
    const patterns = countPatterns(itemCounts(r, mask));
    return COUNT_METRICS.map((m) => m.from(patterns, { sides: [0, 0, 1, 2, 2], q: 5, ordered: true }).value);
  });
  const pairsTime = await time(runs, () => cohenPairs(r, mask));
  const section = await time(runs, () => agreementSection(r, { bootstrap: 0 }));
  const annotators = await time(Math.min(3, runs), () => annotatorsSection(r));
  const composite = Float64Array.from(r.annotators, () => 0.5);
  const ds = await time(Math.min(3, runs), () => dawidSkene(r, mask));
  const aggregation = await time(Math.min(3, runs), () => aggregationSection(r, { composite }));
  const nextLabel = await time(Math.min(3, runs), () => nextLabelSection(r, aggregation.value, {}));
  notes.push(
    `${pairs.toLocaleString('en-US')} pairs: value of the next label (expected information gain of every pair under the Dawid-Skene fit, ranking, budget curve) ${fmt(nextLabel.ms)} after the final labels.`,
  );
  const stringRows = chunks
    .join('')
    .split('\n')
    .slice(1, -1)
    .map((l) => l.split(',').slice(0, 3) as [string, string, string]);
  const naive = await time(Math.min(3, runs), () => naiveAgreement(stringRows));
  const ours = {
    percent: section.value.percent_agreement.strict!,
    fleiss: section.value.fleiss_kappa!,
    alpha: section.value.krippendorff_alpha.nominal!,
  };
  for (const k of ['percent', 'fleiss', 'alpha'] as const)
    if (Math.abs(naive.value[k] - ours[k]) > 1e-9)
      throw new Error(`naive ${k} ${naive.value[k]} differs from ${ours[k]}`);
  console.log(
    `${pairs} pairs: load ${fmt(load.ms)}, count-based coefficients ${fmt(kernels.ms)} (naive ${fmt(naive.ms)}), Cohen pairs ${fmt(pairsTime.ms)}, agreement section ${fmt(section.ms)}, annotators ${fmt(annotators.ms)}, Dawid-Skene ${fmt(ds.ms)} (${ds.value.iterations} iterations), all three aggregations ${fmt(aggregation.ms)}`,
  );
  const py = pythonBaseline(chunks, Math.min(3, runs));
  if (py) {
    for (const [k, ours] of [
      ['fleiss', section.value.fleiss_kappa!],
      ['alpha', section.value.krippendorff_alpha.nominal!],
    ] as const)
      if (Math.abs(py[k] - ours) > 1e-9) throw new Error(`python ${k} ${py[k]} differs from ${ours}`);
    const pyStats = (py.table_s + py.fleiss_s + py.alpha_s) * 1000;
    console.log(
      `  python (pandas, statsmodels, numpy): read ${fmt(py.load_s * 1000)}, count table + Fleiss + alpha ${fmt(pyStats)} — ${(pyStats / kernels.ms).toFixed(0)}× our count-based coefficients`,
    );
    notes.push(
      `${pairs.toLocaleString('en-US')} pairs, the same file with Debian's pandas, statsmodels and numpy: \`read_csv\` ${fmt(py.load_s * 1000)}; crosstab + statsmodels \`fleiss_kappa\` + a numpy Krippendorff alpha ${fmt(pyStats)}, ${(pyStats / kernels.ms).toFixed(0)}× prefscope's count-based coefficients (same values to 1e-9).`,
    );
  }
  rows.push([
    `node, ${pairs.toLocaleString('en-US')} pairs`,
    fmt(load.ms),
    fmt(kernels.ms),
    `${(naive.ms / kernels.ms).toFixed(0)}×`,
    fmt(pairsTime.ms),
    fmt(section.ms),
    fmt(annotators.ms),
    `${fmt(aggregation.ms)} (DS ${fmt(ds.ms)}, ${ds.value.iterations} it.)`,
  ]);
}

{
  // a rubric file of 1M pairs (3 labels × 5 dimensions, 15M judgements), held in memory
  const { ratings, texts } = syntheticRubric(1_000_000);
  const rubric = await time(Math.min(3, runs), () => rubricSection(ratings, texts, { bootstrap: 0 }));
  console.log(`rubric, 1M pairs × 3 labels × 5 dimensions: rubric section ${fmt(rubric.ms)}`);
  notes.push(
    `Rubric, 1,000,000 pairs × 3 labels × 5 dimensions (15M judgements, in memory): the rubric section (weighted verdict and its agreement, 6 × 6 Spearman correlations, per-annotator length correlations, disagreement attribution) ${fmt(rubric.ms)}.`,
  );
}

if (!opts['no-browser'] && existsSync('/usr/bin/chromium')) {
  const pairs = 1_000_000;
  mkdirSync(join(ROOT, 'test/artifacts'), { recursive: true });
  const path = join(ROOT, 'test/artifacts/bench-1m.csv');
  const out = createWriteStream(path);
  for (const chunk of syntheticCsv(pairs)) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  const b = await browserBench(path, Math.min(3, runs), runs);
  console.log(
    `chromium, 1M pairs: load ${fmt(median(b.load))} (runs ${b.load.map(fmt).join(', ')}), agreement section in the worker ${fmt(median(b.agreement))} (runs ${b.agreement.map(fmt).join(', ')}), final labels ${fmt(median(b.aggregation))} (runs ${b.aggregation.map(fmt).join(', ')})`,
  );
  // the same million pairs as gzip CSV and as Parquet (written by DuckDB), read once each
  writeFileSync(`${path}.gz`, gzipSync(readFileSync(path)));
  const engine = await duckdbEngine();
  await engine.exec(
    `COPY (SELECT * FROM read_csv_auto('${path}')) TO '${path.replace(/\.csv$/, '.parquet')}' (FORMAT PARQUET)`,
  );
  engine.close();
  const gzipMs = await browserLoadOnce(`${path}.gz`);
  const parquetMs = await browserLoadOnce(path.replace(/\.csv$/, '.parquet'));
  console.log(`chromium, 1M pairs: gzip CSV read in ${fmt(gzipMs)}, Parquet in ${fmt(parquetMs)}`);
  rows.push(['chromium worker, 1,000,000 pairs, gzip CSV (1 run)', fmt(gzipMs), '—', '—', '—', '—', '—', '—']);
  rows.push(['chromium worker, 1,000,000 pairs, Parquet (1 run)', fmt(parquetMs), '—', '—', '—', '—', '—', '—']);
  const long = b.longTasks.filter((d) => d > 50);
  console.log(
    `chromium, 1M pairs: main-thread tasks over 50 ms: ${long.length} (longest ${Math.max(0, ...b.longTasks).toFixed(0)} ms); peak renderer memory ${b.peakRssMb.toFixed(0)} MB`,
  );
  notes.push(
    `Chromium, 1M pairs: peak resident memory of the tab and its worker ${b.peakRssMb.toFixed(0)} MB (renderer processes' VmRSS from /proc, sampled every 100 ms); main-thread tasks over 50 ms during the whole session (load, every panel, recomputations): ${long.length}, the longest ${Math.max(0, ...b.longTasks).toFixed(0)} ms.`,
  );
  rows.push([
    'chromium worker, 1,000,000 pairs',
    fmt(median(b.load)),
    '—',
    '—',
    '—',
    fmt(median(b.agreement)),
    '—',
    fmt(median(b.aggregation)),
  ]);
}

const table = [
  '| where, size (× 3 labels) | read and code | count-based coefficients | naive baseline ÷ ours | Cohen, all pairs | whole agreement section | annotator table | final labels: majority, weighted, Dawid-Skene |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
console.log(`\n${table}`);
const readme = join(ROOT, 'README.md');
const text = readFileSync(readme, 'utf8');
const start = '<!-- bench:start -->';
const end = '<!-- bench:end -->';
if (text.includes(start)) {
  const stamp = `Medians of ${runs} runs (3 for reading 1M pairs), ${new Date().toISOString().slice(0, 10)}, this 2-core machine. Without bootstrap; "count-based" = percent agreement, Fleiss, Krippendorff (3 levels), AC1 from per-item counts.`;
  writeFileSync(
    readme,
    text.slice(0, text.indexOf(start) + start.length) +
      `\n${stamp}\n\n${table}\n${notes.length ? `\n${notes.join('\n\n')}\n` : ''}` +
      text.slice(text.indexOf(end)),
  );
}
