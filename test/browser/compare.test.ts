// @vitest-environment node
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditReport } from '../helpers/commands';
import { runCsv, workers } from '../helpers/twoRuns';
import { ARTIFACTS, record, settled, useBuiltApp } from './harness';

const app = useBuiltApp();
const dir = mkdtempSync(join(tmpdir(), 'prefscope-compare-browser-'));
// run B: the same 300 pairs and 50 more, two annotators left and two joined, agreement planted lower
const a = runCsv(dir, 'week-1.csv', 11, { items: 300, pool: workers(10), agree: 0.85 });
const b = runCsv(dir, 'week-2.csv', 12, { items: 350, pool: [...workers(8, 2), ...workers(2, 10)], agree: 0.5 });

describe('Compare with… in chromium', () => {
  it('opens a second file as run B and shows every change, its interval and verdict, as the audit command computes them', async () => {
    const expected = (await auditReport(a, '--compare', b)).comparison;
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const log = record(page);
    await page.goto(app.url);
    await page.getByTestId('file-input').setInputFiles(a);
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    await page.getByTestId('compare-input').setInputFiles(b);
    const table = page.getByTestId('compare-rows');
    await table.waitFor({ timeout: 60_000 });
    expect(await page.getByRole('tab', { name: 'Compare & drift' }).getAttribute('aria-selected')).toBe('true');
    const summary = (await page.getByTestId('compare-summary').textContent())!.replace(/\s+/g, ' ');
    expect(summary).toContain('300 pairs in both runs (resampled together), 0 only in A, 50 only in B.');
    const changed = expected.rows.filter((r: { changed: boolean }) => r.changed).length;
    expect(summary).toContain(`${changed} of ${expected.rows.length} figures changed beyond the noise.`);
    // each row: the name, A, B, B − A and the interval as the audit command computed them (same seed)
    const rows = await table.locator('tbody tr').all();
    expect(rows.length).toBe(expected.rows.length);
    // coefficients with three decimals; shares as percentages, their changes in points
    const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '');
    for (const [i, row] of rows.entries()) {
      const want = expected.rows[i];
      const share = want.unit === 'share';
      const value = (x: number) => (share ? `${(100 * x).toFixed(1)}%` : x.toFixed(3));
      const minus = (x: number) => `${sign(x)}${share ? `${Math.abs(100 * x).toFixed(1)} pt` : Math.abs(x).toFixed(3)}`;
      const cells = (await row.locator('th, td').allTextContents()).map((t) => t.trim());
      expect(cells[0]).toBe(want.name);
      expect(cells.slice(1, 5)).toEqual([
        value(want.a),
        value(want.b),
        minus(want.delta),
        `[${minus(want.ci95[0])}, ${minus(want.ci95[1])}]`,
      ]);
    }
    const alpha = expected.rows.find((r: { id: string }) => r.id === 'krippendorff_alpha.nominal');
    expect(alpha.changed).toBe(true);
    expect(await table.textContent()).toContain('the change is larger than the noise');
    // who changed, and the chart drawn
    expect(await page.getByTestId('compare-annotators').locator('tbody tr').count()).toBe(8);
    // the flipped pairs open with each run's judgements
    await page.getByTestId('compare-flips').locator('summary').click();
    await page.getByTestId('open-flips').click();
    const flipped = page.getByTestId('flip-pairs');
    await flipped.waitFor({ timeout: 30_000 });
    const opened = flipped.locator('article.pair');
    expect(await opened.count()).toBe(Math.min(20, expected.flips.items.length));
    expect(await opened.first().getAttribute('aria-label')).toBe(`Pair ${expected.flips.items[0].id}`);
    const runLines = await flipped.locator('p.run').allTextContents();
    expect(runLines[0]).toMatch(/^Run A: (worker-\d+: (A>|=|B>)(, )?){3}$/);
    expect(runLines[1]).toMatch(/^Run B: (worker-\d+: (A>|=|B>)(, )?){3}$/);
    const chart = page.getByTestId('compare-panel').locator('figure.chart svg').first();
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(await chart.locator('circle, line, rect').count()).toBeGreaterThan(10);
    await settled(page);
    await page.screenshot({ path: join(ARTIFACTS, 'compare.png'), fullPage: true });

    // the report, pseudonymised: a comparison section and no annotator id
    await page.getByText('Share…').click();
    await page.getByTestId('pseudonymise').check();
    await page.getByTestId('passphrase').fill('team passphrase');
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('download-report-json').click(),
    ]);
    const path = join(ARTIFACTS, 'compare-report.json');
    await file.saveAs(path);
    const text = readFileSync(path, 'utf8');
    const report = JSON.parse(text);
    expect(report.comparison.rows.map((r: { delta: number }) => r.delta)).toEqual(
      expected.rows.map((r: { delta: number }) => r.delta),
    );
    expect(text).not.toMatch(/worker-\d/);
    expect(text).not.toContain('team passphrase');
    expect(report.comparison.annotators.only_b).toEqual([
      expect.stringMatching(/^annotator-[0-9a-f]{12}$/),
      expect.stringMatching(/^annotator-[0-9a-f]{12}$/),
    ]);
    expect(log.errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('shows agreement over time on the demo (its one week of timestamps read by day), as the audit command reads it', async () => {
    const expected = (await auditReport('public/samples/demo.csv.gz', '--drift', 'timestamp:day')).drift;
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const log = record(page);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Compare & drift' }).click();
    const reading = page.getByTestId('drift-reading');
    await reading.waitFor({ timeout: 60_000 });
    // a week that holds every judgement turns into days
    await expect.poll(() => page.getByTestId('drift-by').inputValue(), { timeout: 30_000 }).toBe('timestamp:day');
    await settled(page);
    expect((await reading.textContent())!.trim()).toBe(expected.reading);
    const chart = page.getByTestId('drift-panel').locator('figure.chart svg').first();
    expect((await chart.boundingBox())!.width).toBeGreaterThan(300);
    expect(await chart.locator('circle').count()).toBe(
      expected.periods.filter((p: { values: Record<string, number | null> }) => p.values[expected.metric] !== null)
        .length,
    );
    // another period source: the domain column
    await page.getByTestId('drift-by').selectOption('column:domain');
    await expect.poll(async () => reading.textContent(), { timeout: 30_000 }).toContain('periods of domain');
    await page.getByTestId('drift-by').selectOption('timestamp:day');
    await settled(page);
    expect((await reading.textContent())!.trim()).toBe(expected.reading);
    await page.screenshot({ path: join(ARTIFACTS, 'drift.png'), fullPage: false });

    // one file as two runs: the pairs of domain code against those of domain math
    const split = (await auditReport('public/samples/demo.csv.gz', '--compare-by', 'domain=code,math')).comparison;
    await page.getByTestId('split-column').selectOption('domain');
    await page.getByTestId('split-a').selectOption('code');
    await page.getByTestId('split-b').selectOption('math');
    await page.getByTestId('split-compare').click();
    const table = page.getByTestId('compare-rows');
    await table.waitFor({ timeout: 60_000 });
    const summary = (await page.getByTestId('compare-summary').textContent())!.replace(/\s+/g, ' ');
    expect(summary).toContain('domain = code (A, ');
    expect(summary).toContain('against domain = math (B, ');
    const names = (await table.locator('tbody tr th').allTextContents()).map((t) => t.trim());
    expect(names).toEqual(split.rows.map((r: { name: string }) => r.name));
    const deltas = (await table.locator('tbody tr td:nth-of-type(3)').allTextContents()).map((t) => t.trim());
    const sign = (x: number) => (x > 0 ? '+' : x < 0 ? '−' : '');
    expect(deltas).toEqual(
      split.rows.map((r: { delta: number | null; unit: string }) =>
        r.delta === null
          ? '—'
          : `${sign(r.delta)}${r.unit === 'share' ? `${Math.abs(100 * r.delta).toFixed(1)} pt` : Math.abs(r.delta).toFixed(3)}`,
      ),
    );
    // the judge and bias rows are there
    expect(names).toContain("ai_judge: Cohen's kappa with the human majority");
    expect(names).toContain("Position: humans' share choosing the side shown first");
    await settled(page);
    await page.screenshot({ path: join(ARTIFACTS, 'compare-split.png'), fullPage: true });
    // stopping the comparison brings the choice back
    await page.getByRole('button', { name: 'Stop comparing' }).click();
    await page.getByTestId('split-form').waitFor({ timeout: 10_000 });
    expect(log.errors).toEqual([]);
    await page.close();
  }, 240_000);
});
