import type { Browser, Page } from 'playwright-core';
import { launch, serveDist } from '../browser/harness';
import { watchPeak } from './rendererMemory';

/**
 * Reads a file in the built app in chromium, `loads` times over, each time in two fresh pages: one timed from
 * choosing the file to the overview (`stat-rows`), one from choosing the file to the agreement coefficients on
 * screen (the Agreement tab opened as soon as it appears, then `coefficient-table`). `between` runs before each
 * pair of pages (the benchmark runs the floor there, so the floor and chromium share the same drift). After the
 * last load, the agreement section (no bootstrap; a new seed each time, so the worker's cache cannot answer) is
 * recomputed `agreements` times and the final labels as many times (the method alternates; the cache holds
 * one), reading the worker's own timing from the page, and every panel is visited once.
 */
export interface BrowserBench {
  /** chromium's version */
  version: string;
  /** ms from choosing the file to the overview */
  overview: number[];
  /** ms from choosing the file to the agreement coefficient table */
  coefficients: number[];
  agreement: number[];
  aggregation: number[];
  /** main-thread tasks over 50 ms in every page (PerformanceObserver 'longtask'), ms, by where they came */
  longTasks: { where: LongTaskPhase; ms: number }[];
  /** peak resident memory of the renderer processes (tab + worker, /proc VmRSS) over every page, MB */
  peakRssMb: number;
}

export type LongTaskPhase = 'choose → overview' | 'choose → coefficients' | 'rest of the session';

const TIMEOUT = 180_000;

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await page.goto(url);
  return page;
}

/** The page's long tasks not taken yet (the list is emptied), as entries of `where`. */
const takeLongTasks = async (page: Page, where: LongTaskPhase) =>
  (await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0))).map((ms) => ({
    where,
    ms,
  }));

export async function browserBench(
  path: string,
  { loads, agreements, between }: { loads: number; agreements: number; between?: () => void },
): Promise<BrowserBench> {
  const { server, url } = await serveDist();
  const browser = await launch();
  const out: BrowserBench = {
    version: browser.version(),
    overview: [],
    coefficients: [],
    agreement: [],
    aggregation: [],
    longTasks: [],
    peakRssMb: 0,
  };
  try {
    for (let i = 0; i < loads; i++) {
      between?.();
      // choose the file → the overview
      let stopWatching = watchPeak();
      let page = await openPage(browser, url);
      let t = Date.now();
      await page.getByTestId('file-input').setInputFiles(path);
      await page.getByTestId('stat-rows').waitFor({ timeout: TIMEOUT });
      out.overview.push(Date.now() - t);
      out.longTasks.push(...(await takeLongTasks(page, 'choose → overview')));
      await page.close();
      out.peakRssMb = Math.max(out.peakRssMb, stopWatching());

      // choose the file → the Agreement tab (clicked as soon as the tabs appear) → the coefficient table
      stopWatching = watchPeak();
      page = await openPage(browser, url);
      t = Date.now();
      await page.getByTestId('file-input').setInputFiles(path);
      await page.getByRole('tab', { name: 'Agreement' }).click({ timeout: TIMEOUT });
      await page.getByTestId('coefficient-table').waitFor({ timeout: TIMEOUT });
      out.coefficients.push(Date.now() - t);
      out.longTasks.push(...(await takeLongTasks(page, 'choose → coefficients')));
      if (i === loads - 1) {
        await session(page, agreements, out);
        out.longTasks.push(...(await takeLongTasks(page, 'rest of the session')));
      }
      await page.close();
      out.peakRssMb = Math.max(out.peakRssMb, stopWatching());
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

/** The rest of a session, as a user would go on: recompute agreement and final labels, visit every panel. */
async function session(page: Page, agreements: number, out: BrowserBench): Promise<void> {
  await page.getByText(/^Settings:/).click();
  await page.getByTestId('bootstrap-input').fill('0');
  await page.getByTestId('bootstrap-input').press('Enter');
  await page.getByTestId('bootstrap-input').blur();
  // still: no panel computing, no bootstrap under way (the elapsed time read next is this setting's)
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"], [data-testid="bootstrap-progress"]'),
    undefined,
    { timeout: TIMEOUT },
  );
  // the coefficient behind the verdict is a display choice (nothing recomputed): a new seed is a new cache key,
  // so the worker computes the agreement section (no bootstrap) again
  const elapsedMs = page.getByTestId('elapsed');
  for (let k = 1; k <= agreements; k++) {
    const previous = await elapsedMs.getAttribute('data-ms');
    await page.getByLabel('Seed').fill(String(1000 + k));
    await page.getByLabel('Seed').press('Enter');
    await page.getByLabel('Seed').blur();
    await page.waitForFunction(
      (p) => document.querySelector('[data-testid=elapsed]')?.getAttribute('data-ms') !== p,
      previous,
      { timeout: TIMEOUT },
    );
    out.agreement.push(Number(await elapsedMs.getAttribute('data-ms')));
  }
  // every final-label method: choosing the export's method refits nothing, a new score weight refits them all
  // (the reliability-weighted vote's weights are the composite scores)
  await page.getByRole('tab', { name: 'Final labels' }).click();
  const elapsed = page.getByTestId('aggregation-elapsed');
  await elapsed.waitFor({ timeout: TIMEOUT }); // this first result may come from the worker's cache: not timed
  for (let k = 1; k <= agreements; k++) {
    const previous = await elapsed.getAttribute('data-ms');
    await page.getByRole('tab', { name: 'Annotators' }).click();
    const speed = page.getByLabel('speed', { exact: true });
    if (!(await speed.isVisible())) await page.getByText('Score weights:').click();
    await speed.fill(String(0.3 + 0.05 * k));
    await speed.press('Enter');
    await speed.blur();
    await page.getByRole('tab', { name: 'Final labels' }).click();
    await page.waitForFunction(
      (p) => document.querySelector('[data-testid=aggregation-elapsed]')?.getAttribute('data-ms') !== p,
      previous,
      { timeout: TIMEOUT },
    );
    out.aggregation.push(Number(await elapsed.getAttribute('data-ms')));
  }
  // visit every panel once, as a user would
  for (const tab of ['Annotators', 'Overview', 'Columns & labels', 'Agreement']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForTimeout(1500);
  }
}

/** Milliseconds from choosing a file to the overview, once, in a fresh page (for the Parquet and gzip forms). */
export async function browserLoadOnce(path: string): Promise<number> {
  const { server, url } = await serveDist();
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(url);
    const t = Date.now();
    await page.getByTestId('file-input').setInputFiles(path);
    await page.getByTestId('stat-rows').waitFor({ timeout: TIMEOUT });
    return Date.now() - t;
  } finally {
    await browser.close();
    server.close();
  }
}
