import { describe, expect, it } from 'vitest';
import { rng } from '../../../src/core/rng';
import { declutter } from '../../../src/app/widgets/declutter';

type Box = { left: number; top: number; right: number; bottom: number; width: number; height: number };
const box = (left: number, top: number, width: number, height: number): Box => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
  width,
  height,
});

/** A stand-in for a rendered chart: labels and tick labels with fixed boxes; counts the box reads after a write. */
function chart(labels: Box[], ticks: Box[] = []) {
  const hidden = new Set<number>();
  let writes = 0;
  let readsAfterWrite = 0;
  const element = (b: Box, i: number | null) => ({
    textContent: 'x',
    getBoundingClientRect: () => {
      if (writes > 0) readsAfterWrite++;
      return b;
    },
    setAttribute: (name: string, value: string) => {
      writes++;
      if (i !== null && name === 'display' && value === 'none') hidden.add(i);
    },
  });
  const svg = {
    querySelectorAll: (selector: string) =>
      selector.includes('tick label') ? ticks.map((b) => element(b, null)) : labels.map((b, i) => element(b, i)),
  };
  return { svg: svg as unknown as Element, hidden, readsAfterWrite: () => readsAfterWrite };
}

/** The rule written the plain way: each label against every tick and every label kept before it. */
function plainRule(labels: Box[], ticks: Box[]): Set<number> {
  const over = (a: Box, b: Box) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  const placed = ticks.filter((t) => t.width > 0);
  const hidden = new Set<number>();
  labels.forEach((b, i) => {
    if (b.width === 0) return;
    if (placed.some((p) => over(p, b))) hidden.add(i);
    else placed.push(b);
  });
  return hidden;
}

describe('declutter', () => {
  it('hides a label that covers an earlier label or a tick label, keeps the rest', () => {
    const labels = [box(10, 10, 40, 12), box(30, 12, 40, 12), box(100, 10, 40, 12), box(0, 200, 30, 10)];
    const c = chart(labels, [box(5, 198, 20, 10)]);
    expect(declutter(c.svg)).toBe(2);
    expect([...c.hidden].sort()).toEqual([1, 3]);
  });

  it('hides exactly the labels the plain rule hides, on 2,000 random labels, reading every box before hiding any', () => {
    const random = rng(5);
    const labels = Array.from({ length: 2000 }, () =>
      box(random() * 1200, random() * 800, 10 + random() * 80, 8 + random() * 6),
    );
    const ticks = Array.from({ length: 20 }, (_, i) => box(i * 60, 805, 30, 10));
    const c = chart(labels, ticks);
    declutter(c.svg);
    expect(c.hidden).toEqual(plainRule(labels, ticks));
    expect(c.readsAfterWrite()).toBe(0);
  });
});
