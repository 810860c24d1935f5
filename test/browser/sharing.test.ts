// @vitest-environment node
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, record, useBuiltApp } from './harness';

// Sharing outside the labelling team, as a user does it: pseudonymise once under "Share…", and every file the
// page saves — tables, charts, label and annotation exports, the report — and the link name no annotator.

const app = useBuiltApp();
const PASSPHRASE = 'shared with the vendor';
/** The pseudonym of an id, computed here with node:crypto (RFC 2104 HMAC-SHA-256), independent of the page. */
const pseudonym = (id: string) => `annotator-${createHmac('sha256', PASSPHRASE).update(id).digest('hex').slice(0, 12)}`;
const HUMANS = Array.from({ length: 25 }, (_, i) => `ann${String(i + 1).padStart(2, '0')}`);
const ANY_ID = /\bann\d\d\b/;

async function saved(page: Page, button: Locator): Promise<{ name: string; text: string }> {
  await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
  const event: Promise<Download> = page.waitForEvent('download', { timeout: 60_000 });
  await button.click();
  const file = await event;
  const path = join(ARTIFACTS, `shared-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('Share… in chromium', () => {
  it('pseudonymises every table, chart, export, the report and the link; a shared link is resolved with the passphrase', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const log = record(page);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Annotators', exact: true }).click();
    await page.getByRole('button', { name: 'Remove ann07' }).click();
    await page.getByTestId('exclusion-bar').waitFor();
    // the panel is redrawn without ann07 (its charts with it) before their buttons are counted and clicked
    await page.getByRole('button', { name: 'Restore ann07' }).waitFor({ timeout: 30_000 });
    await page.getByTestId('spam-rule').waitFor({ timeout: 30_000 });
    const csvButton = page.getByRole('button', { name: 'Download Annotators as CSV' });
    const svgButtons = page.getByRole('button', { name: /^Download .* as SVG$/ });
    // before: the ids are there (so the checks below can fail)
    expect((await saved(page, csvButton)).text).toMatch(ANY_ID);
    const charts = await svgButtons.count();
    const before = [];
    for (let i = 0; i < charts; i++) before.push((await saved(page, svgButtons.nth(i))).text);
    const chartsWithIds = before.flatMap((svg, i) => (ANY_ID.test(svg) ? [i] : []));
    expect(chartsWithIds.length).toBeGreaterThan(0);

    // pseudonymise
    await page.getByText('Share…').click();
    await page.getByTestId('pseudonymise').check();
    await page.getByTestId('passphrase').fill(PASSPHRASE);
    await page.getByTestId('sharing-on').waitFor({ timeout: 30_000 });
    // the box floats over the page: Escape closes it
    await page.keyboard.press('Escape');
    await page.getByTestId('passphrase').waitFor({ state: 'hidden' });

    const files: { name: string; text: string }[] = [];
    const table = await saved(page, csvButton);
    files.push(table);
    for (const id of HUMANS) expect(table.text).toContain(pseudonym(id));
    for (const i of chartsWithIds) {
      const svg = await saved(page, svgButtons.nth(i));
      expect(svg.text).toMatch(/annotator-[0-9a-f]{12}/);
      files.push(svg);
    }
    await page.getByRole('tab', { name: 'Final labels', exact: true }).click();
    for (const name of [
      /^Final labels \(CSV\)$/,
      /^Final labels \(JSONL\)$/,
      /^Annotations without/,
      /^Training pairs/,
    ])
      files.push(await saved(page, page.getByRole('button', { name })));
    const annotations = files.at(-2)!;
    expect(annotations.text).toContain(pseudonym('ann01'));
    files.push(await saved(page, page.getByTestId('download-report-json')));
    const report = JSON.parse(files.at(-1)!.text);
    expect(report.settings.removed_annotators).toEqual([pseudonym('ann07')]);
    files.push(await saved(page, page.getByTestId('download-report')));
    for (const file of files) expect(file.text, file.name).not.toMatch(ANY_ID);
    for (const file of files) expect(file.text, file.name).not.toContain(PASSPHRASE);

    // the link names ann07 by pseudonym only
    await page.getByText('Share…').click();
    await page.getByTestId('copy-link').click();
    const link = await page.getByTestId('shared-link').inputValue();
    await page.screenshot({ path: join(ARTIFACTS, 'sharing.png') });
    expect(link).not.toMatch(ANY_ID);
    expect(new URLSearchParams(new URL(link).hash.slice(1)).getAll('remove')).toEqual([pseudonym('ann07')]);
    expect(log.errors).toEqual([]);

    // whoever opens it with the same data and the passphrase removes ann07 again
    const other = await context.newPage();
    await other.goto(link);
    await other.getByRole('button', { name: 'Try the demo' }).click();
    const ask = other.getByTestId('link-pseudonyms');
    await ask.waitFor({ timeout: 30_000 });
    expect(await ask.textContent()).toContain('This link leaves out 1 annotator named by pseudonym');
    // nobody is removed until the pseudonym is found
    expect(await other.getByTestId('exclusion-bar').count()).toBe(0);
    await other.screenshot({ path: join(ARTIFACTS, 'sharing-link.png') });
    await other.getByTestId('link-passphrase').fill('not the passphrase');
    await other.getByRole('button', { name: 'Find them' }).click();
    await expect
      .poll(() => other.getByTestId('link-pseudonyms-note').textContent(), { timeout: 10_000 })
      .toContain('matches none');
    await other.getByTestId('link-passphrase').fill(PASSPHRASE);
    await other.getByRole('button', { name: 'Find them' }).click();
    await ask.waitFor({ state: 'detached', timeout: 30_000 });
    await expect
      .poll(() => other.getByTestId('exclusion-bar').textContent(), { timeout: 30_000 })
      .toMatch(/1 annotator removed from every number:\s*ann07\./);
    await context.close();
  }, 240_000);
});
