import { launch, serveDist } from '../browser/harness';
import { watchPeak } from './rendererMemory';

/**
 * Reads a file in the built app in chromium `loads` times (time from choosing the file to the overview),
 * then recomputes the agreement section (no bootstrap) `agreements` times, reading the worker's own
 * timing from the page.
 */
export interface BrowserBench {
  load: number[];
  agreement: number[];
  aggregation: number[];
  /** main-thread tasks over 50 ms during the last session (PerformanceObserver 'longtask'), ms */
  longTasks: number[];
  /** peak resident memory of the renderer processes (tab + worker) over the last session, MB */
  peakRssMb: number;
}

export async function browserBench(path: string, loads: number, agreements: number): Promise<BrowserBench> {
  const { server, url } = await serveDist();
  const browser = await launch();
  const load: number[] = [];
  const agreement: number[] = [];
  const aggregation: number[] = [];
  let longTasks: number[] = [];
  let peakRssMb = 0;
  try {
    for (let i = 0; i < loads; i++) {
      const page = await browser.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({
          type: 'longtask',
          buffered: true,
        });
      });
      const stopWatching = watchPeak();
      await page.goto(url);
      const t = Date.now();
      await page.getByTestId('file-input').setInputFiles(path);
      await page.getByTestId('stat-rows').waitFor({ timeout: 120_000 });
      load.push(Date.now() - t);
      if (i < loads - 1) {
        stopWatching();
        await page.close();
        continue;
      }
      await page.getByRole('tab', { name: 'Agreement' }).click();
      await page.getByTestId('coefficient-table').waitFor({ timeout: 120_000 });
      await page.getByText(/^Settings:/).click();
      await page.getByTestId('bootstrap-input').fill('0');
      await page.getByTestId('bootstrap-input').press('Enter');
      await page.getByTestId('bootstrap-input').blur();
      const metrics = [
        'fleiss_kappa',
        'gwet_ac1',
        'krippendorff_alpha.ordinal',
        'percent_agreement.strict',
        'krippendorff_alpha.interval',
        'fleiss_kappa',
      ];
      for (let k = 0; k < agreements; k++) {
        const metric = metrics[(k + 1) % metrics.length];
        await page.getByLabel('Coefficient that drives the verdict').selectOption(metric);
        await page.locator(`[data-testid=band-card][data-metric="${metric}"]`).waitFor({ timeout: 60_000 });
        agreement.push(Number(await page.getByTestId('elapsed').getAttribute('data-ms')));
      }
      // Dawid-Skene (with majority and weighted votes): switching the export method recomputes it
      await page.getByRole('tab', { name: 'Final labels' }).click();
      const elapsed = page.getByTestId('aggregation-elapsed');
      await elapsed.waitFor({ timeout: 120_000 }); // this first result may come from the worker's cache: not timed
      for (let k = 1; k <= agreements; k++) {
        const previous = await elapsed.getAttribute('data-ms');
        await page.getByLabel(`Use ${['Dawid-Skene', 'Majority vote'][k % 2]}`).check();
        await page.waitForFunction(
          (p) => document.querySelector('[data-testid=aggregation-elapsed]')?.getAttribute('data-ms') !== p,
          previous,
          { timeout: 120_000 },
        );
        aggregation.push(Number(await elapsed.getAttribute('data-ms')));
      }
      // visit every panel once, as a user would
      for (const tab of ['Annotators', 'Overview', 'Columns & labels', 'Agreement']) {
        await page.getByRole('tab', { name: tab }).click();
        await page.waitForTimeout(1500);
      }
      longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
      peakRssMb = stopWatching();
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { load, agreement, aggregation, longTasks, peakRssMb };
}

/** Seconds from choosing a file to the overview, once, in a fresh page (for the Parquet and gzip forms). */
export async function browserLoadOnce(path: string): Promise<number> {
  const { server, url } = await serveDist();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const t = Date.now();
    await page.getByTestId('file-input').setInputFiles(path);
    await page.getByTestId('stat-rows').waitFor({ timeout: 180_000 });
    return Date.now() - t;
  } finally {
    await browser.close();
    server.close();
  }
}
