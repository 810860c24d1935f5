// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { differenceTests } from '../../src/sections/differenceTests';
import { differenceSentence } from '../../src/render/sentences';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, record, useBuiltApp } from './harness';
import { csvRecords } from '../helpers/csvRecords';
import { auditReport } from '../helpers/commands';

const ROOT = join(import.meta.dirname, '../..');
const RUBRIC_DEMO = join(ROOT, 'public/samples/rubric-demo.csv.gz');
const app = useBuiltApp();

const audit = (...args: string[]) => auditReport(...args, '--bootstrap', '0');

async function upload(page: Page, path: string, at = app.url): Promise<void> {
  await page.goto(at);
  await page.getByTestId('file-input').setInputFiles(path);
  await page
    .getByTestId('stat-rows')
    .or(page.getByTestId('rubric-section'))
    .or(page.getByTestId('next-label'))
    .first()
    .waitFor({ timeout: 60_000 });
}

async function openTab(page: Page, name: string, ready: string): Promise<void> {
  if (!(await page.getByTestId(ready).count())) await page.getByRole('tab', { name }).click();
  await page.getByTestId(ready).waitFor({ timeout: 60_000 });
}

describe('rubric dimensions and the value of the next label in chromium', async () => {
  it('an uploaded rubric file shows agreement per dimension, the weighted verdict (weights editable, in the link) and the next-label ranking, as the audit command', async () => {
    const report = await audit(RUBRIC_DEMO);
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const log = record(page);
    await upload(page, RUBRIC_DEMO);
    await openTab(page, 'Agreement', 'rubric-section');
    // one row per dimension, overall first
    const dims = await page
      .getByTestId('dimension-table')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-dimension')));
    expect(dims).toEqual(report.input.dimensions);
    expect(dims.length).toBeGreaterThanOrEqual(5);
    // the dimensions that differ from the overall one after Benjamini-Hochberg, from the report's rows
    // (the page's default bootstrap: 1,000 resamples, seed 1, as the command's default)
    const withIntervals = await auditReport(RUBRIC_DEMO);
    const [first, ...others] = withIntervals.agreement.dimensions;
    const tests = differenceTests(others, first, ['fleiss_kappa'], { against: 'peer' });
    const expected = differenceSentence(
      others.map((d: { dimension: string }, i: number) => ({
        label: d.dimension,
        p: tests[i].difference_p.fleiss_kappa,
        q: tests[i].difference_p_bh.fleiss_kappa,
      })),
      { what: 'other dimensions', against: 'overall', family: `the ${others.length} other dimensions`, level: 0.05 },
    );
    expect(expected).toMatch(/differ from overall after the correction/);
    expect(await page.getByTestId('dimension-differences').textContent()).toBe(expected);
    // the planted harmlessness dimension: high percent agreement, low kappa
    expect(
      report.agreement.dimensions.find((d: { dimension: string }) => d.dimension === 'harmlessness').prevalence,
    ).toBe(true);
    expect(await page.locator('tr[data-dimension="harmlessness"] td.reading').textContent()).toContain(
      'high percent agreement, low kappa',
    );
    // the verdict's agreement and the dimension that explains the disagreement: as in report.json
    const verdict = report.rubric.verdict;
    expect(await page.getByTestId('rubric-verdict-agreement').locator('.value').textContent()).toBe(
      verdict.agreement.fleiss_kappa.toFixed(3),
    );
    expect(await page.getByTestId('rubric-verdicts').locator('.value').textContent()).toBe(
      verdict.judgements.toLocaleString('en-US'),
    );
    expect(report.rubric.disagreement.explains_most).not.toBeNull();
    await expect
      .poll(() => page.locator('[data-testid="rubric-disagreement"] tr.top').getAttribute('data-dimension'))
      .toBe(report.rubric.disagreement.explains_most);
    expect(await page.getByTestId('rubric-reading').textContent()).toBe(report.rubric.reading);
    // the planted length-conflating annotators are named
    expect(await page.getByTestId('rubric-length-annotators').textContent()).toMatch(/r04|r09/);
    const chart = page.locator('[data-testid="rubric-section"] figure.chart').first();
    expect(await chart.locator('svg rect').count()).toBeGreaterThan(10);
    await page.getByTestId('rubric-section').screenshot({ path: join(ARTIFACTS, 'rubric.png') });
    // a weight changes the verdict, the link keeps it, and the command with the same weights agrees
    await page.getByTestId('rubric-weight-correctness').fill('1');
    await page.getByTestId('rubric-weight-correctness').press('Enter');
    await page.getByTestId('rubric-weight-correctness').blur();
    await expect
      .poll(() => page.getByTestId('rubric-verdict-agreement').locator('.value').textContent(), { timeout: 20_000 })
      .not.toBe(verdict.agreement.fleiss_kappa.toFixed(3));
    const link = page.url();
    const weights = new URLSearchParams(new URL(link).hash.slice(1)).get('rubric')!;
    expect(weights).toMatch(/correctness:1/);
    const custom = await audit(
      RUBRIC_DEMO,
      '--rubric-weights',
      weights
        .split(',')
        .map((p) => p.replace(/:([^:]*)$/, '=$1'))
        .join(','),
    );
    expect(await page.getByTestId('rubric-verdict-agreement').locator('.value').textContent()).toBe(
      custom.rubric.verdict.agreement.fleiss_kappa.toFixed(3),
    );

    // the value of the next label on the same file: the page's ranking is the command's
    await openTab(page, 'Planning', 'next-label-reading');
    expect(await page.getByTestId('next-label-reading').textContent()).toBe(report.next_label.reading);
    const shown = await page.getByTestId('next-label-table').locator('tbody th').allTextContents();
    expect(shown).toEqual(report.next_label.ranking.slice(0, 10).map((r: { item: string }) => r.item));
    const budget = page.locator('[data-testid="next-label"] figure.chart').first();
    await expect.poll(() => budget.locator('svg path').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await page.getByTestId('next-label-batch').fill('25');
    await page.getByTestId('next-label-batch').blur();
    await expect
      .poll(() => page.getByTestId('next-label-download').textContent(), { timeout: 20_000 })
      .toMatch(/top 25/);
    const download = page.waitForEvent('download');
    await page.getByTestId('next-label-download').click();
    const records = csvRecords(readFileSync(await (await download).path(), 'utf8'));
    expect(records[0]).toEqual([
      'rank',
      'example_id',
      'eig_bits',
      'eig_bits_per_dollar',
      'entropy_bits',
      'current_label',
      'confidence',
      'expected_accuracy_gain',
      'prompt',
      'response_a',
      'response_b',
    ]);
    expect(records).toHaveLength(26);
    expect(records.slice(1, 11).map((r) => r[1])).toEqual(shown);
    // from a chosen annotator: its own pairs leave the ranking
    await page.getByTestId('next-label-from').selectOption('r01');
    await expect
      .poll(() => page.getByTestId('next-label-reading').textContent(), { timeout: 20_000 })
      .not.toBe(report.next_label.reading);
    const fromR01 = await audit(RUBRIC_DEMO, '--label-from', 'r01');
    expect(await page.getByTestId('next-label-table').locator('tbody th').allTextContents()).toEqual(
      fromR01.next_label.ranking.slice(0, 10).map((r: { item: string }) => r.item),
    );
    await page.getByTestId('next-label').screenshot({ path: join(ARTIFACTS, 'next-label.png') });

    // the copied link restores the weights and the planner inputs
    const again = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await upload(again, RUBRIC_DEMO, page.url());
    await openTab(again, 'Agreement', 'rubric-section');
    expect(await again.getByTestId('rubric-weight-correctness').inputValue()).toBe('1');
    await again.close();
    expect(log.errors).toEqual([]);
    expect(
      log.requests.filter((r) => !r.startsWith(app.origin) && !r.startsWith('blob:') && !r.startsWith('data:')),
    ).toEqual([]);
    await page.close();
  }, 240_000);

  it('the bundled demo ranks the next labels and draws the budget curve (top-ranked above random)', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const log = record(page);
    await page.goto(`${app.url}#panel=planning`);
    await page.getByRole('button', { name: /Try the demo/ }).click();
    await page.getByTestId('next-label-reading').or(page.getByTestId('stat-rows')).first().waitFor({ timeout: 60_000 });
    await openTab(page, 'Planning', 'next-label-reading');
    expect(await page.getByTestId('next-label-reading').textContent()).toMatch(
      /lifts expected accuracy from \d+\.\d% to \d+\.\d%, versus \d+\.\d% at random/,
    );
    expect(await page.getByTestId('next-label-table').locator('tbody tr').count()).toBe(10);
    const budget = page.locator('[data-testid="next-label"] figure.chart').first();
    await expect.poll(() => budget.locator('svg path').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    // no rubric on a one-dimension file
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByTestId('dimension-table').or(page.locator('#agreement-title')).first().waitFor();
    expect(await page.getByTestId('rubric-section').count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  }, 180_000);
});
