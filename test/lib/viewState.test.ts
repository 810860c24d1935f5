// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/lib/analysis.svelte';
import { decodeViewState, encodeViewState } from '../../src/lib/viewState';

describe('viewState', () => {
  it('encodeViewState writes only what differs from the defaults, and decodeViewState reads it back', () => {
    expect(encodeViewState({ panel: 'overview', settings: DEFAULT_SETTINGS }, DEFAULT_SETTINGS)).toBe('');
    const view = {
      panel: 'annotators' as const,
      settings: { ...DEFAULT_SETTINGS, removed: ['ann07', 'a,b&c'], bandMetric: 'krippendorff_alpha.ordinal', bootstrap: 200, seed: 7, minShared: 3, method: 'majority' as const, weights: { gold: 1, majority: 0, speed: 0.5 } },
    };
    const hash = encodeViewState(view, DEFAULT_SETTINGS);
    expect(hash).toMatch(/^#panel=annotators&remove=/);
    const back = decodeViewState(hash, DEFAULT_SETTINGS);
    expect(back.panel).toBe('annotators');
    expect(back.settings).toEqual(view.settings);
  });

  it('decodeViewState keeps the defaults for malformed values', () => {
    const v = decodeViewState('#panel=nope&bootstrap=-3&seed=x&min_shared=0&method=vote&weights=1,2', DEFAULT_SETTINGS);
    expect(v).toEqual({ panel: 'overview', settings: DEFAULT_SETTINGS });
  });
});
