import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { winRateMatrix } from '../../src/charts/judgeCharts';
import type { ModelRatings } from '../../src/sections/modelRatings';

describe('winRateMatrix', () => {
  it('fills each cell by its win rate on the diverging scale, none black (regression: percent: true put the shares outside the domain)', () => {
    const ratings = {
      matrix: {
        models: ['m1', 'm2', 'm3'],
        win_rate: [
          [null, 0.9, 0.5],
          [0.1, null, 0.3],
          [0.5, 0.7, null],
        ],
        comparisons: [
          [0, 10, 4],
          [10, 0, 6],
          [4, 6, 0],
        ],
      },
    } as unknown as ModelRatings;
    const spec = winRateMatrix(ratings);
    // the legend's colour ramp needs a canvas, which jsdom lacks: the cells alone
    const svg = Plot.plot({ ...spec, color: { ...spec.color, legend: false }, document }) as unknown as Element;
    const fills = [...svg.querySelectorAll('g[aria-label="cell"] rect')].map((r) => r.getAttribute('fill'));
    expect(fills.length).toBe(6);
    // a win rate of 0.5 sits on the pivot: the middle colour; 0.1 and 0.9 on opposite ends; none is black
    const colour = (rate: number) => fills[[0.9, 0.5, 0.1, 0.3, 0.5, 0.7].indexOf(rate)];
    expect(fills.every((f) => f && f !== 'rgb(0, 0, 0)' && f !== 'black' && f !== '#000000')).toBe(true);
    expect(colour(0.1)).not.toBe(colour(0.9));
    expect(new Set(fills).size).toBeGreaterThanOrEqual(4);
  });
});
