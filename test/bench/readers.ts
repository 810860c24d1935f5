import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';

/**
 * The three readers the benchmark compares on one file, each in a fresh process: the floor script of
 * `../shared/perf/` (`bytes-columns-hash`), pandas `read_csv` in Debian's python3, and prefscope's
 * `loadFiles` (test/bench/prefscopeRead.ts). Each returns null when it cannot run here; `why` says why.
 */
export const ROOT = join(import.meta.dirname, '../..');
const FLOOR = join(ROOT, '../shared/perf/floor.mjs');
const PYTHON = '/usr/bin/python3';

export interface FloorRun {
  /** the pass into typed arrays (the script's `parse_ms`) */
  parseMs: number;
  /** that pass and the Krippendorff alpha from per-item counts after it (the script's `ms`) */
  ms: number;
  /** the whole process, node's start included */
  wallMs: number;
  rows: number;
  alphaNominal: number;
}

export interface PandasRun {
  /** `read_csv` alone, timed inside python */
  ms: number;
  /** the whole process: the interpreter's start, `import pandas` and `read_csv` */
  wallMs: number;
  rows: number;
  version: string;
}

export interface PrefscopeRun {
  ms: number;
  wallMs: number;
  judgements: number;
  items: number;
  codedBytes: number;
  loadBytes: number;
}

function run(command: string, args: string[]): { out: string; wallMs: number } {
  const t = performance.now();
  const p = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  const wallMs = performance.now() - t;
  if (p.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${p.status}): ${p.stderr.slice(-2000)}`);
  return { out: p.stdout, wallMs };
}

export const floorWhy = (): string | null => (existsSync(FLOOR) ? null : `${relative(ROOT, FLOOR)} is absent`);

/** `node ../shared/perf/floor.mjs FILE bytes-columns-hash`, run from the project root. */
export function floorRead(path: string): FloorRun {
  const { out, wallMs } = run(process.execPath, [relative(ROOT, FLOOR), relative(ROOT, path), 'bytes-columns-hash']);
  const j = JSON.parse(out);
  return { parseMs: j.parse_ms, ms: j.ms, wallMs, rows: j.rows, alphaNominal: j.alpha_nominal };
}

export function pandasWhy(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} is absent`;
  return spawnSync(PYTHON, ['-c', 'import pandas']).status === 0
    ? null
    : `${PYTHON} has no pandas (apt-get install python3-pandas)`;
}

export function pandasRead(path: string): PandasRun {
  const { out, wallMs } = run(PYTHON, [join(import.meta.dirname, 'pandasRead.py'), path]);
  const j = JSON.parse(out);
  return { ms: j.s * 1000, wallMs, rows: j.rows, version: j.pandas };
}

/** `loadFiles` on an `fs.openAsBlob` of the file, in a node process of its own. */
export function prefscopeRead(path: string): PrefscopeRun {
  const { out, wallMs } = run(process.execPath, [
    '--import',
    'tsx',
    join(import.meta.dirname, 'prefscopeRead.ts'),
    path,
  ]);
  return { ...JSON.parse(out), wallMs };
}

/** The machine the numbers come from: cpu model (/proc/cpuinfo), cores, node's version. */
export function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown cpu';
  try {
    model = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? model;
  } catch {
    // not Linux: node's name for the cpu
  }
  return `${model}, ${cpus().length} cores, node ${process.version}`;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
