import { beforeAll, describe, expect, it } from 'vitest';
import { reportCharts, type ReportChart } from '../../src/charts/reportCharts';
import { chartSvg, chartSvgs, type ChartSvg } from '../../src/render/chartSvgs';
import type { Report } from '../../src/report/report';
import { demoReport } from '../helpers/demoReport';

let report: Report;
let specs: ReportChart[];
let svgs: ChartSvg[];
const parse = (markup: string) =>
  new DOMParser().parseFromString(`<!doctype html><body>${markup}</body>`, 'text/html').body;

beforeAll(async () => {
  report = await demoReport({ bootstrap: 200, seed: 1 });
  specs = reportCharts(report);
  svgs = chartSvgs(specs, document);
}, 60_000);

describe('reportCharts(report)', () => {
  it('reportCharts(demo report) lists the page’s charts that the report can draw, by section', () => {
    expect(specs.map((c) => `${c.section}: ${c.title}`)).toEqual([
      'input: Label distribution',
      'input: Labels per annotator',
      'agreement: Where the value falls',
      "agreement: Pairwise Cohen's kappa",
      "agreement: Fleiss' kappa by domain",
      "agreement: Fleiss' kappa by pairing_strategy",
      "agreement: Fleiss' kappa by model_pair",
      'annotators: Gold accuracy against agreement with the majority',
      'aggregation: Final labels by method',
      `ai_judge: ai_judge: calibration (ECE ${report.ai_judge!.judges[0].calibration!.ece.toFixed(3)})`,
      'ai_judge: Win rate, raw and at equal length',
      'ai_judge: ai_judge: accuracy against the threshold',
      'ai_judge: ai_judge: cost per 1,000 pairs against the threshold',
      'bias: Share choosing the side shown first, per annotator and judge',
      'bias: Preference for A against the length ratio',
      'bias: Seconds per label (10th–90th percentile, quartiles, median)',
      'bias: Gold accuracy along the sessions',
      'bias: Model ratings with 95% intervals',
      'bias: Win rate, row against column',
      'next_label: Expected accuracy against budget',
    ]);
  });

  it('reportCharts leaves out what the report lacks (no agreement, judge or bias section)', () => {
    const bare = reportCharts({
      ...report,
      agreement: null,
      aggregation: null,
      ai_judge: null,
      bias: null,
      next_label: null,
    });
    expect(bare.map((c) => c.title)).toEqual([
      'Label distribution',
      'Labels per annotator',
      'Gold accuracy against agreement with the majority',
    ]);
  });
});

describe('chartSvg(chart, document) in jsdom', () => {
  it('gives every chart as self-contained SVG markup: namespace, role, accessible title, marks drawn', () => {
    expect(svgs).toHaveLength(specs.length);
    svgs.forEach((c, i) => {
      const root = parse(c.svg);
      const svg = [...root.querySelectorAll('svg')].at(-1)!;
      expect(svg, c.title).toBeDefined();
      expect(svg.getAttribute('xmlns'), c.title).toBe('http://www.w3.org/2000/svg');
      expect(svg.getAttribute('role'), c.title).toBe('img');
      expect(svg.firstElementChild?.tagName.toLowerCase(), c.title).toBe('title');
      expect(svg.firstElementChild?.textContent, c.title).toBe(specs[i].spec.ariaLabel);
      // a blank chart is a bug: every chart draws marks
      expect(svg.querySelectorAll('rect, circle, path, line, text').length, c.title).toBeGreaterThan(10);
      expect(root.querySelectorAll('image, canvas, script, foreignObject').length, c.title).toBe(0);
      expect(c.svg, c.title).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
    });
  });

  it('draws the data: one bar per label, a cell per annotator pair, a dot per annotator', () => {
    const by = (title: string) => parse(svgs.find((c) => c.title === title)!.svg);
    expect(by('Label distribution').querySelectorAll('g[aria-label="bar"] rect').length).toBe(5);
    // the kappa cells (pairs without a kappa and the listed pair are marks with a description of their own)
    const kappaCells = by("Pairwise Cohen's kappa").querySelectorAll(
      'g[aria-label="cell"]:not([aria-description]) rect',
    );
    expect(kappaCells.length).toBe(2 * report.agreement!.cohen_pairs.length);
    const scatter = by('Gold accuracy against agreement with the majority');
    const scored =
      report.annotators.filter((a) => a.gold_accuracy_directional !== null && a.majority_agreement !== null).length +
      report.ai_judge!.judges.length;
    expect(scatter.querySelectorAll('g[aria-label="dot"] circle').length).toBe(scored);
    expect(by('Where the value falls').querySelector('svg')!.getAttribute('aria-label')).toContain(
      report.agreement!.fleiss_kappa!.toFixed(3),
    );
  });

  it('turns a continuous colour legend into an SVG gradient (jsdom has no canvas; the report loads no image)', () => {
    for (const title of ["Pairwise Cohen's kappa", 'Win rate, row against column']) {
      const root = parse(svgs.find((c) => c.title === title)!.svg);
      const gradient = root.querySelector('linearGradient')!;
      expect(gradient, title).not.toBeNull();
      const stops = [...gradient.querySelectorAll('stop')];
      expect(stops).toHaveLength(17);
      expect(stops[0].getAttribute('offset')).toBe('0.00%');
      expect(stops[16].getAttribute('offset')).toBe('100.00%');
      // PuOr reversed: orange at one end, purple at the other, both real colours
      expect(stops[0].getAttribute('stop-color')).toMatch(/^rgb\(/);
      expect(stops[0].getAttribute('stop-color')).not.toBe(stops[16].getAttribute('stop-color'));
      expect(root.querySelector(`rect[fill="url(#${gradient.id})"]`), title).not.toBeNull();
    }
  });

  it('chartSvg keeps the page’s spec untouched and names the chart after its title when the spec has no aria label', () => {
    const spec = { ...specs[0].spec };
    delete spec.ariaLabel;
    const drawn = chartSvg({ title: 'A plain title', section: 'input', spec }, document);
    expect(parse(drawn.svg).querySelector('svg > title')!.textContent).toBe('A plain title');
    expect(spec.ariaLabel).toBeUndefined();
  });
});
