// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpus } from '../helpers/badCorpus';
import { ARTIFACTS, record, settled, useBuiltApp } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'prefscope-bad-page-'));
// files that need loadFiles options the page does not set (a memory budget) are left to the loadFiles test
const files = corpus(dir, (_, e) => !e.load_options);
// screenshots of a few states, to look at
const SHOTS = new Set(['binary.csv', 'invalid-utf8.csv', 'deep-nested.json', 'proto-keys.json', 'too-large.csv']);
// the panels walked after each file that reads (tab, heading), ending on Agreement for its screenshot
const PANELS = [
  ['Annotators', 'Annotators'],
  ['Final labels', 'Final labels'],
  ['Judges & bias', 'Judges & bias'],
  ['Planning', 'Planning'],
  ['Columns & labels', 'Columns and labels'],
  ['Agreement', 'Agreement'],
] as const;

const app = useBuiltApp();
let page: Page;
let log: { requests: string[]; errors: string[] };

beforeAll(async () => {
  // one page for the whole corpus: after each bad file the page must still work
  page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
  log = record(page);
  await page.goto(app.url);
}, 120_000);

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Waits until the page shows this file's overview or an error: one naming the file, or any other error than
 * the one shown before (a message that does not name the file then fails the message check). Which one.
 */
async function outcomeOf(name: string, before: string | null): Promise<'ok' | 'refused'> {
  const shown = await page.waitForFunction(
    ([name, before]) => {
      const error = document.querySelector('[data-testid=load-error]')?.textContent ?? null;
      if (error !== null && (error.includes(name) || error !== before)) return 'refused';
      if (document.querySelector('[data-testid=label-question]')) return 'question';
      const readAs = document.querySelector('[data-testid=read-as]')?.textContent ?? '';
      return readAs.includes(`Read ${name} as`) ? 'ok' : null;
    },
    [name, before] as const,
    { timeout: 60_000 },
  );
  const outcome = (await shown.jsonValue()) as 'ok' | 'refused' | 'question';
  if (outcome !== 'question') return outcome;
  // labels that fit several readings are asked about first: the test keeps the guess, as the command does
  asked.add(name);
  await page.getByTestId('answer-labels').click();
  return outcomeOf(name, before);
}

/** The files whose labels the page asked about. */
const asked = new Set<string>();

/** The error shown now, if any. */
async function errorShown(): Promise<string | null> {
  const error = page.getByTestId('load-error');
  return (await error.count()) ? await error.textContent() : null;
}

async function statValue(id: string): Promise<number> {
  return Number((await page.getByTestId(id).locator('.value').textContent())!.replace(/,/g, ''));
}

describe('the built app on the corpus of bad inputs', () => {
  for (const { name, path, expected } of files) {
    it(`dropping ${name} shows ${expected.outcome === 'ok' ? 'the overview with each issue (row, column)' : 'why it cannot be read'}`, async () => {
      const before = await errorShown();
      await page.getByTestId('file-input').first().setInputFiles(path);
      expect(await outcomeOf(name, before)).toBe(expected.outcome);
      // the page asks exactly when the command warns that more than one reading fits
      expect(asked.has(name), 'asked about the labels').toBe(expected.asks === true);
      // never a blank page: the header and either the overview or the error are there
      expect((await page.locator('main').innerText()).length).toBeGreaterThan(40);
      if (expected.outcome === 'refused') {
        const message = (await page.getByTestId('load-error').textContent())!;
        expect(message).toMatch(new RegExp(expected.message!));
        await expect
          .poll(() => page.getByRole('heading', { name: 'This file could not be read' }).isVisible())
          .toBe(true);
      } else {
        expect(await statValue('stat-rows')).toBe(expected.rows);
        expect(await statValue('stat-dropped')).toBe(expected.rows_dropped);
        const want = expected.issues ?? [];
        if (want.length === 0) {
          expect(await page.getByText('Every row was read: nothing was dropped.').isVisible()).toBe(true);
        } else {
          const rows = page.getByTestId('issues-table').locator('tbody tr');
          expect(await rows.count()).toBe(want.length);
          for (let i = 0; i < want.length; i++) {
            const cells = await rows.nth(i).locator('td').allTextContents();
            expect(cells.slice(0, 3), `issue ${i + 1}`).toEqual([
              name,
              want[i].row === null ? '—' : String(want[i].row),
              want[i].column ?? '—',
            ]);
            expect(cells[3]).toMatch(new RegExp(want[i].message));
          }
        }
      }
      if (SHOTS.has(name))
        await page.screenshot({
          path: join(ARTIFACTS, `bad-${name.replace(/\W+/g, '-')}.png`),
          fullPage: expected.outcome === 'ok',
        });
      if (expected.outcome === 'ok') {
        // every panel opens on the degenerate data without a console error, then back to the overview
        for (const [tab, heading] of PANELS) {
          await page.getByRole('tab', { name: tab, exact: true }).click();
          await page.getByRole('heading', { name: heading, exact: true, level: 2 }).waitFor({ timeout: 60_000 });
          await settled(page);
          expect(log.errors, `${name}, ${tab}`).toEqual([]);
        }
        if (SHOTS.has(name))
          await page.screenshot({
            path: join(ARTIFACTS, `bad-${name.replace(/\W+/g, '-')}-agreement.png`),
            fullPage: true,
          });
        await page.getByRole('tab', { name: 'Overview', exact: true }).click();
      }
      expect(log.errors).toEqual([]);
    }, 90_000);
  }

  it('after every bad file the page still opens the demo and shows its overview', async () => {
    // the corpus ends with a refused file, so the start page (with the demo button) is shown under the error
    expect(files.at(-1)!.expected.outcome).toBe('refused');
    const before = await errorShown();
    await page.getByRole('button', { name: 'Try the demo' }).click();
    expect(await outcomeOf('demo.csv.gz', before)).toBe('ok');
    expect(await statValue('stat-items')).toBe(2000);
    expect(await statValue('stat-annotators')).toBe(25);
    await page.getByTestId('load-error').waitFor({ state: 'detached' });
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: join(ARTIFACTS, 'bad-then-demo.png'), fullPage: false });
    expect(log.errors).toEqual([]);
    expect(
      log.requests.filter((r) => !r.startsWith(app.origin) && !r.startsWith('blob:') && !r.startsWith('data:')),
    ).toEqual([]);
  }, 60_000);
});
