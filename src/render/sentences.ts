// Summary sentences built from the numbers they describe (the same rows as the table or chart beside them), so a
// sentence cannot say what its table contradicts. Ties, small samples and overlapping intervals are said in
// words; a share (percent agreement) is never read against the bands of chance-corrected coefficients.
import { interpretationBand } from '../core/interpretationBand';
import { isBanded, metricOf, metricValue } from '../sections/metrics';
import { count } from '../format';
import { withInterval } from './readings';

/** The fewest pairable items a slice needs before it is ranked against the others. */
export const MIN_RANKED_PAIRS = 30;
/** Values closer than this print the same at three decimals: they are a tie. */
const SAME = 5e-4;

/** A metric's value in its own format: a share as a percentage, a coefficient to three decimals. */
export function metricText(id: string, value: number | null): string {
  return withInterval(value, null, metricOf(id)?.kind === 'share');
}

/** The band of a coefficient in words (`moderate agreement`), or null for a share or an undefined value. */
export function bandWords(id: string, value: number | null): string | null {
  if (!isBanded(id)) return null;
  return interpretationBand(value)?.label.toLowerCase() ?? null;
}

function listed(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export interface RankedRow {
  value: string;
  items_pairable: number;
  ci95: Record<string, [number, number] | null>;
}

/**
 * One sentence on which values of a slice column agree most and least on `metric` (`name` its display name),
 * from the slice rows the table shows. Slices with fewer than MIN_RANKED_PAIRS pairable items are not ranked;
 * when the highest and lowest intervals overlap, the sentence says the difference is within the noise; equal
 * values are a tie. Null when fewer than two values have the metric.
 */
export function sliceSentence(rows: readonly RankedRow[], metric: string, name: string): string | null {
  const defined = rows.filter((r) => metricValue(r, metric) !== null);
  if (defined.length < 2) return null;
  const ranked = defined
    .filter((r) => r.items_pairable >= MIN_RANKED_PAIRS)
    .sort((a, b) => metricValue(b, metric)! - metricValue(a, metric)!);
  const small = defined.length - ranked.length;
  const smallNote = small
    ? ` ${count(small)} value${small === 1 ? ' has' : 's have'} fewer than ${MIN_RANKED_PAIRS} pairs with two labels and ${small === 1 ? 'is' : 'are'} not ranked.`
    : '';
  if (ranked.length < 2)
    return `Too few pairs to rank the values: ${ranked.length ? 'only one value has' : 'no value has'} ${MIN_RANKED_PAIRS} or more pairs with two labels.${smallNote}`;
  const top = ranked[0];
  const bottom = ranked[ranked.length - 1];
  const hi = metricValue(top, metric)!;
  const lo = metricValue(bottom, metric)!;
  const text = (r: RankedRow) => {
    const v = metricValue(r, metric)!;
    const band = bandWords(metric, v);
    return `${withInterval(v, r.ci95[metric], metricOf(metric)?.kind === 'share')}${band ? `, ${band}` : ''}`;
  };
  if (hi - lo < SAME) return `Every ranked value has the same ${name} (${metricText(metric, hi)}).${smallNote}`;
  const tiedTop = ranked.filter((r) => hi - metricValue(r, metric)! < SAME).map((r) => r.value);
  const tiedBottom = ranked.filter((r) => metricValue(r, metric)! - lo < SAME).map((r) => r.value);
  const topCi = top.ci95[metric];
  const bottomCi = bottom.ci95[metric];
  const overlap = topCi && bottomCi ? topCi[0] <= bottomCi[1] : null;
  const highest = `${listed(tiedTop)} ${tiedTop.length > 1 ? 'share' : 'has'} the highest ${name} (${text(top)})`;
  const lowest = `${listed(tiedBottom)} the lowest (${text(bottom)})`;
  const verdict =
    overlap === null
      ? ' (no intervals: the difference is not tested).'
      : overlap
        ? ': their intervals overlap, so the slices do not differ beyond the noise.'
        : ': their intervals do not overlap.';
  return `${highest}, ${lowest}${verdict}${smallNote}`;
}

/**
 * Which rows differ from the reference on `metric` after the Benjamini-Hochberg correction (`differenceTests`,
 * `WARNING_RULES.falseDiscovery` = `level`), in one sentence: `rows` are those on show (one slice column), `what`
 * names them ("values of domain"), `against` the reference ("the whole data"), `family` says over what the
 * correction ran ("29 values of every slice column"). Null when no row on show has a test.
 */
export function differenceSentence(
  rows: readonly { label: string; p: number | null; q: number | null }[],
  { what, against, family, level }: { what: string; against: string; family: string; level: number },
): string | null {
  const tested = rows.filter((r) => r.q !== null);
  if (!tested.length) return null;
  const raw = tested.filter((r) => r.p! < level).length;
  const kept = tested.filter((r) => r.q! < level).map((r) => r.label);
  const correction = `Benjamini-Hochberg over ${family}, false discovery rate ${level * 100}%`;
  if (!kept.length)
    return `None of the ${what} differs from ${against} once the comparisons are corrected (${correction})${raw ? `; ${count(raw)} would at p < ${level} uncorrected` : ''}.`;
  return `${listed(kept)} ${kept.length === 1 ? 'differs' : 'differ'} from ${against} after the correction (${correction}; marked ✱)${raw > kept.length ? `; ${count(raw - kept.length)} more would at p < ${level} uncorrected` : ''}.`;
}
