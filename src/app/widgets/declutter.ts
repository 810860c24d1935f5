// Direct labels (Plot text marks) that would cover one drawn before them, or an axis's tick labels, are hidden:
// the text stays in the mark's tooltip and in the table beside every chart. Measured on the rendered SVG (so a
// downloaded SVG or PNG, made from it, is as legible); the spec's order of the labels is their priority.

function overlap(a: DOMRect, b: DOMRect): boolean {
  return (
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1
  );
}

/** Hides the direct labels of a rendered chart that overlap; returns how many were hidden (0 before layout). */
export function declutter(svg: Element): number {
  const labels = [...svg.querySelectorAll('g[aria-label="text"] text')];
  const placed = [...svg.querySelectorAll('g[aria-label$="tick label"] text')]
    .map((t) => t.getBoundingClientRect())
    .filter((b) => b.width > 0);
  let hidden = 0;
  for (const label of labels) {
    const box = label.getBoundingClientRect();
    if (box.width === 0 || !label.textContent?.trim()) continue;
    if (placed.some((p) => overlap(p, box))) {
      label.setAttribute('display', 'none');
      hidden++;
    } else placed.push(box);
  }
  return hidden;
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
