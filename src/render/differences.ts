import { percent } from '../format';

// How a comparison row is written, on the page and in the HTML report alike.

/** A run's value: a percentage for a share, three decimals for a coefficient. */
export const runValue = (x: number | null, share: boolean) => (x === null ? '—' : share ? percent(x) : x.toFixed(3));

/** B − A with its sign (a true minus): points for a share, three decimals for a coefficient. */
export const signedDelta = (x: number | null, share: boolean) =>
  x === null
    ? '—'
    : `${x > 0 ? '+' : x < 0 ? '−' : ''}${share ? `${Math.abs(100 * x).toFixed(1)} pt` : Math.abs(x).toFixed(3)}`;

/** The interval of B − A, `[−0.52, −0.37]`. */
export const deltaInterval = (ci: [number, number] | null, share: boolean) =>
  ci ? `[${signedDelta(ci[0], share)}, ${signedDelta(ci[1], share)}]` : '—';

/** A (Holm-adjusted) p-value: four decimals, `< 0.0001` below. */
export const pText = (p: number | null | undefined) =>
  p === null || p === undefined ? '—' : p < 1e-4 ? '< 0.0001' : p.toFixed(4);
