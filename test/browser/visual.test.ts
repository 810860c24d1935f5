// @vitest-environment node
// Visual regression: every panel of both demos at 800 and 1440 px, light and dark, against the baselines in
// test/visual/baselines (half-size PNGs). A change beyond the threshold fails with a diff image in
// test/artifacts/visual; after reviewing it, `npm run visual:accept` makes the new images the baselines.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PANELS } from '../../src/app/panels';
import { checkScreenshot } from '../visual/compareImages';
import { ARTIFACTS, record, settled, useBuiltApp } from './harness';

const app = useBuiltApp();
const ACCEPT = process.env.UPDATE_VISUAL === '1';
const OUT = join(ARTIFACTS, 'visual');
// what changes from run to run is hidden: timings, the offline note (set when the service worker is ready)
const STILL = '[data-volatile] { visibility: hidden !important; } * { caret-color: transparent !important; }';

describe('visual regression in chromium', () => {
  for (const demo of ['demo', 'rubric-demo'] as const)
    for (const scheme of ['light', 'dark'] as const)
      for (const width of [800, 1440])
        it(`every panel of the ${demo} at ${width} px in ${scheme} matches its baseline`, async () => {
          const page = await app.browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
          const log = record(page);
          await page.goto(app.url);
          await page.getByRole('button', { name: demo === 'demo' ? 'Try the demo' : 'Try the rubric demo' }).click();
          await page.getByTestId('stat-rows').waitFor({ timeout: 60_000 });
          await page.addStyleTag({ content: STILL });
          const differences: string[] = [];
          for (const panel of PANELS) {
            await page.getByRole('tab', { name: panel.name, exact: true }).click();
            await page.mouse.move(0, 0); // no hover state on the tab
            await settled(page);
            // a full-page capture waits for a frame; on two loaded cores (CI) that once took over the 30 s default
            const shot = await page.screenshot({ fullPage: true, animations: 'disabled', timeout: 120_000 });
            const difference = checkScreenshot(`${demo}-${scheme}-${width}-${panel.id}`, shot, OUT, ACCEPT);
            if (difference) differences.push(difference);
          }
          await page.close();
          expect(log.errors).toEqual([]);
          expect(differences).toEqual([]);
        }, 300_000);
});
