import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportCharts } from '../../src/charts/reportCharts';
import { coefficient, count, percent } from '../../src/format';
import { chartSvgs, type ChartSvg } from '../../src/render/chartSvgs';
import { escapeHtml } from '../../src/render/escapeHtml';
import { htmlReport, REPORT_SECTIONS } from '../../src/render/htmlReport';
import type { Report } from '../../src/report/report';
import { createSession } from '../../src/session/analysisSession';
import { demoReport, sessionReport } from '../helpers/demoReport';
import { diskFile, textFile } from '../helpers/loadText';

/** Where each part of the report is shown: report key → section id. */
const SECTION_OF: Record<string, string> = {
  input: 'summary',
  agreement: 'agreement',
  annotators: 'annotators',
  aggregation: 'aggregation',
  ai_judge: 'ai_judge',
  bias: 'bias',
  rubric: 'rubric',
  next_label: 'next_label',
  settings: 'settings',
};

/** Every leaf of a JSON value with its path. */
function leaves(value: unknown, path = ''): { path: string; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [{ path, value }];
}

/** The ways the report prints a number (src/render/format.ts and the report's own formats). */
function printed(v: number, path: string): string[] {
  if (Number.isInteger(v)) return [count(v), String(v)];
  const forms = [
    coefficient(v),
    percent(v),
    (100 * v).toFixed(1),
    v.toFixed(2),
    v.toFixed(4),
    v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    count(v),
  ];
  if (String(v).length <= 6) forms.push(String(v));
  if (Math.abs(v) >= 1) forms.push(v.toFixed(1));
  if (Math.abs(v) >= 10 || /rating/.test(path)) forms.push(v.toFixed(0));
  if (v >= 0 && v < 1e-4) forms.push('< 0.0001');
  return forms;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The number stands alone: not part of a longer number. */
const shows = (text: string, form: string) => new RegExp(`(?<![\\d.])${escapeRegExp(form)}(?![\\d])`).test(text);

/** The text of a section without its charts (the numbers must be in the tables and facts, not only on an axis). */
function sectionText(doc: Document, id: string): string {
  const node = doc.getElementById(id)!.cloneNode(true) as Element;
  node.querySelectorAll('figure, svg').forEach((f) => f.remove());
  // text nodes apart (a cell's number must not run into the next cell's)
  const walker = doc.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  while (walker.nextNode()) parts.push(walker.currentNode.textContent ?? '');
  return parts.join(' | ');
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

let report: Report;
let charts: ChartSvg[];
let html: string;
let doc: Document;

beforeAll(async () => {
  report = await demoReport();
  charts = chartSvgs(reportCharts(report), document);
  html = htmlReport(report, charts, { generatedAt: '2026-01-02T03:04:05Z' });
  doc = parse(html);
}, 60_000);

describe('escapeHtml', () => {
  it('escapeHtml(text) replaces the five characters that matter in HTML text and quoted attributes', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;',
    );
    expect(escapeHtml('" onerror="alert(1)')).toBe('&quot; onerror=&quot;alert(1)');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('plain ann01 — 0.391')).toBe('plain ann01 — 0.391');
    expect(escapeHtml(42)).toBe('42');
    expect(escapeHtml(null)).toBe('null');
  });

  it('escapeHtml round-trips through an HTML parser: the text reads back unchanged, in text and in attributes', () => {
    const hostile = `</td><script>x()</script><img src=x onerror="y()"> ' " & <!-- -->`;
    const d = parse(`<p title="${escapeHtml(hostile)}">${escapeHtml(hostile)}</p>`);
    const p = d.querySelector('p')!;
    expect(p.textContent).toBe(hostile);
    expect(p.getAttribute('title')).toBe(hostile);
    expect(d.querySelectorAll('script, img, td').length).toBe(0);
  });
});

describe('htmlReport(report, charts) on the demo', () => {
  it('is a complete document with the CSP, inline style only, every section and the contents', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute('content')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(doc.title).toBe('prefscope report: demo.csv.gz');
    for (const [id, name] of REPORT_SECTIONS) {
      // the comparison only when the report compares two runs
      if (id === 'comparison' || id === 'drift') {
        expect(doc.getElementById(id)).toBeNull();
        expect(doc.querySelector(`nav a[href="#${id}"]`)).toBeNull();
        continue;
      }
      expect(doc.getElementById(id)?.querySelector('h2')?.textContent, id).toBe(name);
      expect(doc.querySelector(`nav a[href="#${id}"]`), id).not.toBeNull();
    }
    expect(doc.querySelectorAll('link, script, iframe, object, embed, img, base, form').length).toBe(0);
    expect(doc.querySelectorAll('style').length).toBeGreaterThan(0);
    expect(doc.body.textContent).toContain('prefscope.report/v1');
    expect(doc.body.textContent).toContain(report.generator);
    expect(doc.body.textContent).toContain('generated 2026-01-02T03:04:05Z');
  });

  it('has no script and no URL that could load anything', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(https?:|\/\/)/i);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
        // xmlns is the SVG namespace's name (an identifier, never fetched)
        if (attr.name === 'xmlns' && attr.value === 'http://www.w3.org/2000/svg') continue;
        expect(attr.value, `${el.tagName}[${attr.name}]`).not.toMatch(/https?:|\/\//i);
        if (/^(href|src|xlink:href|action|srcset|poster|data)$/.test(attr.name))
          expect(attr.value, `${el.tagName}[${attr.name}]`).toMatch(/^#[\w-]+$/);
      }
    }
  });

  it('shows the verdict and every coefficient of the agreement section to three decimals, with its interval', () => {
    const a = report.agreement!;
    const verdict = doc.querySelector('.verdict')!.textContent!;
    expect(verdict).toContain(a.band!.label);
    expect(verdict).toContain(
      `Fleiss' kappa = ${coefficient(a.fleiss_kappa)} [${coefficient(a.ci95.fleiss_kappa![0])}, ${coefficient(a.ci95.fleiss_kappa![1])}]`,
    );
    const table = doc.querySelector('#agreement table')!.textContent!;
    for (const id of [
      'fleiss_kappa',
      'krippendorff_alpha.nominal',
      'krippendorff_alpha.ordinal',
      'krippendorff_alpha.interval',
      'gwet_ac1',
    ]) {
      for (const prefix of ['', 'directional.']) {
        const value = id
          .split('.')
          .reduce((o: unknown, k) => (o as Record<string, unknown>)[k], prefix ? a.directional : a) as number;
        const ci = a.ci95[prefix + id]!;
        expect(table, prefix + id).toContain(`${coefficient(value)} [${coefficient(ci[0])}, ${coefficient(ci[1])}]`);
      }
    }
    expect(table).toContain(coefficient(a.cohen_kappa_mean));
    expect(table).toContain(
      `${percent(a.percent_agreement.strict!)} [${percent(a.ci95['percent_agreement.strict']![0])}, ${percent(a.ci95['percent_agreement.strict']![1])}]`,
    );
    expect(table).toContain('fair agreement: task may be too subjective, simplify rubric');
  });

  it('prints every number of the report in its section (tables and facts, charts left out)', () => {
    let checked = 0;
    for (const [key, id] of Object.entries(SECTION_OF)) {
      const text = sectionText(doc, id);
      for (const leaf of leaves((report as unknown as Record<string, unknown>)[key], key)) {
        if (typeof leaf.value !== 'number') continue;
        const forms = printed(leaf.value, leaf.path);
        expect(
          forms.some((f) => shows(text, f)),
          `${leaf.path} = ${leaf.value} (tried ${forms.join(' | ')})`,
        ).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it('prints every text of the report (ids, labels, prompts, rules, reasons) in its section', () => {
    let checked = 0;
    for (const [key, id] of Object.entries(SECTION_OF)) {
      const text = sectionText(doc, id);
      for (const leaf of leaves((report as unknown as Record<string, unknown>)[key], key)) {
        if (typeof leaf.value !== 'string') continue;
        expect(text.includes(leaf.value), `${leaf.path} = ${JSON.stringify(leaf.value)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('places each chart in its section as inline SVG', () => {
    expect(charts.length).toBeGreaterThanOrEqual(15);
    for (const c of charts) {
      const figure = [...doc.querySelectorAll(`#${c.section === 'input' ? 'summary' : c.section} figure.chart`)].find(
        (f) => f.querySelector('figcaption')?.textContent === c.title,
      );
      expect(figure, c.title).toBeDefined();
      expect(figure!.querySelector('svg title')?.textContent, c.title).toBeTruthy();
    }
  });

  it('says what is missing when a section is null (a summary file) and draws no chart for it', () => {
    const bare = htmlReport({
      ...report,
      agreement: null,
      aggregation: null,
      ai_judge: null,
      bias: null,
      rubric: null,
      next_label: null,
    });
    const d = parse(bare);
    expect(d.getElementById('agreement')!.textContent).toContain('No agreement section');
    expect(d.getElementById('aggregation')!.textContent).toContain('No final labels');
    expect(d.getElementById('ai_judge')!.textContent).toContain('No AI judge section');
    expect(d.getElementById('bias')!.textContent).toContain('No bias section');
    expect(d.getElementById('rubric')!.textContent).toContain('No rubric section');
    expect(d.getElementById('next_label')!.textContent).toContain('No value-of-the-next-label section');
    expect(d.querySelector('.verdict')!.textContent).toContain('No agreement');
    expect(d.querySelectorAll('svg').length).toBe(0);
  });
});

describe('htmlReport of AI verdicts alone', () => {
  it('says there is no human annotator and no human label to aggregate, with no empty table or chart', async () => {
    // a judge file only (FastChat's pair judgments, written here): two questions, one judge in both orders
    const line = (q: number, g1: string, g2: string) =>
      JSON.stringify({
        question_id: q,
        model_1: 'm1',
        model_2: 'm2',
        g1_winner: g1,
        g2_winner: g2,
        judge: ['gpt-4', 'pair-v2'],
      });
    const jsonl = `${line(1, 'model_1', 'model_1')}\n${line(2, 'model_2', 'tie')}\n`;
    const r = await sessionReport([textFile('gpt-4_pair.jsonl', jsonl)], { bootstrap: 0 });
    expect(r.annotators).toEqual([]);
    expect(r.aggregation).toMatchObject({ items: 0 });
    const d = parse(htmlReport(r));
    expect(d.getElementById('annotators')!.textContent!.replace(/\s+/g, ' ')).toContain(
      "No human annotator: the files hold only AI judges' verdicts (2), audited under AI judges.",
    );
    expect(d.querySelector('#annotators table')).toBeNull();
    expect(d.getElementById('aggregation')!.textContent).toContain('No pair has a human label to aggregate');
    expect(d.querySelector('#aggregation table, #aggregation svg')).toBeNull();
  });
});

describe('htmlReport on the rubric demo', () => {
  it('prints every number and text of the rubric and next_label sections in their sections, with the correlation chart', async () => {
    const rubric = await sessionReport(
      [await diskFile(join(import.meta.dirname, '../../public/samples/rubric-demo.csv.gz'))],
      { bootstrap: 200, seed: 1 },
    );
    expect(rubric.rubric).not.toBeNull();
    const svgs = chartSvgs(reportCharts(rubric), document);
    expect(svgs.map((c) => `${c.section}: ${c.title}`)).toEqual(
      expect.arrayContaining([
        'rubric: Spearman correlation between rubric dimensions',
        'next_label: Expected accuracy against budget',
      ]),
    );
    const d = parse(htmlReport(rubric, svgs));
    let checked = 0;
    for (const key of ['rubric', 'next_label'] as const) {
      const text = sectionText(d, key);
      for (const leaf of leaves(rubric[key], key)) {
        if (typeof leaf.value === 'number')
          expect(
            printed(leaf.value, leaf.path).some((f) => shows(text, f)),
            `${leaf.path} = ${leaf.value}`,
          ).toBe(true);
        else if (typeof leaf.value === 'string')
          expect(text.includes(leaf.value), `${leaf.path} = ${JSON.stringify(leaf.value)}`).toBe(true);
        else continue;
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(d.querySelector('#rubric figure.chart svg')).not.toBeNull();
  }, 120_000);
});

describe('htmlReport with hostile ids, file names and texts', () => {
  const SCRIPT = '<script>alert(1)</script>';
  const ATTR = '" onerror="alert(2)';
  const QUOTE = "x' onload='alert(3)";
  const FILE = '<img src=x onerror=alert(4)>.csv';
  const PROMPT = '<iframe src="https://evil.example/"></iframe> & </td>';

  it('escapes them everywhere: they read back as text, and no element or attribute comes from them', async () => {
    const annotators = [SCRIPT, ATTR, QUOTE, 'plain'];
    const rows = [
      'example_id,annotator_id,label,ai_label,ai_confidence,prompt,response_a,response_b,domain,model_a,model_b',
    ];
    for (let i = 0; i < 40; i++) {
      const item = i === 0 ? '</th><b>item</b>' : `q${i}`;
      const prompt = i < 2 ? PROMPT : `prompt ${i}`;
      const domain = i % 2 ? '<b>code</b>' : 'chat';
      for (let k = 0; k < 3; k++) {
        const who = annotators[(i + k) % annotators.length];
        const label = (i + k) % 3 === 0 ? 'B' : 'A';
        rows.push(
          [
            item,
            who,
            label,
            i % 4 ? 'A' : 'B',
            (0.5 + (i % 5) / 10).toFixed(2),
            prompt,
            `answer a ${'x'.repeat(i)}`,
            `answer b ${'y'.repeat(40 - i)}`,
            domain,
            i % 2 ? '<svg onload=x>' : 'm1',
            'm2',
          ]
            .map((c) => `"${c.replace(/"/g, '""')}"`)
            .join(','),
        );
      }
    }
    const r = await sessionReport([textFile(FILE, `${rows.join('\n')}\n`)], { bootstrap: 50, seed: 1 });
    expect(r.annotators.map((a) => a.id).sort()).toEqual([...annotators].sort());
    const out = htmlReport(r, chartSvgs(reportCharts(r), document), { title: `Report of ${SCRIPT}` });
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<iframe|<img|<b>|<svg onload/i);
    const d = parse(out);
    expect(d.querySelectorAll('script, iframe, img, b').length).toBe(0);
    for (const el of d.querySelectorAll('*'))
      for (const attr of el.attributes)
        expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}="${attr.value}"`).toBe(false);
    const text = d.body.textContent!;
    for (const s of [SCRIPT, ATTR, QUOTE, FILE, PROMPT, '</th><b>item</b>', '<b>code</b>'])
      expect(text, s).toContain(s);
    expect(d.title).toBe(`Report of ${SCRIPT}`);
    // the charts name the annotators too (axis labels, titles), escaped by the serialiser
    expect([...d.querySelectorAll('svg text, svg title')].some((t) => t.textContent!.includes(SCRIPT))).toBe(true);
  }, 30_000);
});

describe('htmlReport(report) with a comparison', () => {
  it('has a "Compared with run B" section with every row, its verdict, who changed and the flips', async () => {
    const rows = (labels: string[]) =>
      [
        'item,annotator,label',
        ...labels.flatMap((l, i) =>
          ['x', 'y', 'z'].map((w, k) => `p${i},${w}${k === 2 && i % 2 ? '2' : ''},${k ? l : 'A'}`),
        ),
      ].join('\n');
    const session = createSession();
    const a = await session.load([textFile('a.csv', rows(['A', 'B', 'A', 'tie', 'B', 'A', 'A', 'B']))]);
    expect(a.ok).toBe(true);
    const b = await session.loadComparison([textFile('b.csv', rows(['B', 'B', 'A', 'A', 'tie', 'A', 'B', 'B']))]);
    expect(b.ok).toBe(true);
    const built = session.report({ bootstrap: 200 });
    if (!built.ok) throw new Error(built.message);
    const c = built.report.comparison!;
    const page = new DOMParser().parseFromString(htmlReport(built.report), 'text/html');
    const section = page.getElementById('comparison')!;
    expect(section.querySelector('h2')?.textContent).toBe('Compared with run B');
    expect(page.querySelector('nav a[href="#comparison"]')).not.toBeNull();
    const text = (section.textContent ?? '').replace(/\s+/g, ' ');
    for (const row of c.rows) {
      expect(text, row.id).toContain(row.name);
      expect(text, row.id).toContain(row.verdict);
    }
    expect(section.querySelectorAll('#comparison-rows tbody tr').length).toBe(c.rows.length);
    expect(text).toContain(`${c.flips.flipped} of ${c.flips.compared} pairs in both runs changed their majority label`);
    expect(text).toContain(c.correction);
    for (const x of c.annotators.both) expect(text).toContain(x.id);
  });
});
