import { percent } from '../format';
import { escapeHtml } from './escapeHtml';

/** Markup already made safe (built by these helpers); every other value is escaped where it is placed. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** Text or numbers escaped, markup kept, null shown as a dash. */
export type Content = string | number | null | undefined | Html | Content[];

/** Markup from a template: interpolated values are escaped unless they are `Html`. */
export function html(strings: TemplateStringsArray, ...values: Content[]): Html {
  let out = strings[0];
  values.forEach((v, i) => (out += render(v) + strings[i + 1]));
  return new Html(out);
}

export function render(value: Content): string {
  if (value instanceof Html) return value.html;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined) return '—';
  return escapeHtml(value);
}

/** A cell with a class (a number, a status colour). */
export interface Cell {
  content: Content;
  className?: string;
  title?: string;
}

/** A number cell (right-aligned), with a status class when given. */
export const num = (content: Content, className = ''): Cell => ({ content, className: `num ${className}`.trim() });
// cell formats of the page (src/render/format.ts) and of its panels
export const share = (x: number | null | undefined) => (x === null || x === undefined ? '—' : percent(x));
export const ciOnly = (ci: [number, number] | null | undefined) =>
  ci ? `[${percent(ci[0])}, ${percent(ci[1])}]` : '—';
export const seconds = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${x.toFixed(1)} s`);
export const pValue = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : x < 1e-4 ? '< 0.0001' : x.toFixed(4);
export const yesNo = (x: boolean) => (x ? 'yes' : 'no');
/** Dollars with cents, as the page writes them. */
export const cost = (x: number) =>
  `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const cell = (c: Content | Cell, tag: 'td' | 'th') => {
  const full: Cell =
    c !== null && typeof c === 'object' && !(c instanceof Html) && !Array.isArray(c) ? c : { content: c as Content };
  const numeric = typeof full.content === 'number';
  const className = [full.className, numeric ? 'num' : ''].filter(Boolean).join(' ');
  return `<${tag}${tag === 'th' ? ' scope="row"' : ''}${className ? ` class="${escapeHtml(className)}"` : ''}${full.title ? ` title="${escapeHtml(full.title)}"` : ''}>${render(full.content)}</${tag}>`;
};

/**
 * A table with a caption and column headers; the first cell of each row is its header. `scroll` wraps
 * long tables in a box of limited height on screen (the print stylesheet lets it grow); others scroll sideways
 * in their box when wider than the window.
 */
export function table(
  caption: string,
  columns: string[],
  rows: (Content | Cell)[][],
  { scroll = rows.length > 25, id }: { scroll?: boolean; id?: string } = {},
): Html {
  const head = `<thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => cell(c, i === 0 ? 'th' : 'td')).join('')}</tr>`).join('')}</tbody>`;
  const t = `<table${id ? ` id="${escapeHtml(id)}"` : ''}><caption>${escapeHtml(caption)}</caption>${head}${body}</table>`;
  // a box of its own either way: a table wider than a narrow window scrolls inside it, never the page
  return new Html(`<div class="${scroll ? 'scroll' : 'wide'}">${t}</div>`);
}

/** A definition list of facts: label → value (with an optional reading below). */
export function facts(items: { label: string; value: Content; reading?: Content; status?: string }[]): Html {
  return new Html(
    `<dl class="facts">${items
      .map(
        (f) =>
          `<div class="fact${f.status ? ` status-${escapeHtml(f.status)}` : ''}"><dt>${escapeHtml(f.label)}</dt><dd><span class="value">${render(f.value)}</span>${f.reading !== undefined ? `<span class="reading">${render(f.reading)}</span>` : ''}</dd></div>`,
      )
      .join('')}</dl>`,
  );
}

/** A section of the report with its id (the anchor of the contents) and heading. */
export function section(id: string, title: string, body: Content): Html {
  return new Html(
    `<section id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(id)}-title"><h2 id="${escapeHtml(id)}-title">${escapeHtml(title)}</h2>${render(body)}</section>`,
  );
}

/** A list of items (ids, notes), or a muted "none". */
export function list(items: Content[], none = 'none'): Html {
  return items.length
    ? new Html(`<ul>${items.map((i) => `<li>${render(i)}</li>`).join('')}</ul>`)
    : html`<p class="muted">${none}</p>`;
}
