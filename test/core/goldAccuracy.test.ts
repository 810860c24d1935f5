// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { goldAccuracy } from '../../src/core/goldAccuracy';
import { wilsonInterval } from '../../src/core/wilsonInterval';
import { judgementFilter } from '../../src/core/judgementFilter';
import { AI, type Ratings } from '../../src/core/types';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { closeTo } from '../helpers/closeTo';

function setGold(r: Ratings, gold: Record<string, number>): Ratings {
  for (const [id, g] of Object.entries(gold)) r.itemGold[r.items.indexOf(id)] = g;
  return r;
}

// 5-point codes: 0 A>>, 1 A>, 2 =, 3 B>, 4 B>>
function fivePointCase(): Ratings {
  return setGold(
    ratingsFromTriples(
      [
        ['g1', 'w1', 1], // gold A>> (0): exact no, directional yes (A side)
        ['g2', 'w1', 2], // gold = (2): exact yes, directional yes
        ['g3', 'w1', 2], // gold B> (3): exact no, directional no (a tie matches only a tie)
        ['g4', 'w1', 1], // gold = (2): exact no, directional no
        ['x1', 'w1', 4], // not gold: ignored
        ['g1', 'w2', 0], // exact, directional
        ['x1', 'w3', 0], // w3: no gold at all
      ],
      { scale: '5-point' },
    ),
    { g1: 0, g2: 2, g3: 3, g4: 2 },
  );
}

describe('goldAccuracy', () => {
  it('goldAccuracy(ratings) counts exact and same-side matches on gold items (5-point)', () => {
    const r = goldAccuracy(fivePointCase());
    // w1: n = 4, exact 1 (g2) → 1/4, directional 2 (g1, g2) → 2/4; w2: 1/1, 1/1
    expect([...r.n]).toEqual([4, 1, 0]);
    expect([...r.correctExact]).toEqual([1, 1, 0]);
    expect([...r.correctDirectional]).toEqual([2, 1, 0]);
    closeTo(r.exact[0], 0.25, 1e-15);
    closeTo(r.directional[0], 0.5, 1e-15);
    expect(r.exact[1]).toBe(1);
    // w3 answered no gold item: NaN with n = 0
    expect(r.exact[2]).toBeNaN();
    expect(r.directional[2]).toBeNaN();
    // the Wilson interval of 2/4: centre (0.5 + 0.48018)/1.96036 = 0.5, by symmetry
    const [lo, hi] = wilsonInterval(r.correctDirectional[0], r.n[0]);
    closeTo((lo + hi) / 2, 0.5, 1e-12);
    expect(wilsonInterval(r.correctDirectional[2], r.n[2])).toEqual([NaN, NaN]);
  });

  it('goldAccuracy(ratings, mask) uses only the selected judgements', () => {
    const ratings = fivePointCase();
    ratings.annotatorKind[0] = AI; // w1 becomes an AI judge: the default filter drops it
    const r = goldAccuracy(ratings, judgementFilter(ratings));
    expect([...r.n]).toEqual([0, 1, 0]);
    expect(r.directional[0]).toBeNaN();
  });

  it('goldAccuracy(ratings) on nominal data: directional = exact', () => {
    const ratings = setGold(
      ratingsFromTriples([
        ['i1', 'w1', 'cat'],
        ['i2', 'w1', 'dog'],
        ['i3', 'w1', 'dog'],
        ['i1', 'w2', 'dog'],
      ]),
      { i1: 0, i2: 0, i3: 1 }, // categories sorted: cat = 0, dog = 1
    );
    const r = goldAccuracy(ratings);
    // w1: i1 cat=cat ✓, i2 dog≠cat ✗, i3 dog=dog ✓ → 2/3; w2: i1 dog≠cat → 0/1
    closeTo(r.exact[0], 2 / 3, 1e-15);
    expect([...r.directional]).toEqual([...r.exact]);
    expect(r.exact[1]).toBe(0);
  });

  it('goldAccuracy(ratings) without gold items gives n = 0 and NaN for everyone', () => {
    const r = goldAccuracy(
      ratingsFromTriples(
        [
          ['i1', 'w1', 0],
          ['i1', 'w2', 1],
        ],
        { scale: '5-point' },
      ),
    );
    expect([...r.n]).toEqual([0, 0]);
    expect(r.exact.every(Number.isNaN)).toBe(true);
    const empty = goldAccuracy(ratingsFromTriples([], { scale: '5-point' }));
    expect(empty.n.length).toBe(0);
  });

  it('goldAccuracy(ratings) compares sides, not strengths: B>> answers a B> gold directionally', () => {
    // gold B> (3): w1 says B>> (4) → same side, not exact; w2 says A> (1) → neither
    const ratings = setGold(
      ratingsFromTriples(
        [
          ['g', 'w1', 4],
          ['g', 'w2', 1],
        ],
        { scale: '5-point' },
      ),
      { g: 3 },
    );
    const r = goldAccuracy(ratings);
    expect([...r.correctExact]).toEqual([0, 0]);
    expect([...r.correctDirectional]).toEqual([1, 0]);
  });
});
