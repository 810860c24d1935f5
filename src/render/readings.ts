import { interpretationBand } from '../core/interpretationBand';
import { coefficient, percent } from '../format';

/** One plain-language line for a chance-corrected coefficient: its band and what to do. */
export function bandReading(value: number | null): string {
  const band = interpretationBand(value);
  return band
    ? `${band.label.toLowerCase()}: ${band.action.charAt(0).toLowerCase()}${band.action.slice(1)}`
    : 'undefined';
}

export function withInterval(value: number | null, ci: [number, number] | null | undefined, share = false): string {
  const f = share ? percent : coefficient;
  if (value === null) return '—';
  return ci ? `${f(value)} [${f(ci[0])}, ${f(ci[1])}]` : f(value);
}

export function bandStatus(value: number | null): 'good' | 'warning' | 'flagged' | 'neutral' {
  if (value === null) return 'neutral';
  return value >= 0.61 ? 'good' : value >= 0.41 ? 'warning' : 'flagged';
}
