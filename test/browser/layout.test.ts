// @vitest-environment node
// Every panel of both demos at 800 and 1440 px: no two visible labels of a chart overlap (direct labels, tick
// labels, legends; measured on the rendered SVG), and the page never scrolls sideways.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PANELS } from '../../src/app/panels';
import { ARTIFACTS, record, settled, useBuiltApp } from './harness';

const app = useBuiltApp();

/** Pairs of visible texts whose boxes overlap by more than 1 px in both directions, per chart title. */
async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const figure of document.querySelectorAll('figure.chart')) {
      const title =
        figure.querySelector('figcaption, h4, .title')?.textContent?.trim() ?? figure.getAttribute('aria-label') ?? '?';
      const boxes = [...figure.querySelectorAll('svg text')]
        .filter(
          (t) =>
            t.textContent?.trim() &&
            getComputedStyle(t).display !== 'none' &&
            getComputedStyle(t).visibility !== 'hidden' &&
            t.closest('[display="none"]') === null,
        )
        .map((t) => ({ text: t.textContent!.trim(), box: t.getBoundingClientRect() }))
        .filter((b) => b.box.width > 0 && b.box.height > 0);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].box;
          const b = boxes[j].box;
          const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (dx > 1 && dy > 1) found.push(`${title}: "${boxes[i].text}" over "${boxes[j].text}"`);
        }
    }
    return found;
  });
}

describe('layout in chromium', () => {
  for (const demo of ['demo', 'rubric-demo'] as const)
    for (const width of [800, 1440])
      it(`no chart label overlaps another and nothing scrolls sideways on any panel of the ${demo} at ${width} px`, async () => {
        const page = await app.browser.newPage({ viewport: { width, height: 900 } });
        const log = record(page);
        await page.goto(app.url);
        await page.getByRole('button', { name: demo === 'demo' ? 'Try the demo' : 'Try the rubric demo' }).click();
        await page.getByTestId('stat-rows').waitFor({ timeout: 60_000 });
        const found: string[] = [];
        for (const panel of PANELS.filter((p) => p.id !== 'columns')) {
          await page.getByRole('tab', { name: panel.name, exact: true }).click();
          await settled(page);
          await page.evaluate(() =>
            document
              .querySelectorAll('main details:not([open])')
              .forEach((d) => ((d as HTMLDetailsElement).open = true)),
          );
          await settled(page);
          found.push(...(await overlaps(page)).map((o) => `${panel.name}: ${o}`));
          // every shown chart text is painted (a stroked Plot text is left unfilled unless told otherwise)
          const unfilled = await page.evaluate(() =>
            [...document.querySelectorAll('figure.chart svg text')]
              .filter((t) => t.textContent?.trim() && t.closest('[display="none"]') === null)
              .filter((t) => ['none', 'transparent'].includes(getComputedStyle(t).fill))
              .map((t) => t.textContent!.trim()),
          );
          if (unfilled.length) found.push(`${panel.name}: unfilled chart text ${unfilled.slice(0, 5).join(', ')}`);
          const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (sideways > 1) found.push(`${panel.name}: the page scrolls ${sideways} px sideways`);
          await page.screenshot({ path: join(ARTIFACTS, `layout-${demo}-${width}-${panel.id}.png`), fullPage: true });
        }
        expect(found).toEqual([]);
        expect(log.errors).toEqual([]);
        await page.close();
      }, 240_000);
});
