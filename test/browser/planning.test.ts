// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { plan as planCommand } from '../helpers/commands';
import { ARTIFACTS, record, useBuiltApp } from './harness';
import { csvRecords } from '../helpers/csvRecords';

const ROOT = join(import.meta.dirname, '../..');
const DEMO = join(ROOT, 'public/samples/demo.csv.gz');
const app = useBuiltApp();

async function plan(...args: string[]) {
  const out = await planCommand(...args);
  expect(out.status, out.stderr).toBe(0);
  return JSON.parse(out.stdout);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function openPlanning(page: Page, at = app.url): Promise<void> {
  await page.goto(at);
  await page.getByRole('button', { name: /Try the demo/ }).click();
  await page.getByTestId('stat-rows').or(page.getByTestId('gold-caught')).first().waitFor({ timeout: 30_000 });
  if (!(await page.getByTestId('gold-caught').count())) await page.getByRole('tab', { name: 'Planning' }).click();
  await page.getByTestId('gold-caught').waitFor({ timeout: 60_000 });
  await page.getByTestId('subsample-reading').waitFor({ timeout: 60_000 });
}

describe('the Planning panel in chromium', () => {
  it('shows every planner with the numbers of the plan command, reacts to prices, and a copied link reproduces the inputs', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const log = record(page);
    await openPlanning(page);
    // cost comparison at the default prices equals the command's
    const cost = await plan('cost');
    const firstRow = await page
      .getByTestId('comparison-table')
      .locator('tbody tr')
      .first()
      .locator('td')
      .allTextContents();
    expect(firstRow).toEqual(
      Object.values(cost.comparison.rows[0].totals as Record<string, number>).map(
        (t) => `$${t.toLocaleString('en-US', { maximumFractionDigits: t < 100 ? 2 : 0 })}`,
      ),
    );
    // the gold planner: exact value as the command, and the simulation agrees within its interval
    const gold = await plan(
      'gold',
      '--gold-share',
      '0.1',
      '--min-gold',
      '5',
      '--threshold',
      '0.6',
      '--accuracy',
      '0.4',
      '--tasks',
      '200',
    );
    expect(await page.getByTestId('gold-caught').locator('.value').textContent()).toBe(pct(gold.p_caught));
    expect(Math.abs(gold.clicker.p_caught_simulated - gold.p_caught)).toBeLessThan(
      4 * gold.clicker.p_caught_simulated_se + 1e-9,
    );
    // labels per pair: the command on the same file with the page's defaults gives the same marginal readings
    const sub = await plan('subsample', DEMO, '--price', '0.3', '--repeats', '50', '--seed', '1');
    const marginals = sub.points
      .filter((p: { marginal: unknown }) => p.marginal)
      .map((p: { marginal: { text: string } }) => p.marginal.text);
    expect(await page.locator('section[aria-labelledby="perpair-title"] ul.marginal li').allTextContents()).toEqual(
      marginals,
    );
    // what to label next: a batch from the demo's reward scores, downloadable
    await page.getByTestId('next-summary').waitFor({ timeout: 30_000 });
    const download = page.waitForEvent('download');
    await page.getByTestId('next-download').click();
    const records = csvRecords(readFileSync(await (await download).path(), 'utf8'));
    expect(records[0]).toEqual(['item', 'prompt', 'response_a', 'response_b', 'uncertainty', 'diversity', 'score']);
    expect(records).toHaveLength(101);
    await page.screenshot({ path: join(ARTIFACTS, 'planning.png'), fullPage: true });
    // a price changes the table at once, and the link keeps it
    await page.getByTestId('price-Human only').fill('2');
    await expect
      .poll(
        async () =>
          page.getByTestId('comparison-table').locator('tbody tr').first().locator('td').first().textContent(),
        { timeout: 5000 },
      )
      .toBe('$20,000');
    await page.getByTestId('gold-goldShare').fill('5');
    await expect
      .poll(async () => page.getByTestId('gold-caught').locator('.value').textContent(), { timeout: 10_000 })
      .not.toBe(pct(gold.p_caught));
    const link = page.url();
    expect(JSON.parse(new URLSearchParams(new URL(link).hash.slice(1)).get('plan')!).prices['Human only']).toBe(2);
    const again = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await openPlanning(again, link);
    expect(await again.getByTestId('price-Human only').inputValue()).toBe('2');
    expect(await again.getByTestId('gold-goldShare').inputValue()).toBe('5');
    const gold5 = await plan(
      'gold',
      '--gold-share',
      '0.05',
      '--min-gold',
      '5',
      '--threshold',
      '0.6',
      '--accuracy',
      '0.4',
      '--tasks',
      '200',
    );
    expect(await again.getByTestId('gold-caught').locator('.value').textContent()).toBe(pct(gold5.p_caught));
    for (const chart of await page.locator('section[aria-labelledby="planning-title"] figure.chart').all())
      expect(
        await chart.locator('svg').count(),
        (await chart.locator('figcaption').textContent()) ?? '',
      ).toBeGreaterThan(0);
    expect(log.errors).toEqual([]);
    expect(
      log.requests.filter((r) => !r.startsWith(app.origin) && !r.startsWith('blob:') && !r.startsWith('data:')),
    ).toEqual([]);
    await again.close();
    await page.close();
  }, 180_000);

  it('an invalid batch size leaves the last batch dimmed with a reason, and a valid one brings it back', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const log = record(page);
    await openPlanning(page);
    const summary = page.getByTestId('next-summary');
    await summary.waitFor({ timeout: 60_000 });
    const stale = page.locator('.stale', { has: summary });
    expect(await stale.count()).toBe(0);
    await page.getByTestId('next-size').fill('0');
    await page.getByRole('alert').filter({ hasText: 'not a batch size' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'not a batch size' }).textContent()).toMatch(
      /the batch below is for the last valid size/,
    );
    expect(await stale.count()).toBe(1);
    await page.getByTestId('next-size').fill('50');
    await expect.poll(() => stale.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toMatch(/^\s*50 pairs ranked/);
    expect(log.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
