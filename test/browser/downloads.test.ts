// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, record, useBuiltApp } from './harness';
import { csvRecords } from '../helpers/csvRecords';

const app = useBuiltApp();

/** Presses a button (by mouse, or by keyboard: focus and Enter) and keeps the file it downloads in test/artifacts. */
async function download(
  page: Page,
  button: Locator,
  keyboard = false,
): Promise<{ name: string; path: string; bytes: Buffer }> {
  await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
  const event: Promise<Download> = page.waitForEvent('download', { timeout: 30_000 });
  if (keyboard) {
    await button.focus();
    await page.keyboard.press('Enter');
  } else await button.click();
  const file = await event;
  const path = join(ARTIFACTS, `download-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path, bytes: readFileSync(path) };
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/**
 * How much of an image is drawn: the share of pixels that differ from the top-left (background) pixel,
 * and the number of distinct colours, read back through a canvas in a blank (HTML) page.
 */
async function inked(
  page: Page,
  png: Buffer,
): Promise<{ share: number; colours: number; width: number; height: number }> {
  return page.evaluate(
    async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), {
        width: image.naturalWidth,
        height: image.naturalHeight,
      });
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let differ = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 30)
          differ++;
        colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      }
      return { share: differ / (data.length / 4), colours: colours.size, width: canvas.width, height: canvas.height };
    },
    `data:image/png;base64,${png.toString('base64')}`,
  );
}

/** Checks a downloaded SVG file as a file: standalone XML, sized, no currentColor; then opens it in a page and screenshots it. */
async function checkSvgFile(
  file: { name: string; path: string; bytes: Buffer },
  texts: string[],
): Promise<{ width: number; height: number }> {
  const svg = file.bytes.toString('utf8');
  expect(
    svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
    svg.slice(0, 200),
  ).toBe(true);
  expect(svg).not.toMatch(/currentcolor/i);
  expect(svg).not.toMatch(/<(div|span|figure|script)\b/);
  for (const t of texts) expect(svg).toContain(`>${t}</text>`);
  const width = Number(/^<svg[^>]* width="(\d+)"/m.exec(svg)![1]);
  const height = Number(/^<svg[^>]* height="(\d+)"/m.exec(svg)![1]);
  expect(width).toBeGreaterThan(100);
  expect(height).toBeGreaterThan(100);
  // a viewer opens the file on its own (file://, no page around it): it must draw, not be blank
  const viewer = await app.browser.newPage({ viewport: { width: width + 40, height: height + 40 } });
  const errors: string[] = [];
  viewer.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await viewer.goto(pathToFileURL(file.path).href);
  expect(await viewer.evaluate(() => document.documentElement.namespaceURI)).toBe('http://www.w3.org/2000/svg');
  expect(await viewer.locator('parsererror').count()).toBe(0);
  const shot = await viewer.screenshot({ path: file.path.replace(/\.svg$/, '.svg-view.png') });
  const blank = await app.browser.newPage();
  const ink = await inked(blank, shot);
  await blank.close();
  expect(ink.share, `${file.name} is blank`).toBeGreaterThan(0.02);
  expect(ink.colours).toBeGreaterThan(4);
  expect(errors).toEqual([]);
  await viewer.close();
  return { width, height };
}

describe('downloads in chromium', () => {
  it('a chart downloads as SVG (legend included) and as PNG at 2×, a table as CSV with every row; nothing leaves the origin', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const log = record(page);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Try the demo' }).click();
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });

    // a plain chart: SVG by mouse, PNG by keyboard
    const svg = await download(page, page.getByRole('button', { name: 'Download Label distribution as SVG' }));
    expect(svg.name).toBe('label-distribution.svg');
    const size = await checkSvgFile(svg, ['A&gt;&gt;', 'B&gt;&gt;']);
    const png = await download(page, page.getByRole('button', { name: 'Download Label distribution as PNG' }), true);
    expect(png.name).toBe('label-distribution.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.bytes.length).toBeGreaterThan(2000);
    expect(pngSize(png.bytes)).toEqual({ width: 2 * size.width, height: 2 * size.height });
    const blank = await app.browser.newPage();
    const pngInk = await inked(blank, png.bytes);
    expect(pngInk.share, 'the PNG is blank').toBeGreaterThan(0.02);
    expect(pngInk.colours).toBeGreaterThan(4);

    // a figure with an HTML swatch legend: the legend is drawn in the SVG file and the PNG
    await page.getByRole('tab', { name: 'Annotators' }).click();
    const shares = await download(
      page,
      page.getByRole('button', { name: 'Download How each annotator labels as SVG' }),
    );
    expect(shares.name).toBe('how-each-annotator-labels.svg');
    await checkSvgFile(shares, ['A&gt;&gt;', 'A&gt;', '=', 'B&gt;', 'B&gt;&gt;']);
    const sharesPng = await download(
      page,
      page.getByRole('button', { name: 'Download How each annotator labels as PNG' }),
    );
    expect((await inked(blank, sharesPng.bytes)).share).toBeGreaterThan(0.05);

    // a DataTable: every row, not only the first 100 shown, the columns as header
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByTestId('coefficient-table').waitFor({ timeout: 30_000 });
    await page.getByTestId('bootstrap-progress').waitFor({ state: 'detached', timeout: 60_000 });
    const kappaButton = page.getByRole('button', { name: "Download Cohen's kappa per annotator pair as CSV" });
    const summary = await page.locator('div.behind', { has: kappaButton }).locator('summary').textContent();
    const rows = Number(/\(([\d,]+) rows?\)/.exec(summary!)![1].replace(/,/g, ''));
    expect(rows).toBeGreaterThan(100);
    const kappas = await download(page, kappaButton);
    expect(kappas.name).toBe('cohens-kappa-per-annotator-pair.csv');
    const records = csvRecords(kappas.bytes.toString('utf8'));
    expect(records[0]).toEqual(['annotator', 'annotator', 'shared items', 'kappa']);
    expect(records).toHaveLength(rows + 1);
    expect(records.slice(1).every((r) => r.length === 4)).toBe(true);
    // a plain table with its own button: the seven coefficients
    const coefficients = csvRecords(
      (
        await download(page, page.getByRole('button', { name: 'Download Agreement coefficients as CSV' }))
      ).bytes.toString('utf8'),
    );
    expect(coefficients.map((r) => r[1])).toEqual([
      'id',
      'percent_agreement.strict',
      'cohen_kappa_mean',
      'fleiss_kappa',
      'krippendorff_alpha.nominal',
      'krippendorff_alpha.ordinal',
      'krippendorff_alpha.interval',
      'gwet_ac1',
    ]);
    const fleiss = Number(coefficients[3][2]);
    expect(
      (await page.locator('[data-metric="fleiss_kappa"] td').first().textContent())!.startsWith(fleiss.toFixed(3)),
    ).toBe(true);

    await page.screenshot({ path: join(ARTIFACTS, 'downloads-agreement.png'), fullPage: false });
    expect(log.errors).toEqual([]);
    expect(
      log.requests.filter((r) => !r.startsWith(app.origin) && !r.startsWith('blob:') && !r.startsWith('data:')),
    ).toEqual([]);
    await blank.close();
    await page.close();
  }, 180_000);
});
