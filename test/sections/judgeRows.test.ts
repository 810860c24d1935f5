// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { judgeRows } from '../../src/sections/judgeRows';
import { textFile } from '../helpers/loadText';

// humans x, y, z; the judge agrees with the human majority on p1, p2 (not p3); gold on p1 (right) and p3 (wrong)
const CSV = `example_id,annotator_id,label,ai_label,gold_label
p1,x,A,A,A
p1,y,A,A,A
p1,z,B,A,A
p2,x,B,B,
p2,y,B,B,
p3,x,A,B,A
p3,y,A,B,A
p3,z,A,B,A
`;

describe('judgeRows', () => {
  it('scores each AI judge with the annotator table rules (hand-computed)', async () => {
    const loaded = await loadFiles([textFile('j.csv', CSV)]);
    const [row] = judgeRows(loaded.ratings);
    expect(row.id).toBe('ai_judge');
    expect(row.kind).toBe('ai');
    expect(row.labels).toBe(3);
    // gold: p1 right, p3 wrong → 1 / 2 (directional and exact)
    expect(row.gold_n).toBe(2);
    expect(row.gold_accuracy_directional).toBe(0.5);
    // majority of the humans: p1 A (2:1), p2 B, p3 A → the judge agrees on 2 of 3
    expect(row.majority_n).toBe(3);
    expect(row.majority_agreement).toBeCloseTo(2 / 3, 12);
    expect(row.mean_time_s).toBeNull();
  });

  it('leaves removed humans out of the majority', async () => {
    const loaded = await loadFiles([textFile('j.csv', CSV)]);
    const x = loaded.ratings.annotators.indexOf('x');
    // without x: p1 has y A and z B (no unique plurality), p2 only y (fewer than 2), p3 y A and z A → the judge's B disagrees
    const [row] = judgeRows(loaded.ratings, { removed: [x] });
    expect(row.majority_n).toBe(1);
    expect(row.majority_agreement).toBe(0);
  });
});
