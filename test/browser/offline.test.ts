// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditReport } from '../helpers/commands';
import { ARTIFACTS, record, serveDist, useBuiltApp } from './harness';

const ROOT = join(import.meta.dirname, '../..');
const app = useBuiltApp();
let server: Server;
let origin: string;
let url: string;

beforeAll(async () => {
  // a server of this file's own: the test shuts it down
  ({ server, origin, url } = await serveDist());
});

afterAll(() => {
  server?.close();
});

describe('offline use (service worker)', () => {
  it('the build writes sw.js with every built file and a version from their hashes', () => {
    const sw = readFileSync(join(ROOT, 'dist/sw.js'), 'utf8');
    const files = JSON.parse(/const FILES = (\[[^\]]*\]);/.exec(sw)![1]) as string[];
    expect(files).toContain('index.html');
    expect(files).toContain('samples/demo.csv.gz');
    expect(files).not.toContain('sw.js');
    const assets = execFileSync('ls', [join(ROOT, 'dist/assets')], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((f) => `assets/${f}`);
    for (const asset of assets) expect(files).toContain(asset);
    expect(sw).toMatch(/const VERSION = "[0-9a-f]{16}";/);
  });

  it('after one visit the page opens, reads the demo and computes with the server gone', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const log = record(page);
    await page.goto(url);
    // the page says so once the service worker is active
    await page.getByTestId('offline-note').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('offline-note').textContent()).toBe(
      'Works offline: this page is cached on your machine',
    );
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const registration = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { scope: r?.scope, script: r?.active?.scriptURL };
    });
    expect(registration).toEqual({ scope: `${origin}/prefscope/`, script: `${origin}/prefscope/sw.js` });
    expect(log.errors).toEqual([]);

    // the server refuses everything from now on (closed: connection refused), and the browser is offline too
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await context.setOffline(true);
    expect(
      await page.evaluate(() =>
        fetch('/prefscope/not-cached.txt').then(
          () => 'reached',
          () => 'refused',
        ),
      ),
    ).toBe('refused');
    expect(log.errors).toEqual(['Failed to load resource: net::ERR_FAILED']); // that probe
    log.errors.length = 0;
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));

    const responses: Response[] = [];
    page.on('response', (r) => responses.push(r));
    await page.reload();
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    // the same numbers as the audit command on the same file
    const report = await auditReport('public/samples/demo.csv.gz');
    expect(await page.getByTestId('stat-rows').locator('.value').textContent()).toBe(
      report.input.rows.toLocaleString('en-US'),
    );
    // and it computes: the worker (its script from the cache) runs the agreement panel
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByTestId('elapsed').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid="bootstrap-progress"]'), undefined, {
      timeout: 60_000,
    });
    const fleiss = await page
      .locator('[data-testid=coefficient-table] tr[data-metric="fleiss_kappa"] td')
      .first()
      .textContent();
    expect(fleiss).toContain(report.agreement.fleiss_kappa.toFixed(3));
    await page.locator('figure.chart svg').first().waitFor({ timeout: 30_000 });
    // every response of the offline visit came from the service worker's cache
    const notFromCache = responses
      .filter((r) => !r.fromServiceWorker() && !r.url().startsWith('blob:') && !r.url().startsWith('data:'))
      .map((r) => r.url());
    expect(notFromCache).toEqual([]);
    expect(responses.map((r) => r.url())).toContain(`${origin}/prefscope/samples/demo.csv.gz`);
    await page.getByTestId('offline-note').waitFor({ timeout: 10_000 });
    expect(failed).toEqual([]);
    expect(log.errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'offline.png'), fullPage: false });
    await context.close();
  }, 180_000);
});
