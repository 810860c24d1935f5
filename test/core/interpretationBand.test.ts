// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { interpretationBand } from '../../src/core/interpretationBand';

describe('interpretationBand', () => {
  it('interpretationBand(value) uses the half-open ranges of docs/report-schema.md', () => {
    expect(interpretationBand(0.7)).toEqual({
      range: [0.61, 0.81],
      label: 'Substantial agreement',
      action: 'Acceptable with majority voting',
    });
    expect(interpretationBand(0.81)?.label).toBe('Almost perfect agreement');
    expect(interpretationBand(1)?.action).toBe('Ready for training');
    expect(interpretationBand(0.8099999)?.label).toBe('Substantial agreement');
    expect(interpretationBand(0.61)?.label).toBe('Substantial agreement');
    expect(interpretationBand(0.6099)).toMatchObject({
      label: 'Moderate agreement',
      action: 'Revise guidelines, add training examples',
    });
    expect(interpretationBand(0.41)?.label).toBe('Moderate agreement');
    expect(interpretationBand(0.4)).toMatchObject({
      label: 'Fair agreement',
      action: 'Task may be too subjective, simplify rubric',
    });
    expect(interpretationBand(0.21)?.label).toBe('Fair agreement');
    expect(interpretationBand(0.2099)).toMatchObject({
      label: 'Slight agreement',
      action: 'Task is broken, redesign completely',
      range: [-1, 0.21],
    });
    expect(interpretationBand(-0.4)?.label).toBe('Slight agreement');
  });

  it('interpretationBand(null) and NaN get no band', () => {
    expect(interpretationBand(null)).toBeNull();
    expect(interpretationBand(NaN)).toBeNull();
    expect(interpretationBand(undefined)).toBeNull();
  });
});
