// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { goldReplay } from '../../src/core/goldReplay';
import { judgementFilter } from '../../src/core/judgementFilter';
import { AI, type Ratings } from '../../src/core/types';
import { ratingsFromTriples } from '../helpers/buildRatings';

// One annotator's answers as a string: 'R' right gold, 'W' wrong gold, '.' a non-gold label. Gold items are
// gold A>> (code 0); a right answer is A> (same side), a wrong one is '=' (a tie matches only a tie).
function sequence(spec: Record<string, string>): Ratings {
  const triples: [string, string, number][] = [];
  const gold: string[] = [];
  for (const [who, s] of Object.entries(spec)) {
    [...s].forEach((ch, k) => {
      const id = `${who}-${k}`;
      triples.push([id, who, ch === 'W' ? 2 : 1]);
      if (ch !== '.') gold.push(id);
    });
  }
  const ratings = ratingsFromTriples(triples, { scale: '5-point' });
  for (const id of gold) ratings.itemGold[ratings.items.indexOf(id)] = 0;
  return ratings;
}

describe('goldReplay', () => {
  it('goldReplay(ratings) checks correct/answered < 0.6 after every gold answer from the 5th on (row order)', () => {
    const r = goldReplay(
      sequence({
        // w1: gold R R W . W W . . → after the 5th gold (label 6): 2/5 = 0.4 < 0.6 → caught; 2 labels after
        w1: 'RRW.WW..',
        // w2: W W W W then R R R R R R: 4 wrong answers are not checked; 5th gold: 1/5 → caught at label 5
        w2: 'WWWWRRRRRR',
        // w3: R W R W R: 3/5 = 0.6 is not < 0.6; 6th R: 4/6; 7th W: 4/7 = 0.571 → caught at label 7
        w3: 'RWRWRRW',
        // w4: four wrong gold answers only: never checked; w5: no gold at all
        w4: 'WW.WW',
        w5: '...',
      }),
    );
    expect(r.order).toBe('rows');
    expect([...r.labels]).toEqual([8, 10, 7, 5, 3]);
    expect([...r.goldAnswered]).toEqual([5, 10, 7, 4, 0]);
    expect([...r.goldCorrect]).toEqual([2, 6, 4, 0, 0]);
    expect([...r.caught]).toEqual([1, 1, 1, 0, 0]);
    expect([...r.caughtAfterLabels]).toEqual([6, 5, 7, -1, -1]);
    expect([...r.caughtAfterGold]).toEqual([5, 5, 7, -1, -1]);
    expect([...r.goldCorrectAtCatch]).toEqual([2, 1, 4, -1, -1]);
    expect([...r.labelsAfterCatch]).toEqual([2, 5, 0, 0, 0]);
    expect(r.catchJudgement[0]).toBe(5); // w1's 6th row
  });

  it('goldReplay(ratings) orders by timestamp when there is one, rows out of time order', () => {
    // rows: W W W R R R R R, stamped in reverse, so the submission order is R R R R R W W W:
    // 5/5, 5/6, 5/7 = 0.714, 5/8 = 0.625 → never below 0.6. In row order W W W R R gives 2/5 → caught.
    const ratings = sequence({ w1: 'WWWRRRRR' });
    expect(goldReplay(ratings).caught[0]).toBe(1);
    ratings.timestamp = Float64Array.from({ length: 8 }, (_, j) => 1_700_000_000_000 - j * 60_000);
    const r = goldReplay(ratings);
    expect(r.order).toBe('timestamp');
    expect(r.caught[0]).toBe(0);
    expect(r.goldCorrect[0]).toBe(5);
    // with the rule at 0.65: 5/8 = 0.625 < 0.65 at the 8th (last) answer
    const strict = goldReplay(ratings, null, { threshold: 0.65 });
    expect(strict.caughtAfterGold[0]).toBe(8);
    expect(strict.catchJudgement[0]).toBe(0); // the earliest row carries the latest stamp
  });

  it('goldReplay(ratings) keeps row order for equal stamps and replays missing stamps last', () => {
    // rows: R W W W W R, stamps 5, 1, 1, NaN, 1, 1 → order: rows 1, 2, 4, 5 (stamp 1, row order), row 0 (5), row 3 (NaN)
    // gold answers then: W W W R R W → after the 5th: 2/5 → caught at the 5th label (row 0)
    const ratings = sequence({ w1: 'RWWWWR' });
    ratings.timestamp = Float64Array.of(5, 1, 1, NaN, 1, 1);
    const r = goldReplay(ratings);
    expect(r.nMissingTimestamp).toBe(1);
    expect(r.caughtAfterLabels[0]).toBe(5);
    expect(r.catchJudgement[0]).toBe(0);
    expect(r.labelsAfterCatch[0]).toBe(1);
  });

  it('goldReplay(ratings, mask, {minGold, threshold}) uses the selected judgements and the given rule', () => {
    const ratings = sequence({ w1: 'WRR', ai: 'WWWWW' });
    ratings.annotatorKind[1] = AI;
    const r = goldReplay(ratings, judgementFilter(ratings), { minGold: 1, threshold: 0.5 });
    // w1 with M = 1: 0/1 < 0.5 at once; the AI judge is not selected: 0 labels
    expect([...r.caughtAfterGold]).toEqual([1, -1]);
    expect([...r.labels]).toEqual([3, 0]);
  });

  it('goldReplay(ratings) on empty data and a single annotator with fewer than 5 gold', () => {
    const empty = goldReplay(ratingsFromTriples([], { scale: '5-point' }));
    expect(empty.caught.length).toBe(0);
    const few = goldReplay(sequence({ w1: 'WWWW......' }));
    expect([...few.caught]).toEqual([0]);
    expect([...few.goldAnswered]).toEqual([4]);
  });
});
