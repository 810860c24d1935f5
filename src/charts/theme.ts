import type { Method } from '../sections/aggregationSection';
/**
 * Colours with a meaning, shared by every chart and the page's CSS (colour-blind-safe: Okabe-Ito for
 * status, a blue / grey / orange diverging set for the preference sides).
 */
export const STATUS = { good: '#009E73', warning: '#E69F00', flagged: '#D55E00' } as const;

/** The five preference labels, A much better (dark blue) … B much better (dark orange). */
export const LABEL_COLOURS: Record<string, string> = {
  'A>>': '#1f5fa6',
  'A>': '#6fa8dc',
  '=': '#9e9e9e',
  'B>': '#f0a35e',
  'B>>': '#c25e00',
};

/** One colour per final-label method (Paul Tol's bright and muted schemes, majority vote in grey). */
export const METHOD_COLOURS: Record<Method, string> = {
  majority: '#9e9e9e',
  weighted: '#4477AA',
  dawid_skene: '#AA3377',
  dawid_skene_gold: '#882255',
  one_coin_dawid_skene: '#228833',
  glad: '#CCBB44',
  mace: '#EE6677',
  wawa: '#66CCEE',
  zero_based_skill: '#117733',
  kos: '#DDCC77',
  mmsr: '#332288',
};
/** Who labels: humans, AI judges, and both (a hybrid pipeline); the same in every chart and legend. */
export const KIND_COLOURS = { human: '#4477AA', ai: '#AA3377', hybrid: '#228833' } as const;

/**
 * The colour of a labelling approach by its name: one that names both humans and AI is a hybrid, one that
 * names only one of them has its colour; any other takes a neutral category colour.
 */
export function approachColour(name: string, index: number): string {
  const human = /human|crowd|expert|annotator/i.test(name);
  const ai = /\bAI\b|LLM|judge|model/i.test(name);
  if (human && ai) return KIND_COLOURS.hybrid;
  if (human) return KIND_COLOURS.human;
  if (ai) return KIND_COLOURS.ai;
  return ['#CCBB44', '#66CCEE', '#EE6677', '#BBBBBB'][index % 4];
}

/** Categories of nominal data: Paul Tol's bright scheme, repeated past seven. */
const BRIGHT = ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377', '#BBBBBB'];

export function categoryColour(category: string, index: number): string {
  return LABEL_COLOURS[category] ?? BRIGHT[index % BRIGHT.length];
}

/**
 * Diverging colours for signed measures (kappa, correlations, win rates around one half) whose ends stay
 * visible on a light and on a dark page: no near-black or near-white end; the middle is a light grey.
 */
export const DIVERGING_RANGE = ['#d95f02', '#ececec', '#3b6fb6'];

/** A halo in the page's background colour behind direct labels, so a label stays legible over dots and lines. */
// (Plot leaves a stroked text unfilled: the fill and the paint order, halo under the glyphs, are set here)
export const LABEL_HALO = {
  fill: 'currentColor',
  stroke: 'var(--bg, white)',
  strokeWidth: 3,
  paintOrder: 'stroke',
} as const;

/** The widest a chart is drawn on the page: wider, a line chart's points drift too far from its axis labels. */
export const MAX_CHART_WIDTH = 1000;

/**
 * Shared Plot defaults: the page's font and colours, readable at laptop width. The top margin leaves room for
 * the y axis's label above the top tick label.
 */
export const BASE = {
  style: {
    fontFamily: 'inherit',
    fontSize: '12px',
    background: 'transparent',
    color: 'currentColor',
    overflow: 'visible',
  },
  marginTop: 30,
  marginLeft: 48,
  marginBottom: 40,
} as const;
