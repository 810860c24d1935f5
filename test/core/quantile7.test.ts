// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { quantileSorted } from 'd3-array';
import { quantile7 } from '../../src/core/quantile7';
import { closeTo } from '../helpers/closeTo';

describe('quantile7', () => {
  it('quantile7(sorted, p) matches R quantile(type = 7)', () => {
    // R: quantile(c(1, 2, 3, 4), c(.025, .25, .5, .975)) = 1.075 1.75 2.5 3.925
    const x = [1, 2, 3, 4];
    closeTo(quantile7(x, 0.025), 1.075, 1e-12);
    closeTo(quantile7(x, 0.25), 1.75, 1e-12);
    closeTo(quantile7(x, 0.5), 2.5, 1e-12);
    closeTo(quantile7(x, 0.975), 3.925, 1e-12);
    expect(quantile7(x, 0)).toBe(1);
    expect(quantile7(x, 1)).toBe(4);
  });

  it('quantile7(sorted, p) agrees with d3-array quantileSorted; empty input or a bad p gives NaN', () => {
    const x = Float64Array.from({ length: 37 }, (_, i) => i * i * 0.3);
    for (const p of [0.025, 0.1, 0.5, 0.9, 0.975]) closeTo(quantile7(x, p), quantileSorted(Array.from(x), p)!, 1e-12);
    expect(quantile7([], 0.5)).toBeNaN();
    expect(quantile7([7], 0.3)).toBe(7);
    expect(quantile7([1, 2], 1.5)).toBeNaN();
  });
});
