// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { chunkedFile as chunkedFileNamed, readAllWith, textFileNamed } from '../helpers/readerHarness';
import { gzipSync } from 'node:zlib';
import { readCsv, uniqueNames } from '../../src/parse/readCsv';
import { UnreadableFile, type InputFile, type Warning } from '../../src/parse/types';

const utf8 = new TextEncoder();

const textFile = (text: string, name = 'ratings.csv'): InputFile => textFileNamed(text, name);
const chunkedFile = (parts: Uint8Array[], name = 'ratings.csv'): InputFile => chunkedFileNamed(parts, name);
const readAll = (
  file: InputFile,
  { gzip = false, delimiter = ',', header = true }: { gzip?: boolean; delimiter?: string; header?: boolean } = {},
) => {
  const warnings: Warning[] = [];
  return readAllWith((onIssue) =>
    readCsv(file, gzip, delimiter, onIssue, { header, onWarning: (w) => warnings.push(w) }),
  ).then((all) => ({ ...all, warnings }));
};

describe('readCsv', () => {
  it('readCsv(file) takes the first record as header and numbers rows by physical line', async () => {
    const file = textFile('example_id,annotator_id,label\np1,a,A>\np1,b,B>\n');
    const { header, rows, rowNumbers, issues, batches } = await readAll(file);
    expect(header).toEqual(['example_id', 'annotator_id', 'label']);
    expect(rows).toEqual([
      ['p1', 'a', 'A>'],
      ['p1', 'b', 'B>'],
    ]);
    expect(rowNumbers).toEqual([2, 3]);
    expect(issues).toEqual([]);
    expect(batches.at(-1)!.bytesRead).toBe(file.blob.size);
  });

  it('readCsv(file) reads a last quoted field with no newline after it, in one chunk or split before its closing quote, without an issue', async () => {
    const text = 'example_id,annotator_id,label,note\np1,a,A>,"1,0"';
    for (const file of [textFile(text), chunkedFile([utf8.encode(text.slice(0, -1)), utf8.encode('"')])]) {
      const { rows, issues } = await readAll(file);
      expect(rows).toEqual([['p1', 'a', 'A>', '1,0']]);
      expect(issues).toEqual([]);
    }
    // a quote that is really left open is still reported
    const open = await readAll(textFile('example_id,annotator_id,label,note\np1,a,A>,"1,0\n'));
    expect(open.issues.map((i) => i.message)).toEqual([
      'a quoted field is never closed (truncated file?); the row is skipped',
    ]);
  });

  it('readCsv(file) reads quoted fields with delimiters, doubled quotes, LF and CRLF inside', async () => {
    const text =
      'id,prompt,label\r\nq1,"a, b",A\r\nq2,"she said ""no""",B\r\nq3,"line 1\nline 2",A\r\nq4,"one\r\ntwo\r\nthree",B\r\nq5,plain,tie\r\n';
    const { rows, rowNumbers } = await readAll(textFile(text));
    expect(rows).toEqual([
      ['q1', 'a, b', 'A'],
      ['q2', 'she said "no"', 'B'],
      ['q3', 'line 1\nline 2', 'A'],
      ['q4', 'one\r\ntwo\r\nthree', 'B'],
      ['q5', 'plain', 'tie'],
    ]);
    // q3 spans lines 4-5, q4 spans 6-8: the record after a multi-line field starts on the right line
    expect(rowNumbers).toEqual([2, 3, 4, 6, 9]);
  });

  it('readCsv(file) reads a CRLF file, a lone-CR file and a file without a trailing newline alike', async () => {
    const expected = [
      ['1', 'x'],
      ['2', 'y'],
    ];
    for (const text of ['id,v\r\n1,x\r\n2,y\r\n', 'id,v\r1,x\r2,y\r', 'id,v\n1,x\n2,y', 'id,v\r\n1,x\r\n2,y']) {
      const { rows, rowNumbers, header } = await readAll(textFile(text));
      expect(header, JSON.stringify(text)).toEqual(['id', 'v']);
      expect(rows, JSON.stringify(text)).toEqual(expected);
      expect(rowNumbers, JSON.stringify(text)).toEqual([2, 3]);
    }
  });

  it('readCsv(file) removes a byte-order mark, even one split across byte chunks', async () => {
    const { header } = await readAll(textFile('\uFEFFexample_id,label\np,A\n'));
    expect(header).toEqual(['example_id', 'label']);
    const bytes = utf8.encode('\uFEFFexample_id,label\np,A\n');
    const split = await readAll(chunkedFile([bytes.slice(0, 1), bytes.slice(1, 2), bytes.slice(2)]));
    expect(split.header).toEqual(['example_id', 'label']);
    expect(split.rows).toEqual([['p', 'A']]);
  });

  it('readCsv(file) decodes multi-byte characters split across byte chunks', async () => {
    const bytes = utf8.encode('id,text\n1,naïve café 🙂\n');
    for (let i = 1; i < bytes.length; i++) {
      const { rows } = await readAll(chunkedFile([bytes.slice(0, i), bytes.slice(i)]));
      expect(rows, `split at byte ${i}`).toEqual([['1', 'naïve café 🙂']]);
    }
  });

  it('readCsv(file) skips blank lines without shifting row numbers', async () => {
    const { rows, rowNumbers, issues } = await readAll(textFile('id,v\n\n1,x\n\n\n2,y\n\n'));
    expect(rows).toEqual([
      ['1', 'x'],
      ['2', 'y'],
    ]);
    expect(rowNumbers).toEqual([3, 6]);
    expect(issues).toEqual([]);
  });

  it('readCsv(file) skips a row with more fields than the header and reads a shorter one with empty trailing fields', async () => {
    const text = 'id,prompt,label\n1,"multi\nline",A\n2,too,many,fields\n3,short\n4,ok,B\n';
    const { rows, rowNumbers, issues, warnings } = await readAll(textFile(text, 'bad.csv'));
    expect(rows).toEqual([
      ['1', 'multi\nline', 'A'],
      ['3', 'short', ''],
      ['4', 'ok', 'B'],
    ]);
    expect(rowNumbers).toEqual([2, 5, 6]);
    expect(issues).toEqual([{ file: 'bad.csv', row: 4, column: null, message: 'row has 4 fields, the header has 3' }]);
    expect(warnings).toEqual([
      {
        file: 'bad.csv',
        column: null,
        message:
          '1 row has fewer fields than the header (3; first at line 5): the missing trailing fields were read as empty',
      },
    ]);
  });

  it('readCsv(file, {header: false}) names the columns and reads the first row as data', async () => {
    const { header, rows, rowNumbers } = await readAll(textFile('w1\tp1\tG\nw2\tp1\tX\tlate\n', 'labels.txt'), {
      delimiter: '\t',
      header: false,
    });
    expect(header).toEqual(['column 1', 'column 2', 'column 3', 'column 4']);
    expect(rows).toEqual([
      ['w1', 'p1', 'G', ''],
      ['w2', 'p1', 'X', 'late'],
    ]);
    expect(rowNumbers).toEqual([1, 2]);
  });

  it('readCsv(file) reports an unterminated quote at the end with the line where it opened', async () => {
    const { rows, issues } = await readAll(textFile('id,text\n1,ok\n2,"never\nclosed, at all\n', 'cut.csv'));
    expect(rows).toEqual([['1', 'ok']]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'cut.csv', row: 3, column: null });
    expect(issues[0].message).toMatch(/never closed/);
  });

  it('readCsv(file, false, "\\t") reads TSV and readCsv(file, false, ";") semicolon-separated text', async () => {
    const tsv = await readAll(textFile('id\tlabel\tnote\n1\tA\ta, b\n2\tB\t"x\ty"\n', 'r.tsv'), { delimiter: '\t' });
    expect(tsv.header).toEqual(['id', 'label', 'note']);
    expect(tsv.rows).toEqual([
      ['1', 'A', 'a, b'],
      ['2', 'B', 'x\ty'],
    ]);
    const semi = await readAll(textFile('id;label;score\n1;A;0,5\n2;"B;C";1,5\n'), { delimiter: ';' });
    expect(semi.header).toEqual(['id', 'label', 'score']);
    expect(semi.rows).toEqual([
      ['1', 'A', '0,5'],
      ['2', 'B;C', '1,5'],
    ]);
  });

  it('readCsv(file, true) gunzips and reports compressed bytes read', async () => {
    const text = 'id,label\r\n1,"A, really"\r\n2,B\r\n';
    const file = { name: 'r.csv.gz', blob: new Blob([gzipSync(text)]) };
    const { header, rows, rowNumbers, batches } = await readAll(file, { gzip: true });
    expect(header).toEqual(['id', 'label']);
    expect(rows).toEqual([
      ['1', 'A, really'],
      ['2', 'B'],
    ]);
    expect(rowNumbers).toEqual([2, 3]);
    expect(batches.at(-1)!.bytesRead).toBe(file.blob.size);
  });

  it('readCsv(file, true) throws UnreadableFile on truncated gzip data', async () => {
    const gz = gzipSync('id,label\n' + '1,A\n'.repeat(1000));
    const file = { name: 'cut.csv.gz', blob: new Blob([gz.subarray(0, gz.length >> 1)]) };
    await expect(readAll(file, { gzip: true })).rejects.toBeInstanceOf(UnreadableFile);
  });

  it('readCsv(file) yields rows in batches with continuous row numbers', async () => {
    // three parts of over 1 MB each: a batch is read per megabyte
    const pad = 'x'.repeat(200);
    const part = (from: number) =>
      utf8.encode(Array.from({ length: 6000 }, (_, i) => `${from + i},A,${pad}\n`).join(''));
    const file = chunkedFile([utf8.encode('id,label,note\n'), part(0), part(6000), part(12000)]);
    const { batches, rows, rowNumbers } = await readAll(file);
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(rows).toHaveLength(18000);
    expect(rowNumbers).toEqual(Array.from({ length: 18000 }, (_, i) => i + 2));
    expect(rows.at(-1)).toEqual(['17999', 'A', pad]);
    expect(batches.at(-1)!.bytesRead).toBe(file.blob.size);
  });

  it('readCsv(file) yields nothing for an empty file and one empty batch with the header for a header-only file', async () => {
    expect((await readAll(textFile(''))).batches).toEqual([]);
    const headerOnly = await readAll(textFile('id,label\n'));
    expect(headerOnly.batches).toHaveLength(1);
    expect(headerOnly.header).toEqual(['id', 'label']);
    expect(headerOnly.rows).toEqual([]);
  });

  it('uniqueNames(header) trims names, names blanks and numbers repeats', () => {
    expect(uniqueNames([' id ', '', 'label', 'label', 'label', ''])).toEqual([
      'id',
      'column_2',
      'label',
      'label_2',
      'label_3',
      'column_6',
    ]);
  });
});
