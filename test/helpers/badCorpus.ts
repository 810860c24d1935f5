import { closeSync, ftruncateSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

/** The corpus of bad inputs (`test/fixtures/bad/`) and what each must give (`expected.json` there). */
export const BAD = join(import.meta.dirname, '../fixtures/bad');

export interface ExpectedIssue {
  row: number | null;
  column: string | null;
  /** regex source */
  message: string;
}

/** One corpus file's expected outcome, read by the loadFiles, audit command and browser tests alike. */
export interface Expectation {
  /** `ok`: read, with every valid row kept; `refused`: `UnreadableFile` / exit 2 / the page's error */
  outcome: 'ok' | 'refused';
  /** refused: the whole message (regex source; the command prefixes it with `prefscope audit: `) */
  message?: string;
  /** ok: its labels fit more than one reading, so the page asks (and the command warns) before computing */
  asks?: boolean;
  /** ok: every issue, in the order reported */
  issues?: ExpectedIssue[];
  /** ok: judgements kept */
  rows?: number;
  rows_dropped?: number;
  scale?: string;
  items?: number;
  annotators?: number;
  delimiter?: string;
  /** ok: what the report must say (the audit command's test) */
  report?: {
    /** metric ids (dotted paths under `agreement`) that must be null, each with a reason */
    null?: string[];
    /** metric id → reason (regex source) */
    reasons?: Record<string, string>;
    /** metric id → value */
    values?: Record<string, number>;
    label_counts?: Record<string, number>;
    slices?: string[];
  };
  /** options for `loadFiles` only (the command and the page cannot set them): such a file is skipped there */
  load_options?: { memoryBudget?: number };
  /** the file is written at run time (too big to commit), as described here */
  generated?: string;
  notes: string;
}

export interface CorpusFile {
  name: string;
  path: string;
  expected: Expectation;
}

export const EXPECTED: Record<string, Expectation> = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(join(BAD, 'expected.json'), 'utf8')) as Record<string, Expectation>).filter(
    ([name]) => !name.startsWith('$'),
  ),
);

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** Writers of the generated corpus files (deterministic). */
const GENERATORS: Record<string, (path: string) => void> = {
  // a 1 MB quoted response with commas and doubled quotes, and a 1 MB label (an unknown one)
  'big-cell.csv': (path) => {
    const cell = `"${'word, ""quoted"" '.repeat(Math.ceil(2 ** 20 / 16)).slice(0, 2 ** 20)}"`;
    const label = 'x'.repeat(2 ** 20);
    const lines = [
      'example_id,annotator_id,label,response_a',
      `p1,ann1,A,${cell}`,
      'p1,ann2,B,short',
      `p2,ann1,${label},short`,
      'p2,ann2,tie,short',
      'p3,ann1,A,short',
      'p3,ann2,A,short',
    ];
    writeFileSync(path, `${lines.join('\n')}\n`);
  },
  // a cell nested 10,000 levels deep (record 1) and an object nested 10,000 levels deep (record 2)
  'deep-nested.json': (path) => {
    const records = [
      `{"example_id":"p1","annotator_id":"ann1","label":"A","response_a":${deep(10_000)}}`,
      `{"example_id":"p1","annotator_id":"ann2","label":"B","meta":{"x":${deep(10_000)}}}`,
      '{"example_id":"p2","annotator_id":"ann1","label":"tie"}',
      '{"example_id":"p2","annotator_id":"ann2","label":"A"}',
    ];
    writeFileSync(path, `[${records.join(',\n')}]\n`);
  },
  // the same in JSON Lines, 100,000 levels deep
  'deep-nested.jsonl': (path) => {
    const lines = [
      `{"example_id":"p1","annotator_id":"ann1","label":"A","response_a":${deep(100_000)}}`,
      `{"example_id":"p1","annotator_id":"ann2","label":"B","meta":{"x":${deep(100_000)}}}`,
      '{"example_id":"p2","annotator_id":"ann1","label":"tie"}',
      '{"example_id":"p2","annotator_id":"ann2","label":"A"}',
    ];
    writeFileSync(path, `${lines.join('\n')}\n`);
  },
  // 150,000 records (50,000 pairs × 3 annotators, about 12 MB); record 1,001 is a number, record 75,000 has the label "maybe"
  'huge.json': (path) => {
    const parts: string[] = [];
    for (let i = 0; i < 150_000; i++) {
      if (i === 1000) {
        parts.push('42');
        continue;
      }
      const label = i === 74_999 ? 'maybe' : ['A', 'B', 'tie'][(i * 7 + (i >> 3)) % 3];
      parts.push(
        JSON.stringify({
          example_id: `pair${Math.floor(i / 3)}`,
          annotator_id: `ann${(Math.floor(i / 3) * 21 + (i % 3) * 7) % 40}`,
          label,
          domain: ['chat', 'code', 'math'][Math.floor(i / 3) % 3],
        }),
      );
    }
    writeFileSync(path, `[\n${parts.join(',\n')}\n]\n`);
  },
  // a top-level object of 65 MB: its records and a long padding string
  'huge-object.json': (path) => {
    const records =
      '{"example_id":"p1","annotator_id":"ann1","label":"A"},{"example_id":"p1","annotator_id":"ann2","label":"B"}';
    writeFileSync(path, `{"data": [${records}], "padding": "${'x'.repeat(65 * 2 ** 20)}"}\n`);
  },
  // 4 MB of real rows, then zeros up to 800 MB (a sparse file: little disk, and never read if refused early)
  'too-large.csv': (path) => {
    const fd = openSync(path, 'w');
    writeSync(fd, 'example_id,annotator_id,label\n');
    const rows: string[] = [];
    for (let i = 0; i < 400_000; i++) rows.push(`p${i >> 1},a${i % 5},A`);
    writeSync(fd, `${rows.join('\n')}\n`);
    ftruncateSync(fd, 800e6);
    closeSync(fd);
  },
};

/** Every corpus file with its expectation; generated files are written into `dir` (once per call). */
export function corpus(dir: string, select: (name: string, e: Expectation) => boolean = () => true): CorpusFile[] {
  return Object.entries(EXPECTED)
    .filter(([name, e]) => select(name, e))
    .map(([name, expected]) => {
      if (!expected.generated) return { name, path: join(BAD, name), expected };
      const generate = GENERATORS[name];
      if (!generate) throw new Error(`no generator for ${name}`);
      const path = join(dir, name);
      generate(path);
      return { name, path, expected };
    });
}

/** The names that have a generator (to check expected.json against them). */
export const GENERATED = Object.keys(GENERATORS);

/** Issues checked against the expected ones: the same rows and columns in order, each message matching its regex. */
export function expectIssues(
  actual: { row: number | null; column: string | null; message: string }[],
  expected: Expectation,
  label: string,
): void {
  const want = expected.issues ?? [];
  expect(
    actual.map(({ row, column }) => ({ row, column })),
    label,
  ).toEqual(want.map(({ row, column }) => ({ row, column })));
  actual.forEach((issue, i) => expect(issue.message, `${label}: issue ${i + 1}`).toMatch(new RegExp(want[i].message)));
}
