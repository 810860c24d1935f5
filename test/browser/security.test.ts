// @vitest-environment node
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, record, settled, useBuiltApp } from './harness';

const app = useBuiltApp();

// every text the data can put on the page carries a payload that sets window.__pwned or opens a dialog if it ever runs
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
  'javascript:window.__pwned=4',
  '<a href="javascript:alert(5)">click</a>',
  "'; alert(6); '",
  '<iframe srcdoc="<script>parent.__pwned=7</script>">',
];
const p = (i: number) => PAYLOADS[i % PAYLOADS.length];
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** 60 pairs × 3 annotators whose ids, texts, models, slices and judge labels are payloads (valid labels kept). */
function writeHostileCsv(path: string): void {
  const lines = [
    'example_id,annotator_id,label,prompt,response_a,response_b,model_a,model_b,domain,ai_label,ai_confidence,gold_label',
  ];
  const labels = ['A>', 'B>', '=', 'A>>', 'B>>'];
  for (let i = 0; i < 60; i++) {
    for (let k = 0; k < 3; k++) {
      const who = `${p(k)}ann${k}`;
      lines.push(
        [
          q(`${p(i)}#${i}`),
          q(who),
          labels[(i + k) % 5],
          q(`${p(i + 1)} prompt ${i}`),
          q(`${p(i + 2)} A`),
          q(`${p(i + 3)} B${i % 7 === 0 ? '' : ' longer text here'}`),
          q(`${p(i)}m${i % 3}`),
          q(`${p(i + 1)}m${(i + 1) % 3}`),
          q(p(i % 3)),
          labels[i % 3],
          '0.7',
          i % 10 === 0 ? 'A>' : '',
        ].join(','),
      );
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null);
}

describe('hostile data in the built app', () => {
  it('no payload from the data runs on any panel, in any list, export or the report; nothing leaves the page; nothing is stored', async () => {
    const path = join(ARTIFACTS, 'hostile.csv');
    writeHostileCsv(path);
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const log = record(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(app.url);
    await page.getByTestId('file-input').setInputFiles(path);
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    const panels = [
      'Overview',
      'Agreement',
      'Annotators',
      'Final labels',
      'Judges & bias',
      'Planning',
      'Columns & labels',
    ];
    for (const name of panels) {
      await page.getByRole('tab', { name, exact: true }).click();
      await settled(page);
      await page.evaluate(() =>
        document.querySelectorAll('main details:not([open])').forEach((d) => ((d as HTMLDetailsElement).open = true)),
      );
      for (const button of await page.getByRole('button', { name: /^Show the first/ }).all()) await button.click();
      await settled(page);
      expect(await pwned(page), name).toBeNull();
    }
    // the disagreement list behind a heatmap cell, with its texts
    await page.getByRole('tab', { name: 'Agreement', exact: true }).click();
    const cell = page
      .locator('figure.chart', { hasText: "Pairwise Cohen's kappa" })
      .locator('g[aria-label="cell"]:not([aria-description]) rect')
      .first();
    if (await cell.count()) {
      await cell.click();
      await settled(page);
    }
    // exports: final labels, annotations, TRL, the report; all files saved, none from elsewhere
    await page.getByRole('tab', { name: 'Final labels', exact: true }).click();
    const saved: string[] = [];
    for (const name of [/^Final labels \(CSV\)/, /^Annotations without/, /^Training pairs for TRL/]) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name }).click();
      saved.push(await (await download).path());
    }
    const reportDownload = page.waitForEvent('download');
    await page.getByTestId('download-report').click();
    const reportPath = await (await reportDownload).path();
    const csv = readFileSync(saved[0], 'utf8') + readFileSync(saved[1], 'utf8');
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m); // no cell starts a formula
    // the report opened on its own: no payload runs there either, and it loads nothing
    const reportPage = await context.newPage();
    const reportLog = record(reportPage);
    reportPage.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await reportPage.goto(`file://${reportPath}`);
    await settled(reportPage);
    expect(await pwned(reportPage)).toBeNull();
    expect(reportLog.requests.filter((r) => !r.startsWith('file://'))).toEqual([]);
    expect(await reportPage.locator('script, iframe, img').count()).toBe(0);
    // nothing ran, nothing left, nothing stored beyond the site's own cached files
    expect(await pwned(page)).toBeNull();
    expect(dialogs).toEqual([]);
    expect(
      log.requests.filter((r) => !r.startsWith(app.origin) && !r.startsWith('blob:') && !r.startsWith('data:')),
    ).toEqual([]);
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
      cached: (
        await Promise.all(
          (await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).map((r) => r.url)),
        )
      ).flat(),
    }));
    expect(stored.local + stored.session + stored.databases).toBe(0);
    expect(stored.cached.filter((u) => !u.startsWith(app.origin) || /hostile/.test(u))).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'security-hostile.png'), fullPage: false });
    await context.close();
  }, 240_000);

  it('a worker that crashes during a load leaves the page usable with a message and a retry', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const workers: Worker[] = [];
    page.on('worker', (w) => workers.push(w));
    await page.goto(app.url);
    // a large enough file that the load is still running when the worker dies
    const lines = ['example_id,annotator_id,label'];
    for (let i = 0; i < 300_000; i++) lines.push(`p${i >> 1},w${i % 7},${i % 3 === 0 ? 'A>' : 'B>'}`);
    const path = join(ARTIFACTS, 'crash.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    await page.getByTestId('file-input').setInputFiles(path);
    await expect.poll(() => workers.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await workers[workers.length - 1].evaluate(() =>
      setTimeout(() => {
        throw new Error('simulated crash');
      }, 0),
    );
    await page.getByTestId('load-error').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('load-error').textContent()).toMatch(/the analysis worker stopped/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('stat-rows').waitFor({ timeout: 60_000 });
    expect(Number((await page.getByTestId('stat-rows').locator('.value').textContent())!.replace(/,/g, ''))).toBe(
      300_000,
    );
    await page.close();
  }, 120_000);
});
