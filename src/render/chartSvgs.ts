import * as Plot from '@observablehq/plot';
import type { ReportChart, ReportChartSection } from '../charts/reportCharts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** One chart drawn for the HTML report: its title, its section and its markup (an `<svg>`, or a `<figure>` holding legends and the `<svg>`). */
export interface ChartSvg {
  title: string;
  section?: ReportChartSection;
  /** the drawing's width in pixels (a wide chart takes a whole row of the report) */
  width?: number;
  svg: string;
}

/**
 * Draws one chart spec with Observable Plot into `document` (the page's, or jsdom's in node) and returns its
 * markup, self-contained: the SVG carries its namespace, an accessible `<title>` and `role="img"`, and
 * continuous colour legends are drawn as an SVG gradient instead of Plot's canvas image (jsdom has no
 * canvas; the report loads nothing, not even a `data:` image).
 */
export function chartSvg(chart: ReportChart, document: Document): ChartSvg {
  const ramps: string[][] = [];
  const figure = Plot.plot({
    ...chart.spec,
    ariaLabel: chart.spec.ariaLabel ?? chart.title,
    document: recordingDocument(document, ramps),
  });
  figure.querySelectorAll('image').forEach((image) => {
    const href = image.getAttribute('xlink:href') ?? image.getAttribute('href') ?? '';
    const ramp = /^data:,ramp-(\d+)$/.exec(href);
    if (ramp) image.replaceWith(gradientRect(image, ramps[Number(ramp[1])], document));
  });
  const svgs = figure.tagName.toLowerCase() === 'svg' ? [figure] : [...figure.querySelectorAll('svg')];
  for (const svg of svgs) svg.setAttribute('xmlns', SVG_NS);
  const main = svgs[svgs.length - 1];
  if (main) {
    main.setAttribute('role', 'img');
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = chart.spec.ariaLabel ?? chart.title;
    main.prepend(title);
  }
  return { title: chart.title, section: chart.section, width: chart.spec.width, svg: figure.outerHTML };
}

/** Every chart, in order. */
export function chartSvgs(charts: ReportChart[], document: Document): ChartSvg[] {
  return charts.map((chart) => chartSvg(chart, document));
}

let gradients = 0;

/** A rect filled with a horizontal gradient through the colours Plot painted into its legend canvas. */
function gradientRect(image: Element, colours: string[], document: Document): Element {
  const id = `prefscope-ramp-${++gradients}`;
  const g = document.createElementNS(SVG_NS, 'g');
  const defs = document.createElementNS(SVG_NS, 'defs');
  const gradient = document.createElementNS(SVG_NS, 'linearGradient');
  gradient.setAttribute('id', id);
  // 256 pixels become 17 stops, the first and last pixel included: smooth enough, small in the file
  const last = Math.max(0, colours.length - 1);
  const stops = Math.min(16, last);
  for (let k = 0; k <= stops; k++) {
    const i = stops === 0 ? 0 : Math.round((k * last) / stops);
    const stop = document.createElementNS(SVG_NS, 'stop');
    stop.setAttribute('offset', `${stops === 0 ? 0 : ((100 * k) / stops).toFixed(2)}%`);
    stop.setAttribute('stop-color', colours[i] ?? 'currentColor');
    gradient.append(stop);
  }
  defs.append(gradient);
  const rect = document.createElementNS(SVG_NS, 'rect');
  for (const name of ['x', 'y', 'width', 'height', 'opacity']) {
    const value = image.getAttribute(name);
    if (value !== null) rect.setAttribute(name, value);
  }
  rect.setAttribute('fill', `url(#${id})`);
  g.append(defs, rect);
  return g;
}

/**
 * The document Plot draws with, except that a `<canvas>` (Plot's continuous legend ramp) records the colours
 * painted into it and answers `toDataURL()` with a marker, so the ramp can become an SVG gradient.
 */
function recordingDocument(document: Document, ramps: string[][]): Document {
  return new Proxy(document, {
    get(target, property) {
      if (property === 'createElement') {
        return (name: string, options?: ElementCreationOptions) => {
          if (name.toLowerCase() !== 'canvas') return target.createElement(name, options);
          const colours: string[] = [];
          const index = ramps.push(colours) - 1;
          const context = {
            fillRect: () => {},
            set fillStyle(colour: string) {
              colours.push(String(colour));
            },
            get fillStyle() {
              return colours[colours.length - 1] ?? '';
            },
          };
          return { width: 0, height: 0, getContext: () => context, toDataURL: () => `data:,ramp-${index}` };
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
