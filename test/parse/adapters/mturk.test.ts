// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { answerValue } from '../../../src/parse/adapters/mturk';
import { judgementRows, loadFormatFixtures } from '../../helpers/loadFixture';

/** Per judgement `item / annotator = seconds`. */
function seconds(r: Awaited<ReturnType<typeof loadFormatFixtures>>): string[] {
  const x = r.ratings;
  return Array.from(
    { length: x.n },
    (_, j) => `${x.items[x.item[j]]} / ${x.annotators[x.annotator[j]]} = ${x.time![j]}`,
  ).sort();
}

describe('Mechanical Turk batch results', () => {
  // mturk-batch-results.csv: HIT 1 (pairs p-101, p-102) answered by A2Q8… (A, A; 120 s), A1YH… (A, tie; 99 s) and
  // A3BOT… (rejected); HIT 2 (p-103, p-104) by A2Q8… (B, A; 80 s), its row shorter than the header (Approve and
  // Reject left out), as MTurk writes trailing empty fields. Answer.comments is a remark, not a verdict.
  it('reads one judgement per task of each assignment, by WorkerId, skipping the rejected one', async () => {
    const r = await loadFormatFixtures(['mturk-batch-results.csv']);
    expect(r.fileInfos[0].adapter).toBe('mturk');
    expect(judgementRows(r)).toEqual([
      'p-101 | A1YH7T3WQ0BZ9M | human | overall | A>',
      'p-101 | A2Q8LJ5XRTN4KD | human | overall | A>',
      'p-102 | A1YH7T3WQ0BZ9M | human | overall | =',
      'p-102 | A2Q8LJ5XRTN4KD | human | overall | A>',
      'p-103 | A2Q8LJ5XRTN4KD | human | overall | B>',
      'p-104 | A2Q8LJ5XRTN4KD | human | overall | A>',
    ]);
    // WorkTimeInSeconds shared by the assignment's two tasks
    expect(seconds(r)).toEqual([
      'p-101 / A1YH7T3WQ0BZ9M = 49.5',
      'p-101 / A2Q8LJ5XRTN4KD = 60',
      'p-102 / A1YH7T3WQ0BZ9M = 49.5',
      'p-102 / A2Q8LJ5XRTN4KD = 60',
      'p-103 / A2Q8LJ5XRTN4KD = 40',
      'p-104 / A2Q8LJ5XRTN4KD = 40',
    ]);
    const i = r.ratings.items.indexOf('p-104');
    expect([r.texts.prompt[i], r.texts.responseA[i], r.texts.responseB[i]]).toEqual(['2 + 2 = ?', '4', 'four, or 5']);
    expect(r.issues).toEqual([
      {
        file: 'mturk-batch-results.csv',
        row: 4,
        column: 'AssignmentStatus',
        message: 'assignment 3XR5GZ0QJ8MCK2YW7NLD4HT9PBE6FA by A3BOT9Z1Q2W3E4 was rejected; skipped',
      },
    ]);
    expect(r.rowsDropped).toBe(1);
    expect(r.fileStats).toEqual([{ name: 'mturk-batch-results.csv', rows: 4, judgements: 6, dropped: 1, judge: null }]);
    expect(r.warnings.map((w) => w.message)).toEqual([
      '1 row has fewer fields than the header (40; first at line 5): the missing trailing fields were read as empty',
      'rejected assignments were skipped',
    ]);
    // SubmitTime, written the way Java prints a date, is the timestamp
    expect(r.ratings.timestamp![0]).toBe(Date.parse('2024-04-08T10:04:09-07:00'));
  });

  it("reads crowd-html answers (Answer.taskAnswers): a classifier's label and the checked radio button", async () => {
    const r = await loadFormatFixtures(['mturk-task-answers.csv']);
    expect(judgementRows(r)).toEqual([
      'ex-1 | W1 | human | overall | A>',
      'ex-1 | W2 | human | overall | B>',
      'ex-2 | W1 | human | overall | =',
      'ex-2 | W2 | human | overall | B>',
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('answerValue(v) reads text, a {label}, {labels: […]} and a radio group {A: false, B: true}', () => {
    expect(answerValue('A')).toBe('A');
    expect(answerValue('{"label":"Response B"}')).toBe('Response B');
    expect(answerValue({ labels: ['tie', 'A'] })).toBe('tie');
    expect(answerValue({ A: false, B: true, tie: false })).toBe('B');
    // no box or two boxes checked: no answer
    expect(answerValue({ A: false, B: false })).toBe('');
    expect(answerValue({ A: true, B: true })).toBe('');
  });
});
