import { labelCode } from './labelReading';
import { PREFERENCE_LABELS } from '../core/types';

/**
 * Parses a label map written `raw:label,raw:label` (for example `0:=,1:A>,2:B>`); the label after the
 * last colon is one of the five labels or a word of the text vocabulary. Throws a short message on error.
 */
export function parseLabelMap(text: string): Record<string, string> {
  const map: Record<string, string> = Object.create(null);
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.lastIndexOf(':');
    if (at <= 0) throw new Error(`label map entry "${part}" is not raw:label`);
    const raw = part.slice(0, at).trim();
    const label = part.slice(at + 1).trim();
    map[raw] = PREFERENCE_LABELS[labelCode(label)];
  }
  return map;
}

export function formatLabelMap(map: Record<string, string> | null | undefined): string {
  return map
    ? Object.entries(map)
        .map(([k, v]) => `${k}:${v}`)
        .join(',')
    : '';
}
