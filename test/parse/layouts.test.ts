// @vitest-environment node
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadFiles, type LoadResult } from '../../src/parse/loadFiles';
import { UnreadableFile } from '../../src/parse/types';
import { judgementRows, goldLabels } from '../helpers/loadFixture';
import { textFile } from '../helpers/loadText';

/** `item annotator label` of every judgement, sorted. */
const rows = (r: LoadResult) =>
  judgementRows(r).map((x) =>
    x
      .split(' | ')
      .filter((_, i) => i !== 2 && i !== 3)
      .join(' '),
  );

describe('header-less crowd files (Get-Another-Label layout)', () => {
  // worker<TAB>item<TAB>label, and a gold file item<TAB>label; the first row is data
  const LABELS = [
    'w1\thttp://a.com\tG',
    'w2\thttp://a.com\tX',
    'w1\thttp://b.com\tP',
    'w3\thttp://b.com\tP',
    'w2\thttp://c.com\tG',
    'w3\thttp://c.com\tG',
    'w1\thttp://d.com\tR',
  ].join('\n');
  const GOLD = 'http://a.com\tG\nhttp://b.com\tP\nhttp://z.com\tX\n';

  it('reads them without a header, the roles guessed from the values, and says so', async () => {
    const r = await loadFiles([textFile('labels.txt', LABELS), textFile('gold.txt', GOLD)]);
    expect(r.fileInfos.map((f) => [f.hasHeader, f.format, f.delimiter, f.role])).toEqual([
      [false, 'tsv', '\t', 'judgements'],
      [false, 'tsv', '\t', 'joined'],
    ]);
    expect(r.fileInfos[0].mapping).toMatchObject({ annotator: 'column 1', item: 'column 2', label: 'column 3' });
    expect(r.fileInfos[1].mapping).toMatchObject({ item: 'column 1', goldLabel: 'column 2' });
    expect(rows(r)).toEqual([
      'http://a.com w1 G',
      'http://a.com w2 X',
      'http://b.com w1 P',
      'http://b.com w3 P',
      'http://c.com w2 G',
      'http://c.com w3 G',
      'http://d.com w1 R',
    ]);
    expect(goldLabels(r)).toEqual({ 'http://a.com': 'G', 'http://b.com': 'P' });
    expect(r.ratings.scale).toBe('nominal');
    const messages = r.warnings.map((w) => `${w.file}: ${w.message}`);
    expect(messages[0]).toMatch(
      /^labels\.txt: the first row looks like data, so the file was read without a header; columns guessed from their values: label = column 3 \(4 distinct values in the first 7 rows\), annotator = column 1 \(3 distinct/,
    );
    expect(messages).toContain('gold.txt: 1 of its 3 rows name pairs that no judgement file holds: left out');
    expect(messages).toContain(
      'labels.txt, gold.txt: the labels "G" / "P" / "R" / "X" are not preference labels: read as 4 nominal categories (agreement and final labels only; no sides, so no position or length bias)',
    );
  });

  it('reads a file with a header as one (header: true) and a header-less one as data when told (header: false)', async () => {
    const withHeader = 'worker\titem\tlabel\nw1\ti1\tA\nw2\ti1\tB\n';
    const r = await loadFiles([textFile('h.tsv', withHeader)]);
    expect(r.fileInfos[0].hasHeader).toBe(true);
    const forced = await loadFiles([textFile('h.tsv', 'w1\ti1\tA\nw2\ti1\tB\nw1\ti2\tA\n')], {
      fileDefaults: { header: false },
    });
    expect(forced.fileInfos[0].header).toEqual(['column 1', 'column 2', 'column 3']);
  });
});

describe('item × annotator matrices without a header, with a gold key of one label per line', () => {
  // 4 items × 5 annotators, labels 0-2, -1 = no label (the layout of Rodrigues' crowd data sets), space-separated
  const MATRIX = '2 -1 2 -1 1\n-1 0 -1 0 -1\n1 1 -1 -1 2\n-1 -1 0 2 -1\n';
  const KEY = '2\n0\n1\n0\n';

  it('reads one row per pair (named by its row), one column per annotator, -1 as no label, and the key by row', async () => {
    const r = await loadFiles([textFile('answers.txt', MATRIX), textFile('labels_train.txt', KEY)], {
      labelsAre: { '*': 'nominal' },
    });
    expect(r.fileInfos[0]).toMatchObject({ hasHeader: false, delimiter: ' ' });
    expect(r.fileInfos[0].mapping).toMatchObject({
      shape: 'wide',
      item: '#row',
      missing: ['-1'],
      wide: ['column 1', 'column 2', 'column 3', 'column 4', 'column 5'],
    });
    expect(r.fileInfos[1].mapping).toMatchObject({ item: '#row', goldLabel: 'column 1' });
    expect(rows(r)).toEqual([
      'row 1 column 1 2',
      'row 1 column 3 2',
      'row 1 column 5 1',
      'row 2 column 2 0',
      'row 2 column 4 0',
      'row 3 column 1 1',
      'row 3 column 2 1',
      'row 3 column 5 2',
      'row 4 column 3 0',
      'row 4 column 4 2',
    ]);
    expect(goldLabels(r)).toEqual({ 'row 1': '2', 'row 2': '0', 'row 3': '1', 'row 4': '0' });
    expect(r.issues).toEqual([]);
  });
});

describe('zip archives, JSON Lines named .json, pairs without ids', () => {
  it('reads each member of a zip archive as a file (folders and macOS metadata left out)', async () => {
    const zip = zipSync({
      'run/annotations.csv': strToU8('example_id,annotator_id,label\np1,a,A\np1,b,B\n'),
      'run/judge.csv': strToU8('example_id,ai_label\np1,A\n'),
      '__MACOSX/run/._annotations.csv': strToU8('junk'),
    });
    const r = await loadFiles([textFile('export.zip', zip)]);
    expect(r.fileInfos.map((f) => [f.name, f.role])).toEqual([
      ['export.zip/run/annotations.csv', 'judgements'],
      ['export.zip/run/judge.csv', 'joined'],
    ]);
    // a judge file named like a judge (judge.csv) is named after its folder
    expect(rows(r)).toEqual(['p1 a A>', 'p1 b B>', 'p1 run A>']);
  });

  it('reads JSON Lines saved as .json', async () => {
    const r = await loadFiles([
      textFile(
        'pairs.json',
        '{"example_id":"p1","annotator_id":"a","label":"A"}\n{"example_id":"p1","annotator_id":"b","label":"tie"}\n',
      ),
    ]);
    expect(r.fileInfos[0].format).toBe('jsonl');
    expect(rows(r)).toEqual(['p1 a A>', 'p1 b =']);
  });

  it('names pairs by their texts when there is no id column, and reads query / response1 / response2 with model1 / model2 / TIE labels', async () => {
    const jsonl = [
      { query: 'Hi?', response1: 'Hello', response2: 'Yo', label: 'model1' },
      { query: 'Hi?', response1: 'Hello', response2: 'Yo', label: 'TIE' },
      { query: '2+2?', response1: '4', response2: '5', label: 'model2' },
    ]
      .map((x) => JSON.stringify(x))
      .join('\n');
    const r = await loadFiles([textFile('pairs.jsonl', jsonl)]);
    expect(r.fileInfos[0].mapping).toMatchObject({
      item: '#content',
      prompt: 'query',
      responseA: 'response1',
      responseB: 'response2',
    });
    expect(r.ratings.items).toHaveLength(2);
    // model1 / model2 name a side by a number, and might be names: ambiguous, asked about
    expect(r.readings[0].reading).toMatchObject({ convention: 'words', ambiguous: true });
    expect(r.readings[0].reading.candidates.map((c) => c.convention)).toEqual(['words', 'nominal']);
    expect(r.ratings.categories).toEqual(['A>', '=', 'B>']);
  });
});

describe('several files, each accounted for', () => {
  const ANNOTATIONS = 'example_id,annotator_id,label\np1,a,A\np1,b,A\np2,a,B\np2,b,B\n';

  it('gives each judge file its own judge, named after the file, with its rows and judgements counted', async () => {
    const r = await loadFiles([
      textFile('annotations.csv', ANNOTATIONS),
      textFile('gpt4o.csv', 'example_id,ai_label\np1,A\np2,A\n'),
      textFile('claude.csv', 'example_id,ai_label\np1,B\np2,B\np9,A\n'),
    ]);
    expect(rows(r)).toEqual([
      'p1 a A>',
      'p1 b A>',
      'p1 claude B>',
      'p1 gpt4o A>',
      'p2 a B>',
      'p2 b B>',
      'p2 claude B>',
      'p2 gpt4o A>',
    ]);
    expect(r.fileStats).toEqual([
      { name: 'annotations.csv', rows: 4, judgements: 4, dropped: 0, judge: null },
      { name: 'gpt4o.csv', rows: 2, judgements: 2, dropped: 0, judge: 'gpt4o' },
      { name: 'claude.csv', rows: 3, judgements: 2, dropped: 1, judge: 'claude' },
    ]);
  });

  it('names judge files that share a name apart (their folders, or a number)', async () => {
    const judge = 'example_id,ai_label\np1,A\np2,B\n';
    const r = await loadFiles([
      textFile('annotations.csv', ANNOTATIONS),
      textFile('GPT-4/result.csv', judge),
      textFile('ChatGPT/result.csv', judge),
      textFile('x/judge.csv', judge),
      textFile('y/judge.csv', judge),
    ]);
    expect(r.fileStats.map((f) => f.judge)).toEqual([null, 'GPT-4', 'ChatGPT', 'x', 'y']);
  });

  it('reports item ids two files share; replaced judgements of one annotator across files say the files likely reuse ids; scoped by file they are two pairs', async () => {
    const a = textFile('batch-1.csv', 'example_id,annotator_id,label\n1,w1,A\n1,w2,A\n2,w1,B\n');
    const b = textFile('batch-2.csv', 'example_id,annotator_id,label\n1,w1,B\n2,w3,B\n');
    const shared = await loadFiles([a, b]);
    expect(shared.ratings.items).toEqual(['1', '2']);
    expect(shared.sharedIds).toEqual([{ file: 'batch-2.csv', with: ['batch-1.csv'], items: 2, crossFileReplaced: 1 }]);
    const messages = shared.warnings.map((w) => w.message);
    expect(messages).toContain(
      '2 of its item ids also occur in batch-1.csv: they were read as the same pairs. If the files hold different pairs that reuse ids, scope the ids by file (the choice on the page, or --item-scope file).',
    );
    expect(
      messages.some((m) =>
        m.startsWith('1 judgements share annotator, item id and dimension with one in another file'),
      ),
    ).toBe(true);
    const scoped = await loadFiles([a, b], { itemScope: 'file' });
    expect(scoped.ratings.items).toEqual(['batch-1.csv: 1', 'batch-1.csv: 2', 'batch-2.csv: 1', 'batch-2.csv: 2']);
    expect(scoped.sharedIds).toEqual([]);
    expect(scoped.rowsDropped).toBe(0);
    // a gold file joined on the id reaches the pair of that id in every file
    const gold = await loadFiles([a, b, textFile('gold.csv', 'example_id,gold_label\n1,A\n')], { itemScope: 'file' });
    expect(goldLabels(gold)).toEqual({ 'batch-1.csv: 1': 'A>', 'batch-2.csv: 1': 'A>' });
  });
});

describe('a failed read carries what each file looked like', () => {
  it('an unknown header gives the problems, the first lines and the likely fix', async () => {
    const error = await loadFiles([textFile('odd.csv', 'who,what,verdict_code\nw1,p1,1\nw2,p1,5\n')]).catch((e) => e);
    expect(error).toBeInstanceOf(UnreadableFile);
    expect(error.inspections).toHaveLength(1);
    const info = error.inspections[0];
    expect(info.head).toEqual(['who,what,verdict_code', 'w1,p1,1', 'w2,p1,5', '']);
    expect(info.problems[0]).toMatch(/^no item id column/);
    expect(info.problems.at(-1)).toMatch(
      /^the first row \("who", "what", "verdict_code"\) names no column prefscope knows: if it is data, read the file as one without a header; else choose the item, annotator and label columns$/,
    );
    // the fix: name the roles
    const r = await loadFiles([textFile('odd.csv', 'who,what,verdict_code\nw1,p1,1\nw2,p1,5\n')], {
      fileDefaults: { overrides: { item: 'what', annotator: 'who', label: 'verdict_code' } },
    });
    expect(rows(r)).toEqual(['p1 w1 A>>', 'p1 w2 B>>']);
  });

  it('a JSON column can be spread into its fields and a field used as a role', async () => {
    const jsonl = [
      '{"task": 1, "completed_by": {"id": 7, "email": "a@x.org"}, "choice": "A"}',
      '{"task": 1, "completed_by": {"id": 8, "email": "b@x.org"}, "choice": "B"}',
    ].join('\n');
    const r = await loadFiles([textFile('tasks.jsonl', jsonl)], {
      fileDefaults: {
        expand: ['completed_by'],
        overrides: { item: 'task', annotator: 'completed_by.email', label: 'choice' },
      },
    });
    expect(r.fileInfos[0].jsonColumns).toEqual(['completed_by']);
    expect(rows(r)).toEqual(['1 a@x.org A>', '1 b@x.org B>']);
  });
});

describe('header-less roles checked over the whole file', () => {
  it('swaps annotator and item when the first rows (sorted by item) made the wrong guess, and says so', async () => {
    // sorted by item: the first rows hold few items and many workers; over the whole file items outnumber workers
    const rows: string[] = [];
    // 2,000 items × 10 labels by 500 workers: the first 1,000 rows hold 100 items and 500 workers
    for (let i = 0; i < 2000; i++)
      for (let w = 0; w < 10; w++)
        rows.push(`id-${String(i).padStart(4, '0')}\tw${(i * 10 + w) % 500}\t${(i + w) % 2 ? 'x' : 'y'}`);
    const r = await loadFiles([textFile('sorted.tsv', rows.join('\n'))]);
    expect(r.fileInfos[0].mapping).toMatchObject({ item: 'column 1', annotator: 'column 2', label: 'column 3' });
    expect([r.ratings.items.length, r.ratings.annotators.length]).toEqual([2000, 500]);
    expect(r.warnings[0].message).toMatch(
      /^the first rows made column 1 the annotator and column 2 the item, but over the whole file column 1 holds 2,000 distinct values and column 2 500: read with the two swapped/,
    );
  });
});
