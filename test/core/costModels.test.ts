import { describe, expect, it } from 'vitest';
import { approachCosts } from '../../src/core/approachCosts';
import { costComparison } from '../../src/core/costComparison';

describe('cost models (closed form, by hand)', () => {
  it('costComparison: pairs × price per approach, the cheapest named', () => {
    const rows = costComparison({ human: 1.5, hybrid: 0.25, ai: 0.02 }, [10_000, 1_000_000]);
    // 10K × $1.50 = $15,000; × $0.25 = $2,500; × $0.02 = $200
    expect(rows[0]).toEqual({ pairs: 10_000, totals: { human: 15_000, hybrid: 2_500, ai: 200 }, cheapest: 'ai' });
    // 1M × $1.50 = $1.5M; $250K; $20K
    expect(rows[1].totals).toEqual({ human: 1_500_000, hybrid: 250_000, ai: 20_000 });
    expect(() => costComparison({ x: -1 }, [1])).toThrow(/invalid price/);
  });

  it('approachCosts: cost range and days to a target', () => {
    const [expert, crowd] = approachCosts(
      [
        { name: 'expert', priceLow: 0.75, priceHigh: 2, perDay: 10_000 },
        { name: 'crowd', priceLow: 0.25, priceHigh: 0.5, perDay: 1e6 },
      ],
      300_000,
    );
    // 300K × $0.75 = $225,000 … × $2 = $600,000; 300K / 10K per day = 30 days
    expect(expert).toEqual({ name: 'expert', cost_low: 225_000, cost_high: 600_000, days: 30 });
    // 300K / 1M per day = 0.3 days
    expect(crowd).toEqual({ name: 'crowd', cost_low: 75_000, cost_high: 150_000, days: 0.3 });
    expect(() => approachCosts([{ name: 'bad', priceLow: 2, priceHigh: 1, perDay: 1 }], 1)).toThrow(/invalid approach/);
  });
});
