// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { textFile } from '../helpers/loadText';

const WIDE = `id,annotator1,annotator2,annotator3
q1,1,1,2
q2,0,2,2
q3,2,2,2
`;
const JUDGE_WORDS = `id,judge_label
q1,A
q2,tie
q3,B
`;

/** `item annotator label` of every judgement. */
function rows(r: Awaited<ReturnType<typeof loadFiles>>): string[] {
  const x = r.ratings;
  return Array.from(
    { length: x.n },
    (_, j) => `${x.items[x.item[j]]} ${x.annotators[x.annotator[j]]} ${x.categories[x.label[j]]}`,
  ).sort();
}

describe('label readings per file', () => {
  it('annotations coded 0 / 1 / 2 and a judge file in words are each read with their own reading', async () => {
    const r = await loadFiles([textFile('wide.csv', WIDE), textFile('judge.csv', JUDGE_WORDS)]);
    expect(r.ratings.scale).toBe('3-way');
    expect(r.reading.description).toMatch(/^each file its own reading/);
    expect(rows(r)).toEqual(
      [
        'q1 judge A>',
        'q1 annotator1 A>',
        'q1 annotator2 A>',
        'q1 annotator3 B>',
        'q2 judge =',
        'q2 annotator1 =',
        'q2 annotator2 B>',
        'q2 annotator3 B>',
        'q3 judge B>',
        'q3 annotator1 B>',
        'q3 annotator2 B>',
        'q3 annotator3 B>',
      ].sort(),
    );
    expect(r.issues).toEqual([]);
  });

  it('files that share a reading keep the single reading', async () => {
    const r = await loadFiles([
      textFile('wide.csv', WIDE),
      textFile('judge.csv', 'id,judge_label\nq1,1\nq2,0\nq3,2\n'),
    ]);
    expect(r.reading.description).not.toMatch(/each file/);
    expect(r.ratings.scale).toBe('3-way');
  });

  it('a stated nominal scale reads everything as categories', async () => {
    const r = await loadFiles([textFile('wide.csv', WIDE), textFile('judge.csv', JUDGE_WORDS)], { scale: 'nominal' });
    expect(r.ratings.scale).toBe('nominal');
    expect(r.ratings.categories).toHaveLength(6);
  });
});
