import { describe, expect, it } from 'vitest';
import { deltaInterval, pText, runValue, signedDelta } from '../../src/render/differences';

describe('differences', () => {
  it('writes coefficients with three decimals and shares as percentages and points, with a true minus', () => {
    expect(runValue(0.71149, false)).toBe('0.711');
    expect(runValue(0.319, true)).toBe('31.9%');
    expect(runValue(null, false)).toBe('—');
    expect(signedDelta(-0.4461, false)).toBe('−0.446');
    expect(signedDelta(0.011, true)).toBe('+1.1 pt');
    expect(signedDelta(0, false)).toBe('0.000');
    expect(deltaInterval([-0.519, -0.374], false)).toBe('[−0.519, −0.374]');
    expect(deltaInterval(null, true)).toBe('—');
    expect(pText(3e-9)).toBe('< 0.0001');
    expect(pText(0.2)).toBe('0.2000');
    expect(pText(null)).toBe('—');
  });
});
