// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { chunkedFile as chunkedFileNamed, readAllWith, textFileNamed } from '../helpers/readerHarness';
import { gzipSync } from 'node:zlib';
import { JsonArrayScanner, readJson } from '../../src/parse/readJson';
import { UnreadableFile, type InputFile } from '../../src/parse/types';

const encoder = new TextEncoder();

const textFile = (text: string, name = 'ratings.json'): InputFile => textFileNamed(text, name);
const chunkedFile = (parts: Uint8Array[], name = 'ratings.json'): InputFile => chunkedFileNamed(parts, name);
const readAll = (file: InputFile, gzip = false) => readAllWith((onIssue) => readJson(file, gzip, onIssue));

/** Runs the scanner over `chunks` and returns the parsed elements. */
function scan(chunks: string[]): unknown[] {
  const scanner = new JsonArrayScanner();
  const texts = chunks.flatMap((chunk) => scanner.push(chunk));
  expect(scanner.mode).toBe('end');
  return texts.map((text) => JSON.parse(text));
}

const TRICKY =
  ' [ {"s":"a,b]}","e":"\\\\","q":"say \\"hi\\", [ok]"} ,\n{"n":[1,[2,{"x":"}"}]],"u":"\\u00e9\\/"}, 3 , "x,]" ,[] ] ';

describe('readJson', () => {
  it('readJson(file) streams a top-level array of records', async () => {
    const text = '[{"item":"q1","annotator":"a","label":"A"},\n {"item":"q2","annotator":"b","label":"tie"}]';
    const { header, rows, rowNumbers, issues, batches } = await readAll(textFile(text));
    expect(header).toEqual(['item', 'annotator', 'label']);
    expect(rows).toEqual([
      ['q1', 'a', 'A'],
      ['q2', 'b', 'tie'],
    ]);
    expect(rowNumbers).toEqual([1, 2]);
    expect(issues).toEqual([]);
    expect(batches.at(-1)!.bytesRead).toBe(encoder.encode(text).byteLength);
  });

  it('readJson(file) grows the header for later keys and keeps nested values', async () => {
    const text = '[{"a":1},{"b":{"deep":[1,{"c":null}]},"a":false}]';
    const { header, rows } = await readAll(textFile(text));
    expect(header).toEqual(['a', 'b']);
    expect(rows).toEqual([[1], [false, { deep: [1, { c: null }] }]]);
  });

  it('readJson(file) reports non-object and invalid elements with their record index', async () => {
    const { rows, rowNumbers, issues } = await readAll(textFile('[{"a":1}, 2, null, [3], {"a":}, , "s", {"a":4}]'));
    expect(rows).toEqual([[1], [4]]);
    expect(rowNumbers).toEqual([1, 8]);
    expect(issues.map((issue) => issue.row)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(issues[0].message).toBe('not a JSON object: the record is a number');
    expect(issues[2].message).toBe('not a JSON object: the record is an array');
    for (const issue of issues) expect(issue.message).toMatch(/^not a JSON object: /);
  });

  it('readJson(file) treats __proto__ and constructor as ordinary columns', async () => {
    const { header, rows } = await readAll(textFile('[{"__proto__":{"polluted":1},"constructor":"x"}]'));
    expect(header).toEqual(['__proto__', 'constructor']);
    expect(rows).toEqual([[{ polluted: 1 }, 'x']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('readJson(file, true) reads a gzipped array', async () => {
    const blob = new Blob([gzipSync('[{"a":"x"},{"a":"y"}]')]);
    const { rows } = await readAll({ name: 'r.json.gz', blob }, true);
    expect(rows).toEqual([['x'], ['y']]);
  });

  it('JsonArrayScanner.push(chunk) cuts the same elements at every split position', () => {
    const expected = JSON.parse(TRICKY) as unknown[];
    expect(scan([TRICKY])).toEqual(expected);
    for (let cut = 0; cut <= TRICKY.length; cut++) {
      expect(scan([TRICKY.slice(0, cut), TRICKY.slice(cut)])).toEqual(expected);
    }
    for (let a = 1; a < TRICKY.length; a += 3) {
      for (let b = a; b < TRICKY.length; b += 5) {
        expect(scan([TRICKY.slice(0, a), TRICKY.slice(a, b), TRICKY.slice(b)])).toEqual(expected);
      }
    }
    expect(scan(Array.from(TRICKY))).toEqual(expected);
  });

  it('readJson(file) gives the same rows whatever the byte chunk boundaries', async () => {
    const text = '[{"k":"é,\\"]","n":1},{"k":"日本\\\\","v":[{"x":"}"}]},{"k":"😀"}]';
    const bytes = encoder.encode(text);
    const expected = (JSON.parse(text) as Record<string, unknown>[]).map((record) => Object.values(record));
    for (let cut = 1; cut < bytes.length; cut++) {
      const got = await readAll(chunkedFile([bytes.subarray(0, cut), bytes.subarray(cut)]));
      expect(got.rows).toEqual([
        expected[0],
        [expected[1][0], undefined, expected[1][1]],
        [expected[2][0], undefined, undefined],
      ]);
      expect(got.issues).toEqual([]);
    }
  });

  it('readJson(file) keeps the complete records of a truncated array and names the last one', async () => {
    const cut = await readAll(textFile('[{"a":1},{"a":2},{"a":"unfinished'));
    expect(cut.rows).toEqual([[1], [2]]);
    expect(cut.issues).toHaveLength(1);
    expect(cut.issues[0].row).toBeNull();
    expect(cut.issues[0].message).toBe('truncated JSON: the array is not closed; the last complete record is #2');

    const unclosed = await readAll(textFile('[{"a":1},{"a":2}\n'));
    expect(unclosed.rows).toEqual([[1], [2]]);
    expect(unclosed.issues[0].message).toContain('the last complete record is #2');

    const none = await readAll(textFile('[{"a":'));
    expect(none.batches).toEqual([]);
    expect(none.issues[0].message).toBe('truncated JSON: the array is not closed; no record is complete');
  });

  it('readJson(file) reads the first array of records in a top-level object', async () => {
    const text = '{"version": 2, "labels": ["A","B"], "data": [{"a":1},{"a":2,"b":3}], "other": [{"z":0}]}';
    const { header, rows, rowNumbers, issues } = await readAll(textFile(text));
    expect(header).toEqual(['a', 'b']);
    expect(rows).toEqual([[1], [2, 3]]);
    expect(rowNumbers).toEqual([1, 2]);
    expect(issues).toEqual([]);
  });

  it('readJson(file) throws UnreadableFile for an object without records, JSON Lines or a scalar', async () => {
    await expect(readAll(textFile('{"a": 1, "b": [1, 2]}', 'x.json'))).rejects.toThrow(
      new UnreadableFile('x.json', 'x.json: a JSON object with no array of records'),
    );
    await expect(readAll(textFile('{"a":1}\n{"a":2}\n'))).rejects.toThrow(/JSON Lines/);
    await expect(readAll(textFile('"just a string"'))).rejects.toBeInstanceOf(UnreadableFile);
  });

  it('readJson(file) yields nothing for an empty file, whitespace or an empty array', async () => {
    for (const text of ['', '  \n ', '[]', ' [ ] ', '{"data": []}']) {
      const { batches, issues } = await readAll(textFile(text));
      expect(batches).toEqual([]);
      expect(issues).toEqual([]);
    }
  });

  it('readJson(file) reports text after the closing bracket', async () => {
    const { rows, issues } = await readAll(textFile('[{"a":1}] trailing'));
    expect(rows).toEqual([[1]]);
    expect(issues.map((issue) => issue.message)).toEqual(['text after the closing ] of the JSON array was ignored']);
  });

  it('readJson(file) yields batches of at most 5,000 records', async () => {
    const text = JSON.stringify(Array.from({ length: 10_500 }, (_, i) => ({ i })));
    const { batches, rowNumbers } = await readAll(textFile(text));
    expect(batches.map((batch) => batch.rows.length)).toEqual([5000, 5000, 500]);
    expect(rowNumbers.at(-1)).toBe(10_500);
    expect(batches[2].rows.at(-1)).toEqual([10_499]);
  });
});
