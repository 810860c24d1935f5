// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { speedPenalty } from '../../src/core/speedPenalty';
import { closeTo } from '../helpers/closeTo';

describe('speedPenalty', () => {
  it('speedPenalty(mean) is mean / 5 below 5 s and 1 from 5 s on (docs/report-schema.md "annotators")', () => {
    closeTo(speedPenalty(4), 0.8, 1e-15);
    closeTo(speedPenalty(0.5), 0.1, 1e-15);
    expect(speedPenalty(5)).toBe(1);
    expect(speedPenalty(600)).toBe(1);
    expect(speedPenalty(0)).toBe(0);
  });

  it('speedPenalty(mean) is NaN without times and never below 0', () => {
    expect(speedPenalty(NaN)).toBeNaN();
    expect(speedPenalty(-3)).toBe(0);
  });

  it('speedPenalty(mean, {fullSpeed}) uses the given full-speed time', () => {
    closeTo(speedPenalty(3, { fullSpeed: 10 }), 0.3, 1e-15);
    expect(speedPenalty(10, { fullSpeed: 10 })).toBe(1);
  });
});
