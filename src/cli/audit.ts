import { openAsBlob, existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import { CONVENTION_IDS } from '../parse/labelConventions';
import { columnList, parseCommandLine, SCALES } from './commandLine';
import { fail, runAsScript, type CommandIo } from './command';
import type { Scale } from '../core/types';
import { parseLabelMap } from '../parse/labelMapText';
import { columnForFile, type FileOptions } from '../parse/loadFiles';
import { ADAPTERS, TABLE } from '../parse/adapters/index';
import type { Format } from '../parse/types';
import { isBanded, metricIds, metricValue } from '../sections/metrics';
import { METHOD_SETTINGS, type MethodSetting } from '../sections/aggregationSection';
import type { Report } from '../report/report';
import { idReplacer, pseudonyms, replaceStrings, withoutTexts } from '../report/pseudonymise';
import type { ScoreWeights } from '../core/annotatorScores';
import { DEFAULT_FAMILIES, DEFAULT_NEXT_LABEL, DEFAULT_SETTINGS } from '../defaults';
import { formatFamilies, parseFamilies } from '../sections/selfPreference';
import { createSession } from '../session/analysisSession';
import type { RunSplit } from '../sections/splitRuns';

const READERS = ['csv', 'tsv', 'json', 'jsonl', 'parquet'];
const ADAPTER_NAMES = [TABLE, ...ADAPTERS.map((a) => a.id)];

const USAGE = `usage: npm run --silent audit -- FILE... [--format READER|ADAPTER] [--item COL] [--annotator COL]
       [--label COL] [--wide COL,COL,...] [--rubric COL,COL,...] [--no-header | --header] [--expand COL,...]
       [--ai-label-swapped [FILE=]COL | --ai-label-swapped-shown [FILE=]COL]
       [--labels-are CONVENTION | FILE=CONVENTION,...] [--label-map '0:=,1:A>,2:B>'] [--item-scope shared|file]
       [--scale 5-point|3-way|binary|nominal] [--remove ID,ID,...] [--bootstrap N] [--seed N]
       [--band-metric ID] [--min-shared N]
       [--weights gold=0.4,majority=0.3,speed=0.3] [--method ${METHOD_SETTINGS.join('|')}]
       [--rubric-weights DIM=W,DIM=W,...] [--families 'FAMILY=PATTERN; ...'] [--label-from typical|ANNOTATOR] [--label-price P]
       [--fail-under METRIC=VALUE | delta.METRIC=VALUE]... [--out report.json] [--labels final.csv|final.jsonl]
       [--html report.html] [--compare FILE... | --compare-by COLUMN=A,B]
       [--drift COLUMN|timestamp:day|timestamp:week]
       [--pseudonymise] [--no-texts]
  READER:  ${READERS.join(', ')} (how the file is parsed; detected when left out)
  ADAPTER: ${ADAPTER_NAMES.join(', ')} (whose export it is; detected when left out)
  --labels-are: how label values are read: ${CONVENTION_IDS.join(', ')}
            (the page's question; detected when left out, with a warning when more than one reading fits)
  --no-header, --header: the first row of a CSV/TSV is data, or is the header (detected when left out)
  --item-scope file: an item id that occurs in two judgement files is two pairs (default: one pair)
  --ai-label-swapped [FILE=]COL: the AI judge's verdicts with A and B exchanged when shown, given in the file's A/B
            (guessed for ai_label_swapped, judge_label_swapped, ...); --ai-label-swapped-shown [FILE=]COL: the same
            given as shown (its A is the file's B), mirrored when read. Either is the judge "<judge> (swapped)";
            FILE= limits it to that file (a judge file named <judge>_swapped.csv holds the other order)
  --expand: columns holding a JSON object per cell, spread into COL.KEY columns (then --annotator COL.email …)
  --wide:   the annotator columns of a wide file (one row per pair, a column per annotator)
  --rubric: rubric label columns of a long file, one dimension each, named by the column
            (helpfulness,correctness,…; read like the label; an empty cell is a dimension not judged)
  --rubric-weights: weights of the rubric verdict by dimension (default helpfulness 0.35, correctness 0.30,
            harmlessness 0.20, conciseness 0.15; dimensions left out weigh 0)
  --families: model families for the judges' self-preference, FAMILY=PATTERN separated by ";" (a name
            belongs to the first family whose case-insensitive pattern it contains; default
            ${formatFamilies(DEFAULT_FAMILIES)})
  --label-from, --label-price: who gives the next label (default typical) and its price (default 0.3), for
            the value of the next label (report \`next_label\`)
  --compare: the files after it are run B, read with the same options: the report gets a \`comparison\`
            section (every coefficient, label share, dimension and slice as A, B and B − A with a bootstrap
            interval; annotators before and after; flipped labels). A gate \`delta.METRIC=VALUE\` fails when
            B − A is below VALUE (\`--fail-under delta.krippendorff_alpha.ordinal=-0.05\`: B may not lose more
            than 0.05 of alpha against A)
  --compare-by: one file as two runs: the judgements whose COLUMN (a batch, guideline version or week column
            of 50 values or fewer) is A against those where it is B, compared as --compare does
  --drift:  agreement over time: every coefficient per value of a batch / week / guideline column (natural
            order) or per day or ISO week of the timestamp, with intervals, and the first period whose interval
            leaves the band the first period held (report \`drift\`)
  --pseudonymise: every human annotator id in the report, the HTML and the labels file becomes a stable
            pseudonym (annotator- and 12 hex digits of HMAC-SHA-256 keyed by a passphrase; AI judges keep their
            names). The passphrase comes from the environment variable PREFSCOPE_PASSPHRASE, never a flag, so it
            stays out of shell histories; the same passphrase gives the same pseudonyms in every report
  --no-texts: prompt and response texts are left out of the report and the HTML`;

/** `npm run audit -- FILE…`: the report of the files, as the page computes it. */
export async function audit(argv: string[], io: CommandIo): Promise<number> {
  const { rest: args, compare } = compareFiles(argv);
  const parsed = parseCommandLine(
    args,
    {
      format: { type: 'string' },
      item: { type: 'string' },
      annotator: { type: 'string' },
      label: { type: 'string' },
      wide: { type: 'string' },
      rubric: { type: 'string' },
      'ai-label-swapped': { type: 'string' },
      'ai-label-swapped-shown': { type: 'string' },
      'label-map': { type: 'string' },
      scale: { type: 'string' },
      out: { type: 'string' },
      remove: { type: 'string' },
      bootstrap: { type: 'string' },
      seed: { type: 'string' },
      'band-metric': { type: 'string' },
      'min-shared': { type: 'string' },
      'fail-under': { type: 'string', multiple: true },
      weights: { type: 'string' },
      method: { type: 'string' },
      labels: { type: 'string' },
      html: { type: 'string' },
      'rubric-weights': { type: 'string' },
      families: { type: 'string' },
      'label-from': { type: 'string' },
      'label-price': { type: 'string' },
      'labels-are': { type: 'string' },
      header: { type: 'boolean' },
      'no-header': { type: 'boolean' },
      'item-scope': { type: 'string' },
      expand: { type: 'string' },
      pseudonymise: { type: 'boolean' },
      drift: { type: 'string' },
      'compare-by': { type: 'string' },
      'no-texts': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
    fail,
  );
  const { values: v, positionals: paths } = parsed;
  if (v.help) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (paths.length === 0) fail(`no input file\n${USAGE}`);
  if (v.format && !READERS.includes(v.format) && !ADAPTER_NAMES.includes(v.format))
    fail(`unknown format "${v.format}" (one of ${[...READERS, ...ADAPTER_NAMES].join(', ')})`);
  if (v.scale && !SCALES.includes(v.scale)) fail(`unknown scale "${v.scale}" (one of ${SCALES.join(', ')})`);
  for (const p of paths) if (!existsSync(p) || !statSync(p).isFile()) fail(`cannot read ${p}: no such file`);
  let labelMap: Record<string, string> | null = null;
  try {
    labelMap = v['label-map'] ? parseLabelMap(v['label-map']) : null;
  } catch (error) {
    fail((error as Error).message);
  }
  if (v.header && v['no-header']) fail('--header and --no-header contradict each other');
  if (v['ai-label-swapped'] && v['ai-label-swapped-shown'])
    fail('--ai-label-swapped and --ai-label-swapped-shown name the same verdicts in two ways: give one');
  for (const flag of ['ai-label-swapped', 'ai-label-swapped-shown'] as const) {
    const stated = v[flag];
    if (stated?.includes('=') && !paths.some((p) => columnForFile(stated, p) !== null))
      fail(`--${flag} ${stated}: no file given is named ${stated.slice(0, stated.indexOf('='))}`);
  }
  if (v['item-scope'] && !['shared', 'file'].includes(v['item-scope']))
    fail(`--item-scope takes shared or file, not "${v['item-scope']}"`);
  const labelsAre = v['labels-are'] ? parseLabelsAre(v['labels-are']) : null;
  const fileOptions: FileOptions = {
    header: v['no-header'] ? false : v.header ? true : null,
    expand: columnList(v.expand),
    format: v.format && READERS.includes(v.format) ? (v.format as Format) : null,
    adapter: v.format && ADAPTER_NAMES.includes(v.format) ? v.format : null,
    overrides: {
      item: v.item ?? null,
      annotator: v.annotator ?? null,
      label: v.label ?? null,
      wide: columnList(v.wide),
      rubric: columnList(v.rubric),
      aiLabelSwapped: v['ai-label-swapped'] ?? null,
      aiLabelSwappedShown: v['ai-label-swapped-shown'] ?? null,
    },
  };
  const settings = {
    labelMap,
    removed: v.remove
      ? v.remove
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : [],
    bootstrap: whole(v.bootstrap, 'bootstrap', DEFAULT_SETTINGS.bootstrap),
    seed: whole(v.seed, 'seed', DEFAULT_SETTINGS.seed),
    minShared: whole(v['min-shared'], 'min-shared', DEFAULT_SETTINGS.minShared),
    bandMetric: v['band-metric'] ?? DEFAULT_SETTINGS.bandMetric,
    weights: v.weights ? parseWeights(v.weights) : { ...DEFAULT_SETTINGS.weights },
    method: (v.method ?? DEFAULT_SETTINGS.method) as MethodSetting,
    rubricWeights: v['rubric-weights'] ? parseRubricWeights(v['rubric-weights']) : null,
    families: v.families === undefined ? null : parsedFamilies(v.families),
  };
  const labelPrice = v['label-price'] === undefined ? DEFAULT_NEXT_LABEL.pricePerLabel : Number(v['label-price']);
  if (!(Number.isFinite(labelPrice) && labelPrice > 0))
    fail(`--label-price takes a price above 0, not "${v['label-price']}"`);
  const labelInputs = {
    ...DEFAULT_NEXT_LABEL,
    from: v['label-from'] ?? DEFAULT_NEXT_LABEL.from,
    pricePerLabel: labelPrice,
  };
  if (!METHOD_SETTINGS.includes(settings.method))
    fail(`unknown method "${v.method}" (one of ${METHOD_SETTINGS.join(', ')})`);
  const known = metricIds(true).map((m) => m.id);
  const banded = known.filter(isBanded);
  if (!banded.includes(settings.bandMetric))
    fail(
      `${known.includes(settings.bandMetric) ? `"${settings.bandMetric}" is a share, not chance-corrected: it is not read against the bands;` : `unknown metric "${settings.bandMetric}" for --band-metric;`} use one of ${banded.join(', ')}`,
    );
  const gates = (v['fail-under'] ?? []).map((gate) => {
    const match = /^(delta\.)?([\w.>=<-]+)=(-?[\d.]+)$/.exec(gate.trim());
    const delta = Boolean(match?.[1]);
    if (!match || (!delta && !known.includes(match[2])))
      fail(
        `--fail-under takes METRIC=VALUE with a metric id (one of ${known.join(', ')}), or delta.ID=VALUE with --compare, not "${gate}"`,
      );
    if (delta && compare === null && !v['compare-by'])
      fail(`--fail-under ${gate}: a delta gate needs run B (--compare FILE... or --compare-by COLUMN=A,B)`);
    return { id: match[2], min: Number(match[3]), delta };
  });
  if (compare)
    for (const p of compare) if (!existsSync(p) || !statSync(p).isFile()) fail(`cannot read ${p}: no such file`);
  const split = v['compare-by'] ? compareBy(v['compare-by']) : null;
  if (split && compare) fail('--compare-by and --compare both name run B: give one');
  const passphrase = process.env.PREFSCOPE_PASSPHRASE ?? '';
  if (v.pseudonymise && passphrase === '')
    fail(
      '--pseudonymise takes its passphrase from the environment variable PREFSCOPE_PASSPHRASE (never a flag, so it stays out of shell histories): set it',
    );
  const session = createSession();
  // the options apply to every file, zip members included, and to run B's as well
  const loadOptions = {
    fileDefaults: fileOptions,
    labelMap,
    labelsAre,
    itemScope: (v['item-scope'] as 'shared' | 'file') ?? 'shared',
    scale: (v.scale as Scale) ?? null,
  };
  const warn = (w: { file: string; column: string | null; message: string }, run = '') =>
    io.err(`warning: ${run}${w.file}${w.column ? ` (${w.column})` : ''}: ${w.message}\n`);
  const result = await session.load(await inputFiles(paths), loadOptions);
  if (!result.ok) fail(result.message);
  for (const w of result.overview.input.warnings) warn(w);
  if (compare) {
    const b = await session.loadComparison(await inputFiles(compare), loadOptions);
    if (!b.ok) fail(`run B: ${b.message}`);
    for (const w of b.overview.input.warnings) warn(w, 'run B: ');
  }
  if (split) {
    const cut = session.splitComparison(split);
    if (!cut.ok) fail(`--compare-by ${v['compare-by']}: ${cut.message}`);
  }
  const built = session.report(settings, undefined, labelInputs);
  if (!built.ok) fail(built.message);
  const { report } = built;
  if (v.drift) {
    const at = /^timestamp:(day|week)$/.exec(v.drift);
    const drift = session.drift(at ? { timestamp: at[1] as 'day' | 'week' } : { column: v.drift }, settings);
    if (!drift.ok) fail(`--drift ${v.drift}: ${drift.message}`);
    report.drift = drift.drift;
  }
  // what is written: ids pseudonymised and texts left out as asked (the gates read the report as computed)
  let replace = (text: string) => text;
  if (v.pseudonymise) {
    const humans = session.humanAnnotators();
    if (!humans.ok) fail(humans.message);
    replace = idReplacer(await pseudonyms(humans.ids, passphrase));
  }
  let shared = replaceStrings(report, replace);
  if (v['no-texts']) shared = withoutTexts(shared);
  if (labelInputs.from !== 'typical' && report.next_label?.reason)
    fail(`--label-from ${labelInputs.from}: ${report.next_label.reason}`);
  if (v.labels) {
    const file = session.exportFile(v.labels.endsWith('.jsonl') ? 'labels-jsonl' : 'labels-csv', settings);
    if (!file.ok) fail(file.message);
    writeFileSync(v.labels, replace(file.text));
  }
  if (v.html) writeFileSync(v.html, await reportHtml(shared));
  const json = `${JSON.stringify(shared, null, 2)}\n`;
  if (v.out) {
    writeFileSync(v.out, json);
    io.err(
      `prefscope audit: wrote ${v.out} (${report.input.rows} judgements, ${report.input.rows_dropped} rows dropped)\n`,
    );
  } else io.out(json);
  const valueOf = (g: (typeof gates)[number]) =>
    g.delta ? (report.comparison?.rows.find((r) => r.id === g.id)?.delta ?? null) : metricValue(report.agreement, g.id);
  for (const g of gates)
    if (g.delta && !report.comparison?.rows.some((r) => r.id === g.id))
      fail(
        `--fail-under delta.${g.id}: no such row in the comparison (one of ${report.comparison?.rows.map((r) => r.id).join(', ')})`,
      );
  const failed = gates.filter((g) => {
    const value = valueOf(g);
    return value === null || value < g.min;
  });
  if (failed.length) {
    const says = failed.map(
      (g) => `${g.delta ? 'delta.' : ''}${g.id} = ${valueOf(g)?.toFixed(3) ?? 'null'} < ${g.min}`,
    );
    io.err(`prefscope audit: gate not met: ${says.join('; ')}\n`);
    return 1;
  }
  return 0;
}

/** The report as one self-contained HTML file, its charts drawn by Plot in jsdom (loaded only for --html). */
async function reportHtml(report: Report): Promise<string> {
  const [{ JSDOM }, { reportCharts }, { chartSvgs }, { htmlReport }] = await Promise.all([
    import('jsdom'),
    import('../charts/reportCharts'),
    import('../render/chartSvgs'),
    import('../render/htmlReport'),
  ]);
  const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
  return htmlReport(report, chartSvgs(reportCharts(report), document), { generatedAt: new Date() });
}

/** `--compare-by COLUMN=A,B`: run A is the judgements with COLUMN = A, run B those with COLUMN = B. */
function compareBy(text: string): RunSplit {
  const match = /^([^=]+)=([^,]+),([^,]+)$/.exec(text);
  if (!match)
    return fail(`--compare-by takes COLUMN=VALUE_A,VALUE_B (--compare-by batch=2026-10,2026-11), not "${text}"`);
  return { column: match[1].trim(), a: match[2].trim(), b: match[3].trim() };
}

/**
 * The arguments without `--compare` and the files after it (up to the next option), or null files when
 * there is no `--compare`: `audit A.csv --compare B.csv --out r.json` → run B is B.csv.
 */
export function compareFiles(argv: string[]): { rest: string[]; compare: string[] | null } {
  const at = argv.indexOf('--compare');
  if (at < 0) return { rest: argv, compare: null };
  let end = at + 1;
  while (end < argv.length && !argv[end].startsWith('--')) end++;
  const compare = argv.slice(at + 1, end);
  if (compare.length === 0) fail('--compare takes the files of run B: --compare FILE...');
  return { rest: [...argv.slice(0, at), ...argv.slice(end)], compare };
}

/**
 * `CONVENTION` (every file) or `FILE=CONVENTION,…`: how label values are read (`labelConventions.ts`).
 */
function parseLabelsAre(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.lastIndexOf('=');
    const [file, id] = at > 0 ? [part.slice(0, at).trim(), part.slice(at + 1).trim()] : ['*', part];
    if (!CONVENTION_IDS.includes(id))
      fail(`--labels-are takes one of ${CONVENTION_IDS.join(', ')} (or FILE=CONVENTION), not "${part}"`);
    out[file] = id;
  }
  return out;
}

/** The files at `paths`, named as `fileNames` names them. */
async function inputFiles(paths: string[]): Promise<{ name: string; blob: Blob }[]> {
  const names = fileNames(paths);
  return Promise.all(paths.map(async (p, i) => ({ name: names[i], blob: await openAsBlob(p) })));
}

/**
 * The names the files are read under: their base names, or, where two share one, the shortest end of their
 * paths that tells them apart (`GPT-4-Vanilla/result.json`, `ChatGPT-Vanilla/result.json`).
 */
export function fileNames(paths: string[]): string[] {
  const parts = paths.map((p) => resolve(p).split(sep));
  return parts.map((segments, i) => {
    for (let k = 1; k <= segments.length; k++) {
      const name = segments.slice(-k).join('/');
      if (parts.every((other, j) => j === i || other.slice(-k).join('/') !== name)) return name;
    }
    return basename(paths[i]);
  });
}

/** `gold=0.4,majority=0.3,speed=0.3` (parts left out keep their default). */
function parseWeights(text: string): ScoreWeights {
  const weights = { ...DEFAULT_SETTINGS.weights };
  for (const part of text.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (!(key in weights) || !/^\d*\.?\d+$/.test(value ?? ''))
      fail(`--weights takes gold=W,majority=W,speed=W, not "${text}"`);
    weights[key as keyof ScoreWeights] = Number(value);
  }
  return weights;
}

/** `helpfulness=0.5,correctness=0.5`: a weight of 0 or more per dimension (the name may hold `=`: the weight is after the last). */
function parsedFamilies(text: string): Record<string, string> | null {
  const parsed = parseFamilies(text);
  if (!parsed.ok) fail(`--families: ${parsed.error}`);
  return parsed.rules;
}

function parseRubricWeights(text: string): Record<string, number> {
  const weights: Record<string, number> = {};
  for (const part of text.split(',')) {
    const at = part.lastIndexOf('=');
    const name = part.slice(0, at).trim(),
      value = part.slice(at + 1).trim();
    if (at <= 0 || !name || !/^\d*\.?\d+$/.test(value))
      fail(`--rubric-weights takes DIMENSION=WEIGHT,… (weights of 0 or more), not "${text}"`);
    Object.defineProperty(weights, name, {
      value: Number(value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return weights;
}

/** A whole number option (>= 0) or its default. */
function whole(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) fail(`--${name} takes a whole number, not "${value}"`);
  return Number(value);
}

runAsScript('audit', audit, import.meta.url);
