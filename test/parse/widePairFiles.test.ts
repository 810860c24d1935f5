// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../src/parse/loadFiles';
import { judgementRows, loadFormatFixtures } from '../helpers/loadFixture';

// Wide pair files read by the generic table path (no adapter): one row per pair, one column per annotator
// holding 0 = tie, 1 = first response better, 2 = second better; a judge file joined on the item id.
// wide-pairs.csv / wide-pairs.jsonl: q1 1,1,2 · q2 1,1,1 · q3 0,–,0 · q4 2,0,2 (the JSONL lacks q4's annotator3);
// wide-pairs-judge.csv: id,judge_label; wide-pairs-judge.tsv: id,ai_label,ai_confidence (+ q9, not a pair).

const HUMAN_ROWS = [
  'q1 | annotator1 | human | overall | A>',
  'q1 | annotator2 | human | overall | A>',
  'q1 | annotator3 | human | overall | B>',
  'q2 | annotator1 | human | overall | A>',
  'q2 | annotator2 | human | overall | A>',
  'q2 | annotator3 | human | overall | A>',
  'q3 | annotator1 | human | overall | =',
  'q3 | annotator3 | human | overall | =',
  'q4 | annotator1 | human | overall | B>',
  'q4 | annotator2 | human | overall | =',
];
const JUDGE_ROWS = [
  'q1 | wide-pairs-judge | ai | overall | A>',
  'q2 | wide-pairs-judge | ai | overall | A>',
  'q3 | wide-pairs-judge | ai | overall | B>',
  'q4 | wide-pairs-judge | ai | overall | B>',
];

function text(r: LoadResult, item: string) {
  const i = r.ratings.items.indexOf(item);
  return [r.texts.prompt[i], r.texts.responseA[i], r.texts.responseB[i]];
}

describe('wide pair files (generic table path)', () => {
  it('loadFiles([wide csv, judge csv]) reads one judgement per annotator cell and the judge label per item', async () => {
    const r = await loadFormatFixtures(['wide-pairs.csv', 'wide-pairs-judge.csv']);
    expect(r.fileInfos.map((f) => [f.adapter, f.role])).toEqual([
      ['csv', 'judgements'],
      ['csv', 'joined'],
    ]);
    expect(r.fileInfos[0].mapping).toMatchObject({
      shape: 'wide',
      item: 'id',
      wide: ['annotator1', 'annotator2', 'annotator3'],
      prompt: 'prompt',
      responseA: 'response_a',
      responseB: 'response_b',
    });
    expect(r.fileInfos[1].mapping).toMatchObject({ item: 'id', aiLabel: 'judge_label' });
    expect(r.ratings.scale).toBe('3-way');
    expect(judgementRows(r)).toEqual([...HUMAN_ROWS, 'q4 | annotator3 | human | overall | B>', ...JUDGE_ROWS].sort());
    expect(r.ratings.items).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(r.ratings.annotators).toEqual(['annotator1', 'annotator2', 'annotator3', 'wide-pairs-judge']);
    expect(text(r, 'q1')).toEqual([
      'Summarise the report, briefly.',
      'Short summary.',
      'A longer summary\nover two lines.',
    ]);
    expect(text(r, 'q2')).toEqual(['What is 7*6?', '42', '43']);
    expect(r.issues).toEqual([]);
    expect(r.rowsDropped).toBe(0);
  });

  it('loadFiles([wide csv, judge csv]) gives each judgement the line where its row starts (a quoted cell spans two lines)', async () => {
    const r = await loadFormatFixtures(['wide-pairs.csv', 'wide-pairs-judge.csv']);
    const x = r.ratings;
    const rowOf = (item: string, annotator: string) => {
      for (let j = 0; j < x.n; j++)
        if (x.items[x.item[j]] === item && x.annotators[x.annotator[j]] === annotator)
          return [r.files[r.file[j]], r.row[j]];
      return null;
    };
    expect(rowOf('q1', 'annotator3')).toEqual(['wide-pairs.csv', 2]);
    expect(rowOf('q2', 'annotator1')).toEqual(['wide-pairs.csv', 4]);
    expect(rowOf('q4', 'annotator2')).toEqual(['wide-pairs.csv', 6]);
    expect(rowOf('q3', 'wide-pairs-judge')).toEqual(['wide-pairs-judge.csv', 4]);
  });

  it('loadFiles([wide jsonl, judge tsv]) reads numbers and nulls, the judge confidence, and reports a judged pair not in the annotations', async () => {
    const r = await loadFormatFixtures(['wide-pairs.jsonl', 'wide-pairs-judge.tsv']);
    expect(r.fileInfos.map((f) => [f.adapter, f.role])).toEqual([
      ['jsonl', 'judgements'],
      ['tsv', 'joined'],
    ]);
    expect(r.fileInfos[0].mapping).toMatchObject({
      shape: 'wide',
      item: 'id',
      wide: ['annotator1', 'annotator2', 'annotator3'],
    });
    expect(r.fileInfos[1].mapping).toMatchObject({ item: 'id', aiLabel: 'ai_label', aiConfidence: 'ai_confidence' });
    expect(judgementRows(r)).toEqual([...HUMAN_ROWS, ...JUDGE_ROWS].sort());
    expect(r.ratings.scale).toBe('3-way');
    const x = r.ratings;
    const confidence = Object.fromEntries(
      Array.from({ length: x.n }, (_, j) => j)
        .filter((j) => x.annotators[x.annotator[j]] === 'wide-pairs-judge')
        .map((j) => [x.items[x.item[j]], x.aiConfidence![j]]),
    );
    expect(confidence).toEqual({ q1: 0.9, q2: 0.8, q3: 0.55, q4: 0.7 });
    const humanConfidence = Array.from({ length: x.n }, (_, j) => j)
      .filter((j) => x.annotators[x.annotator[j]] !== 'wide-pairs-judge')
      .map((j) => x.aiConfidence![j]);
    expect(humanConfidence.every(Number.isNaN)).toBe(true);
    expect(text(r, 'q1')).toEqual([
      'Summarise the report, briefly.',
      'Short summary.',
      'A longer summary\nover two lines.',
    ]);
    expect(r.issues).toEqual([
      { file: 'wide-pairs-judge.tsv', row: 6, column: 'id', message: 'item "q9" is not in the annotations' },
    ]);
    expect(r.rowsDropped).toBe(1);
    expect(x.items).not.toContain('q9');
  });
});
