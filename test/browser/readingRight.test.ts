// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReal, withRealExports, REAL_EXPORTS } from '../helpers/realExports';
import { auditReport } from '../helpers/commands';
import { asSwappedItems } from '../helpers/swappedTexts';
import { ARTIFACTS, openTable, record, useBuiltApp } from './harness';

// Real exports and files that used to be misread, dropped or dead ends, opened in the built app as a user would.
const app = useBuiltApp();
const dir = mkdtempSync(join(tmpdir(), 'prefscope-reading-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function audit(paths: string[], ...args: string[]) {
  return auditReport(...paths, '--bootstrap', '0', ...args);
}

async function open(paths: string[], hash = '') {
  const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const log = record(page);
  await page.goto(`${app.url}${hash}`);
  await page.getByTestId('file-input').setInputFiles(paths);
  return { page, log };
}

const offsite = (requests: string[]) =>
  requests.filter((r) => !r.startsWith(app.origin) && !r.startsWith('blob:') && !r.startsWith('data:'));
const statValue = async (page: import('playwright-core').Page, id: string) =>
  Number((await page.getByTestId(id).locator('.value').textContent())!.replace(/,/g, ''));

describe('labels that fit several readings are asked about', () => {
  // label 0 / 1 / 2 = first / second / tie (Auto-J's coding)
  const coded = join(dir, 'coded.jsonl');
  writeFileSync(
    coded,
    [
      '{"id":"p1","annotator":"a","label":0}',
      '{"id":"p1","annotator":"b","label":0}',
      '{"id":"p2","annotator":"a","label":1}',
      '{"id":"p2","annotator":"b","label":2}',
      '{"id":"p3","annotator":"a","label":1}',
      '{"id":"p3","annotator":"b","label":1}',
    ].join('\n'),
  );

  it("the page asks, the pick goes into the link, and the numbers are the command's with --labels-are", async () => {
    const { page, log } = await open([coded]);
    const question = page.getByTestId('label-question');
    await question.waitFor({ timeout: 30_000 });
    expect(await page.getByRole('tab', { name: 'Agreement' }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'label-question.png'), fullPage: true });
    await question
      .getByRole('radio', { name: /0 = first response \(A\) better, 1 = second \(B\) better, 2 = tie/ })
      .check();
    await question.getByTestId('answer-labels').click();
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).hash).toBe('#labels=first-second-tie');
    const report = await audit([coded], '--labels-are', 'first-second-tie');
    expect(report.input.warnings).toEqual([]);
    const sides = await page.getByTestId('stat-sides').locator('.value').textContent();
    const decisive = report.input.label_counts['A>'] + report.input.label_counts['B>'];
    expect(sides).toBe(`A ${((100 * report.input.label_counts['A>']) / decisive).toFixed(1)}%`);
    // the link opens the same file the same way, without the question
    const again = await open([coded], '#labels=first-second-tie');
    await again.page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    expect(await again.page.getByTestId('stat-sides').locator('.value').textContent()).toBe(sides);
    expect(log.errors).toEqual([]);
    expect(offsite(log.requests)).toEqual([]);
    await page.close();
    await again.page.close();
  }, 90_000);
});

describe('a failed read leads to a mapping screen', () => {
  it('shows the first lines and what is missing; naming the columns reads the file', async () => {
    const odd = join(dir, 'odd.csv');
    writeFileSync(odd, 'who,what,verdict_code\nw1,p1,1\nw2,p1,5\nw1,p2,5\nw2,p2,5\n');
    const { page, log } = await open([odd]);
    const repair = page.getByTestId('repair-screen');
    await repair.waitFor({ timeout: 30_000 });
    expect(await repair.getByTestId('raw-head').textContent()).toContain('who,what,verdict_code');
    expect(await repair.getByTestId('file-problems').textContent()).toMatch(/no item id column/);
    await page.screenshot({ path: join(ARTIFACTS, 'repair-screen.png'), fullPage: true });
    await repair.locator('select[data-role=item]').selectOption('what');
    await repair.locator('select[data-role=annotator]').selectOption('who');
    await repair.locator('select[data-role=label]').selectOption('verdict_code');
    await repair.getByRole('button', { name: 'Re-read odd.csv' }).click();
    await page.getByTestId('stat-rows').waitFor({ timeout: 30_000 });
    expect(await statValue(page, 'stat-rows')).toBe(4);
    expect(log.errors).toEqual([]);
    await page.close();
  }, 60_000);
});

withRealExports(
  'gal-adultcontent2/labels.txt',
  'fastchat-gpt4-pair/gpt-4_pair.jsonl',
  'llmbar-natural/GPT-4-Vanilla/result.json',
).describe('real exports in the page', () => {
  it('GAL header-less labels and gold: every guess and every dropped row on the Overview, as the command says', async () => {
    const paths = ['labels.txt', 'gold.txt'].map((n) => join(REAL_EXPORTS, 'gal-adultcontent2', n));
    const { page, log } = await open(paths);
    await page.getByTestId('reading-warnings').waitFor({ timeout: 60_000 });
    const report = await audit(paths);
    const shown = await page.getByTestId('reading-warnings').locator('li').allTextContents();
    expect(shown).toEqual(
      report.input.warnings.map(
        (w: { file: string; column: string | null; message: string }) =>
          `${w.file}${w.column ? ` (${w.column})` : ''}: ${w.message}`,
      ),
    );
    const files = await page.getByTestId('files-read').locator('tbody tr').allTextContents();
    expect(files).toEqual(['labels.txttsv92,72189,7992,922—', 'gold.txttsv1,51701,184—']);
    await page.screenshot({ path: join(ARTIFACTS, 'real-gal-overview.png'), fullPage: true });
    await page.getByRole('tab', { name: 'Final labels' }).click();
    await page.getByTestId('method-in-use').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('method-in-use').textContent()).toBe(
      `Dawid-Skene did not converge (stopped after ${report.aggregation.iterations} passes); the exports use Majority vote (automatic: Dawid-Skene when it converges, else majority vote).`,
    );
    expect(report.aggregation).toMatchObject({ method: 'majority', requested_method: 'auto', converged: false });
    // Dawid-Skene and MACE are the spam scores' fits, reused: their rows show the time those fits took (100 and
    // 187 passes here, a few hundred ms), not the ~0 ms of handing them over
    for (const m of ['dawid_skene', 'mace'])
      expect(Number(await page.locator(`tr[data-method=${m}] td[data-ms]`).getAttribute('data-ms'))).toBeGreaterThan(5);
    await page.screenshot({ path: join(ARTIFACTS, 'real-gal-final-labels.png'), fullPage: true });
    // G holds most labels: percent agreement 0.70 against Fleiss' kappa 0.29, said beside the coefficients
    await page.getByRole('tab', { name: 'Agreement' }).click();
    const note = page.getByTestId('prevalence-note');
    await note.waitFor({ timeout: 60_000 });
    const p = report.agreement.prevalence;
    expect(p).toMatchObject({ coefficient_id: 'fleiss_kappa' });
    expect((await note.textContent())!.replace(/\s+/g, ' ').trim()).toBe(
      `Read kappa with care. Percent agreement is ${p.percent_agreement.toFixed(3)} but Fleiss' kappa only ` +
        `${p.coefficient.toFixed(3)}: G holds ${(p.label_shares.G * 100).toFixed(1)}% of the labels, so agreement by ` +
        'chance is high and the chance-corrected coefficients fall although the annotators mostly agree (the ' +
        `prevalence paradox). Gwet's AC1, which a dominant label does not drive down so, is ${p.gwet_ac1.toFixed(3)}. ` +
        `Label shares: ${Object.entries(p.label_shares as Record<string, number>)
          .map(([l, x]) => `${l} ${(x * 100).toFixed(1)}%`)
          .join(', ')}.`,
    );
    await note.screenshot({ path: join(ARTIFACTS, 'prevalence-note.png') });
    expect(log.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('FastChat pair judgments: the judge in both orders, errors counted, no position test where a model was always first', async () => {
    const path = join(REAL_EXPORTS, 'fastchat-gpt4-pair/gpt-4_pair.jsonl');
    const { page, log } = await open([path]);
    await page.getByTestId('stat-rows').waitFor({ timeout: 60_000 });
    expect(await statValue(page, 'stat-rows')).toBe(147);
    expect(await page.getByTestId('judge-verdicts').count()).toBe(2);
    await page.getByRole('tab', { name: 'Judges & bias' }).click();
    await page.getByTestId('position-untested').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('position-untested').allTextContents()).toEqual([
      "Not tested — gpt-4: always saw phi-3 first: the share of first-side wins is phi-3's win rate, not a position bias.",
      "Not tested — gpt-4 (swapped): always saw phi-3-dpo first: the share of first-side wins is phi-3-dpo's win rate, not a position bias.",
    ]);
    // no humans: each judge says so instead of a confusion table of zeros, and lists no annotator
    expect(await page.getByTestId('judge-no-confusion').allTextContents()).toEqual([
      'No pair has a human majority to compare the judge with.',
      'No pair has a human majority to compare the judge with.',
    ]);
    expect(await page.getByTestId('judge-confusion').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'real-fastchat-judges.png'), fullPage: true });
    // no human label: Final labels says so in place of a table of methods fitted on nothing and empty charts
    await page.getByRole('tab', { name: 'Final labels' }).click();
    const summary = page.getByTestId('aggregation-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toBe(
      'No pair has a human label to aggregate: final labels combine the labels of the human annotators kept (an AI judge is audited in Judges & bias; removed annotators are left out).',
    );
    expect(await page.getByTestId('method-table').count()).toBe(0);
    expect(await page.locator('#labels-title ~ * figure, #labels-title ~ * svg').count()).toBe(0);
    // and Annotators lists the judge in both orders, with no empty chart of human label shares
    await page.getByRole('tab', { name: 'Annotators' }).click();
    const who = page.getByTestId('annotator-summary');
    await who.waitFor({ timeout: 60_000 });
    expect((await who.textContent())!.replace(/\s+/g, ' ').trim()).toBe(
      'No human annotator: the files hold only the verdicts of 2 AI judges, listed below with what can be said of them without humans (their audit is in Judges & bias). Scores, flags, spam scores and removal need human labels.',
    );
    expect(await page.locator('#annotators-title ~ * svg').count()).toBe(0);
    const judgeRows = page.locator('section[aria-labelledby=annotators-title] tbody tr');
    await judgeRows.first().waitFor({ timeout: 60_000 });
    expect(await judgeRows.count()).toBe(2);
    // Agreement: no band chart without a value, and no empty chart of slices where every value is undefined
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await page.getByTestId('slice-undefined').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('band-card').locator('svg').count()).toBe(0);
    expect(await page.locator('#slices-title ~ * svg').count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('LLMBar results of two evaluators in one zip: two judges named by their folders, each in both orders', async () => {
    const zip = join(dir, 'llmbar.zip');
    const member = (p: string) => new Uint8Array(readFileSync(join(REAL_EXPORTS, 'llmbar-natural', p)));
    writeFileSync(
      zip,
      zipSync({
        'GPT-4-Vanilla/result.json': member('GPT-4-Vanilla/result.json'),
        'ChatGPT-Vanilla/result.json': member('ChatGPT-Vanilla/result.json'),
        'README.txt': strToU8(''),
      }).slice(),
    );
    const { page, log } = await open([zip]);
    await page.getByTestId('files-read').waitFor({ timeout: 60_000 });
    const files = await page.getByTestId('files-read').locator('tbody tr').allTextContents();
    expect(files.slice(0, 2)).toEqual([
      'llmbar.zip/GPT-4-Vanilla/result.jsonllmbar1002000GPT-4-Vanilla',
      'llmbar.zip/ChatGPT-Vanilla/result.jsonllmbar1002000ChatGPT-Vanilla',
    ]);
    await page.getByRole('tab', { name: 'Judges & bias' }).click();
    await page.getByRole('heading', { name: /^ChatGPT-Vanilla \(swapped\)/ }).waitFor({ timeout: 60_000 });
    const text = await page.locator('main').textContent();
    for (const judge of ['GPT-4-Vanilla', 'GPT-4-Vanilla (swapped)', 'ChatGPT-Vanilla', 'ChatGPT-Vanilla (swapped)'])
      expect(text).toContain(judge);
    // both orders, as LLMBar's statistics.json publishes them (test/sections/judgeOrders.test.ts): equal 95 and 71,
    // correct_both 93 and 67 of 100
    const orders = await (await openTable(page.getByTestId('judge-orders'))).allTextContents();
    expect(orders).toEqual([
      'GPT-4-VanillaGPT-4-Vanilla (swapped)10095.0%88.8%–97.8%320gold95.0%96.0%93.0%86.3%–96.6%',
      'ChatGPT-VanillaChatGPT-Vanilla (swapped)10071.0%61.5%–79.0%2540gold80.0%83.0%67.0%57.3%–75.4%',
    ]);
    expect((await page.getByTestId('panel-sentence').textContent())!.replace(/\s+/g, ' ').trim()).toBe(
      'On the 100 pairs both judges labelled, against gold, their errors correlate by 0.344 on average, so the panel ' +
        'is worth 1.49 independent judges. Its majority is right on 79.0% (17 ties among the verdicts counted wrong); ' +
        "no judge's removal lowers the majority's accuracy: with two judges every disagreement is a tie, so either " +
        'judge alone does at least as well.',
    );
    await page.getByTestId('judge-orders').screenshot({ path: join(ARTIFACTS, 'judge-orders.png') });
    await page.getByTestId('judge-panel').screenshot({ path: join(ARTIFACTS, 'judge-panel.png') });
    expect(log.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('the same verdicts with the second order as items holding the texts swapped: the same figures', async () => {
    const flat = join(dir, 'llmbar-swapped.jsonl');
    const paths = ['GPT-4-Vanilla', 'ChatGPT-Vanilla'].map((e) => `llmbar-natural/${e}/result.json`);
    writeFileSync(flat, asSwappedItems(await loadReal(paths)));
    const { page, log } = await open([flat]);
    await page.getByTestId('stat-rows').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Judges & bias' }).click();
    const orders = page.getByTestId('judge-orders');
    await orders.waitFor({ timeout: 60_000 });
    // test/sections/judgeOrders.test.ts: equal 95 and 71, correct_both 93 and 67 of 100, as LLMBar publishes
    expect(await (await openTable(orders)).allTextContents()).toEqual([
      'GPT-4-Vanillasame texts, A and B exchanged10095.0%88.8%–97.8%320gold95.0%96.0%93.0%86.3%–96.6%',
      'ChatGPT-Vanillasame texts, A and B exchanged10071.0%61.5%–79.0%2540gold80.0%83.0%67.0%57.3%–75.4%',
    ]);
    expect((await orders.getByTestId('orders-sentence').textContent())!.replace(/\s+/g, ' ')).toContain(
      'GPT-4-Vanilla gave the same verdict in both orders on 95.0% of 100 pairs it judged twice, under two item ids ' +
        'holding the same texts with A and B exchanged',
    );
    await orders.screenshot({ path: join(ARTIFACTS, 'judge-orders-swapped-texts.png') });
    expect(log.errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe("a judge's other order in a second column", () => {
  it('is read in the file\'s sides and said so; chosen "as shown" by hand, it is mirrored', async () => {
    // test/sections/judgeOrders.test.ts, the same four pairs: 2 of 4 consistent, then 1 of 4 as shown
    const csv = join(dir, 'two-columns.csv');
    writeFileSync(
      csv,
      [
        'example_id,annotator_id,label,gold_label,ai_label,ai_label_swapped',
        'p1,h1,A>,A>,A>,A>',
        'p2,h1,B>,B>,A>,B>',
        'p3,h1,B>,B>,B>,B>',
        'p4,h1,A>,A>,=,A>',
      ].join('\n'),
    );
    const { page, log } = await open([csv]);
    await page.getByTestId('stat-rows').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('reading-warnings').textContent()).toContain(
      "ai_label_swapped read as the judge's verdicts in the other order (A and B exchanged when shown), given in " +
        "the file's sides: its A is the file's A.",
    );
    const ordersRow = async () => {
      await page.getByRole('tab', { name: 'Judges & bias' }).click();
      const orders = page.getByTestId('judge-orders');
      await orders.getByTestId('orders-sentence').waitFor({ timeout: 60_000 });
      const rows = await (await openTable(orders)).allTextContents();
      return rows;
    };
    expect(await ordersRow()).toEqual([
      'ai_judgeai_judge (swapped)4' + '50.0%15.0%–85.0%' + '101' + 'gold50.0%100.0%50.0%15.0%–85.0%',
    ]);
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Change the format or columns' }).click();
    await page.locator('select[data-role="aiLabelSwapped"]').selectOption({ label: '(none)' });
    await page.locator('select[data-role="aiLabelSwappedShown"]').selectOption('ai_label_swapped');
    await page.getByRole('button', { name: 'Re-read two-columns.csv' }).click();
    await page.getByRole('tab', { name: 'Overview' }).click();
    await page
      .getByTestId('reading-warnings')
      .getByText(/ai_label_swapped read as the judge's verdicts in the other order as shown/)
      .waitFor({ timeout: 60_000 });
    expect(await ordersRow()).toEqual([
      'ai_judgeai_judge (swapped)4' + '25.0%4.6%–69.9%' + '111' + 'gold50.0%0.0%0.0%0.0%–49.0%',
    ]);
    expect(log.errors).toEqual([]);
    await page.close();
  }, 120_000);
});

describe("a judge's other order in a second judge file", () => {
  it('named "…_swapped": paired with the first for both orders, and the reading says so', async () => {
    // test/sections/judgeOrders.test.ts, the same three files: 1 of 3 consistent, both right on 1
    const write = (name: string, lines: string[]) => {
      writeFileSync(join(dir, name), lines.join('\n'));
      return join(dir, name);
    };
    const { page, log } = await open([
      write('annotations.csv', [
        'example_id,annotator_id,label,gold_label',
        'p1,h1,A>,A>',
        'p2,h1,B>,B>',
        'p3,h1,B>,B>',
      ]),
      write('gpt4.csv', ['example_id,judge_label', 'p1,A>', 'p2,A>', 'p3,B>']),
      write('gpt4_swapped.csv', ['example_id,judge_label', 'p1,A>', 'p2,B>', 'p3,A>']),
    ]);
    await page.getByTestId('stat-rows').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('reading-warnings').textContent()).toContain(
      "gpt4_swapped.csv (judge_label): read as gpt4's verdicts in the other order (A and B exchanged when shown)",
    );
    await page.getByRole('tab', { name: 'Judges & bias' }).click();
    const orders = page.getByTestId('judge-orders');
    await orders.getByTestId('orders-sentence').waitFor({ timeout: 60_000 });
    expect(await (await openTable(orders)).allTextContents()).toEqual([
      'gpt4gpt4 (swapped)3' + '33.3%6.1%–79.2%' + '110' + 'gold66.7%66.7%33.3%6.1%–79.2%',
    ]);
    expect(log.errors).toEqual([]);
    await page.close();
  }, 120_000);
});

withRealExports('hh-rlhf-harmless-test/test.jsonl.gz').describe('HH-RLHF in the page', () => {
  it('one label per pair: the Final labels panel says there is nothing to aggregate, as the report counts', async () => {
    const path = join(REAL_EXPORTS, 'hh-rlhf-harmless-test/test.jsonl.gz');
    const { page, log } = await open([path]);
    await page.getByTestId('stat-rows').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Final labels' }).click();
    const summary = page.getByTestId('aggregation-summary');
    await summary.waitFor({ timeout: 60_000 });
    const report = await audit([path]);
    expect(report.aggregation).toMatchObject({ items: 2312, items_with_several_labels: 0 });
    expect((await summary.textContent())!.replace(/\s+/g, ' ')).toContain(
      "No pair has two labels or more: every method gives each pair its one label back, so there is nothing to aggregate and the methods' fits (passes, convergence) say nothing here.",
    );
    const mmsr = page.locator('tr[data-method=mmsr] th');
    expect((await mmsr.textContent())!.replace(/\s+/g, ' ')).toBe(
      'M-MSRcannot run here: M-MSR rescales agreement by the labels used, and the selected ones use only one',
    );
    expect(await page.getByLabel('Use M-MSR').isDisabled()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'real-hh-rlhf-final-labels.png'), fullPage: true });
    // the synthetic annotator shares no pair with anyone: no spam score, no spam chart
    expect(report.annotators.map((a: { spam_probability: number | null }) => a.spam_probability)).toEqual([null]);
    await page.getByRole('tab', { name: 'Annotators' }).click();
    const who = page.getByTestId('annotator-summary');
    await who.waitFor({ timeout: 60_000 });
    expect((await who.textContent())!.replace(/\s+/g, ' ').trim()).toMatch(/^1 annotator; 0 flagged\./);
    expect(await page.getByText('Spam scores: MACE and the confusion matrix').count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.close();
  }, 120_000);
});

withRealExports('alpaca-eval-alpaca-7b/annotations.json').describe('AlpacaEval in the page', () => {
  it("length control against text_davinci_003 and the judge's self-preference, with an editable family rule", async () => {
    const { page, log } = await open([join(REAL_EXPORTS, 'alpaca-eval-alpaca-7b/annotations.json')]);
    await page.getByTestId('stat-rows').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Judges & bias' }).click();
    const lc = page.getByTestId('judge-length-control');
    await lc.waitFor({ timeout: 60_000 });
    // test/sections/judgeLength.test.ts: raw 205 / 789, at equal length 0.2640 (scipy), the longer won 450 / 634
    // (lengths differing by more than 30 characters) — the length-bias section's figure for the same judge
    expect(await (await openTable(lc)).allTextContents()).toEqual([
      'alpaca_eval_gpt480516789' + '26.0%23.0%–29.2%' + '26.4%23.2%–29.9%' + '1.487' + '0.175' + '71.0%—',
    ]);
    // one figure for "the longer answer won": the length-control sentence and the length-bias card agree
    const main = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(main).toContain('alpaca_eval_gpt4: the longer answer won 71.0% of 634 decisive verdicts where the lengths');
    expect(main).toMatch(/CHOOSES THE LONGER 71\.0% of 634 decisive verdicts/i);
    const self = page.getByTestId('judge-self-preference');
    expect(await (await openTable(self)).allTextContents()).toEqual([
      'alpaca_eval_gpt4openai80516' + '74.0%70.8%–77.0%' + '——no human majority',
    ]);
    await self.screenshot({ path: join(ARTIFACTS, 'judge-self-preference.png') });
    await lc.screenshot({ path: join(ARTIFACTS, 'judge-length-control.png') });
    // an invalid rule is refused with its reason; a rule without the judge's family leaves no self-preference
    const field = self.getByRole('textbox');
    await field.fill('openai=gpt(');
    await self.getByRole('button', { name: 'Apply' }).click();
    expect(await self.getByRole('alert').textContent()).toBe('family "openai": "gpt(" is not a valid pattern');
    await field.fill('anthropic=claude');
    await self.getByRole('button', { name: 'Apply' }).click();
    await page
      .getByTestId('judge-self-preference')
      .getByText(/^No judge whose family is on one side/)
      .waitFor({ timeout: 60_000 });
    expect(page.url()).toContain('families=anthropic%3Dclaude');
    expect(log.errors).toEqual([]);
    await page.close();
  }, 120_000);
});
