import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../helpers/commands';
import { coefficient, percent } from '../../src/format';

describe('npm run audit -- --html FILE', async () => {
  it('audit demo --html writes the self-contained report beside the JSON on stdout: the same numbers, charts inline, no script, no URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefscope-html-'));
    const path = join(dir, 'report.html');
    const out = await audit('public/samples/demo.csv.gz', '--html', path);
    expect(out.status, out.stderr).toBe(0);
    const report = JSON.parse(out.stdout);
    const html = readFileSync(path, 'utf8');
    const doc = new DOMParser().parseFromString(html, 'text/html');

    const a = report.agreement;
    const verdict = doc.querySelector('.verdict')!.textContent!;
    expect(verdict).toContain(
      `Fleiss' kappa = ${coefficient(a.fleiss_kappa)} [${coefficient(a.ci95.fleiss_kappa[0])}, ${coefficient(a.ci95.fleiss_kappa[1])}]`,
    );
    expect(verdict).toContain(a.band.label);
    const agreement = doc.getElementById('agreement')!.textContent!;
    for (const id of ['nominal', 'ordinal', 'interval'])
      expect(agreement).toContain(
        `${coefficient(a.krippendorff_alpha[id])} [${coefficient(a.ci95[`krippendorff_alpha.${id}`][0])}, ${coefficient(a.ci95[`krippendorff_alpha.${id}`][1])}]`,
      );
    expect(agreement).toContain(coefficient(a.gwet_ac1));
    expect(agreement).toContain(coefficient(a.cohen_kappa_mean));
    const judge = report.ai_judge.judges[0];
    expect(doc.getElementById('ai_judge')!.textContent).toContain(percent(judge.vs_majority.directional_accuracy));
    expect(doc.getElementById('ai_judge')!.textContent).toContain(coefficient(judge.vs_majority.kappa));
    expect(doc.getElementById('summary')!.textContent).toContain(report.input.files[0].sha256);
    for (const row of report.annotators) expect(doc.getElementById('annotators')!.textContent).toContain(row.id);

    expect(doc.querySelectorAll('figure.chart svg[role="img"]').length).toBeGreaterThanOrEqual(15);
    for (const svg of doc.querySelectorAll('figure.chart svg[role="img"]'))
      expect(svg.querySelectorAll('rect, circle, path, line').length).toBeGreaterThan(5);
    expect(html).not.toMatch(/<script/i);
    expect(doc.querySelectorAll('script, link, img, iframe').length).toBe(0);
    expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|="\/\//i);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
  }, 60_000);

  it('audit --out --html writes both files, the JSON the same as without --html', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefscope-html-'));
    const out = await audit(
      'test/fixtures/cli/wide.csv',
      '--out',
      join(dir, 'r.json'),
      '--html',
      join(dir, 'r.html'),
      '--bootstrap',
      '50',
    );
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toBe('');
    const plain = await audit('test/fixtures/cli/wide.csv', '--bootstrap', '50');
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toEqual(JSON.parse(plain.stdout));
    const doc = new DOMParser().parseFromString(readFileSync(join(dir, 'r.html'), 'utf8'), 'text/html');
    expect(doc.title).toBe('prefscope report: wide.csv');
    expect(doc.getElementById('summary')!.textContent).toContain('unknown label "9"');
  }, 60_000);

  it('audit --html into a folder that does not exist exits 2 with one line', async () => {
    const out = await audit(
      'test/fixtures/cli/wide.csv',
      '--labels-are',
      'tie-first-second',
      '--html',
      '/nonexistent-dir/r.html',
    );
    expect(out.status).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/^prefscope audit: .*\/nonexistent-dir\/r\.html/);
  }, 60_000);
});
