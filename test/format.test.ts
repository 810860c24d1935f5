// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bytes, coefficient, count, money, percent, points, probability } from '../src/format';

// Hand-written expectations: one format per kind of quantity, wherever it is shown.
describe('number formats', () => {
  it('count, percent, points: separators, one decimal, signed percentage points', () => {
    expect(count(1234567)).toBe('1,234,567');
    expect(percent(0.9455)).toBe('94.5%');
    expect(percent(1)).toBe('100.0%');
    expect(points(0.057)).toBe('+5.7 pts');
    expect(points(-0.0021, 2)).toBe('−0.21 pts');
    expect(points(0)).toBe('+0.0 pts');
  });

  it('coefficient and probability: three decimals, a dash when undefined', () => {
    expect(coefficient(0.58549)).toBe('0.585');
    expect(coefficient(null)).toBe('—');
    expect(coefficient(NaN)).toBe('—');
    expect(probability(0.9176)).toBe('0.918');
    expect(probability(null)).toBe('—');
  });

  it('money: cents below $100, whole dollars up to a million, then millions', () => {
    expect(money(0.3)).toBe('$0.30');
    expect(money(5)).toBe('$5.00');
    expect(money(99.994)).toBe('$99.99');
    expect(money(12345.6)).toBe('$12,346');
    expect(money(2_345_000)).toBe('$2.35M');
  });

  it('bytes: B, KB, MB, GB', () => {
    expect(bytes(512)).toBe('512 B');
    expect(bytes(1536)).toBe('1.5 KB');
    expect(bytes(94 * 1024 ** 2)).toBe('94.0 MB');
    expect(bytes(3 * 1024 ** 3)).toBe('3.00 GB');
  });
});
