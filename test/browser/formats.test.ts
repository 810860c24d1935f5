// @vitest-environment node
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../src/parse/adapters/index';
import { auditReport } from '../helpers/commands';
import { ARTIFACTS, record, useBuiltApp } from './harness';

const ROOT = join(import.meta.dirname, '../..');
const FORMATS = join(ROOT, 'test/fixtures/formats');
const app = useBuiltApp();

/** The report the audit command prints for the files. */
function audit(names: string[]) {
  return auditReport(...names.map((n) => join(FORMATS, n)), '--bootstrap', '0');
}

async function statValue(page: Page, id: string): Promise<number> {
  const text = await page.getByTestId(id).locator('.value').textContent();
  return Number(text!.replace(/,/g, ''));
}

/** Opens the files in a new page; labels that fit several readings are read with the guess (the command's). */
async function open(names: string[]) {
  const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
  const log = record(page);
  await page.goto(app.url);
  await page.getByTestId('file-input').setInputFiles(names.map((n) => join(FORMATS, n)));
  const first = await page.waitForFunction(
    () =>
      document
        .querySelector('[data-testid=label-question], [data-testid=stat-rows], [data-testid=load-error]')
        ?.getAttribute('data-testid'),
    null,
    { timeout: 30_000 },
  );
  if ((await first.jsonValue()) === 'label-question') await page.getByTestId('answer-labels').click();
  return { page, log };
}

// one file of each export format (and a wide pair file with its judge file), with the adapter that reads it
const CASES: [string[], string][] = [
  [['label-studio-choices.json'], 'label-studio'],
  [['argilla-v1-preference.jsonl'], 'argilla-v1'],
  [['argilla-v2-nested.json'], 'argilla-v2'],
  [['mt-bench-human.jsonl'], 'mt-bench'],
  [['chatbot-arena-conversations.jsonl'], 'chatbot-arena'],
  [['alpaca-farm-crossannotations.json'], 'alpaca-eval'],
  [['trl-standard.jsonl'], 'trl'],
  [['hh-rlhf.jsonl'], 'hh-rlhf'],
  [['helpsteer3-preference.json'], 'helpsteer'],
  [['helpsteer2-disagreements.jsonl'], 'helpsteer-ratings'],
  [['wide-pairs.csv', 'wide-pairs-judge.csv'], 'csv'],
];

describe('export formats in the built app', () => {
  it.each(CASES)(
    '%s is read by the %s adapter with the numbers of the audit command',
    async (names, adapter) => {
      const { page, log } = await open(names);
      await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
      const report = await audit(names);
      expect(report.input.format).toBe(adapter);
      expect(await statValue(page, 'stat-rows')).toBe(report.input.rows);
      expect(await statValue(page, 'stat-items')).toBe(report.input.items);
      expect(await statValue(page, 'stat-annotators')).toBe(report.input.annotators);
      expect(await statValue(page, 'stat-dropped')).toBe(report.input.rows_dropped);
      const title = ADAPTERS.find((a) => a.id === adapter)?.title;
      const readAs = await page.getByTestId('read-as').textContent();
      expect(readAs).toContain(title ?? 'CSV table');
      if (report.input.notes.length)
        expect(await page.getByTestId('format-notes').locator('li').allTextContents()).toEqual(report.input.notes);
      expect(log.errors).toEqual([]);
      expect(
        log.requests.filter((r) => !r.startsWith(app.origin) && !r.startsWith('blob:') && !r.startsWith('data:')),
      ).toEqual([]);
      await page.close();
    },
    60_000,
  );

  it('a Chatbot Arena file says plainly that agreement cannot be computed and shows sides, ties and model pairs', async () => {
    const { page } = await open(['chatbot-arena-conversations.jsonl']);
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    const report = await audit(['chatbot-arena-conversations.jsonl']);
    const rows = await page.getByTestId('model-pairs').locator('tbody tr').count();
    expect(rows).toBe(Math.min(8, report.input.model_pairs.length));
    const first = report.input.model_pairs[0];
    expect(await page.getByTestId('model-pairs').locator('tbody tr').first().textContent()).toBe(
      `${first.a}${first.b}${first.items}${first.a_wins}${first.b_wins}${first.ties}${first.a_wins + first.b_wins ? `${((100 * first.a_wins) / (first.a_wins + first.b_wins)).toFixed(1)}%` : '—'}`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'format-arena-overview.png'), fullPage: true });
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByTestId('no-agreement').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('no-agreement').textContent()).toContain('single vote');
    expect(report.agreement.items_pairable).toBe(0);
    await page.close();
  }, 60_000);

  it('a TRL file shows the pair statistics of the report', async () => {
    const { page } = await open(['trl-standard.jsonl']);
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    const stats = (await audit(['trl-standard.jsonl'])).input.pair_statistics;
    expect(await statValue(page, 'stat-identical')).toBe(stats.identical_responses);
    expect(await statValue(page, 'stat-empty')).toBe(stats.empty_a + stats.empty_b);
    expect(await statValue(page, 'stat-duplicates')).toBe(stats.duplicate_judgements);
    expect(stats.identical_responses + stats.duplicate_judgements).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'format-trl-overview.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('HelpSteer ratings show agreement per attribute with the values of the report', async () => {
    const { page } = await open(['helpsteer2-disagreements.jsonl']);
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    const report = await audit(['helpsteer2-disagreements.jsonl']);
    await page.getByRole('tab', { name: 'Agreement' }).click();
    const table = page.getByTestId('dimension-table');
    await table.waitFor({ timeout: 30_000 });
    expect(await table.locator('tbody tr').count()).toBe(report.agreement.dimensions.length);
    // the column of the ordinal alpha, found by its header (the row header th is column 0)
    const headers = await table.locator('thead th').allTextContents();
    const column = headers.indexOf("Krippendorff's alpha (ordinal)") - 1;
    expect(column).toBeGreaterThan(0);
    for (const d of report.agreement.dimensions) {
      const alpha = d.krippendorff_alpha.ordinal;
      expect(await table.locator(`tr[data-dimension="${d.dimension}"] td`).nth(column).textContent()).toMatch(
        new RegExp(`^${alpha === null ? '—' : alpha.toFixed(3)}`),
      );
    }
    await page.screenshot({ path: join(ARTIFACTS, 'format-helpsteer-agreement.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('a near-miss file names the field it lacks, and the format can be overridden in the Columns panel', async () => {
    const { page } = await open(['mt-bench-no-winner.jsonl']);
    await page.getByTestId('load-error').waitFor({ timeout: 30_000 });
    const message = await page.getByTestId('load-error').textContent();
    expect(message).toContain('MT-Bench');
    expect(message).toContain('`winner`');
    await page.close();

    const second = await open(['label-studio-pairwise.json']);
    const p = second.page;
    await p.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    const rows = await statValue(p, 'stat-rows');
    await p.getByRole('button', { name: 'Change the format or columns' }).click();
    await p.getByTestId('adapter-select').selectOption('table');
    await p.getByRole('button', { name: 'Re-read label-studio-pairwise.json' }).click();
    await p.getByTestId('reread-error').waitFor({ timeout: 30_000 });
    expect(await p.getByTestId('reread-error').textContent()).toContain('no label column');
    expect(await p.getByTestId('adapter-line').textContent()).toContain('Label Studio JSON export');
    await p.screenshot({ path: join(ARTIFACTS, 'format-override.png'), fullPage: true });
    await p.getByRole('tab', { name: 'Overview' }).click();
    expect(await statValue(p, 'stat-rows')).toBe(rows);
    expect(second.log.errors).toEqual([]);
    await p.close();
  }, 60_000);
});
