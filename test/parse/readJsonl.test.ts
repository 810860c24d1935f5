// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { chunkedFile as chunkedFileNamed, readAllWith, textFileNamed } from '../helpers/readerHarness';
import { gzipSync } from 'node:zlib';
import { readJsonl } from '../../src/parse/readJsonl';
import type { InputFile } from '../../src/parse/types';

const encoder = new TextEncoder();

const textFile = (text: string, name = 'ratings.jsonl'): InputFile => textFileNamed(text, name);
const chunkedFile = (parts: Uint8Array[], name = 'ratings.jsonl'): InputFile => chunkedFileNamed(parts, name);
const readAll = (file: InputFile, gzip = false) => readAllWith((onIssue) => readJsonl(file, gzip, onIssue));

describe('readJsonl', () => {
  it('readJsonl(file) reads one record per line with 1-based line numbers', async () => {
    const file = textFile('{"item":"q1","annotator":"a","label":"A"}\n{"item":"q1","annotator":"b","label":"B"}\n');
    const { header, rows, rowNumbers, issues, batches } = await readAll(file);
    expect(header).toEqual(['item', 'annotator', 'label']);
    expect(rows).toEqual([
      ['q1', 'a', 'A'],
      ['q1', 'b', 'B'],
    ]);
    expect(rowNumbers).toEqual([1, 2]);
    expect(issues).toEqual([]);
    expect(batches.at(-1)!.bytesRead).toBe(file.blob.size);
  });

  it('readJsonl(file) grows the header when keys appear later', async () => {
    const { header, rows } = await readAll(textFile('{"a":1}\n{"b":2,"a":3}\n{"c":null}\n'));
    expect(header).toEqual(['a', 'b', 'c']);
    expect(rows).toEqual([[1], [3, 2], [undefined, undefined, null]]);
  });

  it('readJsonl(file) keeps nested values and types as parsed', async () => {
    const line = '{"id":7,"ok":true,"chosen":[{"role":"user","content":"hi"}],"meta":{"score":0.5}}';
    const { rows } = await readAll(textFile(line));
    expect(rows).toEqual([[7, true, [{ role: 'user', content: 'hi' }], { score: 0.5 }]]);
  });

  it('readJsonl(file) skips blank lines, handles CRLF and a last line without newline', async () => {
    const { rows, rowNumbers, issues } = await readAll(textFile('\r\n{"a":1}\r\n   \n\n{"a":2}'));
    expect(rows).toEqual([[1], [2]]);
    expect(rowNumbers).toEqual([2, 5]);
    expect(issues).toEqual([]);
  });

  it('readJsonl(file) reports bad lines as issues with their line numbers and keeps going', async () => {
    const text = ['{"a":1}', '{"a":', '[1,2]', '', '42', 'null', '"text"', '{"a":2}'].join('\n');
    const { rows, rowNumbers, issues } = await readAll(textFile(text));
    expect(rows).toEqual([[1], [2]]);
    expect(rowNumbers).toEqual([1, 8]);
    expect(issues.map((issue) => issue.row)).toEqual([2, 3, 5, 6, 7]);
    for (const issue of issues) {
      expect(issue.file).toBe('ratings.jsonl');
      expect(issue.column).toBeNull();
      expect(issue.message).toMatch(/^not a JSON object: /);
    }
    expect(issues[1].message).toBe('not a JSON object: the line holds an array');
    expect(issues[2].message).toBe('not a JSON object: the line holds a number');
    expect(issues[3].message).toBe('not a JSON object: the line holds null');
  });

  it('readJsonl(file) treats __proto__ and constructor as ordinary columns', async () => {
    const { header, rows } = await readAll(
      textFile('{"__proto__":{"polluted":true},"constructor":"c","toString":1}\n'),
    );
    expect(header).toEqual(['__proto__', 'constructor', 'toString']);
    expect(rows).toEqual([[{ polluted: true }, 'c', 1]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('readJsonl(file, true) reads gzipped JSON Lines', async () => {
    const text = '{"a":"x"}\n{"a":"y","b":[1]}\n';
    const { header, rows } = await readAll({ name: 'r.jsonl.gz', blob: new Blob([gzipSync(text)]) }, true);
    expect(header).toEqual(['a', 'b']);
    expect(rows).toEqual([['x'], ['y', [1]]]);
  });

  it('readJsonl(file) gives the same rows whatever the chunk boundaries', async () => {
    const text = '{"k":"é\\n\\"q\\""}\r\n\n{"k":"日本","n":-1.5e3}\n{bad}\n{"k":"😀"}';
    const bytes = encoder.encode(text);
    const expected = await readAll(textFile(text));
    for (let cut = 1; cut < bytes.length; cut++) {
      const got = await readAll(chunkedFile([bytes.subarray(0, cut), bytes.subarray(cut)]));
      expect(got.rows).toEqual(expected.rows);
      expect(got.rowNumbers).toEqual([1, 3, 5]);
      expect(got.issues.map((issue) => issue.row)).toEqual([4]);
    }
    const single = await readAll(chunkedFile(Array.from(bytes, (byte) => new Uint8Array([byte]))));
    expect(single.rows).toEqual([['é\n"q"'], ['日本', -1500], ['😀', undefined]]);
  });

  it('readJsonl(file) yields batches of at most 5,000 rows with a header copy', async () => {
    const lines = Array.from({ length: 12_001 }, (_, i) => (i === 12_000 ? `{"i":${i},"late":1}` : `{"i":${i}}`));
    const { batches, rowNumbers } = await readAll(textFile(lines.join('\n')));
    const sizes = batches.map((batch) => batch.rows.length);
    expect(sizes.slice(0, 2)).toEqual([5000, 5000]);
    expect(Math.max(...sizes)).toBe(5000);
    expect(sizes.reduce((a, b) => a + b)).toBe(12_001);
    expect(batches[0].header).toEqual(['i']);
    expect(batches.at(-1)!.header).toEqual(['i', 'late']);
    expect(batches.at(-1)!.rows.at(-1)).toEqual([12_000, 1]);
    expect(rowNumbers.at(-1)).toBe(12_001);
  });

  it('readJsonl(file) yields nothing for an empty or blank file', async () => {
    expect((await readAll(textFile(''))).batches).toEqual([]);
    const blank = await readAll(textFile('\n \r\n\n'));
    expect(blank.batches).toEqual([]);
    expect(blank.issues).toEqual([]);
  });
});
