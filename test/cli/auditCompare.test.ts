// @vitest-environment node
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, auditReport as report } from '../helpers/commands';
import { runCsv, trueLabels, workers } from '../helpers/twoRuns';

const dir = mkdtempSync(join(tmpdir(), 'prefscope-compare-'));
const run = (name: string, seed: number, opts: Parameters<typeof runCsv>[3]) => runCsv(dir, name, seed, opts);

const pool = Array.from({ length: 10 }, (_, i) => `worker-${i}`);
// run B: the same 300 items and 50 new ones; two annotators left, two joined; agreement planted lower
const a = run('a.csv', 11, { items: 300, pool, agree: 0.85 });
const b = run('b.csv', 12, { items: 350, pool: [...pool.slice(2), 'worker-10', 'worker-11'], agree: 0.5 });

describe('audit A --compare B', () => {
  it('reports B − A of every coefficient, equal to the two runs audited apart, and finds the planted drop', async () => {
    const both = await report(a, '--compare', b, '--bootstrap', '300');
    const alone = [await report(a, '--bootstrap', '0'), await report(b, '--bootstrap', '0')];
    const c = both.comparison;
    expect(c.items).toEqual({ shared: 300, a_only: 0, b_only: 50 });
    expect(c.paired).toBe(true);
    expect(c.runs.a).toMatchObject({ name: 'a.csv', judgements: 900, items: 300 });
    expect(c.runs.b).toMatchObject({ name: 'b.csv', judgements: 1050, items: 350 });
    for (const id of ['fleiss_kappa', 'krippendorff_alpha.nominal', 'gwet_ac1', 'percent_agreement.strict']) {
      const row = c.rows.find((r: { id: string }) => r.id === id);
      const [va, vb] = alone.map((r) => id.split('.').reduce((x: any, k) => x[k], r.agreement) as number);
      expect(row.a).toBeCloseTo(va, 12);
      expect(row.b).toBeCloseTo(vb, 12);
      expect(row.delta).toBeCloseTo(vb - va, 12);
      // the planted drop is far beyond the noise
      expect(row.ci95[1]).toBeLessThan(0);
      expect(row.changed).toBe(true);
      expect(row.verdict).toMatch(/ fell by .*: the change is larger than the noise \(Holm-adjusted p (= |< 0\.0001)/);
    }
    expect(c.correction).toMatch(/^Holm's step-down correction over the \d+ rows compared/);
    // label shares sum to one in each run, so their differences sum to zero
    const shares = c.rows.filter((r: { id: string }) => r.id.startsWith('label_share.'));
    expect(shares).toHaveLength(3);
    expect(shares.reduce((s: number, r: { delta: number }) => s + r.delta, 0)).toBeCloseTo(0, 12);
    expect(c.annotators.only_a).toEqual(['worker-0', 'worker-1']);
    expect(c.annotators.only_b).toEqual(['worker-10', 'worker-11']);
    expect(c.annotators.both.map((x: { id: string }) => x.id)).toHaveLength(8);
    // without run B the report has no comparison
    expect(alone[0]).not.toHaveProperty('comparison');
  }, 60_000);

  it('lists the shared items whose majority label flipped', async () => {
    // run B repeats run A except ten items every annotator now labels the other way
    const flip = new Set([3, 14, 15, 92, 150, 151, 152, 200, 201, 299]);
    const same = run('same-a.csv', 21, { items: 300, pool, agree: 1 });
    const flipped = run('same-b.csv', 21, { items: 300, pool, agree: 1, flip });
    const c = (await report(same, '--compare', flipped, '--bootstrap', '0')).comparison;
    // a true label of tie turns into tie again: only the items whose true label is A or B flip
    const labels = trueLabels(300);
    const expected = [...flip].filter((i) => labels[i] !== 1).map((i) => `p${i}`);
    expect(c.flips.compared).toBe(300);
    expect(c.flips.flipped).toBe(expected.length);
    expect(c.flips.items.map((x: { id: string }) => x.id).sort()).toEqual(expected.sort());
    for (const x of c.flips.items) expect([x.a, x.b].sort()).toEqual(['A>', 'B>'].sort());
    // without a bootstrap there is no interval, and the rows say so
    expect(c.rows[0].ci95).toBeNull();
    expect(c.rows[0].verdict).toMatch(/no interval/);
  }, 60_000);

  it('--fail-under delta.METRIC=VALUE gates on B − A; a delta gate needs --compare and a known row', async () => {
    const worse = await audit(
      a,
      '--compare',
      b,
      '--bootstrap',
      '0',
      '--fail-under',
      'delta.krippendorff_alpha.nominal=-0.05',
    );
    expect(worse.status).toBe(1);
    expect(worse.stderr).toMatch(/gate not met: delta\.krippendorff_alpha\.nominal = -0\.\d+ < -0\.05/);
    const allowed = await audit(
      a,
      '--compare',
      b,
      '--bootstrap',
      '0',
      '--fail-under',
      'delta.krippendorff_alpha.nominal=-0.9',
    );
    expect(allowed.status, allowed.stderr).toBe(0);
    const noB = await audit(a, '--fail-under', 'delta.fleiss_kappa=0');
    expect(noB.status).toBe(2);
    expect(noB.stderr).toMatch(/a delta gate needs run B/);
    const unknown = await audit(a, '--compare', b, '--bootstrap', '0', '--fail-under', 'delta.nope=0');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/no such row in the comparison/);
    const empty = await audit(a, '--compare');
    expect(empty.status).toBe(2);
  }, 60_000);

  it('--drift adds agreement over time, valid against the schema, and names a column it cannot read', async () => {
    const r = await report('public/samples/demo.csv.gz', '--bootstrap', '100', '--drift', 'domain');
    expect(r.drift.by).toBe('domain');
    expect(r.drift.periods.map((p: { period: string }) => p.period)).toEqual([
      'chat',
      'code',
      'math',
      'safety',
      'writing',
    ]);
    // each period's kappa is the agreement section's slice value of the same column
    for (const p of r.drift.periods) {
      const slice = r.agreement.slices.domain.find((s: { value: string }) => s.value === p.period);
      expect(p.values.fleiss_kappa).toBeCloseTo(slice.fleiss_kappa, 12);
    }
    const bad = await audit('public/samples/demo.csv.gz', '--drift', 'nope');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--drift nope: Over time: no column "nope"/);
  }, 60_000);

  it('--compare-by COLUMN=A,B cuts one file into the two runs --compare would read from two files', async () => {
    // one file holding two batches (disjoint pools, the same pairs): each batch is exactly one of two files
    const pa = workers(10);
    const pb = workers(10, 10);
    const fa = run('batch-a.csv', 31, { items: 200, pool: pa, agree: 0.85 });
    const fb = run('batch-b.csv', 32, { items: 200, pool: pb, agree: 0.55 });
    const rows = (path: string, batch: string) =>
      readFileSync(path, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => `${line},${batch}`);
    const both = join(dir, 'batches.csv');
    writeFileSync(both, ['item_id,annotator_id,label,batch', ...rows(fa, 'v1'), ...rows(fb, 'v2')].join('\n') + '\n');
    const split = (await report(both, '--compare-by', 'batch=v1,v2', '--bootstrap', '200')).comparison;
    const files = (await report(fa, '--compare', fb, '--bootstrap', '200')).comparison;
    expect(split.runs.a).toMatchObject({ name: 'batch = v1', judgements: 600, items: 200 });
    expect(split.runs.b).toMatchObject({ name: 'batch = v2', judgements: 600, items: 200 });
    expect(split.items).toEqual(files.items);
    // the same judgements, items and seeds: the same rows, intervals included (the slice rows aside: the
    // split file has its batch column as a slice, the two files none)
    const bySplit = new Map(split.rows.map((r: { id: string }) => [r.id, r]));
    for (const r of files.rows) expect(bySplit.get(r.id), r.id).toEqual(r);
    expect(
      split.rows
        .filter((r: { id: string }) => !files.rows.some((f: { id: string }) => f.id === r.id))
        .map((r: { id: string }) => r.id),
    ).toEqual([]);
    expect(split.annotators.only_a.sort()).toEqual([...pa].sort());
    expect(split.annotators.only_b.sort()).toEqual([...pb].sort());
    expect(split.annotators.both).toEqual([]);
    // a gate on the split, and what it cannot cut
    const gated = await audit(
      both,
      '--compare-by',
      'batch=v1,v2',
      '--bootstrap',
      '0',
      '--fail-under',
      'delta.fleiss_kappa=-0.05',
    );
    expect(gated.status).toBe(1);
    expect((await audit(both, '--compare-by', 'batch=v1,v3')).stderr).toMatch(
      /column batch has no value "v3" \(its values: v1, v2\)/,
    );
    expect((await audit(both, '--compare-by', 'week=1,2')).stderr).toMatch(
      /no column "week" with 50 values or fewer to split by \(one of batch\)/,
    );
    expect((await audit(both, '--compare-by', 'batch')).stderr).toMatch(/--compare-by takes COLUMN=VALUE_A,VALUE_B/);
    expect((await audit(both, '--compare-by', 'batch=v1,v1')).stderr).toMatch(/choose two different values/);
  }, 60_000);
});
