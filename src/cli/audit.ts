import { openAsBlob, existsSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { columnList, parseCommandLine, SCALES } from './commandLine';
import { failWith } from './failWith';
import type { Scale } from '../core/types';
import { parseLabelMap } from '../parse/labelMapText';
import type { FileOptions } from '../parse/loadFiles';
import { ADAPTERS, TABLE } from '../parse/adapters/index';
import type { Format } from '../parse/types';
import { metricIds, metricValue } from '../report/agreementMetrics';
import { METHODS, type Method } from '../report/aggregationSection';
import type { Report } from '../report/report';
import { DEFAULT_WEIGHTS } from '../report/annotatorsSection';
import type { ScoreWeights } from '../core/annotatorScores';
import { createSession, DEFAULT_NEXT_LABEL } from '../session/analysisSession';

const READERS = ['csv', 'tsv', 'json', 'jsonl', 'parquet'];
const ADAPTER_NAMES = [TABLE, ...ADAPTERS.map((a) => a.id)];

const USAGE = `usage: npm run --silent audit -- FILE... [--format READER|ADAPTER] [--item COL] [--annotator COL]
       [--label COL] [--wide COL,COL,...] [--rubric COL,COL,...] [--label-map '0:=,1:A>,2:B>']
       [--scale 5-point|3-way|binary|nominal] [--remove ID,ID,...] [--bootstrap N] [--seed N]
       [--band-metric ID] [--min-shared N]
       [--weights gold=0.4,majority=0.3,speed=0.3] [--method majority|weighted|dawid_skene]
       [--rubric-weights DIM=W,DIM=W,...] [--label-from typical|ANNOTATOR] [--label-price P]
       [--fail-under METRIC=VALUE]... [--out report.json] [--labels final.csv|final.jsonl] [--html report.html]
  READER:  ${READERS.join(', ')} (how the file is parsed; detected when left out)
  ADAPTER: ${ADAPTER_NAMES.join(', ')} (whose export it is; detected when left out)
  --wide:   the annotator columns of a wide file (one row per pair, a column per annotator)
  --rubric: rubric label columns of a long file, one dimension each, named by the column
            (helpfulness,correctness,…; read like the label; an empty cell is a dimension not judged)
  --rubric-weights: weights of the rubric verdict by dimension (default helpfulness 0.35, correctness 0.30,
            harmlessness 0.20, conciseness 0.15; dimensions left out weigh 0)
  --label-from, --label-price: who gives the next label (default typical) and its price (default 0.3), for
            the value of the next label (report \`next_label\`)`;

const fail: (message: string) => never = failWith('audit');

async function main(argv: string[]): Promise<void> {
  const parsed = parseCommandLine(
    argv,
    {
      format: { type: 'string' }, item: { type: 'string' }, annotator: { type: 'string' }, label: { type: 'string' },
      wide: { type: 'string' }, rubric: { type: 'string' }, 'label-map': { type: 'string' }, scale: { type: 'string' }, out: { type: 'string' },
      remove: { type: 'string' }, bootstrap: { type: 'string' }, seed: { type: 'string' }, 'band-metric': { type: 'string' },
      'min-shared': { type: 'string' }, 'fail-under': { type: 'string', multiple: true },
      weights: { type: 'string' }, method: { type: 'string' }, labels: { type: 'string' }, html: { type: 'string' },
      'rubric-weights': { type: 'string' }, 'label-from': { type: 'string' }, 'label-price': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
    fail,
  );
  const { values: v, positionals: paths } = parsed;
  if (v.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (paths.length === 0) fail(`no input file\n${USAGE}`);
  if (v.format && !READERS.includes(v.format) && !ADAPTER_NAMES.includes(v.format)) fail(`unknown format "${v.format}" (one of ${[...READERS, ...ADAPTER_NAMES].join(', ')})`);
  if (v.scale && !SCALES.includes(v.scale)) fail(`unknown scale "${v.scale}" (one of ${SCALES.join(', ')})`);
  for (const p of paths) if (!existsSync(p) || !statSync(p).isFile()) fail(`cannot read ${p}: no such file`);
  let labelMap: Record<string, string> | null = null;
  try {
    labelMap = v['label-map'] ? parseLabelMap(v['label-map']) : null;
  } catch (error) {
    fail((error as Error).message);
  }
  const fileOptions: FileOptions = {
    format: v.format && READERS.includes(v.format) ? (v.format as Format) : null,
    adapter: v.format && ADAPTER_NAMES.includes(v.format) ? v.format : null,
    overrides: { item: v.item ?? null, annotator: v.annotator ?? null, label: v.label ?? null, wide: columnList(v.wide), rubric: columnList(v.rubric) },
  };
  const settings = {
    labelMap,
    removed: v.remove ? v.remove.split(',').map((id) => id.trim()).filter(Boolean) : [],
    bootstrap: whole(v.bootstrap, 'bootstrap', 1000),
    seed: whole(v.seed, 'seed', 1),
    minShared: whole(v['min-shared'], 'min-shared', 10),
    bandMetric: v['band-metric'] ?? 'fleiss_kappa',
    weights: v.weights ? parseWeights(v.weights) : { ...DEFAULT_WEIGHTS },
    method: (v.method ?? 'dawid_skene') as Method,
    rubricWeights: v['rubric-weights'] ? parseRubricWeights(v['rubric-weights']) : null,
  };
  const labelPrice = v['label-price'] === undefined ? DEFAULT_NEXT_LABEL.pricePerLabel : Number(v['label-price']);
  if (!(Number.isFinite(labelPrice) && labelPrice > 0)) fail(`--label-price takes a price above 0, not "${v['label-price']}"`);
  const labelInputs = { ...DEFAULT_NEXT_LABEL, from: v['label-from'] ?? 'typical', pricePerLabel: labelPrice };
  if (!METHODS.includes(settings.method)) fail(`unknown method "${v.method}" (one of ${METHODS.join(', ')})`);
  const known = metricIds(true).map((m) => m.id);
  if (!known.includes(settings.bandMetric)) fail(`unknown metric "${settings.bandMetric}" for --band-metric (one of ${known.join(', ')})`);
  const gates = (v['fail-under'] ?? []).map((gate) => {
    const match = /^([\w.]+)=(-?[\d.]+)$/.exec(gate.trim());
    if (!match || !known.includes(match[1])) fail(`--fail-under takes METRIC=VALUE with a metric id (one of ${known.join(', ')}), not "${gate}"`);
    return { id: match[1], min: Number(match[2]) };
  });
  const files = await Promise.all(paths.map(async (p) => ({ name: basename(p), blob: await openAsBlob(p) })));
  const session = createSession();
  const result = await session.load(files, { files: files.map(() => fileOptions), labelMap, scale: (v.scale as Scale) ?? null });
  if (!result.ok) fail(result.message);
  const built = session.report(settings, undefined, labelInputs);
  if (!built.ok) fail(built.message);
  const { report } = built;
  if (labelInputs.from !== 'typical' && report.next_label?.reason) fail(`--label-from ${labelInputs.from}: ${report.next_label.reason}`);
  if (v.labels) {
    const file = session.exportFile(v.labels.endsWith('.jsonl') ? 'labels-jsonl' : 'labels-csv', settings);
    if (!file.ok) fail(file.message);
    writeFileSync(v.labels, file.text);
  }
  if (v.html) writeFileSync(v.html, await reportHtml(report));
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (v.out) {
    writeFileSync(v.out, json);
    process.stderr.write(`prefscope audit: wrote ${v.out} (${report.input.rows} judgements, ${report.input.rows_dropped} rows dropped)\n`);
  } else process.stdout.write(json);
  const failed = gates.filter((g) => {
    const value = metricValue(report.agreement, g.id);
    return value === null || value < g.min;
  });
  if (failed.length) {
    const says = failed.map((g) => `${g.id} = ${metricValue(report.agreement, g.id)?.toFixed(3) ?? 'null'} < ${g.min}`);
    process.stderr.write(`prefscope audit: gate not met: ${says.join('; ')}\n`);
    process.exitCode = 1;
  }
}

/** The report as one self-contained HTML file, its charts drawn by Plot in jsdom (loaded only for --html). */
async function reportHtml(report: Report): Promise<string> {
  const [{ JSDOM }, { reportCharts }, { chartSvgs }, { htmlReport }] = await Promise.all([import('jsdom'), import('../charts/reportCharts'), import('../report/chartSvgs'), import('../report/htmlReport')]);
  const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
  return htmlReport(report, chartSvgs(reportCharts(report), document), { generatedAt: new Date() });
}

/** `gold=0.4,majority=0.3,speed=0.3` (parts left out keep their default). */
function parseWeights(text: string): ScoreWeights {
  const weights = { ...DEFAULT_WEIGHTS };
  for (const part of text.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (!(key in weights) || !/^\d*\.?\d+$/.test(value ?? '')) fail(`--weights takes gold=W,majority=W,speed=W, not "${text}"`);
    weights[key as keyof ScoreWeights] = Number(value);
  }
  return weights;
}

/** `helpfulness=0.5,correctness=0.5`: a weight of 0 or more per dimension (the name may hold `=`: the weight is after the last). */
function parseRubricWeights(text: string): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const part of text.split(',')) {
    const at = part.lastIndexOf('=');
    const name = part.slice(0, at).trim(), value = part.slice(at + 1).trim();
    if (at <= 0 || !name || !/^\d*\.?\d+$/.test(value)) fail(`--rubric-weights takes DIMENSION=WEIGHT,… (weights of 0 or more), not "${text}"`);
    Object.defineProperty(weights, name, { value: Number(value), enumerable: true, writable: true, configurable: true });
  }
  return weights;
}

/** A whole number option (>= 0) or its default. */
function whole(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) fail(`--${name} takes a whole number, not "${value}"`);
  return Number(value);
}

main(process.argv.slice(2)).catch((error) => fail((error as Error).message ?? String(error)));
