/**
 * Turning a rendered Plot chart into a self-contained SVG file: the pure parts (a file name from a title,
 * the page's colours, the serialisation of a figure with its legend). The PNG and the download itself are in
 * `chartDownload.ts`.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** The colours and font the chart is drawn with on the page, written into the file. */
export type ExportStyle = { color: string; background: string; fontFamily: string; fontSize: number };

export const DEFAULT_EXPORT_STYLE: ExportStyle = {
  color: '#1a1a1a',
  background: '#ffffff',
  fontFamily: 'system-ui, sans-serif',
  fontSize: 12,
};

/** A file name from a title: ASCII letters, digits and dashes only (`Pairwise Cohen's kappa` → `pairwise-cohens-kappa.svg`). */
export function exportFileName(title: string, extension: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${stem || 'chart'}.${extension}`;
}

const TRANSPARENT = /^(transparent|rgba\(\s*0\s*,\s*0\s*,\s*0\s*,\s*0\s*\)|)$/i;

/**
 * The text colour, font and background the element is shown with: the background is the first
 * non-transparent one among the element and its ancestors (white when none is set).
 */
export function pageStyleOf(element: Element): ExportStyle {
  const view = element.ownerDocument.defaultView;
  if (!view) return DEFAULT_EXPORT_STYLE;
  const own = view.getComputedStyle(element);
  let background = '';
  for (let e: Element | null = element; e && !background; e = e.parentElement) {
    const b = view.getComputedStyle(e).backgroundColor;
    if (!TRANSPARENT.test(b.trim())) background = b;
  }
  const fontSize = Number.parseFloat(own.fontSize);
  return {
    color: usable(own.color) ? own.color : DEFAULT_EXPORT_STYLE.color,
    background: background || DEFAULT_EXPORT_STYLE.background,
    fontFamily: own.fontFamily || DEFAULT_EXPORT_STYLE.fontFamily,
    fontSize: Number.isFinite(fontSize) && fontSize > 0 ? fontSize : DEFAULT_EXPORT_STYLE.fontSize,
  };
}

const usable = (colour: string) => colour.trim() !== '' && !/currentcolor|inherit|var\(/i.test(colour);

/** Replaces every `currentColor` in the attributes, inline styles and style sheets under `root` by `colour`. */
export function resolveCurrentColor(root: Element, colour: string): void {
  const replace = (text: string) => text.replace(/currentcolor/gi, colour);
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const attribute of [...element.attributes]) {
      if (/currentcolor/i.test(attribute.value)) element.setAttribute(attribute.name, replace(attribute.value));
    }
    if (element.localName === 'style' && element.textContent && /currentcolor/i.test(element.textContent))
      element.textContent = replace(element.textContent);
  }
}

/** A serialised chart, with its size in CSS pixels. */
export type SerialisedChart = { svg: string; width: number; height: number };

/**
 * The chart Plot rendered (an `<svg>`, or a `<figure>` holding legends, the `<svg>` and titles) as one
 * standalone SVG document: `xmlns`, width, height and viewBox set, a background rectangle, the text
 * colour and font written on the root and every `currentColor` replaced by it. Swatch legends (HTML in
 * Plot) are redrawn as SVG rows above the plot; colour-ramp legends (already SVG) are stacked as they are.
 */
export function serialiseChart(node: Element, style: ExportStyle = DEFAULT_EXPORT_STYLE, title = ''): SerialisedChart {
  const doc = node.ownerDocument;
  const make = <K extends keyof SVGElementTagNameMap>(name: K) =>
    doc.createElementNS(SVG_NS, name) as SVGElementTagNameMap[K];
  const root = make('svg');
  let width: number;
  let height: number;
  const parts: { element: SVGElement; height: number }[] = [];
  if (node.localName === 'svg') {
    const svg = standalone(node, style);
    ({ width, height } = sizeOf(node));
    parts.push({ element: svg, height });
  } else {
    const children = [...node.children].filter((c) => c.localName !== 'style');
    width = Math.max(0, ...children.filter((c) => c.localName === 'svg').map((c) => sizeOf(c).width));
    if (!width) width = 640;
    for (const child of children) {
      if (child.localName === 'svg') parts.push({ element: standalone(child, style), height: sizeOf(child).height });
      else if (child.querySelector('svg')) parts.push(swatchRows(child, width, style.fontSize, make));
      else if ((child.textContent ?? '').trim()) parts.push(textLine(child, style.fontSize, make));
    }
    height = 0;
  }
  if (title) {
    const t = make('title');
    t.textContent = title;
    root.append(t);
  }
  const background = make('rect');
  for (const [k, v] of Object.entries({ width: '100%', height: '100%', fill: style.background }))
    background.setAttribute(k, v);
  root.append(background);
  let y = 0;
  const gap = parts.length > 1 ? 6 : 0;
  for (const part of parts) {
    part.element.setAttribute(
      part.element.localName === 'svg' ? 'y' : 'transform',
      part.element.localName === 'svg' ? String(y) : `translate(0,${y})`,
    );
    root.append(part.element);
    y += part.height + gap;
  }
  if (node.localName !== 'svg') height = Math.max(1, Math.ceil(y - gap));
  root.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', style.fontFamily);
  root.setAttribute('font-size', String(style.fontSize));
  root.setAttribute('color', style.color);
  root.setAttribute(
    'style',
    `color: ${style.color}; background: ${style.background}; font-family: ${style.fontFamily}; font-size: ${style.fontSize}px`,
  );
  resolveCurrentColor(root, style.color);
  const xml = new (doc.defaultView?.XMLSerializer ?? XMLSerializer)().serializeToString(root);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`, width, height };
}

/** A deep copy of one of Plot's `<svg>`s without the page-only parts of its inline style. */
function standalone(svg: Element, style: ExportStyle): SVGElement {
  const copy = svg.cloneNode(true) as SVGElement;
  const { width, height } = sizeOf(svg);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('x', '0');
  // what the page gave by inheritance is written out; the background is the file's rectangle
  copy.style.removeProperty('background');
  if (/^(inherit|)$/.test(copy.style.fontFamily)) copy.style.setProperty('font-family', style.fontFamily);
  if (copy.style.fontSize === 'inherit') copy.style.setProperty('font-size', `${style.fontSize}px`);
  // Plot's style sheet gives its svg `height: auto`, which a nested <svg> reads as 100% of the file
  copy.style.setProperty('width', `${width}px`);
  copy.style.setProperty('height', `${height}px`);
  copy.style.setProperty('max-width', 'none');
  return copy;
}

function sizeOf(svg: Element): { width: number; height: number } {
  const number = (name: string) => Number.parseFloat(svg.getAttribute(name) ?? '');
  let width = number('width');
  let height = number('height');
  const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  if (!(width > 0) && box.length === 4) width = box[2];
  if (!(height > 0) && box.length === 4) height = box[3];
  if (!(width > 0) || !(height > 0)) {
    const rect = svg.getBoundingClientRect();
    width = width > 0 ? width : rect.width;
    height = height > 0 ? height : rect.height;
  }
  return { width: Math.ceil(width || 0), height: Math.ceil(height || 0) };
}

type Make = <K extends keyof SVGElementTagNameMap>(name: K) => SVGElementTagNameMap[K];

/** A title or caption line of Plot's figure. */
function textLine(element: Element, fontSize: number, make: Make): { element: SVGElement; height: number } {
  const g = make('g');
  const text = make('text');
  const heading = /^h\d$/.test(element.localName);
  const size = heading ? Math.round(fontSize * 1.25) : fontSize;
  text.setAttribute('y', String(size));
  text.setAttribute('fill', 'currentColor');
  text.setAttribute('font-size', String(size));
  if (heading) text.setAttribute('font-weight', '600');
  text.textContent = (element.textContent ?? '').trim();
  g.append(text);
  return { element: g, height: Math.ceil(size * 1.5) };
}

/** Plot's HTML swatch legend redrawn in SVG: each swatch and its label, wrapped at the chart's width. */
function swatchRows(
  legend: Element,
  width: number,
  fontSize: number,
  make: Make,
): { element: SVGElement; height: number } {
  const g = make('g');
  const swatches = [...legend.children].filter((c) => c.localName !== 'style' && c.querySelector('svg'));
  const rowHeight = Math.max(18, Math.ceil(fontSize * 1.5));
  let x = 0;
  let row = 0;
  for (const swatch of swatches) {
    const mark = swatch.querySelector('svg')!;
    const { width: w, height: h } = sizeOf(mark);
    const label = (swatch.textContent ?? '').trim();
    const span = w + fontSize * 0.5 + label.length * fontSize * 0.6;
    if (x > 0 && x + span > width) [x, row] = [0, row + 1];
    const copy = mark.cloneNode(true) as SVGElement;
    copy.setAttribute('x', String(x));
    copy.setAttribute('y', String(row * rowHeight + (rowHeight - (h || 15)) / 2));
    copy.setAttribute('width', String(w || 15));
    copy.setAttribute('height', String(h || 15));
    copy.setAttribute('overflow', 'visible');
    copy.removeAttribute('style');
    const text = make('text');
    text.setAttribute('x', String(x + (w || 15) + fontSize * 0.5));
    text.setAttribute('y', String(row * rowHeight + rowHeight / 2));
    text.setAttribute('dy', '0.35em');
    text.setAttribute('fill', 'currentColor');
    text.textContent = label;
    g.append(copy, text);
    x += span + fontSize;
  }
  return { element: g, height: (row + 1) * rowHeight + 4 };
}
