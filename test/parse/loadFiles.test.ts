// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_MEMORY_BUDGET, bytesPerJudgement, loadFiles, type LoadResult } from '../../src/parse/loadFiles';
import { emptyMapping, type ColumnMapping } from '../../src/parse/columnRoles';
import { parseLabelMap } from '../../src/parse/labelMapText';
import { readCsv } from '../../src/parse/readCsv';
import { UnreadableFile, type InputFile, type Issue } from '../../src/parse/types';
import { AI, HUMAN } from '../../src/core/types';

const FIXTURES = join(import.meta.dirname, '../fixtures');

async function fixture(name: string, as = name): Promise<InputFile> {
  return { name: as, blob: await openAsBlob(join(FIXTURES, name)) };
}

function textFile(name: string, text: string): InputFile {
  return { name, blob: new Blob([text]) };
}

/** The judgements as readable tuples: [item, annotator, category name]. */
function triples(r: LoadResult): [string, string, string][] {
  const { ratings } = r;
  return Array.from({ length: ratings.n }, (_, k) => [
    ratings.items[ratings.item[k]],
    ratings.annotators[ratings.annotator[k]],
    ratings.categories[ratings.label[k]],
  ]);
}

/** Issues without the message, for compact comparison. */
function where(issues: Issue[]) {
  return issues.map(({ file, row, column }) => ({ file, row, column }));
}

async function loadError(files: InputFile[], options = {}): Promise<UnreadableFile> {
  try {
    await loadFiles(files, options);
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableFile);
    return error as UnreadableFile;
  }
  throw new Error('loadFiles did not throw');
}

describe('loadFiles: the canonical long layout', () => {
  // long.csv: 3 pairs × 3 annotators (one label missing) in the canonical columns of docs/report-schema.md, with a
  // multi-line quoted response, a gold item, an AI judge's verdict repeated on each row and a `domain` slice.
  it('loadFiles([csv]) reads a long CSV with no mapping', async () => {
    const r = await loadFiles([await fixture('long.csv')]);
    const { ratings } = r;
    expect(r.issues).toEqual([]);
    expect(r.rowsDropped).toBe(0);
    expect(ratings.items).toEqual(['p1', 'p2', 'p3']);
    expect(ratings.annotators).toEqual(['ann1', 'ann2', 'ann3', 'ai_judge']);
    expect([...ratings.annotatorKind]).toEqual([HUMAN, HUMAN, HUMAN, AI]);
    expect(ratings.scale).toBe('5-point');
    expect(ratings.categories).toEqual(['A>>', 'A>', '=', 'B>', 'B>>']);
    expect([...ratings.fivePoint]).toEqual([0, 1, 2, 3, 4]);
    expect(ratings.n).toBe(11);
    expect(triples(r)).toEqual([
      ['p1', 'ann1', 'A>>'],
      ['p1', 'ann2', 'A>'],
      ['p1', 'ann3', '='],
      ['p2', 'ann1', 'B>'],
      ['p2', 'ann2', 'B>>'],
      ['p2', 'ann3', 'B>'],
      ['p3', 'ann1', '='],
      ['p3', 'ann2', 'A>'],
      // the AI judge: one verdict per item, from the ai_label column
      ['p1', 'ai_judge', 'A>'],
      ['p2', 'ai_judge', 'B>>'],
      ['p3', 'ai_judge', '='],
    ]);
    expect([...ratings.label]).toEqual([0, 1, 2, 3, 4, 3, 2, 1, 1, 4, 2]);
    expect(ratings.dimensions).toEqual(['overall']);
    expect([...ratings.dimension]).toEqual(new Array(11).fill(0));
    // the row after the two-line quoted response is line 4
    expect([...r.row]).toEqual([2, 4, 5, 6, 7, 8, 9, 10, 2, 6, 9]);
    expect([...r.file]).toEqual(new Array(11).fill(0));
    expect(r.files).toEqual(['long.csv']);
  });

  it('loadFiles([csv]) reads gold items, times, timestamps, positions and AI confidences', async () => {
    const { ratings } = await loadFiles([await fixture('long.csv')]);
    expect([...ratings.itemGold]).toEqual([1, -1, -1]); // p1 is gold with A>
    expect([...ratings.time!]).toEqual([12.5, 8, 20, 3.5, 4, NaN, 30, 25, NaN, NaN, NaN]);
    expect(ratings.timestamp![0]).toBe(Date.parse('2024-05-01T10:00:00Z'));
    expect(ratings.timestamp![7]).toBe(Date.parse('2024-05-01T12:01:00Z'));
    expect(ratings.timestamp![8]).toBeNaN();
    expect([...ratings.shownFirst!]).toEqual([0, 1, 0, 1, 0, 255, 0, 1, 255, 255, 255]);
    expect([...ratings.aiConfidence!]).toEqual([NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, 0.9, 0.8, 0.55]);
  });

  it('loadFiles([csv]) keeps per-item texts and models, the first non-empty value winning', async () => {
    const r = await loadFiles([await fixture('long.csv')]);
    expect(r.texts.prompt).toEqual(['Write a haiku, please', 'What is 2+2?', 'Sort a list']);
    expect(r.texts.responseA).toEqual(['Leaves fall\nsoftly', '4', 'sorted(x)']);
    expect(r.texts.responseB).toEqual(['Autumn "wind"', '5', 'x.sort()']);
    expect(r.models).toEqual({ a: ['gpt-4', 'gpt-4', 'llama-2'], b: ['llama-2', 'llama-2', 'gpt-4'] });
    expect(r.scores).toBeNull();
  });

  it('loadFiles([csv]) keeps reward-model scores per item and reads numeric timestamps as numbers', async () => {
    const text =
      'example_id,annotator_id,label,score_a,score_b,timestamp\np1,a,A,0.5,-1.25,1714557600000\np2,a,B,,3,\np1,b,B,9,9,1714557600001\n';
    const r = await loadFiles([textFile('rm.csv', text)]);
    expect(r.scores).not.toBeNull();
    expect([...r.scores!.a]).toEqual([0.5, NaN]);
    expect([...r.scores!.b]).toEqual([-1.25, 3]);
    expect([...r.ratings.timestamp!]).toEqual([1714557600000, NaN, 1714557600001]);
    expect(r.ratings.time).toBeNull();
    expect(r.ratings.shownFirst).toBeNull();
    expect(r.ratings.aiConfidence).toBeNull();
  });

  it('loadFiles([csv]) turns a column with few values into a slice, also for the AI judge', async () => {
    const r = await loadFiles([await fixture('long.csv')]);
    // long.csv also has model columns: the derived model_pair slice comes after the file's own columns
    expect(r.ratings.slices.map((s) => s.name)).toEqual(['domain', 'model_pair']);
    const [domain] = r.ratings.slices;
    expect(domain.name).toBe('domain');
    expect(domain.values).toEqual(['poetry', 'math', 'code']);
    expect([...domain.code]).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 0, 1, 2]);
    expect(r.attributeColumns).toEqual([]);
  });

  it('loadFiles([csv]) keeps a column with more than 50 values as an attribute, not a slice', async () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `q${i},ann${i % 3},${i % 2 ? 'A' : 'B'},${['x', 'y'][i % 2]},comment ${i}`,
    );
    const r = await loadFiles([
      textFile('many.csv', `example_id,annotator_id,label,batch,comment\n${rows.join('\n')}\n`),
    ]);
    expect(r.ratings.slices.map((s) => s.name)).toEqual(['batch']);
    expect(r.attributeColumns).toEqual(['comment']);
    // exactly 50 values is still a slice
    const fifty = Array.from({ length: 50 }, (_, i) => `q${i},ann1,A,v${i}`);
    const s = await loadFiles([textFile('fifty.csv', `example_id,annotator_id,label,batch\n${fifty.join('\n')}\n`)]);
    expect(s.ratings.slices[0].values).toHaveLength(50);
  });

  it('loadFiles([csv]) gives a slice row with an empty value the value "(empty)"', async () => {
    const r = await loadFiles([textFile('s.csv', 'example_id,annotator_id,label,domain\np1,a,A,math\np2,a,B,\n')]);
    expect(r.ratings.slices[0].values).toEqual(['math', '(empty)']);
    expect([...r.ratings.slices[0].code]).toEqual([0, 1]);
  });

  it('loadFiles([csv]) reports the file, its detected format and mapping', async () => {
    const r = await loadFiles([await fixture('long.csv')]);
    expect(r.fileInfos).toHaveLength(1);
    expect(r.fileInfos[0]).toMatchObject({
      name: 'long.csv',
      format: 'csv',
      gzip: false,
      delimiter: ',',
      role: 'judgements',
      adapter: 'csv',
    });
    expect(r.fileInfos[0].mapping).toMatchObject({
      item: 'example_id',
      annotator: 'annotator_id',
      label: 'label',
      aiLabel: 'ai_label',
      shape: 'long',
    });
    expect(r.reading.preference).toBe(true);
  });

  it('loadFiles([csv], {onProgress}) reports bytes and rows read', async () => {
    const file = await fixture('long.csv');
    const seen: { bytesRead: number; totalBytes: number; rows: number }[] = [];
    await loadFiles([file], { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toEqual({ bytesRead: file.blob.size, totalBytes: file.blob.size, rows: 8 });
  });
});

describe('loadFiles: the same data in every format', () => {
  /** long.csv's rows as records, with numbers and booleans typed as a JSON export would have them. */
  async function records(): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    for await (const batch of readCsv(await fixture('long.csv'), false, ',', () => {})) {
      for (const row of batch.rows) {
        const rec: Record<string, unknown> = {};
        batch.header.forEach((h, i) => {
          const v = row[i] as string;
          if (v === '') return; // a missing key, as JSON exports leave them out
          rec[h] = h === 'time_seconds' || h === 'ai_confidence' ? Number(v) : h === 'is_gold' ? v === '1' : v;
        });
        out.push(rec);
      }
    }
    return out;
  }

  function delimited(recs: Record<string, unknown>[], delimiter: string): string {
    const header = Object.keys(recs[0]);
    const cell = (v: unknown) => {
      const s = v === undefined ? '' : String(v);
      return /["\r\n]/.test(s) || s.includes(delimiter) ? `"${s.replaceAll('"', '""')}"` : s;
    };
    return (
      [header.join(delimiter), ...recs.map((r) => header.map((h) => cell(r[h])).join(delimiter))].join('\r\n') + '\r\n'
    );
  }

  it('loadFiles([jsonl]), ([json]), ([tsv]), ([csv.gz]) and ([csv]) give identical Ratings', async () => {
    const recs = await records();
    const reference = (await loadFiles([await fixture('long.csv')])).ratings;
    const variants: InputFile[] = [
      textFile('long.jsonl', recs.map((r) => JSON.stringify(r)).join('\n') + '\n'),
      textFile('long.json', JSON.stringify(recs, null, 2)),
      textFile('long.tsv', delimited(recs, '\t')),
      { name: 'long.csv.gz', blob: new Blob([gzipSync(delimited(recs, ','))]) },
      textFile('long-semicolon.csv', delimited(recs, ';')),
      { name: 'long.jsonl.gz', blob: new Blob([gzipSync(recs.map((r) => JSON.stringify(r)).join('\n'))]) },
    ];
    for (const file of variants) {
      const r = await loadFiles([file]);
      expect(r.issues, file.name).toEqual([]);
      expect(r.ratings, file.name).toEqual(reference);
    }
  });

  it('loadFiles([jsonl]) numbers rows by line and ([json]) by record', async () => {
    const recs = await records();
    const jsonl = await loadFiles([textFile('long.jsonl', recs.map((r) => JSON.stringify(r)).join('\n'))]);
    expect([...jsonl.row].slice(0, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const json = await loadFiles([textFile('long.json', JSON.stringify(recs))]);
    expect([...json.row].slice(0, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('loadFiles: wide files', () => {
  // wide.csv: example_id, annotator1..3 (0 = tie, 1 = first better, 2 = second better, one empty cell), domain
  it('loadFiles([wide csv]) gives one judgement per non-empty annotator cell', async () => {
    const r = await loadFiles([await fixture('wide.csv')]);
    expect(r.fileInfos[0].mapping).toMatchObject({ shape: 'wide', wide: ['annotator1', 'annotator2', 'annotator3'] });
    expect(r.ratings.scale).toBe('3-way');
    expect(r.ratings.categories).toEqual(['A>', '=', 'B>']);
    expect(triples(r)).toEqual([
      ['w1', 'annotator1', 'A>'],
      ['w1', 'annotator2', 'A>'],
      ['w1', 'annotator3', 'B>'],
      ['w2', 'annotator1', '='],
      ['w2', 'annotator3', 'B>'],
      ['w3', 'annotator1', 'B>'],
      ['w3', 'annotator2', 'B>'],
      ['w3', 'annotator3', 'B>'],
    ]);
    expect([...r.row]).toEqual([2, 2, 2, 3, 3, 4, 4, 4]);
    expect(r.ratings.slices[0]).toMatchObject({ name: 'domain', values: ['chat', 'code'] });
    expect([...r.ratings.slices[0].code]).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
    expect(r.issues).toEqual([]);
    expect(r.rowsDropped).toBe(0);
  });

  it('loadFiles([wide csv]) reports an unknown value with its row and annotator column', async () => {
    const r = await loadFiles([
      textFile('w.csv', 'example_id,annotator1,annotator2\nw1,1,2\nw2,2,7\nw3,1,1\nw4,2,1\nw5,1,0\nw6,0,2\n'),
    ]);
    expect(r.ratings.n).toBe(11);
    expect(r.rowsDropped).toBe(1);
    expect(r.issues).toEqual([{ file: 'w.csv', row: 3, column: 'annotator2', message: 'unknown label "7"' }]);
  });
});

describe('loadFiles: several files', () => {
  // annotations.csv: 3 pairs × 2 annotators (A / B / tie); gold.csv: example_id,gold_label with one pair
  // (p9) not in the annotations; judge.csv: example_id,ai_label for every pair.
  it('loadFiles([annotations, gold, judge]) joins gold labels and AI verdicts on the item id', async () => {
    const r = await loadFiles([
      await fixture('annotations.csv'),
      await fixture('gold.csv'),
      await fixture('judge.csv'),
    ]);
    expect(r.fileInfos.map((f) => f.role)).toEqual(['judgements', 'joined', 'joined']);
    expect(r.ratings.scale).toBe('3-way');
    expect(r.ratings.items).toEqual(['p1', 'p2', 'p3']);
    expect(r.ratings.annotators).toEqual(['ann1', 'ann2', 'judge']);
    expect([...r.ratings.annotatorKind]).toEqual([HUMAN, HUMAN, AI]);
    expect(triples(r)).toEqual([
      ['p1', 'ann1', 'A>'],
      ['p1', 'ann2', 'A>'],
      ['p2', 'ann1', 'B>'],
      ['p2', 'ann2', '='],
      ['p3', 'ann1', 'A>'],
      ['p3', 'ann2', 'B>'],
      ['p1', 'judge', 'A>'],
      ['p2', 'judge', 'B>'],
      ['p3', 'judge', '='],
    ]);
    expect([...r.ratings.itemGold]).toEqual([0, 2, -1]);
    // the AI verdicts come from judge.csv, lines 2-4
    expect([...r.file].slice(6).map((f) => r.files[f])).toEqual(['judge.csv', 'judge.csv', 'judge.csv']);
    expect([...r.row].slice(6)).toEqual([2, 3, 4]);
  });

  it('loadFiles([annotations, gold]) reports a side-file row whose item is not in the annotations', async () => {
    const r = await loadFiles([await fixture('annotations.csv'), await fixture('gold.csv')]);
    expect(r.issues).toEqual([
      { file: 'gold.csv', row: 4, column: 'example_id', message: 'item "p9" is not in the annotations' },
    ]);
    expect(r.rowsDropped).toBe(1);
    expect(r.ratings.n).toBe(6);
  });

  it('loadFiles([gold, judge, annotations]) joins the same whatever the order of the files', async () => {
    const a = await loadFiles([
      await fixture('annotations.csv'),
      await fixture('gold.csv'),
      await fixture('judge.csv'),
    ]);
    const b = await loadFiles([
      await fixture('gold.csv'),
      await fixture('judge.csv'),
      await fixture('annotations.csv'),
    ]);
    expect(b.ratings).toEqual(a.ratings);
  });

  it('loadFiles([annotations, judge]) reports an AI verdict that is not a label in the judge file', async () => {
    const judge = textFile('judge2.csv', 'example_id,ai_label\np1,A\np2,banana\n');
    const r = await loadFiles([await fixture('annotations.csv'), judge]);
    expect(r.issues).toEqual([{ file: 'judge2.csv', row: 3, column: 'ai_label', message: 'unknown label "banana"' }]);
    expect(r.rowsDropped).toBe(1);
    // a judge file's verdicts are the judge named after the file
    expect(triples(r).filter(([, a]) => a === 'judge2')).toEqual([['p1', 'judge2', 'A>']]);
  });

  it('loadFiles([shard1, shard2]) concatenates files with the same layout', async () => {
    const shard1 = textFile('shard-1.csv', 'example_id,annotator_id,label\np1,a,A\np1,b,B\n');
    const shard2 = textFile('shard-2.csv', 'example_id,annotator_id,label\np2,a,tie\np1,c,A\n');
    const r = await loadFiles([shard1, shard2]);
    expect(r.fileInfos.map((f) => f.role)).toEqual(['judgements', 'judgements']);
    expect(triples(r)).toEqual([
      ['p1', 'a', 'A>'],
      ['p1', 'b', 'B>'],
      ['p2', 'a', '='],
      ['p1', 'c', 'A>'],
    ]);
    expect([...r.file]).toEqual([0, 0, 1, 1]);
    expect([...r.row]).toEqual([2, 3, 2, 3]);
    expect(r.files).toEqual(['shard-1.csv', 'shard-2.csv']);
  });

  it('loadFiles([shard1, shard2]) codes a slice column missing from one shard as "(missing)"', async () => {
    const shard1 = textFile('s1.csv', 'example_id,annotator_id,label,domain\np1,a,A,math\n');
    const shard2 = textFile('s2.csv', 'example_id,annotator_id,label\np2,a,B\n');
    const r = await loadFiles([shard1, shard2]);
    expect(r.ratings.slices[0].values).toEqual(['math', '(missing)']);
    expect([...r.ratings.slices[0].code]).toEqual([0, 1]);
  });
});

describe('loadFiles: bad rows', () => {
  // malformed.csv: 8 data rows: 3 valid, then one each of empty item id, empty annotator, empty label,
  // unknown label "maybe", and a row with an extra field.
  it('loadFiles([csv]) reports each malformed row with file, row and column and keeps every valid row', async () => {
    const r = await loadFiles([await fixture('malformed.csv')]);
    expect(triples(r)).toEqual([
      ['m1', 'a1', 'A>'],
      ['m2', 'a3', '='],
      ['m3', 'a1', 'B>>'],
    ]);
    expect([...r.row]).toEqual([2, 8, 9]);
    const byRow = [...r.issues].sort((a, b) => a.row! - b.row!);
    expect(byRow).toEqual([
      { file: 'malformed.csv', row: 3, column: 'example_id', message: 'empty item id' },
      { file: 'malformed.csv', row: 4, column: 'annotator_id', message: 'empty annotator id' },
      { file: 'malformed.csv', row: 5, column: 'label', message: 'empty label' },
      { file: 'malformed.csv', row: 6, column: 'label', message: 'unknown label "maybe"' },
      { file: 'malformed.csv', row: 7, column: null, message: 'row has 4 fields, the header has 3' },
    ]);
    expect(r.rowsDropped).toBe(5);
    expect(r.issueCount).toBe(5);
    // every data row is either kept or dropped
    expect(r.ratings.n + r.rowsDropped).toBe(8);
  });

  it('loadFiles([csv]) reports an unterminated quote and keeps the rows before it', async () => {
    const r = await loadFiles([
      textFile('cut.csv', 'example_id,annotator_id,label,note\np1,a,A,ok\np1,b,B,"never closed\n'),
    ]);
    expect(triples(r)).toEqual([['p1', 'a', 'A>']]);
    expect(where(r.issues)).toEqual([{ file: 'cut.csv', row: 3, column: null }]);
    expect(r.rowsDropped).toBe(1);
  });

  it('loadFiles([csv]) with an item marked gold but no gold label reports the item', async () => {
    const r = await loadFiles([
      textFile('g.csv', 'example_id,annotator_id,label,is_gold,gold_label\np1,a,A,1,\np2,a,B,0,\n'),
    ]);
    expect([...r.ratings.itemGold]).toEqual([-1, -1]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].message).toMatch(/"p1" is marked gold but has no gold label/);
    expect(r.rowsDropped).toBe(0);
  });

  it('loadFiles([csv]) marks an item gold when any of its rows says so and reports conflicting gold labels', async () => {
    const text = 'example_id,annotator_id,label,is_gold,gold_label\np1,a,A,0,\np1,b,B,yes,A\np2,a,A,1,B\np2,b,A,1,A\n';
    const r = await loadFiles([textFile('g.csv', text)]);
    expect([...r.ratings.itemGold]).toEqual([0, 1]); // binary: A> = 0, B> = 1; p2 keeps its first gold label
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ file: 'g.csv', row: 5, column: 'gold_label' });
    expect(r.issues[0].message).toMatch(/conflicting gold labels for item "p2"/);
  });
});

describe('loadFiles: duplicates', () => {
  it('loadFiles([csv]) keeps the last judgement of an item by an annotator and counts the replaced one', async () => {
    const r = await loadFiles([
      textFile('d.csv', 'example_id,annotator_id,label\np1,a,A\np1,b,B\np1,a,B\np2,a,A\np1,a,tie\n'),
    ]);
    expect(triples(r)).toEqual([
      ['p1', 'b', 'B>'],
      ['p2', 'a', 'A>'],
      ['p1', 'a', '='],
    ]);
    expect(r.rowsDropped).toBe(2);
    expect(where(r.issues)).toEqual([
      { file: 'd.csv', row: 2, column: null },
      { file: 'd.csv', row: 4, column: null },
    ]);
    expect(r.issues[0].message).toMatch(/duplicate judgement of item "p1" by "a"/);
    expect(r.ratings.n + r.rowsDropped).toBe(5);
  });

  it('loadFiles([csv]) with timestamps keeps the latest judgement, not the last row', async () => {
    const text = [
      'example_id,annotator_id,label,timestamp',
      'd1,a1,A,2024-01-02T00:00:00Z', // line 2: later → kept
      'd1,a2,B,2024-01-01T00:00:00Z', // line 3: earlier → replaced
      'd1,a1,B,2024-01-01T00:00:00Z', // line 4: earlier, though read later → replaced
      'd1,a2,tie,2024-01-03T00:00:00Z', // line 5: later → kept
    ].join('\n');
    const r = await loadFiles([textFile('t.csv', text)]);
    expect(triples(r)).toEqual([
      ['d1', 'a1', 'A>'],
      ['d1', 'a2', '='],
    ]);
    expect(r.rowsDropped).toBe(2);
    expect(r.issues.map((i) => i.row).sort()).toEqual([3, 4]);
  });

  it('loadFiles([shard1, shard2]) lets the later file win a duplicate', async () => {
    const r = await loadFiles([
      textFile('s1.csv', 'example_id,annotator_id,label\np1,a,A\n'),
      textFile('s2.csv', 'example_id,annotator_id,label\np1,a,B\n'),
    ]);
    expect(triples(r)).toEqual([['p1', 'a', 'B>']]);
    expect(r.issues).toEqual([expect.objectContaining({ file: 's1.csv', row: 2 })]);
    expect(r.rowsDropped).toBe(1);
  });

  it('loadFiles([csv]) keeps the same annotator on different dimensions', async () => {
    const r = await loadFiles([
      textFile('dim.csv', 'example_id,annotator_id,dimension,label\np1,a,helpful,A\np1,a,harmless,B\n'),
    ]);
    expect(r.ratings.n).toBe(2);
    expect(r.ratings.dimensions).toEqual(['helpful', 'harmless']);
    expect([...r.ratings.dimension]).toEqual([0, 1]);
    expect(r.rowsDropped).toBe(0);
  });
});

describe('loadFiles: layouts and options', () => {
  it('loadFiles([csv]) with no annotator column gives one synthetic annotator "(single)"', async () => {
    const r = await loadFiles([textFile('trl.csv', 'example_id,label\nx1,A\nx2,B\nx3,A\n')]);
    expect(r.ratings.annotators).toEqual(['(single)']);
    expect(r.ratings.n).toBe(3);
    expect(r.fileInfos[0].role).toBe('judgements');
  });

  it('loadFiles([csv], {labelMap}) reads the raw values through a --label-map', async () => {
    const text = 'example_id,annotator_id,label\np1,a,good\np1,b,bad\np2,a,meh\np2,b,good\n';
    const r = await loadFiles([textFile('m.csv', text)], { labelMap: parseLabelMap('good:A>,bad:B>,meh:=') });
    expect(r.ratings.scale).toBe('3-way');
    expect(triples(r)).toEqual([
      ['p1', 'a', 'A>'],
      ['p1', 'b', 'B>'],
      ['p2', 'a', '='],
      ['p2', 'b', 'A>'],
    ]);
    expect(r.reading.description).toBe('the label map given');
  });

  it('loadFiles([csv], {labelMap}) overrides a reading the values would otherwise get', async () => {
    const text = 'example_id,annotator_id,label\np1,a,1\np1,b,2\np2,a,0\n';
    const auto = await loadFiles([textFile('n.csv', text)]);
    expect(triples(auto).map((t) => t[2])).toEqual(['A>', 'B>', '=']);
    const mapped = await loadFiles([textFile('n.csv', text)], { labelMap: parseLabelMap('0:A>>,1:=,2:B>>') });
    expect(mapped.ratings.scale).toBe('5-point');
    expect(triples(mapped).map((t) => t[2])).toEqual(['=', 'B>>', 'A>>']);
  });

  it('loadFiles([csv], {labelMap}) reports raw values the map leaves out as unknown, also on a binary scale', async () => {
    const r = await loadFiles([textFile('m.csv', 'example_id,annotator_id,label\np1,a,good\np1,b,odd\np2,a,bad\n')], {
      labelMap: { good: 'A>', bad: 'B>' },
    });
    expect(r.ratings.scale).toBe('binary');
    expect(r.issues).toEqual([{ file: 'm.csv', row: 3, column: 'label', message: 'unknown label "odd"' }]);
  });

  it('loadFiles([csv]) on binary A / B data reports an unknown word as unknown', async () => {
    const r = await loadFiles([
      textFile('b.csv', 'example_id,annotator_id,label\np1,a,A\np1,b,B\np2,a,A\np2,b,maybe\n'),
    ]);
    expect(r.ratings.scale).toBe('binary');
    expect(r.issues).toEqual([{ file: 'b.csv', row: 5, column: 'label', message: 'unknown label "maybe"' }]);
  });

  it('loadFiles([csv], {scale}) states the scale: 5-point categories for 3-way data, binary drops ties', async () => {
    const text = 'example_id,annotator_id,label\np1,a,A\np1,b,tie\np2,a,B\n';
    const five = await loadFiles([textFile('s.csv', text)], { scale: '5-point' });
    expect(five.ratings.categories).toEqual(['A>>', 'A>', '=', 'B>', 'B>>']);
    expect([...five.ratings.label]).toEqual([1, 2, 3]);
    const binary = await loadFiles([textFile('s.csv', text)], { scale: 'binary' });
    expect(binary.ratings.categories).toEqual(['A>', 'B>']);
    expect(triples(binary)).toEqual([
      ['p1', 'a', 'A>'],
      ['p2', 'a', 'B>'],
    ]);
    expect(binary.issues).toEqual([
      { file: 's.csv', row: 3, column: 'label', message: 'label "tie" is not on the binary scale' },
    ]);
    expect(binary.rowsDropped).toBe(1);
    const three = await loadFiles([textFile('s.csv', 'example_id,annotator_id,label\np1,a,A>>\np1,b,B>\n')], {
      scale: '3-way',
    });
    expect(three.ratings.categories).toEqual(['A>', '=', 'B>']);
    expect([...three.ratings.label]).toEqual([0, 2]);
  });

  it('loadFiles([csv], {scale: "nominal"}) reads preference words as plain categories', async () => {
    const r = await loadFiles([textFile('s.csv', 'example_id,annotator_id,label\np1,a,B\np1,b,A\n')], {
      scale: 'nominal',
    });
    expect(r.ratings.scale).toBe('nominal');
    expect(r.ratings.categories).toEqual(['A', 'B']);
    expect([...r.ratings.label]).toEqual([1, 0]);
    expect([...r.ratings.fivePoint]).toEqual([-1, -1]);
  });

  it('loadFiles([csv]) reads non-preference labels as nominal categories in sorted order', async () => {
    const r = await loadFiles([textFile('c.csv', 'example_id,annotator_id,label\np1,a,dog\np1,b,cat\np2,a,bird\n')]);
    expect(r.ratings.scale).toBe('nominal');
    expect(r.ratings.categories).toEqual(['bird', 'cat', 'dog']);
    expect([...r.ratings.label]).toEqual([2, 1, 0]);
  });

  it('loadFiles([csv], {files: [{overrides}]}) uses the columns named for item, annotator and label', async () => {
    const text = 'id,question_id,who,verdict_text\n1,q1,alice,A\n2,q1,bob,B\n';
    const r = await loadFiles([textFile('o.csv', text)], {
      files: [{ overrides: { item: 'question_id', annotator: 'who', label: 'verdict_text' } }],
    });
    expect(r.fileInfos[0].mapping).toMatchObject({ item: 'question_id', annotator: 'who', label: 'verdict_text' });
    expect(triples(r)).toEqual([
      ['q1', 'alice', 'A>'],
      ['q1', 'bob', 'B>'],
    ]);
    // the column the guess had taken as item id is now an ordinary column
    expect(r.attributeColumns.concat(r.ratings.slices.map((s) => s.name))).toContain('id');
  });

  it('loadFiles([csv], {files: [{overrides: {wide}}]}) reads the named columns as annotators', async () => {
    const text = 'example_id,alice,bob\np1,A,B\np2,tie,\n';
    const r = await loadFiles([textFile('w.csv', text)], { files: [{ overrides: { wide: ['alice', 'bob'] } }] });
    expect(r.fileInfos[0].mapping).toMatchObject({ shape: 'wide', wide: ['alice', 'bob'] });
    expect(triples(r)).toEqual([
      ['p1', 'alice', 'A>'],
      ['p1', 'bob', 'B>'],
      ['p2', 'alice', '='],
    ]);
  });

  it('loadFiles([csv], {files: [{overrides}]}) naming a missing column throws UnreadableFile naming it', async () => {
    const error = await loadError([textFile('o.csv', 'example_id,annotator_id,label\np1,a,A\n')], {
      files: [{ overrides: { annotator: 'rater' } }],
    });
    expect(error.file).toBe('o.csv');
    expect(error.message).toContain('no column "rater"');
    const wide = await loadError([textFile('o.csv', 'example_id,x\np1,A\n')], {
      files: [{ overrides: { wide: ['x', 'y'] } }],
    });
    expect(wide.message).toContain('no column "y"');
  });

  it('loadFiles([csv], {files: [{format, delimiter}]}) reads the file as stated', async () => {
    const r = await loadFiles([textFile('data.txt', 'example_id|annotator_id|label\np1|a|A\n')], {
      files: [{ format: 'csv', delimiter: '|' }],
    });
    expect(triples(r)).toEqual([['p1', 'a', 'A>']]);
  });
});

describe('loadFiles: unreadable input', () => {
  it('loadFiles([empty file]) throws UnreadableFile saying the file is empty', async () => {
    const error = await loadError([textFile('empty.csv', '')]);
    expect(error.file).toBe('empty.csv');
    expect(error.message).toBe('empty.csv: the file is empty');
  });

  it('loadFiles([header-only file]) throws UnreadableFile saying there are no rows', async () => {
    const error = await loadError([textFile('header.csv', 'example_id,annotator_id,label\n')]);
    expect(error.file).toBe('header.csv');
    expect(error.message).toMatch(/no valid judgement/);
    expect(error.message).toMatch(/header\.csv: the file has a header but no rows/);
  });

  it('loadFiles([csv]) throws UnreadableFile when no row is valid, quoting the first issues', async () => {
    const error = await loadError([textFile('bad.csv', 'example_id,annotator_id,label\n,a,A\np1,,B\n')]);
    expect(error.message).toMatch(
      /^no valid judgement \(bad\.csv row 2: empty item id; bad\.csv row 3: empty annotator id\)$/,
    );
  });

  it('loadFiles([csv]) throws UnreadableFile naming what the columns lack', async () => {
    const error = await loadError([textFile('x.csv', 'foo,bar\n1,2\n')]);
    expect(error.message).toMatch(/x\.csv: no item id column/);
  });

  it('loadFiles([gold only]) throws UnreadableFile: a per-item file alone has no judgements', async () => {
    const error = await loadError([await fixture('gold.csv')]);
    expect(error.message).toMatch(/gold\.csv: no label column/);
  });

  it('loadFiles([valid, empty]) skips the empty file with an issue', async () => {
    const r = await loadFiles([await fixture('annotations.csv'), textFile('empty.csv', '')]);
    expect(r.ratings.n).toBe(6);
    expect(r.issues).toEqual([
      { file: 'empty.csv', row: null, column: null, message: 'the file is empty; the file is skipped' },
    ]);
  });
});

describe('model pair slice', () => {
  it('loadFiles([csv]) derives a model_pair slice with the two names sorted', async () => {
    const text =
      'example_id,annotator_id,label,model_a,model_b\np1,x,A,m1,m2\np1,y,B,m1,m2\np2,x,A,m2,m1\np3,x,tie,m3,m1\n';
    const { ratings } = await loadFiles([{ name: 'm.csv', blob: new Blob([text]) }]);
    const slice = ratings.slices.find((s) => s.name === 'model_pair')!;
    expect(slice.values).toEqual(['m1 vs m2', 'm1 vs m3']);
    expect(Array.from(slice.code)).toEqual([0, 0, 0, 1]);
  });
});

describe('memory budget', () => {
  it('bytesPerJudgement counts the columns a file has: 70 bytes for item, annotator and label, more per time, timestamp and other column', () => {
    const m = (roles: Partial<ColumnMapping>) => ({
      ...emptyMapping(),
      item: 'id',
      annotator: 'who',
      label: 'label',
      ...roles,
    });
    expect(bytesPerJudgement(m({}), ['id', 'who', 'label'])).toBe(70);
    expect(bytesPerJudgement(m({ time: 'secs' }), ['id', 'who', 'label', 'secs', 'domain'])).toBe(82);
    expect(bytesPerJudgement(m({ timestamp: 'at', shownFirst: 'first' }), ['id', 'who', 'label', 'at', 'first'])).toBe(
      79,
    );
    // 30 million judgements with a time and a slice fit the tab's budget; 40 million do not
    const realistic = bytesPerJudgement(m({ time: 'secs' }), ['id', 'who', 'label', 'secs', 'domain']);
    expect(30e6 * realistic).toBeLessThan(DEFAULT_MEMORY_BUDGET);
    expect(40e6 * realistic).toBeGreaterThan(DEFAULT_MEMORY_BUDGET);
  });

  it('loadFiles refuses early, with the size and the alternative, when the judgements would not fit', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `p${i},a${i % 7},A`).join('\n');
    const file = { name: 'big.csv', blob: new Blob([`example_id,annotator_id,label\n${rows}\n`]) };
    // 2,000 judgements of three columns need 2,000 × 70 bytes (bytesPerJudgement): 140 KB
    const error = await loadFiles([file], { memoryBudget: 139_000 }).catch((e) => e);
    expect(error).toBeInstanceOf(UnreadableFile);
    expect(error.message).toMatch(/big\.csv .* holds about 2,000 judgements, which need about 140 KB of memory/);
    expect(error.message).toMatch(/SQL/);
    expect((await loadFiles([file], { memoryBudget: 141_000 })).ratings.n).toBe(2000);
  });
});

describe('codes follow the judgements', () => {
  it('an annotator or label met first in a dropped row is coded when its first judgement comes, and one met only there never is', async () => {
    // regression: the byte reader coded annotators and labels at first sight, dropped rows included
    const text = [
      'example_id,annotator_id,label',
      'p1,late,', // dropped: empty label (late's first judgement comes after early's)
      'p1,,weird', // dropped: empty annotator (its label is never read)
      'p1,ghost,', // dropped: ghost gives no judgement at all
      'p1,early,A',
      'p2,late,B',
      'p2,early,A',
    ].join('\n');
    const r = await loadFiles([{ name: 'd.csv', blob: new Blob([`${text}\n`]) }]);
    expect(r.ratings.annotators).toEqual(['early', 'late']);
    expect(r.issues.map((i) => i.message)).toEqual(['empty label', 'empty annotator id', 'empty label']);
    expect(r.warnings.some((w) => /weird/.test(w.message))).toBe(false);
    expect(Array.from(r.ratings.annotator)).toEqual([0, 1, 0]);
  });
});
