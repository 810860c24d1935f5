// @vitest-environment node
/**
 * Property-based checks of the readers (fast-check, fixed seed; `FC_SEED=…` explores others): tables written
 * by an RFC 4180 writer read back equal through `readCsv` (in random chunks, gzipped, with other delimiters)
 * and through `loadFiles` as judgements; records written as JSON Lines and as a JSON array read back equal;
 * prefscope's own exports read back to the same labels; and random or damaged bytes never make `loadFiles`
 * throw anything but `UnreadableFile`, nor hang.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readCsv } from '../../src/parse/readCsv';
import { readJson } from '../../src/parse/readJson';
import { readJsonl } from '../../src/parse/readJsonl';
import { loadFiles, type LoadResult } from '../../src/parse/loadFiles';
import { UnreadableFile, type InputFile } from '../../src/parse/types';
import { majorityVote } from '../../src/core/majorityVote';
import { PREFERENCE_LABELS } from '../../src/core/types';
import { annotationsCsv, finalLabelsCsv } from '../../src/render/exports';
import { csvCell, csvLine } from '../../src/render/csv';
import { chunkedFile, readAllWith } from '../helpers/readerHarness';
import { textFile } from '../helpers/loadText';

const SEED = Number(process.env.FC_SEED ?? 20250611);
const runs = (numRuns: number) => ({ seed: SEED, numRuns });
const utf8 = new TextEncoder();

// ---------------------------------------------------------------- generators

/** One character of cell text: the characters CSV and spreadsheets care about, unicode, or any grapheme. */
const unit = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ',',
      '"',
      '\r',
      '\n',
      '\r\n',
      ' ',
      '=',
      '+',
      '-',
      '@',
      "'",
      ';',
      '\t',
      '|',
      'é',
      '日本',
      '😀',
      '\u2028',
      '\uFEFF',
      '\u0000',
      '[',
      '{',
    ),
  },
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);
/** Cell text. Never U+FFFD: the readers take it for bytes that were not UTF-8 (and say so in an issue). */
const text = (maxLength = 12) => fc.string({ unit, maxLength }).filter((s) => !s.includes('\uFFFD'));
/** Text `loadFiles` accepts: also no NUL, which its sniffer takes for a binary file. */
const loadableText = (maxLength = 12) => text(maxLength).filter((s) => !s.includes('\u0000'));

/**
 * A leading apostrophe before = + - @ (after any further apostrophes) is a spreadsheet's formula guard that
 * `readCsv` removes by design (prefscope's exports write it); a raw cell of that shape does not read back as
 * itself, so the raw writer's cells avoid it (the csvLine property covers it).
 */
const GUARDED = /^'+[=+\-@]/;
const cell = text().filter((s) => !GUARDED.test(s));
/** an id or label: non-empty and without surrounding whitespace (`loadFiles` trims cells) */
const word = fc
  .oneof(
    fc.constantFrom(
      '=1+1',
      '+x',
      '-',
      '@here',
      'a,b',
      'say "hi"',
      'two\nlines',
      'cr\rlf\r\n',
      '__proto__',
      'constructor',
      'é',
      '😀',
    ),
    loadableText(10),
  )
  .map((s) => s.trim())
  .filter((s) => s !== '' && !GUARDED.test(s));
const loadableCell = loadableText().filter((s) => !GUARDED.test(s));

/** Header names: unique, trimmed and non-empty (`readCsv` trims names and renames blanks and repeats). */
const header = fc.uniqueArray(
  text(8)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !GUARDED.test(s)),
  { minLength: 1, maxLength: 5 },
);

const csvTable = header.chain((names) =>
  fc.record({
    header: fc.constant(names),
    rows: fc.array(fc.array(cell, { minLength: names.length, maxLength: names.length }), { maxLength: 12 }),
  }),
);

interface CsvStyle {
  delimiter: string;
  eol: string;
  finalEol: boolean;
  quoteAll: boolean;
}
const csvStyle: fc.Arbitrary<CsvStyle> = fc.record({
  delimiter: fc.constantFrom(',', ',', ';', '\t', '|'),
  eol: fc.constantFrom('\n', '\r\n'),
  finalEol: fc.boolean(),
  quoteAll: fc.boolean(),
});

/** Random cut points splitting `bytes` into chunks (a cut may fall inside a UTF-8 sequence or a CRLF). */
const cuts = fc.array(fc.nat(), { maxLength: 8 });
function split(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const positions = [...new Set(at.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  return [0, ...positions].map((p, i, all) => bytes.slice(p, all[i + 1] ?? bytes.length));
}

// ---------------------------------------------------------------- an RFC 4180 writer, independent of src/

/**
 * RFC 4180: fields holding the delimiter, a quote, CR or LF are quoted with quotes doubled (every field
 * when `quoteAll`); records end with `eol`. A record of one empty field is written `""` (a blank line is
 * no record). Returns the text and the physical line where each record starts.
 */
function writeCsv(
  records: string[][],
  { delimiter, eol, finalEol, quoteAll }: CsvStyle,
): { text: string; lines: number[] } {
  const needsQuotes = (f: string) => f.includes(delimiter) || /[",\r\n]/.test(f);
  const lines: number[] = [];
  let line = 1;
  const out = records.map((record) => {
    const fields = record.map((f) =>
      quoteAll || needsQuotes(f) || (record.length === 1 && f === '') ? `"${f.replaceAll('"', '""')}"` : f,
    );
    const joined = fields.join(delimiter);
    lines.push(line);
    line += (joined.match(/\r\n|\r|\n/g) ?? []).length + 1;
    return joined;
  });
  return { text: out.join(eol) + (finalEol && out.length ? eol : ''), lines };
}

/** `chunkedFile` with a working `slice` (the sniffer reads the first bytes), for `loadFiles`. */
function chunkedBlobFile(parts: Uint8Array[], name: string): InputFile {
  const whole = textFile(name, Uint8Array.from(parts.flatMap((p) => [...p]))).blob;
  const chunked = chunkedFile(parts, name).blob;
  return {
    name,
    blob: {
      size: whole.size,
      slice: (start?: number, end?: number) => whole.slice(start, end),
      stream: () => chunked.stream(),
    } as unknown as Blob,
  };
}

async function readCsvAll(file: InputFile, gzip: boolean, delimiter: string) {
  return readAllWith((onIssue) => readCsv(file, gzip, delimiter, onIssue));
}

/** `loadFiles`' judgements as sorted [item, annotator, label name] triples. */
function triplesOf(r: LoadResult): string[][] {
  const { ratings: x } = r;
  return Array.from({ length: x.n }, (_, k) => [
    x.items[x.item[k]],
    x.annotators[x.annotator[k]],
    x.categories[x.label[k]],
  ]).sort(byText);
}
const byText = (a: string[], b: string[]) => {
  const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

// ---------------------------------------------------------------- CSV

describe('readCsv: any table an RFC 4180 writer writes reads back equal', () => {
  it('readCsv(file, gzip, delimiter) returns the header, the rows and the physical line of each row, in any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(csvTable, csvStyle, cuts, fc.boolean(), async ({ header: names, rows }, style, at, gzip) => {
        const { text: csv, lines } = writeCsv([names, ...rows], style);
        const bytes = gzip ? new Uint8Array(gzipSync(utf8.encode(csv))) : utf8.encode(csv);
        const got = await readCsvAll(
          chunkedFile(split(bytes, at), gzip ? 'table.csv.gz' : 'table.csv'),
          gzip,
          style.delimiter,
        );
        expect(got.issues).toEqual([]);
        expect(got.header).toEqual(names);
        expect(got.rows).toEqual(rows);
        expect(got.rowNumbers).toEqual(lines.slice(1));
      }),
      runs(300),
    );
  });

  it("readCsv reads back every header and cell prefscope's csvLine writes as itself (formula guards removed), in any chunking", async () => {
    const anyCell = fc.oneof(text(), fc.constantFrom("'=1", "'+", "''=x", "'@", "'-1", '=SUM(A1)', '-'));
    const anyHeader = fc.uniqueArray(
      fc
        .oneof(text(8), fc.constantFrom("'-", '=x', '@user', "''+"))
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      { minLength: 1, maxLength: 5 },
    );
    const table = anyHeader.chain((names) =>
      fc.record({
        header: fc.constant(names),
        rows: fc.array(fc.array(anyCell, { minLength: names.length, maxLength: names.length }), { maxLength: 8 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(table, cuts, async ({ header: names, rows }, at) => {
        // csvLine writes a lone empty field as an empty line, which is no record: keep one-column rows non-empty
        fc.pre(names.length > 1 || rows.every((r) => r[0] !== ''));
        const csv = [names, ...rows].map((r) => csvLine(r)).join('');
        const got = await readCsvAll(chunkedFile(split(utf8.encode(csv), at), 'export.csv'), false, ',');
        expect(got.issues).toEqual([]);
        expect(got.header).toEqual(names);
        expect(got.rows).toEqual(rows);
      }),
      runs(300),
    );
  });
});

/** Judgements with unique (item, annotator) pairs and a free-text column. */
const judgements = fc
  .record({
    items: fc.uniqueArray(word, { minLength: 1, maxLength: 6 }),
    annotators: fc.uniqueArray(word, { minLength: 1, maxLength: 4 }),
    labels: fc.uniqueArray(word, { minLength: 1, maxLength: 4 }),
  })
  .chain(({ items, annotators, labels }) =>
    fc.uniqueArray(
      fc.record({
        item: fc.constantFrom(...items),
        annotator: fc.constantFrom(...annotators),
        label: fc.constantFrom(...labels),
        comment: loadableCell,
      }),
      { minLength: 1, maxLength: 25, selector: (j) => JSON.stringify([j.item, j.annotator]) },
    ),
  );

type Judgement = { item: string; annotator: string; label: string; comment: string };
const COLUMNS = ['example_id', 'annotator_id', 'label', 'comment'] as const;
const cellsOf = (j: Judgement) => [j.item, j.annotator, j.label, j.comment];

describe('loadFiles: judgements written as CSV read back with their ids and labels', () => {
  it('loadFiles([csv], {scale: "nominal"}) gives the written (item, annotator, label) triples, with every column order', async () => {
    await fc.assert(
      fc.asyncProperty(
        judgements,
        permutationOf(4),
        csvStyle.filter((s) => s.delimiter === ','),
        cuts,
        async (list, order, style, at) => {
          const records = [order.map((c) => COLUMNS[c]), ...list.map((j) => order.map((c) => cellsOf(j)[c]))];
          const { text: csv } = writeCsv(records, style);
          const loaded = await loadFiles([chunkedBlobFile(split(utf8.encode(csv), at), 'judgements.csv')], {
            scale: 'nominal',
          });
          expect(triplesOf(loaded)).toEqual(list.map((j) => [j.item, j.annotator, j.label]).sort(byText));
          expect(loaded.issueCount).toBe(0);
        },
      ),
      runs(150),
    );
  });

  it('loadFiles([csv]) reads the five preference labels, raw or formula-guarded, as themselves', async () => {
    const preference = fc.uniqueArray(
      fc.record({
        item: word,
        annotator: fc.constantFrom('ann1', 'ann2', 'ann3'),
        label: fc.constantFrom(...PREFERENCE_LABELS),
      }),
      { minLength: 1, maxLength: 25, selector: (j) => JSON.stringify([j.item, j.annotator]) },
    );
    await fc.assert(
      fc.asyncProperty(preference, async (list) => {
        const csv =
          csvLine(['example_id', 'annotator_id', 'label']) +
          list.map((j) => csvLine([j.item, j.annotator, j.label])).join('');
        const raw = writeCsv(
          [['example_id', 'annotator_id', 'label'], ...list.map((j) => [j.item, j.annotator, j.label])],
          { delimiter: ',', eol: '\n', finalEol: true, quoteAll: false },
        ).text;
        const want = list.map((j) => [j.item, j.annotator, j.label]).sort(byText);
        for (const file of [textFile('guarded.csv', csv), textFile('raw.csv', raw)]) {
          const loaded = await loadFiles([file]);
          expect(loaded.ratings.scale).not.toBe('nominal');
          expect(triplesOf(loaded)).toEqual(want);
        }
      }),
      runs(100),
    );
  });
});

function permutationOf(n: number) {
  return fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
}

// ---------------------------------------------------------------- JSON Lines and JSON arrays

/** Keys that would be dangerous on a plain object, plus any text. */
const key = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '',
    ' ',
    '0',
    '1',
    'é',
    'a"b',
    'line\nbreak',
  ),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
/** A record as its entries (unique keys, in file order), values any JSON value. */
const record = fc.uniqueArray(fc.tuple(key, fc.jsonValue({ maxDepth: 2 })), { maxLength: 6, selector: (e) => e[0] });
const records = fc.array(record, { maxLength: 15 });

/** The record's JSON text, written from its entries, so `__proto__` is an ordinary key. */
const recordText = (entries: [string, unknown][], space: string) =>
  `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${space}${JSON.stringify(v)}`).join(`,${space}`)}}`;

/** Each record as sorted [key, JSON of its value]: what must read back. */
const expected = (list: [string, unknown][][]) =>
  list.map((entries) => entries.map(([k, v]): [string, string] => [k, JSON.stringify(v)]).sort(byText));
/** The rows a reader gave, as the same: cells `undefined` are keys the record lacks. */
function actual(header: string[], rows: unknown[][]): [string, string][][] {
  return rows.map((row) =>
    row.flatMap((v, c): [string, string][] => (v === undefined ? [] : [[header[c], JSON.stringify(v)]])).sort(byText),
  );
}

const whitespace = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '\n    ');

describe('readJsonl / readJson: records read back equal', () => {
  it('readJsonl(file) reads every record, keys such as __proto__ and constructor included, with its line number, in any chunking', async () => {
    const style = fc.record({
      eol: fc.constantFrom('\n', '\r\n'),
      blank: fc.array(fc.constantFrom(0, 0, 0, 1, 2), { maxLength: 16 }),
      finalEol: fc.boolean(),
      space: fc.constantFrom('', ' '),
    });
    await fc.assert(
      fc.asyncProperty(records, style, cuts, fc.boolean(), async (list, { eol, blank, finalEol, space }, at, gzip) => {
        const lines: string[] = [];
        const numbers: number[] = [];
        list.forEach((entries, r) => {
          for (let b = 0; b < (blank[r] ?? 0); b++) lines.push(b % 2 ? '  ' : '');
          lines.push(recordText(entries, space));
          numbers.push(lines.length);
        });
        const jsonl = lines.join(eol) + (finalEol ? eol : '');
        const bytes = gzip ? new Uint8Array(gzipSync(utf8.encode(jsonl))) : utf8.encode(jsonl);
        const got = await readAllWith((onIssue) =>
          readJsonl(chunkedFile(split(bytes, at), 'records.jsonl'), gzip, onIssue),
        );
        expect(got.issues).toEqual([]);
        expect(actual(got.header, got.rows)).toEqual(expected(list));
        expect(got.rowNumbers).toEqual(numbers);
      }),
      runs(200),
    );
  });

  it('readJsonl(file) reads near-JSON lines from their bytes exactly as JSON.parse reads each line as text', async () => {
    // tokens that are JSON and tokens that nearly are: numbers JSON refuses, literals cut short, raw control
    // characters and escapes in strings, duplicate keys, trailing commas, nested values, text after the object
    const value = fc.constantFrom(
      '1',
      '-0',
      '0.5',
      '1e3',
      '-2.5E-3',
      '01',
      '1.',
      '.5',
      '+1',
      '-',
      '1e',
      'true',
      'false',
      'null',
      'tru',
      'nul',
      '"a"',
      '"é"',
      '" p1 "',
      '"\\u0041"',
      '"\\n"',
      '"a\tb"',
      '"\\"',
      '"x',
      '[1,"a"]',
      '{"k":1}',
      '{}',
      'NaN',
    );
    const key = fc.constantFrom('"id"', '"label"', '"id"', '"\\u0069d"', '"__proto__"', 'id', '"l"');
    const field = fc.tuple(key, fc.constantFrom(':', ' : ', ''), value).map(([k, colon, v]) => `${k}${colon}${v}`);
    const line = fc.oneof(
      fc
        .tuple(fc.array(field, { maxLength: 4 }), fc.constantFrom('', ',', ' ', '}'), fc.constantFrom('', ' x', '\r'))
        .map(([fields, extra, tail]) => `{${fields.join(',')}${extra}}${tail}`),
      fc.constantFrom('', ' ', '[]', '"s"', '{', '\u00a0', '{"a":1} {"b":2}'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), cuts, async (lines, at) => {
        const text = lines.join('\n');
        const got = await readAllWith((onIssue) =>
          readJsonl(chunkedFile(split(utf8.encode(text), at), 'near.jsonl'), false, onIssue),
        );
        // the oracle: each line parsed as text
        const want: { header: string[]; rows: unknown[][]; numbers: number[]; bad: number[] } = {
          header: [],
          rows: [],
          numbers: [],
          bad: [],
        };
        lines.forEach((raw, i) => {
          const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
          if (l.trim() === '') return;
          let parsed: unknown;
          try {
            parsed = JSON.parse(l);
          } catch {
            want.bad.push(i + 1);
            return;
          }
          if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
            want.bad.push(i + 1);
            return;
          }
          const row: unknown[] = [];
          for (const [k, v] of Object.entries(parsed)) {
            if (!want.header.includes(k)) want.header.push(k);
            row[want.header.indexOf(k)] = v;
          }
          want.rows.push(Array.from({ length: want.header.length }, (_, c) => row[c]));
          want.numbers.push(i + 1);
        });
        expect(got.issues.map((issue) => issue.row)).toEqual(want.bad);
        expect(got.header).toEqual(want.header);
        expect(got.rows).toEqual(want.rows);
        expect(got.rowNumbers).toEqual(want.numbers);
      }),
      runs(300),
    );
  });

  it('readJson(file) reads a JSON array, or {"data": [...]}, of the same records, in any chunking and spacing', async () => {
    await fc.assert(
      fc.asyncProperty(
        records,
        whitespace,
        whitespace,
        fc.boolean(),
        cuts,
        async (list, space, around, wrapped, at) => {
          const array = `[${around}${list.map((entries) => recordText(entries, space)).join(`${around},${space}`)}${around}]`;
          const json = wrapped
            ? `{"meta": {"n": ${list.length}}, "data":${space}${array}}${around}`
            : `${around}${array}${around}`;
          const got = await readAllWith((onIssue) =>
            readJson(chunkedFile(split(utf8.encode(json), at), 'records.json'), false, onIssue),
          );
          expect(got.issues).toEqual([]);
          expect(actual(got.header, got.rows)).toEqual(expected(list));
          expect(got.rowNumbers).toEqual(list.map((_, r) => r + 1));
        },
      ),
      runs(200),
    );
  });
});

// ---------------------------------------------------------------- exports

describe('exports read back through loadFiles', () => {
  const loadedJudgements = async (list: Judgement[], options: { scale?: 'nominal' } = { scale: 'nominal' }) => {
    const { text: csv } = writeCsv([[...COLUMNS], ...list.map(cellsOf)], {
      delimiter: ',',
      eol: '\n',
      finalEol: true,
      quoteAll: false,
    });
    return loadFiles([textFile('judgements.csv', csv)], options);
  };
  /** The same judgements with preference labels (A>>, A>, =, B>, B>>) in place of the random ones. */
  const asPreferences = (list: Judgement[]) => {
    const labels = [...new Set(list.map((j) => j.label))];
    return list.map((j) => ({ ...j, label: PREFERENCE_LABELS[labels.indexOf(j.label) % 5] }));
  };

  it('finalLabelsCsv(ratings, majority vote) reads back as one judgement per item with the same label, nominal or preference', async () => {
    await fc.assert(
      fc.asyncProperty(judgements, fc.boolean(), async (nominal, preference) => {
        const options = preference ? {} : { scale: 'nominal' as const };
        const loaded = await loadedJudgements(preference ? asPreferences(nominal) : nominal, options);
        const r = loaded.ratings;
        expect(r.scale === 'nominal').toBe(!preference);
        const mv = majorityVote(r);
        const csv = finalLabelsCsv(r, { method: 'majority', ...mv });
        const back = await loadFiles([textFile('final-labels.csv', csv)], options);
        const want = r.items.map((item, i) => [item, '(single)', r.categories[mv.label[i]]]).sort(byText);
        expect(triplesOf(back)).toEqual(want);
      }),
      runs(100),
    );
  });

  it('annotationsCsv(loaded, removed) reads back as the same judgements less the removed annotators', async () => {
    const arb = judgements.chain((list) =>
      fc.record({ list: fc.constant(list), removed: fc.subarray([...new Set(list.map((j) => j.annotator))]) }),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ({ list, removed }) => {
        const loaded = await loadedJudgements(list);
        const r = loaded.ratings;
        const codes = new Set(removed.map((name) => r.annotators.indexOf(name)));
        const csv = annotationsCsv(loaded, codes);
        const want = list
          .filter((j) => !removed.includes(j.annotator))
          .map((j) => [j.item, j.annotator, j.label])
          .sort(byText);
        const file = textFile('annotations.csv', csv);
        if (want.length === 0)
          return void (await expect(loadFiles([file], { scale: 'nominal' })).rejects.toBeInstanceOf(UnreadableFile));
        const back = await loadFiles([file], { scale: 'nominal' });
        expect(triplesOf(back)).toEqual(want);
        // the free-text column comes back as the same slice (when it has at most 50 values)
        const slice = (x: LoadResult) => x.ratings.slices.find((s) => s.name === 'comment');
        const before = slice(loaded),
          after = slice(back);
        if (before) {
          const of = (x: LoadResult, s: typeof before) =>
            Array.from({ length: x.ratings.n }, (_, k) => [
              x.ratings.items[x.ratings.item[k]],
              x.ratings.annotators[x.ratings.annotator[k]],
              s.values[s.code[k]],
            ]).sort(byText);
          expect(after && of(back, after)).toEqual(of(loaded, before).filter((t) => !removed.includes(t[1])));
        }
      }),
      runs(100),
    );
  });
});

// ---------------------------------------------------------------- random and damaged bytes

const FIXTURES = join(import.meta.dirname, '../fixtures');
const fixtureBytes = [
  'parquet/judgements.parquet',
  'parquet/judgements.snappy.parquet',
  'parquet/judgements.gzip.parquet',
  'formats/label-studio-pairwise.json',
  'formats/mt-bench-human.jsonl',
  'long.csv',
].map((path) => ({ name: path.split('/').pop()!, bytes: new Uint8Array(readFileSync(join(FIXTURES, path))) }));
fixtureBytes.push({ name: 'long.csv.gz', bytes: new Uint8Array(gzipSync(readFileSync(join(FIXTURES, 'long.csv')))) });

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const NAMES = [
  'data.csv',
  'data.tsv',
  'data.json',
  'data.jsonl',
  'data.parquet',
  'data.csv.gz',
  'data.jsonl.gz',
  'data',
  'data.bin',
];

/** Random bytes behind a gzip, Parquet, JSON or CSV start, perhaps before a Parquet footer, under any name. */
const randomFile = fc
  .record({
    head: fc.constantFrom(
      [],
      [0x1f, 0x8b],
      [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3],
      ascii('PAR1'),
      ascii('['),
      ascii('{'),
      ascii('{"a": 1}\n{'),
      ascii('[{"example_id":'),
      ascii('example_id,annotator_id,label\n'),
      [0xef, 0xbb, 0xbf],
    ),
    body: fc.uint8Array({ maxLength: 2000 }),
    tail: fc.constantFrom(
      [],
      ascii('PAR1'),
      [8, 0, 0, 0, ...ascii('PAR1')],
      [0xff, 0xff, 0xff, 0x7f, ...ascii('PAR1')],
    ),
    name: fc.constantFrom(...NAMES),
  })
  .map(({ head, body, tail, name }) => ({ name, bytes: Uint8Array.from([...head, ...body, ...tail]) }));

/** A real file (Parquet, gzip, JSON, CSV) with bytes overwritten, inserted or cut off. */
const damagedFile = fc
  .record({
    fixture: fc.constantFrom(...fixtureBytes),
    edits: fc.array(
      fc.record({
        at: fc.nat(),
        byte: fc.integer({ min: 0, max: 255 }),
        kind: fc.constantFrom('set', 'set', 'insert', 'delete'),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    truncate: fc.option(fc.nat(), { freq: 4 }),
    rename: fc.option(fc.constantFrom(...NAMES), { freq: 4 }),
  })
  .map(({ fixture, edits, truncate, rename }) => {
    const bytes = [...fixture.bytes];
    for (const { at, byte, kind } of edits) {
      const i = at % (bytes.length + 1);
      if (kind === 'set' && i < bytes.length) bytes[i] = byte;
      else if (kind === 'insert') bytes.splice(i, 0, byte);
      else if (i < bytes.length) bytes.splice(i, 1);
    }
    const cut = truncate === null ? bytes.length : truncate % (bytes.length + 1);
    return { name: rename ?? fixture.name, bytes: Uint8Array.from(bytes.slice(0, cut)) };
  });

const HANG_MS = 10_000;

/** What `loadFiles` did with the file: `ok`, `unreadable`, or the name and message of anything else. */
async function outcome({ name, bytes }: { name: string; bytes: Uint8Array }): Promise<string> {
  // a hang inside synchronous decoding blocks the timer below too: FC_LOG=path keeps the input being read
  if (process.env.FC_LOG)
    writeFileSync(process.env.FC_LOG, JSON.stringify({ name, bytes: Buffer.from(bytes).toString('base64') }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<string>(
    (resolve) => (timer = setTimeout(() => resolve(`hang: no answer in ${HANG_MS} ms`), HANG_MS)),
  );
  const load = loadFiles([textFile(name, bytes)]).then(
    () => 'ok',
    (error: unknown) =>
      error instanceof UnreadableFile
        ? 'unreadable'
        : `${(error as Error)?.name}: ${(error as Error)?.message ?? String(error)}`,
  );
  try {
    return await Promise.race([load, hang]);
  } finally {
    clearTimeout(timer);
  }
}

describe('loadFiles on random and damaged bytes', () => {
  it('loadFiles([random bytes]) returns or throws UnreadableFile, never anything else, and answers', async () => {
    await fc.assert(
      fc.asyncProperty(randomFile, async (file) => {
        expect(['ok', 'unreadable']).toContain(await outcome(file));
      }),
      runs(300),
    );
  }, 60_000);

  it('loadFiles([a real Parquet / gzip / JSON / CSV file with damaged bytes]) returns or throws UnreadableFile, and answers', async () => {
    await fc.assert(
      fc.asyncProperty(damagedFile, async (file) => {
        expect(['ok', 'unreadable']).toContain(await outcome(file));
      }),
      runs(300),
    );
  }, 60_000);
});

// ---------------------------------------------------------------- regressions the properties found

describe('regressions found by these properties', () => {
  it('csvCell guards a cell starting with apostrophes before = + - @, and readCsv unguards headers too: every cell csvLine writes reads back as itself', async () => {
    // was: "'-" written as "'-" and read back as "-"; a header "-" written "'-" and read back as "'-"
    expect(csvCell("'-")).toBe("''-");
    expect(csvCell("''=x")).toBe("'''=x");
    expect(csvCell("'abc")).toBe("'abc");
    const csv = csvLine(['-', "'=x", 'b']) + csvLine(["'-", '=1', "''@"]);
    const got = await readCsvAll(textFile('guards.csv', csv), false, ',');
    expect(got.header).toEqual(['-', "'=x", 'b']);
    expect(got.rows).toEqual([["'-", '=1', "''@"]]);
  });

  /**
   * One byte of a committed fixture changed, read in a child process (a regression here is an endless
   * synchronous loop or an abort of node itself, which no in-process timeout survives). Before the fixes:
   * 1657 → TypeError "Cannot read properties of undefined (reading 'name')" from `parquetSchema`, outside the
   * footer's try; 1907 → hyparquet asks `Blob.slice(NaN, NaN)`, and node 20 aborts (`args[0]->IsUint32()`);
   * 708 and the snappy file's 87 → a data page v2 header without its level lengths, and hyparquet loops
   * forever.
   */
  it('readParquet on a Parquet file with one damaged byte answers with an issue or UnreadableFile, never a TypeError, an abort or a hang', () => {
    const cases = [
      ['judgements.parquet', 1657, 17],
      ['judgements.parquet', 1907, 220],
      ['judgements.parquet', 708, 192],
      ['judgements.snappy.parquet', 87, 0x82],
    ] as const;
    const reader = join(import.meta.dirname, '../../src/parse/readParquet.ts');
    const script = `
      import { readFileSync } from 'node:fs';
      import { Blob } from 'node:buffer';
      const { readParquet } = await import(${JSON.stringify(reader)});
      const out = [];
      for (const [name, at, value] of ${JSON.stringify(cases)}) {
        const bytes = new Uint8Array(readFileSync(${JSON.stringify(FIXTURES)} + '/parquet/' + name));
        bytes[at] = value;
        const issues = [];
        let rows = 0, error = null;
        try {
          for await (const batch of readParquet({ name, blob: new Blob([bytes]) }, (i) => issues.push(i.message))) rows += batch.rows.length;
        } catch (e) {
          error = e.name + ': ' + e.message;
        }
        out.push({ rows, issues, error });
      }
      console.log(JSON.stringify(out));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.signal, child.stderr).toBeNull();
    expect(child.status, child.stderr).toBe(0);
    const [schema, range, levels, snappy] = JSON.parse(child.stdout) as {
      rows: number;
      issues: string[];
      error: string | null;
    }[];
    expect(schema.error).toMatch(/^UnreadableFile: judgements.parquet: not a Parquet file, or its footer is corrupt/);
    expect(range).toMatchObject({
      rows: 18,
      error: null,
      issues: ['rows 1-12 could not be decoded: invalid byte range NaN–NaN'],
    });
    expect(levels).toMatchObject({
      rows: 18,
      error: null,
      issues: ['rows 13-24 could not be decoded: a page header of column annotator_id is corrupt (no level lengths)'],
    });
    expect(snappy.error).toMatch(
      /^UnreadableFile: .*a page header of column example_id is corrupt \(no level lengths\)/,
    );
  }, 90_000);
});
