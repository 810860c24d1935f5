import { describe, expect, it } from 'vitest';
import { powerOfTen } from '../../src/charts/finalLabelCharts';

describe('powerOfTen(x)', () => {
  it('writes powers of ten with superscripts and leaves the ticks between them empty', () => {
    expect(powerOfTen(1e-6)).toBe('10⁻⁶');
    expect(powerOfTen(0.1)).toBe('10⁻¹');
    expect(powerOfTen(1)).toBe('10⁰');
    expect(powerOfTen(100)).toBe('10²');
    expect(powerOfTen(3e-4)).toBe('');
  });
});
