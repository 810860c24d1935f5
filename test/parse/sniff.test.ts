// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { guessDelimiter, readHead, sniff } from '../../src/parse/sniff';
import type { InputFile } from '../../src/parse/types';

function textFile(name: string, text: string): InputFile {
  return { name, blob: new Blob([text]) };
}

function gzFile(name: string, text: string): InputFile {
  return { name, blob: new Blob([gzipSync(text)]) };
}

const CSV = 'example_id,annotator_id,label\np1,a,A>\n';
const JSONL = '{"example_id":"p1","label":"A"}\n{"example_id":"p2","label":"B"}\n';
const JSON_ARRAY = '[{"example_id":"p1","label":"A"}]';

describe('sniff', () => {
  it('sniff(file) recognises gzip by its magic bytes and the format inside by the name without .gz', async () => {
    expect(await sniff(gzFile('ratings.csv.gz', CSV))).toEqual({ format: 'csv', gzip: true, delimiter: ',' });
    expect(await sniff(gzFile('ratings.jsonl.gz', JSONL))).toMatchObject({ format: 'jsonl', gzip: true });
    expect(await sniff(gzFile('ratings.json.gzip', JSON_ARRAY))).toMatchObject({ format: 'json', gzip: true });
    expect(await sniff(gzFile('ratings.tsv.gz', 'a\tb\n1\t2\n'))).toEqual({
      format: 'tsv',
      gzip: true,
      delimiter: '\t',
    });
  });

  it('sniff(file) reads gzip content when the name says nothing', async () => {
    expect(await sniff(gzFile('upload.gz', JSONL))).toMatchObject({ format: 'jsonl', gzip: true });
    expect(await sniff(gzFile('blob', 'a;b;c\n1;2;3\n'))).toEqual({ format: 'csv', gzip: true, delimiter: ';' });
  });

  it('sniff(file) recognises Parquet by PAR1 whatever the name', async () => {
    // judgements.parquet: written by test/fixtures/parquet/writeFixtures.ts
    const blob = await openAsBlob(join(import.meta.dirname, '../fixtures/parquet/judgements.parquet'));
    expect(await sniff({ name: 'upload.bin', blob })).toEqual({ format: 'parquet', gzip: false, delimiter: ',' });
    expect(await sniff({ name: 'data.csv', blob })).toMatchObject({ format: 'parquet' });
  });

  it('sniff(file) picks the format from the extension', async () => {
    expect(await sniff(textFile('r.csv', CSV))).toEqual({ format: 'csv', gzip: false, delimiter: ',' });
    expect(await sniff(textFile('r.TSV', 'a\tb\n'))).toEqual({ format: 'tsv', gzip: false, delimiter: '\t' });
    expect(await sniff(textFile('r.json', JSON_ARRAY))).toMatchObject({ format: 'json', gzip: false });
    expect(await sniff(textFile('r.jsonl', JSONL))).toMatchObject({ format: 'jsonl' });
    expect(await sniff(textFile('r.ndjson', JSONL))).toMatchObject({ format: 'jsonl' });
    expect(await sniff(textFile('r.parquet', 'not really parquet'))).toMatchObject({ format: 'parquet' });
    // a single-record JSONL file is still JSONL by its name
    expect(await sniff(textFile('one.jsonl', '{"a":1}\n'))).toMatchObject({ format: 'jsonl' });
  });

  it('sniff(file) guesses the delimiter of a .csv file', async () => {
    expect(await sniff(textFile('r.csv', 'id;label;score\n1;A;0,5\n'))).toEqual({
      format: 'csv',
      gzip: false,
      delimiter: ';',
    });
    expect(await sniff(textFile('r.csv', 'id\tlabel\n1\tA\n'))).toEqual({
      format: 'csv',
      gzip: false,
      delimiter: '\t',
    });
    expect(await sniff(textFile('r.csv', 'id|label\n'))).toMatchObject({ delimiter: '|' });
  });

  it('sniff(file) reads the content when the name says nothing', async () => {
    expect(await sniff(textFile('upload', JSON_ARRAY))).toMatchObject({ format: 'json' });
    expect(await sniff(textFile('upload.txt', '  \n[\n {"a": 1}\n]'))).toMatchObject({ format: 'json' });
    expect(await sniff(textFile('upload', JSONL))).toMatchObject({ format: 'jsonl' });
    expect(await sniff(textFile('upload', '{\n  "rows": []\n}\n'))).toMatchObject({ format: 'json' });
    expect(await sniff(textFile('upload.dat', 'id\tlabel\n1\tA\n'))).toEqual({
      format: 'tsv',
      gzip: false,
      delimiter: '\t',
    });
    expect(await sniff(textFile('upload', CSV))).toEqual({ format: 'csv', gzip: false, delimiter: ',' });
    expect(await sniff(textFile('upload', 'id;label\n'))).toEqual({ format: 'csv', gzip: false, delimiter: ';' });
  });

  it('sniff(file) trusts JSON content over a .csv name', async () => {
    expect(await sniff(textFile('export.csv', JSON_ARRAY))).toMatchObject({ format: 'json' });
    expect(await sniff(textFile('export.csv', JSONL))).toMatchObject({ format: 'jsonl' });
  });

  it('sniff(file) of an empty file falls back to CSV', async () => {
    expect(await sniff(textFile('empty.csv', ''))).toEqual({ format: 'csv', gzip: false, delimiter: ',' });
    expect(await sniff(textFile('empty', ''))).toEqual({ format: 'csv', gzip: false, delimiter: ',' });
  });

  it('readHead(file, gzip, maxChars) returns only the first characters, decompressed', async () => {
    const text = 'id,label\n' + '1,A\n'.repeat(10000);
    expect(await readHead(textFile('r.csv', text), false, 12)).toBe('id,label\n1,A');
    expect(await readHead(gzFile('r.csv.gz', text), true, 12)).toBe('id,label\n1,A');
  });
});

describe('guessDelimiter', () => {
  it('guessDelimiter(head) picks the most frequent of , tab ; | on the first line', () => {
    expect(guessDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(guessDelimiter('a\tb\tc\n')).toBe('\t');
    expect(guessDelimiter('a;b;c\r\n1;2;3')).toBe(';');
    expect(guessDelimiter('a|b|c')).toBe('|');
    expect(guessDelimiter('a;b,c;d\n')).toBe(';');
  });

  it('guessDelimiter(head) ignores delimiters inside quotes and on later lines', () => {
    expect(guessDelimiter('"a;b;c;d",e,f\n1;2;3;4;5;6')).toBe(',');
    expect(guessDelimiter('"x,y,z"\tq\n')).toBe('\t');
    expect(guessDelimiter('id\n1;2;3;4\n')).toBe(',');
  });

  it('guessDelimiter(head) falls back to a comma on a tie or with no delimiter', () => {
    expect(guessDelimiter('a;b,c')).toBe(',');
    expect(guessDelimiter('label')).toBe(',');
    expect(guessDelimiter('')).toBe(',');
  });
});
