// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { auditReport } from '../helpers/commands';
import { ARTIFACTS, record, useBuiltApp } from './harness';

const app = useBuiltApp();

const f3 = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * The same document to the last digits: chromium's V8 and node's may differ in the last bit of Math.exp / log,
 * which moves an exact binomial p-value or a Clopper-Pearson bound by 1e-16, so numbers compare to 1e-12.
 */
function expectSameReport(actual: unknown, expected: unknown, path = 'report'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
      1e-12 * Math.max(1, Math.abs(expected)),
    );
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true);
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected))
      expectSameReport((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
  } else expect(actual, path).toEqual(expected);
}

/** Clicks a download button and saves the file under test/artifacts. */
async function download(page: Page, testid: string, name: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByTestId(testid).click(),
  ]);
  const path = join(ARTIFACTS, name);
  await file.saveAs(path);
  return path;
}

describe('Download report in chromium', () => {
  it('the demo’s report file opens offline with no request and no error, and holds the page’s and the audit command’s numbers and charts', async () => {
    const expected = await auditReport('public/samples/demo.csv.gz');

    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const appLog = record(page);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByTestId('coefficient-table').waitFor({ timeout: 30_000 });
    await page.getByTestId('bootstrap-progress').waitFor({ state: 'detached', timeout: 60_000 });
    const pageFleiss = (await page.getByTestId('band-value').textContent())!.trim();
    const pageAlpha = (await page
      .locator('[data-metric="krippendorff_alpha.ordinal"] td')
      .first()
      .textContent())!.trim();
    expect(pageFleiss).toBe(
      `${f3(expected.agreement.fleiss_kappa)} [${f3(expected.agreement.ci95.fleiss_kappa[0])}, ${f3(expected.agreement.ci95.fleiss_kappa[1])}]`,
    );
    await page.getByRole('tab', { name: 'Judges & bias' }).click();
    const pageJudge = (await page
      .getByTestId('judge-accuracy')
      .locator('.value')
      .textContent({ timeout: 60_000 }))!.trim();
    expect(pageJudge).toBe(pct(expected.ai_judge.judges[0].vs_majority.directional_accuracy));

    // report.json: the very document the audit command prints
    const jsonPath = await download(page, 'download-report-json', 'report-demo.json');
    expect(jsonPath.endsWith('.json')).toBe(true);
    expectSameReport(JSON.parse(readFileSync(jsonPath, 'utf8')), expected);

    const htmlPath = await download(page, 'download-report', 'report-demo.html');
    await expect
      .poll(() => page.getByTestId('report-note').textContent())
      .toMatch(/prefscope-report-demo\.html: \d+ charts/);
    expect(
      appLog.requests.every((r) => r.startsWith(app.origin) || r.startsWith('blob:') || r.startsWith('data:')),
    ).toBe(true);
    expect(appLog.errors).toEqual([]);

    // the file, opened on its own with the network off: the only request is the file itself
    const offline = await app.browser.newContext({ viewport: { width: 1200, height: 900 }, offline: true });
    const view = await offline.newPage();
    const log = record(view);
    const fileUrl = pathToFileURL(htmlPath).href;
    await view.goto(fileUrl);
    await view.waitForLoadState('load');
    expect(log.requests).toEqual([fileUrl]);
    expect(log.errors).toEqual([]);
    expect(await view.locator('script').count()).toBe(0);
    expect(await view.title()).toBe('prefscope report: demo.csv.gz');
    const verdict = (await view.locator('.verdict').textContent())!;
    expect(verdict).toContain(`Fleiss' kappa = ${pageFleiss}`);
    expect(verdict).toContain(expected.agreement.band.label);
    expect(await view.locator('#agreement table').first().textContent()).toContain(pageAlpha);
    expect(await view.locator('#ai_judge').textContent()).toContain(pageJudge);
    expect(await view.locator('#summary').textContent()).toContain(expected.input.files[0].sha256);

    // the charts: inline SVG, drawn, with something in them
    const charts = view.locator('figure.chart svg[role="img"]');
    expect(await charts.count()).toBeGreaterThanOrEqual(15);
    for (let i = 0; i < (await charts.count()); i++) {
      const chart = charts.nth(i);
      const box = (await chart.boundingBox())!;
      expect(box.width, `chart ${i}`).toBeGreaterThan(100);
      expect(box.height, `chart ${i}`).toBeGreaterThan(50);
      expect(await chart.locator('rect, circle, path, line').count(), `chart ${i}`).toBeGreaterThan(5);
    }
    // in an 800 px window the report never scrolls sideways: a wide table scrolls inside its own box
    await view.setViewportSize({ width: 800, height: 900 });
    expect(await view.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    await view.screenshot({ path: join(ARTIFACTS, 'report-800.png') });
    await view.setViewportSize({ width: 1200, height: 900 });
    await view.screenshot({ path: join(ARTIFACTS, 'report-top.png') });
    await view.locator('#agreement .charts').screenshot({ path: join(ARTIFACTS, 'report-agreement-charts.png') });
    await view.locator('#bias .charts').screenshot({ path: join(ARTIFACTS, 'report-bias-charts.png') });
    await view.emulateMedia({ colorScheme: 'dark' });
    await view.locator('#agreement').scrollIntoViewIfNeeded();
    await view.screenshot({ path: join(ARTIFACTS, 'report-dark.png') });
    await view.emulateMedia({ media: 'print', colorScheme: 'light' });
    expect(await view.locator('nav.contents').isVisible()).toBe(false);
    const scroll = view.locator('#agreement .scroll').first();
    expect(await scroll.evaluate((e) => getComputedStyle(e).maxHeight)).toBe('none');
    await view.pdf({ path: join(ARTIFACTS, 'report-demo.pdf') });
    await offline.close();

    // the app printed: no navigation, no buttons or inputs, the content at full width
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByTestId('coefficient-table').waitFor();
    await page.emulateMedia({ media: 'print' });
    for (const hidden of [
      page.getByRole('tablist'),
      page.getByTestId('download-report'),
      page.locator('.drop').first(),
      page.locator('main select').first(),
    ])
      expect(await hidden.isVisible()).toBe(false);
    expect(await page.getByTestId('coefficient-table').isVisible()).toBe(true);
    expect(await page.locator('main').evaluate((e) => getComputedStyle(e).maxWidth)).toBe('none');
    await page.screenshot({ path: join(ARTIFACTS, 'print-agreement.png'), fullPage: true });
    await context.close();
  }, 180_000);
});
