// Direct labels (Plot text marks) that would cover one drawn before them, or an axis's tick labels, are hidden:
// the text stays in the mark's tooltip and in the table beside every chart. Measured on the rendered SVG (so a
// downloaded SVG or PNG, made from it, is as legible); the spec's order of the labels is their priority.

function overlap(a: DOMRect, b: DOMRect): boolean {
  return (
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1
  );
}

/** Grid cell (px) of the overlap index: a label is checked only against boxes in the cells it covers. */
const CELL = 64;

/** Boxes indexed by the grid cells they cover, so a check looks at its neighbours only (not every box). */
class BoxGrid {
  private readonly cells = new Map<string, DOMRect[]>();
  private *keys(b: DOMRect): Generator<string> {
    for (let x = Math.floor(b.left / CELL); x <= Math.floor(b.right / CELL); x++)
      for (let y = Math.floor(b.top / CELL); y <= Math.floor(b.bottom / CELL); y++) yield `${x},${y}`;
  }
  add(b: DOMRect): void {
    for (const key of this.keys(b)) {
      const cell = this.cells.get(key);
      if (cell) cell.push(b);
      else this.cells.set(key, [b]);
    }
  }
  hits(b: DOMRect): boolean {
    for (const key of this.keys(b)) if (this.cells.get(key)?.some((p) => overlap(p, b))) return true;
    return false;
  }
}

/**
 * Hides the direct labels of a rendered chart that overlap; returns how many were hidden (0 before layout).
 * Every box is read before any label is hidden (hiding one moves no other), so the page lays out once, not
 * once per hidden label.
 */
export function declutter(svg: Element): number {
  const labels = [...svg.querySelectorAll('g[aria-label="text"] text')];
  const ticks = [...svg.querySelectorAll('g[aria-label$="tick label"] text')].map((t) => t.getBoundingClientRect());
  const boxes = labels.map((label) => label.getBoundingClientRect());
  const placed = new BoxGrid();
  for (const b of ticks) if (b.width > 0) placed.add(b);
  const hide: Element[] = [];
  labels.forEach((label, i) => {
    const box = boxes[i];
    if (box.width === 0 || !label.textContent?.trim()) return;
    if (placed.hits(box)) hide.push(label);
    else placed.add(box);
  });
  for (const label of hide) label.setAttribute('display', 'none');
  return hide.length;
}

/**
 * Declutters once the chart is laid out: now when it is, else when it first gets a box (a chart in a closed
 * section is measured when the section opens). The margin makes "intersecting" mean "laid out anywhere".
 */
export function declutterWhenShown(svg: Element): () => void {
  if (svg.getBoundingClientRect().width > 0) {
    declutter(svg);
    return () => {};
  }
  if (typeof IntersectionObserver === 'undefined') return () => {};
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        declutter(svg);
        observer.disconnect();
      }
    },
    { rootMargin: '100000px' },
  );
  observer.observe(svg);
  return () => observer.disconnect();
}
