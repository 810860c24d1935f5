// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { auditReport } from '../helpers/commands';
import { record, useBuiltApp } from './harness';

const app = useBuiltApp();

describe('links that reproduce a view', () => {
  it('a link copied from one browser opens the same view in another (same file dropped in)', async () => {
    const first = await app.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await first.newPage();
    await page.goto(app.url);
    await page.getByRole('button', { name: /Try the demo/ }).click();
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Annotators' }).click();
    await page.getByRole('button', { name: 'Remove ann07' }).click();
    await page.getByLabel('flagged or removed only').check();
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByLabel('Coefficient that drives the verdict').selectOption('krippendorff_alpha.ordinal');
    await page.getByLabel('Slice by').selectOption('pairing_strategy');
    await page.getByTestId('bootstrap-progress').waitFor({ state: 'detached', timeout: 60_000 });
    const band = await page.getByTestId('band-value').textContent();
    const slice = await page.getByTestId('slice-reading').textContent();
    const link = page.url();
    expect(link).toContain('remove=ann07');
    expect(link).toContain('slice=pairing_strategy');
    await first.close();

    const second = await app.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const other = await second.newPage();
    await other.goto(link);
    await other.getByRole('button', { name: /Try the demo/ }).click();
    await other.getByTestId('band-value').waitFor({ timeout: 30_000 });
    await other.getByTestId('bootstrap-progress').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await other.getByRole('tab', { name: 'Agreement' }).getAttribute('aria-selected')).toBe('true');
    expect(await other.getByTestId('band-value').textContent()).toBe(band);
    expect(await other.getByTestId('slice-reading').textContent()).toBe(slice);
    expect(await other.getByLabel('Slice by').inputValue()).toBe('pairing_strategy');
    await other.getByRole('tab', { name: 'Annotators' }).click();
    expect(await other.getByLabel('flagged or removed only').isChecked()).toBe(true);
    expect(await other.locator('tr.removed[data-annotator="ann07"]').count()).toBe(1);
    // the same numbers as the audit command with the same settings
    const report = await auditReport(
      'public/samples/demo.csv.gz',
      '--remove',
      'ann07',
      '--band-metric',
      'krippendorff_alpha.ordinal',
    );
    expect(band).toContain(report.agreement.band.value.toFixed(3));
    await second.close();
  }, 180_000);

  it('?data= opens a file published next to the site with the view of the fragment, and refuses another origin', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const log = record(page);
    await page.goto(`${app.url}?data=samples/demo.csv.gz#panel=agreement&band=gwet_ac1`);
    await page.getByTestId('band-value').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('tab', { name: 'Agreement' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByLabel('Coefficient that drives the verdict').inputValue()).toBe('gwet_ac1');
    const report = await auditReport('public/samples/demo.csv.gz', '--bootstrap', '0');
    expect(await page.getByTestId('band-value').textContent()).toContain(report.agreement.gwet_ac1.toFixed(3));
    const elsewhere = await app.browser.newPage();
    const log2 = record(elsewhere);
    await elsewhere.goto(`${app.url}?data=${encodeURIComponent('http://example.invalid/steal.csv')}`);
    await elsewhere.getByTestId('load-error').waitFor({ timeout: 10_000 });
    expect(await elsewhere.getByTestId('load-error').textContent()).toMatch(/must name a file published on this site/);
    for (const requests of [log.requests, log2.requests])
      expect(
        requests.filter((r) => !r.startsWith(app.origin) && !r.startsWith('blob:') && !r.startsWith('data:')),
      ).toEqual([]);
    await elsewhere.close();
    await page.close();
  }, 120_000);
});
