// @vitest-environment node
// One exclusion shown everywhere: after removing the flagged annotators of the demo, every panel says so with
// Restore, the Overview's counts leave them out (or say they describe the file), the report says it at the
// top, and Restore brings every number back.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PANELS } from '../../src/app/panels';
import { auditReport } from '../helpers/commands';
import { csvRecords } from '../helpers/csvRecords';
import { record, settled, useBuiltApp } from './harness';

const app = useBuiltApp();
const REMOVED = ['ann07', 'ann13', 'ann18', 'ann21'];

describe('removed annotators in chromium', () => {
  it('every panel and the report show the same exclusion; the Overview counts the kept annotators; Restore all undoes it', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const log = record(page);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByTestId('stat-rows').waitFor({ timeout: 60_000 });
    const sidesBefore = await page.getByTestId('stat-sides').locator('.value').textContent();
    expect(await page.getByTestId('exclusion-bar').count()).toBe(0);

    await page.getByRole('tab', { name: 'Annotators', exact: true }).click();
    await page.getByRole('button', { name: 'Remove all 4 flagged' }).click();
    await page.getByRole('button', { name: 'No flagged annotator left' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'No flagged annotator left' }).isDisabled()).toBe(true);

    for (const panel of PANELS) {
      await page.getByRole('tab', { name: panel.name, exact: true }).click();
      const bar = page.getByTestId('exclusion-bar');
      await bar.waitFor({ timeout: 30_000 });
      expect(await bar.textContent(), panel.name).toMatch(
        /4 annotators removed\s+from every number:\s+ann07, ann13, ann18, ann21\./,
      );
    }

    // the Overview: annotators kept of those in the file; label shares without the removed (the command's counts)
    await page.getByRole('tab', { name: 'Overview', exact: true }).click();
    await settled(page);
    expect(await page.getByTestId('stat-annotators').locator('.value').textContent()).toBe('21 of 25');
    expect(await page.getByTestId('stat-annotators').textContent()).not.toMatch(/most active[^:]*: ann18/);
    // the sides card counts the kept annotators' labels: A's share of decisive labels, counted here from the file
    const [header, ...rows] = csvRecords(gunzipSync(readFileSync('public/samples/demo.csv.gz')).toString('utf8'));
    const [who, label] = [header.indexOf('annotator_id'), header.indexOf('label')];
    const keptRows = rows.filter((r) => r.length > label && !REMOVED.includes(r[who]));
    const a = keptRows.filter((r) => r[label] === 'A>' || r[label] === 'A>>').length;
    const b = keptRows.filter((r) => r[label] === 'B>' || r[label] === 'B>>').length;
    expect(await page.getByTestId('stat-sides').locator('.value').textContent()).toBe(
      `A ${((100 * a) / (a + b)).toFixed(1)}%`,
    );
    expect(await page.getByTestId('stat-sides').locator('.value').textContent()).not.toBe(sidesBefore);
    // the report's input section stays the file as read, with or without the removal
    const kept = await auditReport('public/samples/demo.csv.gz', '--bootstrap', '0', '--remove', REMOVED.join(','));
    const file = await auditReport('public/samples/demo.csv.gz', '--bootstrap', '0');
    expect(kept.input.label_counts).toEqual(file.input.label_counts);

    // the report says what was excluded before anything else, and its headline counts the kept annotators
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download report' }).click();
    const html = readFileSync(await (await download).path(), 'utf8');
    const top = html.slice(0, html.indexOf('<main>'));
    expect(top).toMatch(/4 annotators removed<\/strong> from every number below/);
    expect(html).toMatch(/<dt>Annotators<\/dt><dd><span class="value">21 of 25<\/span>/);

    // Restore all: the bar goes, the counts come back
    await page.getByTestId('restore-all').click();
    await expect.poll(() => page.getByTestId('exclusion-bar').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.getByTestId('stat-annotators').locator('.value').textContent()).toBe('25');
    expect(await page.getByTestId('stat-sides').locator('.value').textContent()).toBe(sidesBefore);
    expect(log.errors).toEqual([]);
    await page.close();
  }, 240_000);
});
