import { CONVENTION_IDS } from '../../parse/labelConventions';
import { METHOD_SETTINGS, type MethodSetting } from '../../sections/aggregationSection';
import { formatFamilies, parseFamilies } from '../../sections/selfPreference';
import type { Settings } from '../../session/analysisSession';
import { isPanelId, type PanelId } from '../panels';
import { decodePlan, planDiff, type PlanInputs } from './planInputs';

/** What a shared link reproduces: the panel and every setting that changes a number. */
export interface ViewState {
  panel: PanelId;
  settings: Settings;
  /** every planner's inputs (only those changed go into the link) */
  plan: PlanInputs;
  /** what the user picked on the panels: the slice column, the annotator filter, the simulated judge */
  picks: ViewPicks;
  /** how the files' labels and ids are read: label conventions stated (per file, `*` for all) and the item scope */
  reading: ViewReading;
}

export interface ViewReading {
  labelsAre: Record<string, string> | null;
  itemScope: 'shared' | 'file';
}

export interface ViewPicks {
  slice: string | null;
  filter: string;
  flaggedOnly: boolean;
  judge: string | null;
}

export const NO_PICKS: ViewPicks = { slice: null, filter: '', flaggedOnly: false, judge: null };

/**
 * The view as a URL fragment (`#panel=agreement&remove=a&remove=b&…`): only what differs from the defaults.
 * The fragment never reaches a server, so annotator ids stay on the machine.
 */
export function encodeViewState(view: ViewState, defaults: Settings): string {
  const p = new URLSearchParams();
  const s = view.settings;
  if (view.panel !== 'overview') p.set('panel', view.panel);
  for (const id of s.removed) p.append('remove', id);
  if (s.bandMetric !== defaults.bandMetric) p.set('band', s.bandMetric);
  if (s.bootstrap !== defaults.bootstrap) p.set('bootstrap', String(s.bootstrap));
  if (s.seed !== defaults.seed) p.set('seed', String(s.seed));
  if (s.minShared !== defaults.minShared) p.set('min_shared', String(s.minShared));
  if (s.method !== defaults.method) p.set('method', s.method);
  const w = s.weights;
  if (
    w.gold !== defaults.weights.gold ||
    w.majority !== defaults.weights.majority ||
    w.speed !== defaults.weights.speed
  )
    p.set('weights', `${w.gold},${w.majority},${w.speed}`);
  if (s.rubricWeights)
    p.set(
      'rubric',
      Object.entries(s.rubricWeights)
        .map(([d, w]) => `${encodeURIComponent(d)}:${w}`)
        .join(','),
    );
  if (s.families) p.set('families', formatFamilies(s.families));
  const picks = view.picks;
  if (picks.slice) p.set('slice', picks.slice);
  if (picks.filter) p.set('filter', picks.filter);
  if (picks.flaggedOnly) p.set('flagged', '1');
  if (picks.judge) p.set('judge', picks.judge);
  const plan = planDiff(view.plan);
  if (plan) p.set('plan', JSON.stringify(plan));
  for (const [file, convention] of Object.entries(view.reading.labelsAre ?? {}))
    p.append('labels', file === '*' ? convention : `${file}:${convention}`);
  if (view.reading.itemScope === 'file') p.set('scope', 'file');
  const text = p.toString();
  return text ? `#${text}` : '';
}

/** Reads a fragment back; anything missing or malformed keeps its default. */
export function decodeViewState(hash: string, defaults: Settings): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const whole = (key: string, fallback: number, min = 0) => {
    const n = Number(p.get(key));
    return p.has(key) && Number.isInteger(n) && n >= min ? n : fallback;
  };
  const weights = (p.get('weights') ?? '').split(',').map(Number);
  const panel = p.get('panel') ?? '';
  const method = p.get('method') ?? '';
  return {
    panel: isPanelId(panel) ? panel : 'overview',
    plan: decodePlan(p.get('plan')),
    picks: {
      slice: p.get('slice') || null,
      filter: p.get('filter') ?? '',
      flaggedOnly: p.get('flagged') === '1',
      judge: p.get('judge') || null,
    },
    reading: { labelsAre: labelsAre(p.getAll('labels')), itemScope: p.get('scope') === 'file' ? 'file' : 'shared' },
    settings: {
      removed: p.getAll('remove').filter(Boolean),
      bandMetric: p.get('band') ?? defaults.bandMetric,
      bootstrap: whole('bootstrap', defaults.bootstrap),
      seed: whole('seed', defaults.seed),
      minShared: whole('min_shared', defaults.minShared, 1),
      method: METHOD_SETTINGS.includes(method as MethodSetting) ? (method as MethodSetting) : defaults.method,
      rubricWeights: rubricWeights(p.get('rubric')),
      families: families(p.get('families')),
      weights:
        weights.length === 3 && weights.every((x) => Number.isFinite(x) && x >= 0)
          ? { gold: weights[0], majority: weights[1], speed: weights[2] }
          : defaults.weights,
    },
  };
}

/** `labels=CONVENTION` (every file) or `labels=FILE:CONVENTION`, repeated; unknown conventions are left out. */
function labelsAre(values: string[]): Record<string, string> | null {
  const out: Record<string, string> = Object.create(null);
  for (const v of values) {
    const at = v.lastIndexOf(':');
    const [file, convention] = at > 0 ? [v.slice(0, at), v.slice(at + 1)] : ['*', v];
    if (CONVENTION_IDS.includes(convention)) out[file] = convention;
  }
  return Object.keys(out).length ? { ...out } : null;
}

/** `openai=gpt|davinci; meta=llama` (`parseFamilies`); malformed → null (the defaults). */
function families(raw: string | null): Record<string, string> | null {
  const parsed = raw ? parseFamilies(raw) : null;
  return parsed?.ok ? parsed.rules : null;
}

/** `helpfulness:0.35,correctness:0.3` (names URI-encoded, so they may hold commas and colons); malformed → null. */
function rubricWeights(raw: string | null): Record<string, number> | null {
  if (!raw) return null;
  const out: Record<string, number> = {};
  for (const part of raw.split(',')) {
    const at = part.lastIndexOf(':');
    let name: string;
    try {
      name = decodeURIComponent(part.slice(0, at));
    } catch {
      return null;
    }
    const w = Number(part.slice(at + 1));
    if (at <= 0 || !Number.isFinite(w) || w < 0 || name.length > 200) return null;
    Object.defineProperty(out, name, { value: w, enumerable: true, writable: true, configurable: true });
  }
  return Object.keys(out).length ? out : null;
}
