export interface InterpretationBand {
  /** [lower, upper): half-open, except the top band, which includes 1 */
  range: [number, number];
  label: string;
  action: string;
}

export const BANDS: readonly InterpretationBand[] = [
  { range: [0.81, 1], label: 'Almost perfect agreement', action: 'Ready for training' },
  { range: [0.61, 0.81], label: 'Substantial agreement', action: 'Acceptable with majority voting' },
  { range: [0.41, 0.61], label: 'Moderate agreement', action: 'Revise guidelines, add training examples' },
  { range: [0.21, 0.41], label: 'Fair agreement', action: 'Task may be too subjective, simplify rubric' },
  { range: [-1, 0.21], label: 'Slight agreement', action: 'Task is broken, redesign completely' },
];

/**
 * The interpretation band of an agreement value (`docs/report-schema.md` "band", after Landis & Koch 1977):
 * half-open ranges [0.81, 1] almost perfect, [0.61, 0.81) substantial, [0.41, 0.61) moderate,
 * [0.21, 0.41) fair, below 0.21 slight. A null or NaN value gets no band (null).
 */
export function interpretationBand(value: number | null | undefined): InterpretationBand | null {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const band = BANDS.find((b) => value >= b.range[0]) ?? BANDS[BANDS.length - 1];
  return { range: [band.range[0], band.range[1]], label: band.label, action: band.action };
}
