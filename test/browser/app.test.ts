// @vitest-environment node
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rng } from '../../src/core/rng';
import { auditReport, summary as summaryCommand } from '../helpers/commands';
import { ARTIFACTS, openTable, record, useBuiltApp } from './harness';

const ROOT = join(import.meta.dirname, '../..');
const app = useBuiltApp();

/** A seeded long CSV: `pairs` pairs × 3 labels, plus a few bad rows at known lines. */
function writeCsv(path: string, pairs: number, bad = true): void {
  const random = rng(7);
  const labels = ['A>>', 'A>', '=', 'B>', 'B>>'];
  const lines = ['example_id,annotator_id,label,time_seconds,domain'];
  for (let p = 0; p < pairs; p++) {
    for (let k = 0; k < 3; k++) {
      const annotator = `w${(p * 3 + k * 7) % 40}`;
      lines.push(
        `pair${p},${annotator},${labels[Math.floor(random() * 5)]},${(5 + random() * 60).toFixed(1)},${['code', 'chat', 'math'][p % 3]}`,
      );
    }
  }
  // an unknown label, an empty item id, a row with more fields than the header (a shorter one is read: trailing
  // fields left out, as Mechanical Turk writes them)
  if (bad) lines.push('pair0,w99,maybe,3,code', ',w1,A>,3,code', 'pairX,w1,A>,3,code,extra');
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** The input section the audit command prints for a file. */
async function auditInput(path: string) {
  return (await auditReport(path)).input;
}

async function statValue(page: Page, id: string): Promise<number> {
  const text = await page.getByTestId(id).locator('.value').textContent();
  return Number(text!.replace(/,/g, ''));
}

function assertSameOrigin(requests: string[]) {
  expect(requests.filter((r) => !r.startsWith(app.origin) && !r.startsWith('blob:') && !r.startsWith('data:'))).toEqual(
    [],
  );
}

describe('the built app in chromium', () => {
  it('the app served from a sub-path reads an uploaded CSV and shows the counts the audit command prints', async () => {
    const path = join(ARTIFACTS, 'upload.csv');
    writeCsv(path, 300);
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const log = record(page);
    await page.goto(app.url);
    await page.getByTestId('file-input').setInputFiles(path);
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    const input = await auditInput(path);
    expect(await statValue(page, 'stat-rows')).toBe(input.rows);
    expect(await statValue(page, 'stat-items')).toBe(input.items);
    expect(await statValue(page, 'stat-annotators')).toBe(input.annotators);
    expect(await statValue(page, 'stat-dropped')).toBe(input.rows_dropped);
    expect(input.rows).toBe(900);
    expect(input.rows_dropped).toBe(3);
    expect(await page.getByTestId('stat-scale').locator('.value').textContent()).toBe(input.scale);
    const issueRows = await page.getByTestId('issues-table').locator('tbody tr').allTextContents();
    expect(issueRows).toEqual([
      'upload.csv902labelunknown label "maybe"',
      'upload.csv903example_idempty item id',
      'upload.csv904—row has 6 fields, the header has 5',
    ]);
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-upload.png'), fullPage: true });
    const report = (await auditReport(path)).agreement;
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByTestId('bootstrap-progress').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await page.getByTestId('band-label').textContent()).toBe(report.band.label);
    expect(await page.getByTestId('band-value').textContent()).toContain(
      `[${report.ci95.fleiss_kappa[0].toFixed(3)}, ${report.ci95.fleiss_kappa[1].toFixed(3)}]`,
    );
    expect(log.errors).toEqual([]);
    assertSameOrigin(log.requests);
    await page.close();
  }, 60_000);

  it('Parquet, gzip JSON Lines and JSON files read in the browser give the numbers of the audit command', async () => {
    const records = [0, 1, 2, 3, 4, 5].map((i) => ({
      pair_id: `p${i >> 1}`,
      worker: `w${i % 3}`,
      winner: ['model_a', 'model_b', 'tie'][i % 3],
    }));
    const jsonl = join(ARTIFACTS, 'records.jsonl.gz');
    writeFileSync(jsonl, gzipSync(records.map((r) => JSON.stringify(r)).join('\n')));
    const json = join(ARTIFACTS, 'records.json');
    writeFileSync(json, JSON.stringify(records));
    for (const path of [join(ROOT, 'test/fixtures/parquet/judgements.snappy.parquet'), jsonl, json]) {
      const page = await app.browser.newPage();
      const log = record(page);
      await page.goto(app.url);
      await page.getByTestId('file-input').setInputFiles(path);
      await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
      const input = await auditInput(path);
      expect(await statValue(page, 'stat-rows'), path).toBe(input.rows);
      expect(await statValue(page, 'stat-items'), path).toBe(input.items);
      expect(await statValue(page, 'stat-dropped'), path).toBe(input.rows_dropped);
      expect(log.errors).toEqual([]);
      await page.close();
    }
  }, 90_000);

  it('"Try the demo" opens the bundled demo data set', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const log = record(page);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    expect(await statValue(page, 'stat-items')).toBe(2000);
    expect(await statValue(page, 'stat-annotators')).toBe(25);
    expect(await statValue(page, 'stat-gold')).toBe(200);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-demo.png'), fullPage: true });
    await page.getByRole('tab', { name: 'Columns & labels' }).click();
    await page.getByRole('heading', { name: 'Columns and labels' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'columns-demo.png'), fullPage: false });
    expect(log.errors).toEqual([]);
    assertSameOrigin(log.requests);
    await page.close();
  }, 60_000);

  it('the Agreement panel shows the numbers of the audit report, the heatmap, and disagreements on click', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const log = record(page);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByTestId('coefficient-table').waitFor({ timeout: 30_000 });
    await page.getByTestId('bootstrap-progress').waitFor({ state: 'detached', timeout: 60_000 });
    const report = (await auditReport('public/samples/demo.csv.gz')).agreement;
    expect(await page.getByTestId('band-label').textContent()).toBe(report.band.label);
    const f = (x: number) => x.toFixed(3);
    expect(await page.getByTestId('band-value').textContent()).toBe(
      `${f(report.fleiss_kappa)} [${f(report.ci95.fleiss_kappa[0])}, ${f(report.ci95.fleiss_kappa[1])}]`,
    );
    const cell = (metric: string, column: number) =>
      page.locator(`[data-testid=coefficient-table] tr[data-metric="${metric}"] td`).nth(column).textContent();
    expect(await cell('krippendorff_alpha.ordinal', 0)).toContain(f(report.krippendorff_alpha.ordinal));
    expect(await cell('gwet_ac1', 1)).toContain(f(report.directional.gwet_ac1));
    const heatmap = page.locator('figure.chart', { hasText: "Pairwise Cohen's kappa" });
    const cells = heatmap.locator('g[aria-label="cell"]:not([aria-description]) rect');
    expect(await cells.count()).toBe(2 * report.cohen_pairs.length);
    await cells.nth(3).hover();
    await cells.nth(3).click();
    await expect
      .poll(() => page.getByTestId('disagreements').textContent(), { timeout: 10_000 })
      .toMatch(/shared items labelled differently/);
    await page.screenshot({ path: join(ARTIFACTS, 'agreement-demo.png'), fullPage: true });
    expect(log.errors).toEqual([]);
    assertSameOrigin(log.requests);
    await page.close();
  }, 120_000);

  it('removing the flagged annotators changes alpha on every panel, and the TRL file downloads and reads back', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const log = record(page);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Annotators' }).click();
    await page.getByTestId('annotator-table').waitFor({ timeout: 30_000 });
    const before = await page.getByTestId('alpha-kept').textContent();
    await page.getByRole('button', { name: 'Remove all 4 flagged' }).click();
    await expect.poll(() => page.getByTestId('alpha-kept').textContent(), { timeout: 30_000 }).not.toBe(before);
    const removed = ['ann07', 'ann13', 'ann18', 'ann21'];
    const report = await auditReport('public/samples/demo.csv.gz', '--bootstrap', '0', '--remove', removed.join(','));
    expect(await page.getByTestId('alpha-kept').textContent()).toBe(
      report.agreement.krippendorff_alpha.ordinal.toFixed(3),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'annotators-demo.png'), fullPage: true });
    // the address now carries the removal: the same link with the same file reproduces the view
    const link = page.url();
    expect(new URL(link).hash).toContain('remove=ann07');
    const second = await app.browser.newPage();
    await second.goto(link);
    await second.getByRole('button', { name: 'Try the demo' }).click();
    await second.getByTestId('annotator-table').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => second.getByTestId('alpha-kept').textContent(), { timeout: 30_000 })
      .toBe(report.agreement.krippendorff_alpha.ordinal.toFixed(3));
    await second.close();
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByTestId('bootstrap-progress').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await page.getByTestId('band-value').textContent()).toContain(report.agreement.fleiss_kappa.toFixed(3));
    await page.getByRole('tab', { name: 'Final labels' }).click();
    await page.getByTestId('method-table').waitFor({ timeout: 30_000 });
    // every method side by side, as the audit command scores them on the demo's gold pairs
    for (const m of report.aggregation.methods) {
      const cells = (
        await page.locator(`[data-testid=method-table] tr[data-method="${m.id}"] td`).allTextContents()
      ).map((t) => t.trim());
      if (!m.available) {
        // a method that cannot run on a 5-point scale (KOS) says why and cannot be chosen
        expect(cells[0], m.id).toBe('—');
        expect(await page.locator(`tr[data-method="${m.id}"] th`).textContent()).toContain(m.unavailable);
        expect(await page.locator(`tr[data-method="${m.id}"] input[type=radio]`).isDisabled()).toBe(true);
        continue;
      }
      expect(cells[0], m.id).toBe(m.gold_accuracy_exact.toFixed(3));
      const note =
        m.id === 'weighted'
          ? 'optimistic: the same gold set weights the annotators'
          : m.gold_cross_validated
            ? 'cross-validated: each gold pair scored by a fit not given its gold label'
            : '';
      expect(cells[1], m.id).toBe(
        `${m.gold_accuracy.toFixed(3)}[${m.gold_accuracy_ci95[0].toFixed(3)}, ${m.gold_accuracy_ci95[1].toFixed(3)}]${note}`,
      );
    }
    // the item view: a pair from the list of disagreements, every method's label and confidence
    const firstFlip = (await openTable(page.getByTestId('flips'))).first();
    const flipLabels = (await firstFlip.locator('td').allTextContents()).map((t) => t.trim());
    const pairId = (await firstFlip.locator('th button').textContent())!.trim();
    await firstFlip.locator('th button').click();
    const view = page.getByTestId('pair-methods-table');
    await view.waitFor();
    expect(await view.locator('caption').textContent()).toContain(pairId);
    expect(await view.locator('tbody tr').count()).toBe(report.aggregation.methods.length);
    // the same labels as the row of the list, method by method
    const viewLabels = await view.locator('tbody tr td:first-of-type').allTextContents();
    expect(viewLabels.map((t) => t.trim())).toEqual(flipLabels.slice(0, report.aggregation.methods.length));
    // an unknown id says so
    await page.getByTestId('pair-methods-id').fill('no-such-pair');
    await page.getByTestId('pair-methods').getByRole('button', { name: 'Show' }).click();
    await expect
      .poll(() => page.getByTestId('pair-methods').getByRole('alert').textContent())
      .toBe('no pair has the id "no-such-pair"');
    await page.getByTestId('min-confidence').fill('0.7');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Training pairs/ }).click(),
    ]);
    const path = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(path);
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(500);
    for (const l of lines) expect(Object.keys(l)).toEqual(['prompt', 'chosen', 'rejected', 'margin']);
    expect(await page.getByTestId('export-note').textContent()).toContain(`${lines.length} pairs`);
    await page.screenshot({ path: join(ARTIFACTS, 'final-labels-demo.png'), fullPage: true });
    expect(log.errors).toEqual([]);
    assertSameOrigin(log.requests);
    await page.close();
  }, 120_000);

  it('a summary written by DuckDB opens in the page with the agreement and annotators of the raw file', async () => {
    const summary = join(ARTIFACTS, 'demo-summary.json');
    const made = await summaryCommand('public/samples/demo.csv.gz', '--out', summary);
    expect(made.status, made.stderr).toBe(0);
    const raw = await auditReport('public/samples/demo.csv.gz');
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const log = record(page);
    await page.goto(app.url);
    await page.getByTestId('file-input').setInputFiles(summary);
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    expect(await statValue(page, 'stat-rows')).toBe(6000);
    expect(await statValue(page, 'stat-items')).toBe(raw.input.items);
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByTestId('bootstrap-progress').waitFor({ state: 'detached', timeout: 60_000 });
    const f = (x: number) => x.toFixed(3);
    expect(await page.getByTestId('band-value').textContent()).toBe(
      `${f(raw.agreement.fleiss_kappa)} [${f(raw.agreement.ci95.fleiss_kappa[0])}, ${f(raw.agreement.ci95.fleiss_kappa[1])}]`,
    );
    await page.getByRole('tab', { name: 'Annotators' }).click();
    await page.getByTestId('annotator-table').waitFor({ timeout: 30_000 });
    const composite = await page
      .locator('[data-testid=annotator-table] tr[data-annotator="ann01"] td.score')
      .textContent();
    expect(composite).toBe(f(raw.annotators.find((a: { id: string }) => a.id === 'ann01').composite));
    await page.getByRole('tab', { name: 'Final labels' }).click();
    expect(await page.getByTestId('aggregation-error').textContent()).toMatch(/summary file holds only their counts/);
    await page.screenshot({ path: join(ARTIFACTS, 'summary-annotators.png'), fullPage: false });
    expect(log.errors).toEqual([]);
    assertSameOrigin(log.requests);
    await page.close();
  }, 120_000);

  it('a 100,000-judgement CSV loads with a progress bar and the page stays responsive', async () => {
    const path = join(ARTIFACTS, 'big.csv');
    writeCsv(path, 33_334, false);
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const log = record(page);
    await page.goto(app.url);
    // slow the worker down enough to see the bar: throttle the CPU through the DevTools protocol
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.getByTestId('file-input').setInputFiles(path);
    await page.locator('progress').waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'progress.png') });
    // the main thread answers while the worker reads
    expect(await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(1))))).toBe(1);
    await page.getByTestId('stat-rows').waitFor({ timeout: 120_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(await statValue(page, 'stat-rows')).toBe(100_002);
    expect(await statValue(page, 'stat-items')).toBe(33_334);
    expect(log.errors).toEqual([]);
    assertSameOrigin(log.requests);
    await page.close();
  }, 180_000);

  it('Cancel stops a load and leaves the page usable', async () => {
    const path = join(ARTIFACTS, 'big.csv');
    const page = await app.browser.newPage();
    await page.goto(app.url);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    await page.getByTestId('file-input').setInputFiles(path);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    expect(await statValue(page, 'stat-items')).toBe(2000);
    await page.close();
  }, 120_000);
});
