// @vitest-environment node
import { mkdtempSync, openAsBlob, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BAD, EXPECTED, GENERATED, corpus, expectIssues } from '../helpers/badCorpus';
import { loadFiles, type LoadResult } from '../../src/parse/loadFiles';
import { readJson } from '../../src/parse/readJson';
import { MAX_NESTING, readJsonl } from '../../src/parse/readJsonl';
import { binaryReason, sniff } from '../../src/parse/sniff';
import { UnreadableFile, type InputFile, type Issue } from '../../src/parse/types';
import { inputSection } from '../../src/sections/inputSection';
import { agreementSection } from '../../src/sections/agreementSection';
import { readAllWith } from '../helpers/readerHarness';

const dir = mkdtempSync(join(tmpdir(), 'prefscope-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function text(name: string, body: string | Uint8Array<ArrayBuffer>): InputFile {
  return { name, blob: new Blob([body]) };
}

describe('the corpus of bad inputs', () => {
  it('expected.json lists every file in test/fixtures/bad and every generated one, each with notes', () => {
    const onDisk = readdirSync(BAD)
      .filter((f) => f !== 'expected.json')
      .sort();
    const listed = Object.keys(EXPECTED);
    expect(listed.filter((n) => !EXPECTED[n].generated).sort()).toEqual(onDisk);
    expect(listed.filter((n) => EXPECTED[n].generated).sort()).toEqual([...GENERATED].sort());
    for (const [name, e] of Object.entries(EXPECTED)) {
      expect(e.notes.length, name).toBeGreaterThan(20);
      if (e.outcome === 'refused') expect(e.message, name).toBeTruthy();
      else expect(e.rows, name).toBeTypeOf('number');
    }
  });

  for (const { name, path, expected } of corpus(dir)) {
    it(`loadFiles([${name}]) ${expected.outcome === 'ok' ? 'keeps every valid row and reports each problem' : 'throws UnreadableFile with a clear message'}`, async () => {
      const file = { name, blob: await openAsBlob(path) };
      let result: LoadResult | null = null;
      let error: unknown = null;
      try {
        result = await loadFiles([file], expected.load_options ?? {});
      } catch (e) {
        error = e;
      }
      if (expected.outcome === 'refused') {
        expect(result, `${name} was read`).toBeNull();
        // no exception other than UnreadableFile, naming the file
        expect(error).toBeInstanceOf(UnreadableFile);
        expect((error as UnreadableFile).file).toBe(name);
        expect((error as Error).message).toMatch(new RegExp(expected.message!));
        return;
      }
      expect(error, String(error)).toBeNull();
      const r = result!;
      expect(r.ratings.n, 'judgements kept').toBe(expected.rows);
      expect(r.rowsDropped, 'rows dropped').toBe(expected.rows_dropped);
      expect(r.issues.every((i) => i.file === name)).toBe(true);
      expectIssues(r.issues, expected, name);
      expect(r.issueCount).toBe(r.issues.length);
      if (expected.scale) expect(r.ratings.scale).toBe(expected.scale);
      if (expected.items !== undefined) expect(r.ratings.items.length).toBe(expected.items);
      if (expected.annotators !== undefined) expect(r.ratings.annotators.length).toBe(expected.annotators);
      if (expected.delimiter) expect(r.fileInfos[0].delimiter).toBe(expected.delimiter);
      expect(
        r.readings.some((x) => x.reading.ambiguous && x.reading.chosen === 'guess'),
        'an ambiguous reading',
      ).toBe(expected.asks === true);
      // nothing reached Object.prototype (proto-keys.json carries {"__proto__": {"polluted": true}})
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }, 60_000);
  }
});

describe('regressions found by the corpus', () => {
  it('readJsonl and readJson empty a cell nested deeper than MAX_NESTING with an issue and keep the row (was: RangeError)', async () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const record = `{"id":"p1","label":"A","ok":${deep(MAX_NESTING)},"bad":${deep(MAX_NESTING + 1)}}`;
    for (const [read, body] of [
      [readJsonl, `${record}\n{"id":"p2","label":"B"}\n`],
      [readJson, `[${record},{"id":"p2","label":"B"}]`],
      [readJson, `{"data":[${record},{"id":"p2","label":"B"}]}`],
    ] as const) {
      const dropped: (boolean | undefined)[] = [];
      const { rows, header, issues } = await readAllWith((onIssue) =>
        read(text('d.json', body), false, (issue: Issue, d?: boolean) => (dropped.push(d), onIssue(issue))),
      );
      expect(header).toEqual(['id', 'label', 'ok', 'bad']);
      expect(rows).toHaveLength(2);
      expect(rows[0][3]).toBeUndefined();
      expect(JSON.stringify(rows[0][2])).toBe(deep(MAX_NESTING)); // exactly the limit is kept
      expect(issues).toEqual([
        {
          file: 'd.json',
          row: 1,
          column: 'bad',
          message: `the value is nested more than ${MAX_NESTING} levels deep; the cell is left empty`,
        },
      ]);
      expect(dropped).toEqual([false]); // the row is kept: loadFiles must not count it as dropped
    }
  });

  it('loadFiles([json]) with a deeply nested cell under the key __proto__ empties it as an own key', async () => {
    const deep = '['.repeat(500) + ']'.repeat(500);
    const r = await loadFiles([
      text(
        'p.jsonl',
        `{"example_id":"p1","annotator_id":"a","label":"A","__proto__":${deep}}\n{"example_id":"p1","annotator_id":"b","label":"B"}\n`,
      ),
    ]);
    expect(r.ratings.n).toBe(2);
    expect(r.rowsDropped).toBe(0);
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([[1, '__proto__']]);
  });

  it('readJsonl and readJson report text that is not UTF-8 once, with its first row and column, and keep the rows', async () => {
    const latin1 = (s: string) => Buffer.from(s, 'latin1');
    const jsonl = latin1(
      '{"id":"p1","who":"ok"}\n{"id":"p2","who":"Jos\xe9"}\n{"id":"p3","who":{"name":"Ren\xe9e"}}\n',
    );
    const a = await readAllWith((onIssue) => readJsonl(text('l.jsonl', jsonl), false, onIssue));
    expect(a.rows).toHaveLength(3);
    expect(a.issues).toEqual([
      {
        file: 'l.jsonl',
        row: 2,
        column: 'who',
        message: expect.stringMatching(/^bytes that are not UTF-8 \(shown as "\ufffd"\) here and in 1 other row:/),
      },
    ]);
    const json = latin1('[{"id":"p1","who":"ok"},{"id":"p2","who":"Jos\xe9"}]');
    const b = await readAllWith((onIssue) => readJson(text('l.json', json), false, onIssue));
    expect(b.rows).toHaveLength(2);
    expect(b.issues.map((i) => [i.row, i.column])).toEqual([[2, 'who']]);
    expect(b.issues[0].message).not.toMatch(/other row/);
    // valid UTF-8 (accents included) gives no issue
    const clean = await readAllWith((onIssue) =>
      readJsonl(text('u.jsonl', '{"id":"p1","who":"José"}\n'), false, onIssue),
    );
    expect(clean.issues).toEqual([]);
  });

  it('loadFiles([latin-1 csv]) does not count the not-UTF-8 issue as a dropped row', async () => {
    const r = await loadFiles([
      text('l.csv', Buffer.from('example_id,annotator_id,label\np1,Jos\xe9,A\np1,b,B\n', 'latin1')),
    ]);
    expect(r.ratings.n).toBe(2);
    expect(r.rowsDropped).toBe(0);
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([[2, 'annotator_id']]);
  });

  it('sniff(file) refuses binary content (NUL bytes, or a quarter not UTF-8) and accepts text with a few bad bytes', async () => {
    expect(binaryReason('example_id,label\np1,A\n')).toBeNull();
    expect(binaryReason(`a,b\n${'x'.repeat(100)}\u0000`)).toMatch(/NUL bytes/);
    expect(binaryReason('\ufffd'.repeat(30) + 'a'.repeat(70))).toMatch(/not UTF-8/);
    expect(binaryReason('caf\ufffd,' + 'a'.repeat(100))).toBeNull();
    // UTF-16 text (Excel's "Unicode text") is NUL-riddled
    const utf16 = Buffer.from('\ufeffexample_id\tlabel\np1\tA\n', 'utf16le');
    await expect(sniff(text('export.txt', utf16))).rejects.toThrow(/export\.txt: not UTF-8 text \(it holds NUL bytes/);
    await expect(
      sniff(text('export.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))),
    ).rejects.toBeInstanceOf(UnreadableFile);
  });

  it('loadFiles(files, {format: "parquet"}) leaves a stated Parquet file to the Parquet reader, which names the problem', async () => {
    const error = await loadFiles([text('x.parquet', new Uint8Array([1, 0, 2, 0, 3]))], {
      files: [{ format: 'parquet' }],
    }).catch((e) => e);
    expect(error).toBeInstanceOf(UnreadableFile);
    expect(error.message).toMatch(/x\.parquet: not a Parquet file, or its footer is corrupt/);
  });

  it('inputSection and agreementSection keep a label and a slice column named __proto__ as own keys', async () => {
    const body =
      'example_id,annotator_id,label,__proto__\np1,a,__proto__,x\np1,b,constructor,y\np2,a,__proto__,x\np2,b,__proto__,y\n';
    const loaded = await loadFiles([text('p.csv', body)]);
    const input = inputSection(loaded, [null]);
    expect(Object.keys(input.label_counts)).toEqual(['__proto__', 'constructor']);
    expect(input.label_counts).toEqual(
      Object.fromEntries([
        ['__proto__', 3],
        ['constructor', 1],
      ]),
    );
    expect(Object.getPrototypeOf(input.label_counts)).toBe(Object.prototype);
    const agreement = agreementSection(loaded.ratings, { bootstrap: 0 });
    expect(Object.keys(agreement.slices)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(agreement.slices)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(agreement.slices)).__proto__.map((s: { value: string }) => s.value)).toEqual([
      'x',
      'y',
    ]);
  });
});
