import * as Plot from '@observablehq/plot';
import { RATING_MODEL_NAMES, type ModelsCompared } from '../sections/ratingModels';
import { BASE } from './theme';

interface Dot {
  model: string;
  method: string;
  value: number;
  ci: [number, number] | null;
}

/** Rating models on the 400-point scale (all but the win rate), one row per model × rating model. */
const ON_SCALE = ['bradley_terry', 'bradley_terry_decisive', 'davidson', 'rao_kupper', 'elo'] as const;
const COLOURS = ['#4477AA', '#66CCEE', '#AA3377', '#228833', '#CCBB44'];

/**
 * Each model's rating under each rating model with its 95% bootstrap interval, grouped by model (in the order
 * given), so that ties as half, without ties, modelled ties and Elo are read side by side.
 */
export function ratingModelsChart(
  compared: ModelsCompared,
  { width = 640 }: { width?: number } = {},
): Plot.PlotOptions {
  const data: Dot[] = [];
  for (const name of ON_SCALE) {
    const m = compared.methods.find((x) => x.name === name);
    if (!m) continue;
    compared.models.forEach((model, i) => {
      const value = m.rating[i];
      if (value !== null) data.push({ model, method: RATING_MODEL_NAMES[name], value, ci: m.rating_ci95[i] });
    });
  }
  const methods = ON_SCALE.map((n) => RATING_MODEL_NAMES[n]);
  const models = compared.models.filter((model) => data.some((d) => d.model === model));
  return {
    ...BASE,
    width,
    height: 40 + models.length * (methods.length * 9 + 14),
    marginLeft: 130,
    ariaLabel: `Ratings of ${models.length} models under ${methods.length} rating models, with 95% intervals`,
    x: { label: 'Rating (400 = 10 : 1 odds; 0 = the average model)', grid: true },
    fy: { label: null, domain: models, padding: 0.15 },
    y: { axis: null, domain: methods },
    color: { domain: methods, range: COLOURS, legend: true },
    marks: [
      Plot.ruleX([0], { stroke: 'currentColor', strokeOpacity: 0.4, strokeDasharray: '4,3' }),
      Plot.ruleY(
        data.filter((d) => d.ci),
        { fy: 'model', y: 'method', x1: (d: Dot) => d.ci![0], x2: (d: Dot) => d.ci![1], stroke: 'method' },
      ),
      Plot.dot(data, {
        fy: 'model',
        y: 'method',
        x: 'value',
        fill: 'method',
        r: 3.5,
        tip: true,
        title: (d: Dot) =>
          `${d.model}, ${d.method}: ${d.value.toFixed(0)}${d.ci ? ` (95% CI ${d.ci[0].toFixed(0)} to ${d.ci[1].toFixed(0)})` : ''}`,
      }),
    ],
  };
}
