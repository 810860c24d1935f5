import type { AgreementSection } from '../../src/sections/agreementSection';
import type { AnnotatorRow } from '../../src/sections/annotatorsSection';

/**
 * Asserts two JSON-like values are equal, numbers within `tol` (absolute, or relative for large
 * values), naming the first differing path.
 */
export function expectClose(actual: unknown, expected: unknown, tol = 1e-9, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (!(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected))))
      throw new Error(`${path}: ${actual} differs from ${expected} by ${actual - expected}`);
    return;
  }
  if (Array.isArray(expected) || (expected && typeof expected === 'object')) {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual) !== Array.isArray(expected))
      throw new Error(`${path}: ${JSON.stringify(actual)} is not like ${JSON.stringify(expected)}`);
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys)
      expectClose(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        tol,
        `${path}.${k}`,
      );
    return;
  }
  if (actual !== expected) throw new Error(`${path}: ${JSON.stringify(actual)} !== ${JSON.stringify(expected)}`);
}

type Pair = AgreementSection['cohen_pairs'][number];
const pairKey = (p: Pair) => (p.a < p.b ? `${p.a}|${p.b}` : `${p.b}|${p.a}`);
const pairs = (list: Pair[]) =>
  Object.fromEntries(
    list.map((p) => [
      pairKey(p),
      { n: p.n, kappa: p.kappa, kappa_linear: p.kappa_linear, kappa_quadratic: p.kappa_quadratic },
    ]),
  );

/**
 * An agreement section in a comparable form: Cohen pairs keyed by the unordered pair (the raw path
 * orders a pair by annotator code, the SQL by id; kappa is symmetric), slice values keyed by value
 * and, on the raw side, values without any human judgement dropped (the raw path lists every value
 * of the column, e.g. "(missing)" for the AI judge's verdicts; the SQL sees only human judgements).
 */
export function comparable(a: AgreementSection) {
  const block = <T extends { cohen_pairs: Pair[] }>(b: T) => ({ ...b, cohen_pairs: pairs(b.cohen_pairs) });
  const slices = Object.fromEntries(
    Object.entries(a.slices).map(([name, rows]) => [
      name,
      Object.fromEntries(rows.filter((r) => r.items > 0).map((r) => [r.value, r])),
    ]),
  );
  return { ...block(a), directional: a.directional && block(a.directional), slices };
}

/** Annotator rows keyed by id, without what a summary cannot hold (median time, the gold replay). */
export function comparableAnnotators(rows: AnnotatorRow[]) {
  return Object.fromEntries(rows.map(({ median_time_s: _m, replay: _r, ...rest }) => [rest.id, rest]));
}
