// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit, auditReport } from '../helpers/commands';

const dir = mkdtempSync(join(tmpdir(), 'prefscope-reading-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
};

// a JSONL whose label 0 / 1 / 2 means first / second / tie (Auto-J's coding); read with the best guess it is tie / A / B
const PAIRS = write(
  'pairs.jsonl',
  [
    { id: 'p1', annotator: 'a', label: 0 },
    { id: 'p1', annotator: 'b', label: 0 },
    { id: 'p2', annotator: 'a', label: 1 },
    { id: 'p2', annotator: 'b', label: 2 },
    { id: 'p3', annotator: 'a', label: 1 },
    { id: 'p3', annotator: 'b', label: 1 },
  ]
    .map((x) => JSON.stringify(x))
    .join('\n'),
);

describe('npm run audit: label readings', async () => {
  it('warns on stderr about an ambiguous reading and records the reading used in settings.label_map', async () => {
    const out = await audit(PAIRS, '--bootstrap', '0');
    expect(out.status, out.stderr).toBe(0);
    const lines = out.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /^warning: pairs\.jsonl \(label\): the labels "0" \/ "1" \/ "2" fit more than one reading: read as "0 = tie, 1 = first response \(A\) better, 2 = second \(B\) better" \(--labels-are tie-first-second\); it could also be "0 = first response \(A\) better, 1 = second \(B\) better, 2 = tie" \(--labels-are first-second-tie\); "nominal categories/,
      ),
    ]);
    const report = JSON.parse(out.stdout);
    expect(report.settings.label_map).toEqual({ 0: '=', 1: 'A>', 2: 'B>' });
    expect(report.settings.labels_are).toBeNull();
    expect(report.input.label_readings[0]).toMatchObject({
      convention: 'tie-first-second',
      chosen: 'guess',
      ambiguous: true,
      columns: ['label'],
    });
    expect(report.input.label_readings[0].candidates.map((c: { convention: string }) => c.convention)).toEqual([
      'tie-first-second',
      'first-second-tie',
      'nominal',
    ]);
  }, 60_000);

  it('--labels-are settles it: no warning, the stated reading, in the settings', async () => {
    const report = await auditReport(PAIRS, '--bootstrap', '0', '--labels-are', 'first-second-tie');
    expect(report.input.warnings).toEqual([]);
    expect(report.settings.label_map).toEqual({ 0: 'A>', 1: 'B>', 2: '=' });
    expect(report.settings.labels_are).toEqual({ '*': 'first-second-tie' });
    expect(report.input.label_counts).toEqual({ 'A>>': 0, 'A>': 2, '=': 1, 'B>': 3, 'B>>': 0 });
    expect(report.agreement.percent_agreement.strict).toBeCloseTo(2 / 3, 12);
  }, 60_000);

  it('--labels-are refuses an unknown convention with the list', async () => {
    const out = await audit(PAIRS, '--labels-are', 'backwards');
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(
      /^prefscope audit: --labels-are takes one of words, signed-2, .*nominal \(or FILE=CONVENTION\), not "backwards"\n$/,
    );
  }, 60_000);
});

describe('npm run audit: headers, JSON columns, item scope, file names', async () => {
  it('--no-header reads the first row as data; --header keeps it as the header', async () => {
    const path = write('raw.tsv', 'worker_1\tpair_9\tA\nworker_2\tpair_9\tB\nworker_1\tpair_8\tB\n');
    const report = await auditReport(
      path,
      '--bootstrap',
      '0',
      '--no-header',
      '--annotator',
      'column 1',
      '--item',
      'column 2',
      '--label',
      'column 3',
    );
    expect(report.input.rows).toBe(3);
    const out = await audit(path, '--bootstrap', '0', '--header');
    expect(out.status).toBe(2);
  }, 60_000);

  it('--expand spreads a JSON column into fields a role can name', async () => {
    const path = write(
      'tasks.jsonl',
      [
        '{"task":1,"by":{"id":7,"email":"a@x.org"},"choice":"A"}',
        '{"task":1,"by":{"id":8,"email":"b@x.org"},"choice":"B"}',
      ].join('\n'),
    );
    const report = await auditReport(
      path,
      '--bootstrap',
      '0',
      '--expand',
      'by',
      '--item',
      'task',
      '--annotator',
      'by.email',
      '--label',
      'choice',
    );
    expect(report.annotators.map((a: { id: string }) => a.id).sort()).toEqual(['a@x.org', 'b@x.org']);
  }, 60_000);

  it('--item-scope file keeps the same id in two files apart; files of the same name in two folders keep their folders', async () => {
    const a = write('GPT-4/result.csv', 'example_id,annotator_id,label\n1,w1,A\n1,w2,A\n');
    const b = write('Claude/result.csv', 'example_id,annotator_id,label\n1,w1,B\n1,w2,B\n');
    const shared = await auditReport(a, b, '--bootstrap', '0');
    expect(shared.input.files.map((f: { name: string }) => f.name)).toEqual(['GPT-4/result.csv', 'Claude/result.csv']);
    expect([shared.input.items, shared.input.rows_dropped]).toEqual([1, 2]);
    expect(shared.input.shared_item_ids).toEqual([{ file: 'Claude/result.csv', with: ['GPT-4/result.csv'], items: 1 }]);
    const scoped = await auditReport(a, b, '--bootstrap', '0', '--item-scope', 'file');
    expect([scoped.input.items, scoped.input.rows_dropped, scoped.settings.item_scope]).toEqual([2, 0, 'file']);
  }, 60_000);

  it("--ai-label-swapped-shown reads a judge's other order as shown, for every file or FILE= one", async () => {
    // test/sections/judgeOrders.test.ts's two-column file: 2 of 4 consistent in the file's A/B, 1 of 4 as shown
    const two = write(
      'two-columns.csv',
      [
        'example_id,annotator_id,label,gold_label,ai_label,ai_label_swapped',
        'p1,h1,A>,A>,A>,A>',
        'p2,h1,B>,B>,A>,B>',
        'p3,h1,B>,B>,B>,B>',
        'p4,h1,A>,A>,=,A>',
      ].join('\n'),
    );
    const orders = (report: any) => report.ai_judge.judges.find((j: any) => j.id === 'ai_judge').orders;
    expect(orders(await auditReport(two, '--bootstrap', '0')).consistency.k).toBe(2);
    const shown = await audit(two, '--bootstrap', '0', '--ai-label-swapped-shown', 'ai_label_swapped');
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stderr).toMatch(/ai_label_swapped read as the judge's verdicts in the other order as shown/);
    expect(orders(JSON.parse(shown.stdout))).toMatchObject({ n: 4, consistency: { k: 1 } });
    // three files: only gpt4_swapped.csv's judge_label is read as shown (A, B, A → B, A, B), gpt4.csv's stays
    const annotations = write(
      'three/annotations.csv',
      'example_id,annotator_id,label,gold_label\np1,h1,A>,A>\np2,h1,B>,B>\np3,h1,B>,B>',
    );
    const gpt4 = write('three/gpt4.csv', 'example_id,judge_label\np1,A>\np2,A>\np3,B>');
    const other = write('three/gpt4_swapped.csv', 'example_id,judge_label\np1,A>\np2,B>\np3,A>');
    const files = [annotations, gpt4, other];
    const mapped = await audit(...files, '--bootstrap', '0');
    expect(mapped.stderr).toContain('(--ai-label-swapped-shown gpt4_swapped.csv=judge_label)');
    const asShown = await auditReport(
      ...files,
      '--bootstrap',
      '0',
      '--ai-label-swapped-shown',
      'gpt4_swapped.csv=judge_label',
    );
    const o = asShown.ai_judge.judges.find((j: any) => j.id === 'gpt4').orders;
    // first A, A, B; second B, A, B: p2 and p3 consistent; p1 went to the side shown first both times
    expect(o).toMatchObject({ n: 3, consistency: { k: 2 }, inconsistent: { n: 1, first: 1 } });
    const wrong = await audit(...files, '--ai-label-swapped-shown', 'nothing.csv=judge_label');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.trim()).toBe(
      'prefscope audit: --ai-label-swapped-shown nothing.csv=judge_label: no file given is named nothing.csv',
    );
  }, 60_000);
});
