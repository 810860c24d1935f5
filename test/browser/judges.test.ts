// @vitest-environment node
import { ratingFitSentence } from '../../src/views/ratingFit';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { rng } from '../../src/core/rng';
import { auditReport } from '../helpers/commands';
import { ARTIFACTS, record, useBuiltApp } from './harness';

const ROOT = join(import.meta.dirname, '../..');
const app = useBuiltApp();

const text = async (page: Page, id: string) => (await page.getByTestId(id).locator('.value').textContent())!.trim();
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/**
 * A seeded file with an AI judge column: 400 pairs × 3 of 8 annotators; `w8` picks the side shown first 85% of
 * the time; the judge is right 85% of the time with a confidence that tells (0.6–1 when right, 0.3–0.7 when not).
 */
function writeJudgeCsv(path: string): void {
  const r = rng(11);
  const lines = [
    'example_id,annotator_id,label,shown_first,ai_label,ai_confidence,prompt,response_a,response_b,model_a,model_b',
  ];
  const models = ['m1', 'm2', 'm3', 'm4'];
  for (let p = 0; p < 400; p++) {
    const truth = r() < 0.5 ? 'A' : 'B';
    const right = r() < 0.85;
    const ai = right ? truth : truth === 'A' ? 'B' : 'A';
    const confidence = right ? 0.6 + 0.4 * r() : 0.3 + 0.4 * r();
    const a = models[p % 4],
      b = models[(p + 1 + (p % 3)) % 4];
    const texts = `prompt ${p},${'a'.repeat(20 + (p % 7) * 15)},${'b'.repeat(20 + (p % 5) * 25)}`;
    for (let k = 0; k < 3; k++) {
      const who = `w${((p + k * 3) % 8) + 1}`;
      const first = r() < 0.5 ? 'A' : 'B';
      const label =
        who === 'w8' ? (r() < 0.85 ? first : first === 'A' ? 'B' : 'A') : r() < 0.8 ? truth : truth === 'A' ? 'B' : 'A';
      lines.push(`q${p},${who},${label},${first},${ai},${confidence.toFixed(3)},${texts},${a},${b}`);
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

async function openJudges(page: Page): Promise<void> {
  await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Judges & bias' }).click();
  await page.getByTestId('routing-best').waitFor({ timeout: 60_000 });
}

describe('the Judges & bias panel in chromium', () => {
  it('on the demo: the judge against the humans, the simulator reacting to its inputs, ann18 flagged for position bias', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const log = record(page);
    await page.goto(app.url);
    await page.getByRole('button', { name: /Try the demo/ }).click();
    await openJudges(page);
    const report = await auditReport(join(ROOT, 'public/samples/demo.csv.gz'));
    const judge = report.ai_judge.judges[0];
    expect(await text(page, 'judge-accuracy')).toBe(pct(judge.vs_majority.directional_accuracy));
    expect(await text(page, 'judge-kappa')).toBe(judge.vs_majority.kappa.toFixed(3));
    expect(await text(page, 'judge-gold')).toBe(pct(judge.vs_gold.directional_accuracy));
    const best = report.ai_judge.routing.judges[0].best;
    expect(await text(page, 'routing-best')).toBe(best.threshold.toFixed(2));
    expect(await text(page, 'position-pooled')).toBe(pct(report.bias.position.pooled.share));
    const flagged = report.bias.position.annotators
      .filter((a: { flagged: boolean }) => a.flagged)
      .map((a: { id: string }) => a.id);
    expect(flagged).toEqual(['ann18']);
    expect(await page.getByTestId('position-flagged').locator('.reading').textContent()).toBe('ann18');
    expect(report.annotators.find((a: { id: string }) => a.id === 'ann18').reasons).toContain('position_bias');
    expect(await text(page, 'length-pooled')).toBe(pct(report.bias.length.pooled.share));
    // ratings with ties: the page reads the fit off the report's numbers, and finds ann18's side preference
    expect(await page.getByTestId('rating-fit').textContent()).toBe(
      ratingFitSentence(report.bias.model_ratings.models_compared),
    );
    const ann18 = report.bias.model_ratings.position.annotators.find(
      (a: { annotator: string }) => a.annotator === 'ann18',
    );
    expect(await page.getByTestId('rating-position-found').textContent()).toContain(
      `ann18: γ = ${ann18.gamma.toFixed(2)}`,
    );
    expect(await text(page, 'lint-identical')).toBe(String(report.bias.pair_lint.identical_count));
    await page.screenshot({ path: join(ARTIFACTS, 'judges.png'), fullPage: true });
    // the simulator answers each input: a full spot check reaches any target sooner, at another cost
    const before = await page.getByTestId('routing-best').locator('.reading').textContent();
    await page.getByTestId('spot').fill('100');
    await expect
      .poll(async () => page.getByTestId('routing-best').locator('.reading').textContent(), { timeout: 5000 })
      .not.toBe(before);
    await page.getByTestId('spot').fill('-3');
    await page.getByRole('alert').filter({ hasText: 'spot-check share' }).waitFor({ timeout: 5000 });
    for (const chart of await page.locator('section[aria-labelledby="judges-title"] figure.chart').all())
      expect(
        await chart.locator('svg').count(),
        (await chart.locator('figcaption').textContent()) ?? '',
      ).toBeGreaterThan(0);
    expect(log.errors).toEqual([]);
    expect(
      log.requests.filter((r) => !r.startsWith(app.origin) && !r.startsWith('blob:') && !r.startsWith('data:')),
    ).toEqual([]);
    await page.close();
  }, 120_000);

  it('on an uploaded file with a judge column: the numbers of the audit command, the biased annotator flagged', async () => {
    const path = join(ARTIFACTS, 'judge-upload.csv');
    writeJudgeCsv(path);
    const page = await app.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const log = record(page);
    await page.goto(app.url);
    await page.getByTestId('file-input').setInputFiles(path);
    await openJudges(page);
    const report = await auditReport(path);
    const judge = report.ai_judge.judges[0];
    expect(await text(page, 'judge-accuracy')).toBe(pct(judge.vs_majority.directional_accuracy));
    expect(judge.vs_majority.directional_accuracy).toBeGreaterThan(0.7);
    expect(report.bias.position.uses_shown_first).toBe(true);
    expect(
      report.bias.position.annotators.filter((a: { flagged: boolean }) => a.flagged).map((a: { id: string }) => a.id),
    ).toEqual(['w8']);
    expect(await page.getByTestId('position-flagged').locator('.reading').textContent()).toBe('w8');
    expect(report.bias.model_ratings.models).toHaveLength(4);
    await page.screenshot({ path: join(ARTIFACTS, 'judges-upload.png'), fullPage: true });
    expect(log.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
