// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/parse/loadFiles';
import { formatFixtureError, goldLabels, judgementRows, loadFormatFixtures } from '../../helpers/loadFixture';
import { textFile } from '../../helpers/loadText';

describe('Label Studio JSON export', () => {
  it('reads a pairwise project: annotators by id or email, cancelled skipped, ground truth as gold, predictions as an AI judge', async () => {
    const r = await loadFormatFixtures(['label-studio-pairwise.json']);
    expect(r.fileInfos[0].adapter).toBe('label-studio');
    expect(judgementRows(r)).toEqual([
      '101 | 3 | human | overall | A>',
      '101 | bo@example.org | human | overall | A>',
      '101 | gpt-judge-v1 | ai | overall | A>',
      '102 | 3 | human | overall | B>',
      '102 | bo@example.org | human | overall | A>',
      '102 | gpt-judge-v1 | ai | overall | B>',
      '103 | 3 | human | overall | A>',
    ]);
    expect(r.ratings.scale).toBe('binary');
    expect(goldLabels(r)).toEqual({ '102': 'B>' });
    // the ground-truth annotation (annotator 1) is not a judgement; the cancelled one (5) is skipped
    expect(r.ratings.annotators).not.toContain('5');
    expect(r.ratings.annotators).not.toContain('1');
    // an annotation without completed_by is a bad row naming the field and the task's record index
    expect(r.issues.map((i) => [i.row, i.column])).toContainEqual([3, 'annotations[1].completed_by']);
    expect(r.rowsDropped).toBe(1);
    const x = r.ratings;
    const seconds = Array.from(
      { length: x.n },
      (_, j) => `${x.items[x.item[j]]}/${x.annotators[x.annotator[j]]}=${x.time![j]}`,
    );
    expect(seconds).toContain('101/3=12.5');
    expect(seconds).toContain('102/bo@example.org=9.5');
    const confidence = Array.from({ length: x.n }, (_, j) => x.aiConfidence![j])
      .filter((c) => !Number.isNaN(c))
      .sort();
    expect(confidence).toEqual([0.55, 0.91]);
    expect(r.texts.prompt[x.items.indexOf('102')]).toBe("Translate 'chat' to English.");
    expect(r.texts.responseA[x.items.indexOf('102')]).toBe('dog');
    expect(r.texts.responseB[x.items.indexOf('102')]).toBe('cat');
  });

  it('reads choices with a tie and five points; a second question is its own dimension', async () => {
    const r = await loadFormatFixtures(['label-studio-choices.json']);
    expect(r.ratings.scale).toBe('5-point');
    expect(r.ratings.dimensions).toEqual(['overall', 'helpfulness']);
    const overall = judgementRows(r).filter((row) => row.includes('| overall |'));
    expect(overall).toEqual([
      '1 | 11 | human | overall | A>>',
      '1 | 12 | human | overall | A>',
      '2 | 11 | human | overall | =',
      '2 | 12 | human | overall | B>',
      '3 | 11 | human | overall | B>>',
      '3 | 12 | human | overall | B>>',
      '3 | rm-7b | ai | overall | B>',
    ]);
    expect(judgementRows(r).filter((row) => row.includes('helpfulness'))).toHaveLength(6);
    expect(r.texts.prompt[0]).toBe('Write a haiku about rain.');
  });

  it('says which field a near-miss file lacks', async () => {
    const message = await formatFixtureError(['label-studio-no-annotations.json']);
    expect(message).toContain('Label Studio');
    expect(message).toContain('`annotations`');
    expect(message).toMatch(/record 1 lacks|records 1–\d+ has/);
  });

  it('can be read as a plain table when the user says so (and then says what is missing)', async () => {
    const message = await formatFixtureError(['label-studio-pairwise.json'], { file: { adapter: 'table' } });
    expect(message).toMatch(/no label column/);
  });

  it('counts a user once whether completed_by is the id or an object {id, email}, shown under the email', async () => {
    const pair = (id: number, by: unknown, selected: string) => ({
      id,
      data: { prompt: 'p', answer1: 'x', answer2: 'y' },
      annotations: [
        { id: id * 10, completed_by: by, result: [{ from_name: 'pairwise', type: 'pairwise', value: { selected } }] },
      ],
    });
    const tasks = [pair(1, 4, 'left'), pair(2, { id: 4, email: 'bo@example.org' }, 'right'), pair(3, 4, 'right')];
    const r = await loadFiles([textFile('mixed.json', JSON.stringify(tasks))]);
    expect(judgementRows(r)).toEqual([
      '1 | bo@example.org | human | overall | A>',
      '2 | bo@example.org | human | overall | B>',
      '3 | bo@example.org | human | overall | B>',
    ]);
    expect(r.ratings.annotators).toEqual(['bo@example.org']);
  });
});
