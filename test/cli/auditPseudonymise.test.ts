// @vitest-environment node
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { audit, auditReport as report, ROOT } from '../helpers/commands';

const DEMO = 'public/samples/demo.csv.gz';
const dir = mkdtempSync(join(tmpdir(), 'prefscope-pseudonymise-'));
/** The demo's annotator ids (human annotators and the AI judge) as its rows give them. */
const demoIds = [
  ...new Set(
    gunzipSync(readFileSync(join(ROOT, DEMO)))
      .toString('utf8')
      .split('\n')
      .map((line) => /^pair-\d+,([^,]+),/.exec(line)?.[1])
      .filter((id): id is string => id !== undefined),
  ),
];

afterEach(() => {
  delete process.env.PREFSCOPE_PASSPHRASE;
});

describe('audit --pseudonymise', () => {
  it('leaves no original annotator id in the JSON, the HTML or the labels file; AI judges keep their names', async () => {
    const plain = await report(DEMO, '--bootstrap', '0');
    const humans = plain.annotators.map((a: { id: string }) => a.id);
    expect(humans.length).toBe(25);
    expect(humans.every((id: string) => demoIds.includes(id))).toBe(true);
    process.env.PREFSCOPE_PASSPHRASE = 'a long shared secret';
    const html = join(dir, 'report.html');
    const labels = join(dir, 'labels.csv');
    const out = await audit(
      DEMO,
      '--bootstrap',
      '0',
      '--pseudonymise',
      '--no-texts',
      '--html',
      html,
      '--labels',
      labels,
    );
    expect(out.status, out.stderr).toBe(0);
    const json = out.stdout;
    const shared = JSON.parse(json);
    for (const text of [json, readFileSync(html, 'utf8'), readFileSync(labels, 'utf8')])
      for (const id of humans) expect(new RegExp(`(?<![\\w@])${id}(?![\\w@])`).test(text), id).toBe(false);
    expect(json).not.toContain('a long shared secret');
    // the same rows, under pseudonyms, in the same order; the numbers unchanged
    expect(shared.annotators.map((a: { id: string }) => a.id)).toEqual(
      humans.map(() => expect.stringMatching(/^annotator-[0-9a-f]{12}$/)),
    );
    expect(shared.agreement.fleiss_kappa).toBe(plain.agreement.fleiss_kappa);
    expect(shared.ai_judge.judges.map((j: { id: string }) => j.id)).toEqual(
      plain.ai_judge.judges.map((j: { id: string }) => j.id),
    );
    // texts left out
    for (const p of shared.bias.pair_lint.prompts_across_slices) expect(p.prompt).toBe('(text left out)');
    // the same passphrase, the same pseudonyms; another, others
    const again = JSON.parse((await audit(DEMO, '--bootstrap', '0', '--pseudonymise')).stdout);
    expect(again.annotators.map((a: { id: string }) => a.id)).toEqual(
      shared.annotators.map((a: { id: string }) => a.id),
    );
    process.env.PREFSCOPE_PASSPHRASE = 'another secret';
    const other = JSON.parse((await audit(DEMO, '--bootstrap', '0', '--pseudonymise')).stdout);
    expect(other.annotators[0].id).not.toBe(shared.annotators[0].id);
  }, 120_000);

  it('asks for PREFSCOPE_PASSPHRASE and takes no passphrase flag', async () => {
    const none = await audit(DEMO, '--pseudonymise');
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/PREFSCOPE_PASSPHRASE/);
    const flag = await audit(DEMO, '--pseudonymise', '--passphrase', 'x');
    expect(flag.status).toBe(2);
  }, 30_000);
});
