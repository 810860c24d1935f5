import { openAsBlob, existsSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Scale } from '../core/types';
import { parseLabelMap } from '../parse/labelMapText';
import type { FileOptions } from '../parse/loadFiles';
import type { Format } from '../parse/types';
import { buildReport } from '../report/report';
import { createSession } from '../session/analysisSession';

const USAGE = `usage: npm run --silent audit -- FILE... [--format csv|tsv|json|jsonl|parquet] [--item COL] [--annotator COL]
       [--label COL] [--wide COL,COL,...] [--label-map '0:=,1:A>,2:B>'] [--scale 5-point|3-way|binary|nominal]
       [--out report.json]`;
const FORMATS = ['csv', 'tsv', 'json', 'jsonl', 'parquet'];
const SCALES = ['5-point', '3-way', 'binary', 'nominal'];

/** Exit 2 with one line on stderr: unreadable input or a wrong call. */
function fail(message: string): never {
  process.stderr.write(`prefscope audit: ${message}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' }, item: { type: 'string' }, annotator: { type: 'string' }, label: { type: 'string' },
        wide: { type: 'string' }, 'label-map': { type: 'string' }, scale: { type: 'string' }, out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { values: v, positionals: paths } = parsed;
  if (v.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (paths.length === 0) fail(`no input file\n${USAGE}`);
  if (v.format && !FORMATS.includes(v.format)) fail(`unknown format "${v.format}" (one of ${FORMATS.join(', ')})`);
  if (v.scale && !SCALES.includes(v.scale)) fail(`unknown scale "${v.scale}" (one of ${SCALES.join(', ')})`);
  for (const p of paths) if (!existsSync(p) || !statSync(p).isFile()) fail(`cannot read ${p}: no such file`);
  let labelMap: Record<string, string> | null = null;
  try {
    labelMap = v['label-map'] ? parseLabelMap(v['label-map']) : null;
  } catch (error) {
    fail((error as Error).message);
  }
  const fileOptions: FileOptions = {
    format: (v.format as Format) ?? null,
    overrides: { item: v.item ?? null, annotator: v.annotator ?? null, label: v.label ?? null, wide: v.wide ? v.wide.split(',').map((c) => c.trim()).filter(Boolean) : [] },
  };
  const files = await Promise.all(paths.map(async (p) => ({ name: basename(p), blob: await openAsBlob(p) })));
  const session = createSession();
  const result = await session.load(files, { files: files.map(() => fileOptions), labelMap, scale: (v.scale as Scale) ?? null });
  if (!result.ok) fail(result.message);
  const report = buildReport(result.overview.input, result.overview.fileInfos, labelMap);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  if (v.out) {
    writeFileSync(v.out, json);
    process.stderr.write(`prefscope audit: wrote ${v.out} (${report.input.rows} judgements, ${report.input.rows_dropped} rows dropped)\n`);
  } else process.stdout.write(json);
}

main(process.argv.slice(2)).catch((error) => fail((error as Error).message ?? String(error)));
