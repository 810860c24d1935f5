import type { ScoreWeights } from '../core/annotatorScores';
import type { RoutingOptions } from '../core/routingCurve';
import { DEFAULT_NEXT_LABEL, DEFAULT_ROUTING, DEFAULT_SETTINGS } from '../defaults';
import type { MethodSetting } from '../sections/aggregationSection';

/** The settings that change a number (report `settings`), annotators by id: resolved, every field set. */
export interface Settings {
  removed: string[];
  bootstrap: number;
  seed: number;
  bandMetric: string;
  minShared: number;
  weights: ScoreWeights;
  method: MethodSetting;
  /** rubric weights by dimension name (null: the defaults matched by name) */
  rubricWeights: Record<string, number> | null;
  /** model families for self-preference, family → pattern (null: DEFAULT_FAMILIES) */
  families: Record<string, string> | null;
}

/** Settings as the page and the command line send them: a field left out (or undefined) takes its default. */
export type SettingsInput = Partial<Settings>;

/** The value-of-the-next-label inputs: who labels ('typical' or an annotator id), the price of a label, the batch exported. */
export interface NextLabelInputs {
  from: string;
  pricePerLabel: number;
  batch: number;
}

/** The defaults, typed: a default that does not fit its setting is a compile error here. */
export const DEFAULTS: Settings = DEFAULT_SETTINGS;
export const NEXT_LABEL_DEFAULTS: NextLabelInputs = DEFAULT_NEXT_LABEL;
export const ROUTING_DEFAULTS: Required<RoutingOptions> = DEFAULT_ROUTING;

/** Every setting, from the given ones and the defaults (done once, where a request enters the session). */
export function resolveSettings(input: SettingsInput = {}): Settings {
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  return { ...DEFAULTS, ...given };
}
