import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { BASE } from '../../../src/charts/theme';
import {
  exportFileName,
  pageStyleOf,
  resolveCurrentColor,
  serialiseChart,
} from '../../../src/app/downloads/chartExport';

const STYLE = {
  color: 'rgb(26, 26, 26)',
  background: 'rgb(255, 255, 255)',
  fontFamily: '"Segoe UI", system-ui, sans-serif',
  fontSize: 12,
};
const DATA = [
  { label: 'A>>', n: 3 },
  { label: '<script>alert(1)</script>', n: 5 },
  { label: 'x & "y"', n: 2 },
];

/** Parses a serialised SVG as XML, as a viewer would: throws on a malformed file. */
function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return doc;
}

describe('exportFileName', () => {
  it('exportFileName keeps letters, digits and dashes of a title', () => {
    expect(exportFileName("Pairwise Cohen's kappa", 'svg')).toBe('pairwise-cohens-kappa.svg');
    expect(exportFileName('Calibration (ECE 0.042)', 'png')).toBe('calibration-ece-0-042.png');
    expect(exportFileName('Seconds per label (10th–90th percentile, quartiles, median)', 'csv')).toBe(
      'seconds-per-label-10th-90th-percentile-quartiles-median.csv',
    );
    expect(exportFileName('Préférence ../../etc/passwd', 'csv')).toBe('preference-etc-passwd.csv');
    expect(exportFileName('→ ←', 'svg')).toBe('chart.svg');
    expect(exportFileName('x'.repeat(200), 'svg')).toBe(`${'x'.repeat(80)}.svg`);
  });
});

describe('serialiseChart', () => {
  it('serialiseChart(svg) writes a standalone SVG: xmlns, size, background, resolved colour, no currentColor', () => {
    const svg = Plot.plot({
      ...BASE,
      width: 400,
      height: 200,
      x: { label: 'label' },
      marks: [Plot.barY(DATA, { x: 'label', y: 'n', stroke: 'currentColor' }), Plot.ruleY([0])],
    });
    expect(svg.outerHTML).toMatch(/currentColor/);
    const out = serialiseChart(svg, STYLE, 'Label & <count>');
    expect(out).toMatchObject({ width: 400, height: 200 });
    expect(out.svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(out.svg).not.toMatch(/currentcolor/i);
    const root = parse(out.svg).documentElement;
    // the page-only parts of Plot's inline style are replaced: the font the page shows, a fixed size
    const inner = root.querySelector(':scope > svg')!.getAttribute('style')!;
    expect(inner).toContain('font-family: "Segoe UI", system-ui, sans-serif');
    expect(inner).toContain('font-size: 12px');
    expect(inner).toContain('height: 200px');
    expect(inner).not.toMatch(/inherit|background/);
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(out.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/m);
    expect([root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')]).toEqual([
      '400',
      '200',
      '0 0 400 200',
    ]);
    expect(root.getAttribute('color')).toBe(STYLE.color);
    expect(root.getAttribute('font-family')).toBe(STYLE.fontFamily);
    expect(root.querySelector(':scope > title')!.textContent).toBe('Label & <count>');
    expect(root.querySelector(':scope > rect')!.getAttribute('fill')).toBe(STYLE.background);
    // the labels survive as text, escaped in the file
    expect([...root.querySelectorAll('text')].map((t) => t.textContent)).toEqual(
      expect.arrayContaining(['A>>', '<script>alert(1)</script>', 'x & "y"']),
    );
    expect(out.svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out.svg).not.toContain('<script');
    // the strokes that were currentColor are now the page's colour
    expect(root.querySelectorAll(`[stroke="${STYLE.color}"]`).length).toBeGreaterThan(0);
  });

  it('serialiseChart(figure) redraws the HTML swatch legend in SVG above the plot', () => {
    const figure = Plot.plot({
      ...BASE,
      width: 500,
      height: 220,
      color: { domain: DATA.map((d) => d.label), range: ['#1f5fa6', '#9e9e9e', '#c25e00'], legend: true },
      marks: [Plot.barY(DATA, { x: 'label', y: 'n', fill: 'label' })],
    });
    expect(figure.localName).toBe('figure');
    expect(figure.querySelector('span, div')).not.toBeNull();
    const out = serialiseChart(figure, STYLE, 'Shares');
    const root = parse(out.svg).documentElement;
    expect(out.width).toBe(500);
    expect(out.height).toBeGreaterThan(220);
    expect(root.getAttribute('height')).toBe(String(out.height));
    // nothing of HTML is left: every element is SVG
    for (const e of root.querySelectorAll('*')) expect(e.namespaceURI, e.localName).toBe('http://www.w3.org/2000/svg');
    expect(out.svg).not.toMatch(/<(div|span|figure)\b/);
    expect(out.svg).not.toMatch(/currentcolor/i);
    // the legend: a swatch of each colour with its label, drawn before (above) the plot
    const nested = [...root.children].filter((c) => c.localName === 'svg');
    expect(nested).toHaveLength(1);
    expect(Number(nested[0].getAttribute('y'))).toBeGreaterThan(0);
    const legend = root.querySelector(':scope > g')!;
    expect([...legend.querySelectorAll('text')].map((t) => t.textContent)).toEqual(DATA.map((d) => d.label));
    expect([...legend.querySelectorAll('svg')].map((s) => s.getAttribute('fill'))).toEqual([
      '#1f5fa6',
      '#9e9e9e',
      '#c25e00',
    ]);
  });

  it('serialiseChart(figure) stacks an SVG colour ramp legend and keeps every size', () => {
    // Plot draws ramps on a canvas, which jsdom lacks: a figure of the same shape (a legend <svg>, then the plot)
    const figure = document.createElement('figure');
    figure.innerHTML =
      '<svg class="plot-ramp" width="240" height="50" viewBox="0 0 240 50"><rect width="240" height="10" fill="purple"/><text y="30" fill="currentColor">Cohen\'s kappa</text></svg>';
    figure.append(
      Plot.plot({
        ...BASE,
        width: 300,
        height: 300,
        marks: [Plot.cell([{ a: 'x', b: 'y', k: 0.4 }], { x: 'a', y: 'b', fill: 'k' })],
      }),
    );
    const out = serialiseChart(figure, STYLE);
    const root = parse(out.svg).documentElement;
    const nested = [...root.children].filter((c) => c.localName === 'svg');
    expect(nested).toHaveLength(2);
    const [ramp, plot] = nested.map((s) => ({ y: Number(s.getAttribute('y')), h: Number(s.getAttribute('height')) }));
    expect(ramp).toEqual({ y: 0, h: 50 });
    expect(plot.y).toBeGreaterThanOrEqual(ramp.h);
    expect(plot.h).toBe(300);
    expect(out).toMatchObject({ width: 300, height: plot.y + plot.h });
    expect(root.querySelector('title')).toBeNull();
    expect(out.svg).not.toMatch(/currentcolor/i);
  });
});

describe('resolveCurrentColor and pageStyleOf', () => {
  it('resolveCurrentColor replaces currentColor in attributes, inline styles and style sheets', () => {
    const host = document.createElement('div');
    host.innerHTML =
      '<svg style="color: currentColor"><style>.a { fill: CURRENTCOLOR }</style><g stroke="currentColor"><path fill="currentcolor"/></g></svg>';
    resolveCurrentColor(host.firstElementChild!, '#123456');
    expect(host.innerHTML).not.toMatch(/currentcolor/i);
    expect(host.innerHTML.match(/#123456/g)).toHaveLength(4);
  });

  it('pageStyleOf reads the text colour and font of the chart and the first opaque background above it', () => {
    const outer = document.createElement('section');
    outer.style.backgroundColor = 'rgb(16, 20, 26)';
    outer.style.color = 'rgb(230, 230, 230)';
    outer.style.fontFamily = 'Inter, sans-serif';
    const inner = document.createElement('div');
    inner.style.backgroundColor = 'transparent';
    outer.append(inner);
    document.body.append(outer);
    expect(pageStyleOf(inner)).toMatchObject({
      color: 'rgb(230, 230, 230)',
      background: 'rgb(16, 20, 26)',
      fontFamily: 'Inter, sans-serif',
    });
    outer.remove();
    const lone = document.createElement('div');
    document.body.append(lone);
    expect(pageStyleOf(lone).background).toBe('#ffffff');
    lone.remove();
  });
});
