// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/defaults';
import { DEFAULT_PLAN } from '../../../src/app/state/planInputs';
import { NO_PICKS, decodeViewState, encodeViewState } from '../../../src/app/state/viewState';

const AS_READ = { labelsAre: null, itemScope: 'shared' as const };

describe('viewState', () => {
  it('encodeViewState writes only what differs from the defaults, and decodeViewState reads it back', () => {
    expect(
      encodeViewState(
        { panel: 'overview', settings: DEFAULT_SETTINGS, plan: DEFAULT_PLAN, picks: NO_PICKS, reading: AS_READ },
        DEFAULT_SETTINGS,
      ),
    ).toBe('');
    const view = {
      panel: 'annotators' as const,
      settings: {
        ...DEFAULT_SETTINGS,
        removed: ['ann07', 'a,b&c'],
        bandMetric: 'krippendorff_alpha.ordinal',
        bootstrap: 200,
        seed: 7,
        minShared: 3,
        method: 'majority' as const,
        weights: { gold: 1, majority: 0, speed: 0.5 },
        rubricWeights: { helpfulness: 0.5, 'odd, name:1': 0.25, correctness: 0 },
        families: { openai: 'gpt|o1&o3', 'my family': 'llama-(2|3)' },
      },
      plan: DEFAULT_PLAN,
      picks: { slice: 'domain', filter: 'ann0', flaggedOnly: true, judge: 'gpt-4 (pair-v2)' },
      reading: { labelsAre: { '*': 'first-second-tie', 'judge: b.csv': 'words' }, itemScope: 'file' as const },
    };
    const hash = encodeViewState(view, DEFAULT_SETTINGS);
    expect(hash).toMatch(/^#panel=annotators&remove=/);
    const back = decodeViewState(hash, DEFAULT_SETTINGS);
    expect(back.panel).toBe('annotators');
    expect(back.settings).toEqual(view.settings);
    expect(back.picks).toEqual(view.picks);
    expect(back.reading).toEqual(view.reading);
  });

  it('decodeViewState keeps the defaults for malformed values', () => {
    const v = decodeViewState(
      '#panel=nope&bootstrap=-3&seed=x&min_shared=0&method=vote&weights=1,2&rubric=helpfulness:-1&labels=no-such-reading&scope=x&families=x%3D(',
      DEFAULT_SETTINGS,
    );
    expect(v).toEqual({
      panel: 'overview',
      settings: DEFAULT_SETTINGS,
      plan: DEFAULT_PLAN,
      picks: NO_PICKS,
      reading: AS_READ,
    });
  });

  it('every planner input travels in the link: changed ones only, malformed ones fall back to the defaults', () => {
    const plan = structuredClone(DEFAULT_PLAN);
    plan.gold.goldShare = 0.05;
    plan.scenarios[1].price_per_pair = 1.25;
    plan.prices = { 'Human only': 2, 'AI only': 0.01 };
    plan.routing.reference = 'gold';
    const hash = encodeViewState(
      { panel: 'planning', settings: DEFAULT_SETTINGS, plan, picks: NO_PICKS, reading: AS_READ },
      DEFAULT_SETTINGS,
    );
    const params = new URLSearchParams(hash.slice(1));
    expect(Object.keys(JSON.parse(params.get('plan')!)).sort()).toEqual(['gold', 'prices', 'routing', 'scenarios']);
    const back = decodeViewState(hash, DEFAULT_SETTINGS);
    expect(back.panel).toBe('planning');
    expect(back.plan).toEqual(plan);
    const bad = decodeViewState(
      `#plan=${encodeURIComponent(JSON.stringify({ gold: { goldShare: 'x' }, next: { size: -1, weightUncertainty: 0.5 }, prices: { a: -2 }, approachTarget: 5e6 }))}`,
      DEFAULT_SETTINGS,
    );
    expect(bad.plan.gold).toEqual(DEFAULT_PLAN.gold);
    expect(bad.plan.next).toEqual(DEFAULT_PLAN.next);
    expect(bad.plan.prices).toEqual(DEFAULT_PLAN.prices);
    expect(bad.plan.approachTarget).toBe(5e6);
    expect(decodeViewState('#plan=%7Bnot-json', DEFAULT_SETTINGS).plan).toEqual(DEFAULT_PLAN);
  });
});
