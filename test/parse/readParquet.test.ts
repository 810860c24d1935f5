// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { loadFiles } from '../../src/parse/loadFiles';
import { parquetMetadata } from 'hyparquet';
import { plainValue, readParquet, textColumns } from '../../src/parse/readParquet';
import { UnreadableFile, type InputFile, type Issue, type TableBatch } from '../../src/parse/types';

// Written by test/fixtures/parquet/writeFixtures.ts: 30 rows; judgements.parquet has row groups of 12.
function fixture(name: string): InputFile {
  const bytes = readFileSync(new URL(`../fixtures/parquet/${name}`, import.meta.url));
  return { name, blob: new Blob([bytes]) };
}

async function readAll(file: InputFile) {
  const issues: Issue[] = [];
  const batches: TableBatch[] = [];
  for await (const batch of readParquet(file, (issue) => issues.push(issue))) batches.push(batch);
  return {
    batches,
    issues,
    header: batches.at(-1)?.header ?? [],
    rows: batches.flatMap((batch) => batch.rows),
    rowNumbers: batches.flatMap((batch) => batch.rowNumbers),
  };
}

const HEADER = ['example_id', 'annotator_id', 'label', 'time_seconds', 'seq', 'judged_at'];

describe('readParquet', () => {
  it('readParquet(file) reads the columns, values and row numbers of judgements.parquet', async () => {
    const file = fixture('judgements.parquet');
    const { header, rows, rowNumbers, issues, batches } = await readAll(file);
    expect(header).toEqual(HEADER);
    expect(rows).toHaveLength(30);
    expect(rowNumbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows[0]).toEqual(['ex-01', 'ann-1', 'A', 10, 1000, '2024-01-15T09:00:00.000Z']);
    expect(rows[4]).toEqual(['ex-02', 'ann-2', 'B', 16, 1004, '2024-01-15T09:04:00.000Z']);
    expect(rows[29].slice(0, 4)).toEqual(['ex-10', 'ann-3', 'tie', 53.5]);
    expect(issues).toEqual([]);
    expect(batches.map((batch) => batch.rows.length)).toEqual([12, 12, 6]);
    expect(batches.map((batch) => batch.rowNumbers[0])).toEqual([1, 13, 25]);
    expect(batches.at(-1)!.bytesRead).toBe(file.blob.size);
    expect(batches[0].bytesRead).toBe(Math.round((12 / 30) * file.blob.size));
  });

  it('readParquet(file, onIssue, columnsOf) decodes only the columns asked for, asked again for each row group', async () => {
    const asked: string[][] = [];
    const batches: TableBatch[] = [];
    let range = 0;
    // the first row group with every column, the later ones without time_seconds and judged_at
    const columnsOf = (header: string[]) => {
      asked.push(header);
      return range++ === 0 ? header : header.filter((c) => c !== 'time_seconds' && c !== 'judged_at');
    };
    for await (const batch of readParquet(fixture('judgements.parquet'), () => {}, columnsOf)) batches.push(batch);
    expect(asked).toEqual([HEADER, HEADER, HEADER]);
    expect(batches.map((b) => b.header)).toEqual([
      HEADER,
      ...[1, 2].map(() => ['example_id', 'annotator_id', 'label', 'seq']),
    ]);
    const all = await readAll(fixture('judgements.parquet'));
    const kept = [0, 1, 2, 4];
    expect(batches.slice(1).flatMap((b) => b.rows)).toEqual(all.rows.slice(12).map((row) => kept.map((c) => row[c])));
  });

  it('loadFiles([parquet]) stops decoding a column once it has more than 50 values, and reads the same judgements', async () => {
    const { loadFiles } = await import('../../src/parse/loadFiles');
    const n = 12_000;
    const columnData = [
      { name: 'example_id', type: 'STRING', data: Array.from({ length: n }, (_, i) => `p${i >> 1}`) },
      { name: 'annotator_id', type: 'STRING', data: Array.from({ length: n }, (_, i) => `a${i % 2}`) },
      { name: 'label', type: 'STRING', data: Array.from({ length: n }, (_, i) => ['A', 'B', 'tie'][i % 3]) },
      { name: 'note', type: 'STRING', data: Array.from({ length: n }, (_, i) => `note ${i % 97}`) },
      { name: 'domain', type: 'STRING', data: Array.from({ length: n }, (_, i) => ['code', 'chat'][i % 2]) },
    ] as const;
    const buffer = parquetWriteBuffer({
      columnData: columnData.map((c) => ({ ...c, data: [...c.data] })),
      rowGroupSize: 3000,
    });
    const loaded = await loadFiles([{ name: 'wide-note.parquet', blob: new Blob([buffer]) }]);
    expect(loaded.ratings.n).toBe(n);
    expect(loaded.attributeColumns).toEqual(['note']);
    expect(loaded.ratings.slices.map((s) => s.name)).toEqual(['domain']);
    const domain = loaded.ratings.slices[0];
    expect(Array.from(domain.code.slice(0, 4), (c) => domain.values[c])).toEqual(['code', 'chat', 'code', 'chat']);
    expect(Array.from(domain.code.slice(-2), (c) => domain.values[c])).toEqual(['code', 'chat']);
  });

  it('readParquet(file) turns int64 BigInts into numbers, or strings beyond 2^53', async () => {
    const { rows } = await readAll(fixture('judgements.parquet'));
    const seq = rows.map((row) => row[4]);
    expect(seq.slice(0, 28).every((value) => typeof value === 'number')).toBe(true);
    expect(seq[27]).toBe(1027);
    expect(seq[28]).toBe('9007199254741021');
    expect(seq[29]).toBe('9007199254741022');
    expect(rows.flat().some((value) => typeof value === 'bigint' || value instanceof Date)).toBe(false);
  });

  it('readParquet(file) reads snappy- and gzip-compressed copies to the same rows', async () => {
    const plain = await readAll(fixture('judgements.parquet'));
    for (const name of ['judgements.snappy.parquet', 'judgements.gzip.parquet']) {
      const { rows, header, batches, issues } = await readAll(fixture(name));
      expect(header).toEqual(HEADER);
      expect(rows).toEqual(plain.rows);
      expect(batches).toHaveLength(1);
      expect(issues).toEqual([]);
    }
  });

  it('readParquet(file) splits large row groups into ranges and batches of at most 5,000 rows', async () => {
    const n = 120_000;
    const buffer = parquetWriteBuffer({
      columnData: [{ name: 'i', type: 'INT32', data: Int32Array.from({ length: n }, (_, i) => i) }],
      rowGroupSize: n,
    });
    const { batches, rows, rowNumbers } = await readAll({ name: 'big.parquet', blob: new Blob([buffer]) });
    expect(batches).toHaveLength(24);
    expect(batches.every((batch) => batch.rows.length <= 5000)).toBe(true);
    expect(rows).toHaveLength(n);
    expect(rows[50_000]).toEqual([50_000]);
    expect(rowNumbers[n - 1]).toBe(n);
    expect(rows[n - 1]).toEqual([n - 1]);
  });

  it('readParquet(file) yields nothing for a file with no rows', async () => {
    const buffer = parquetWriteBuffer({ columnData: [{ name: 'label', type: 'STRING', data: [] }] });
    const { batches, issues } = await readAll({ name: 'empty.parquet', blob: new Blob([buffer]) });
    expect(batches).toEqual([]);
    expect(issues).toEqual([]);
  });

  it('loadFiles([parquet]) codes text cells from their bytes to the same judgements as the JSON Lines path', async () => {
    // ids and labels whose bytes differ but whose text is one (spaces trimmed), non-ASCII, empty and null cells
    const records = [
      ['p1', 'ann-1', 'A'],
      [' p1', 'ann-2', 'B '],
      ['p1 ', 'ann-3', 'A'],
      ['pé', 'ann-1', 'tie'],
      ['pé', ' ann-2', 'tie'],
      ['', 'ann-1', 'A'],
      [null, 'ann-2', 'A'],
      ['p3', 'ann-1', ''],
      ['p3', 'ann-2', 'B'],
      ['p3', 'ann-3', 'B'],
    ] as const;
    const columns = ['example_id', 'annotator_id', 'label'];
    const buffer = parquetWriteBuffer({
      columnData: columns.map((name, c) => ({ name, type: 'STRING' as const, data: records.map((r) => r[c]) })),
    });
    expect([...textColumns(parquetMetadata(buffer))]).toEqual(columns);
    const jsonl = records
      .map((r) => JSON.stringify(Object.fromEntries(columns.map((name, c) => [name, r[c]]))))
      .join('\n');
    const fromParquet = await loadFiles([{ name: 'bytes.parquet', blob: new Blob([buffer]) }]);
    const fromJsonl = await loadFiles([{ name: 'bytes.jsonl', blob: new Blob([jsonl]) }]);
    const judgements = (l: typeof fromParquet) =>
      Array.from({ length: l.ratings.n }, (_, j) => [
        l.ratings.items[l.ratings.item[j]],
        l.ratings.annotators[l.ratings.annotator[j]],
        l.ratings.label[j],
      ]);
    // labels as codes of the three-level scale: A 0, tie 1, B 2
    expect(judgements(fromParquet)).toEqual([
      ['p1', 'ann-1', 0],
      ['p1', 'ann-2', 2],
      ['p1', 'ann-3', 0],
      ['pé', 'ann-1', 1],
      ['pé', 'ann-2', 1],
      ['p3', 'ann-2', 2],
      ['p3', 'ann-3', 2],
    ]);
    expect(judgements(fromParquet)).toEqual(judgements(fromJsonl));
    expect(fromParquet.issues.map((i) => [i.row, i.message])).toEqual(fromJsonl.issues.map((i) => [i.row, i.message]));
  });

  it('readParquet(file) throws UnreadableFile for a file that is not Parquet or has a broken footer', async () => {
    const notParquet = { name: 'notes.parquet', blob: new Blob(['example_id,label\nq1,A\n']) };
    await expect(readAll(notParquet)).rejects.toBeInstanceOf(UnreadableFile);
    await expect(readAll(notParquet)).rejects.toThrow(/^notes\.parquet: not a Parquet file, or its footer is corrupt/);

    const bytes = readFileSync(new URL('../fixtures/parquet/judgements.parquet', import.meta.url));
    const cut = { name: 'cut.parquet', blob: new Blob([bytes.subarray(0, bytes.length - 20)]) };
    await expect(readAll(cut)).rejects.toBeInstanceOf(UnreadableFile);
    const empty = { name: 'empty.parquet', blob: new Blob([]) };
    await expect(readAll(empty)).rejects.toBeInstanceOf(UnreadableFile);
  });

  it('plainValue(value) converts BigInt and Date, also inside lists and structs', () => {
    expect(plainValue(42n)).toBe(42);
    expect(plainValue(-9007199254740991n)).toBe(-9007199254740991);
    expect(plainValue(-9007199254740993n)).toBe('-9007199254740993');
    expect(plainValue(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29T00:00:00.000Z');
    expect(plainValue(new Date(Number.NaN))).toBeNull();
    expect(plainValue({ a: [1n, { b: new Date(0) }], s: 'x' })).toEqual({
      a: [1, { b: '1970-01-01T00:00:00.000Z' }],
      s: 'x',
    });
    const bytes = new Uint8Array([1, 2]);
    expect(plainValue(bytes)).toBe(bytes);
    expect(plainValue(null)).toBeNull();
  });
});
