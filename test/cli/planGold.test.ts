// @vitest-environment node
import { plan as runPlan } from '../helpers/commands';
import { describe, expect, it } from 'vitest';
import { closeTo } from '../helpers/closeTo';

const plan = (...args: string[]) => runPlan('gold', ...args);

describe('npm run plan -- gold', async () => {
  it('plan gold --gold-share F --min-gold M --threshold T --accuracy A --tasks N prints p_caught, expected_tasks_to_catch, p_caught_simulated and the plan', async () => {
    // M = 5, T = 0.6, F = 1, N = 5: flagged iff at most 2 of the 5 gold answers are right:
    // A = 0.4: P(Bin(5, 0.4) <= 2) = 0.07776 + 0.2592 + 0.3456 = 0.68256; every run lasts the 5 tasks
    const out = await plan(
      '--gold-share',
      '1',
      '--min-gold',
      '5',
      '--threshold',
      '0.6',
      '--accuracy',
      '0.4',
      '--tasks',
      '5',
      '--runs',
      '4000',
      '--seed',
      '9',
    );
    expect(out.status, out.stderr).toBe(0);
    const r = JSON.parse(out.stdout);
    expect(Object.keys(r).slice(0, 3)).toEqual(['p_caught', 'expected_tasks_to_catch', 'p_caught_simulated']);
    closeTo(r.p_caught, 0.68256, 1e-14);
    closeTo(r.expected_tasks_to_catch, 5, 1e-14);
    expect(Math.abs(r.p_caught_simulated - 0.68256)).toBeLessThan(4 * Math.sqrt((0.68256 * 0.31744) / 4000));
    expect(r.clicker.p_caught).toBe(r.p_caught);
    expect(r.settings).toMatchObject({
      gold_share: 1,
      min_gold: 5,
      threshold: 0.6,
      clicker_accuracy: 0.4,
      tasks: 5,
      runs: 4000,
      seed: 9,
    });
    // careful annotator (default 0.85): P(Bin(5, 0.85) <= 2) = 0.15^5 + 5·0.85·0.15^4 + 10·0.85²·0.15³ = 0.0266243…
    closeTo(r.good.p_flagged, 0.15 ** 5 + 5 * 0.85 * 0.15 ** 4 + 10 * 0.85 ** 2 * 0.15 ** 3, 1e-15);
    expect(r.claims).toHaveLength(2);
  }, 30_000);

  it('plan gold takes the project options: 0.1 gold × 50 tasks × 30 annotators × $0.20 = $30 of gold', async () => {
    const r = JSON.parse(
      (
        await plan(
          '--tasks',
          '50',
          '--annotators',
          '30',
          '--price',
          '0.2',
          '--clicker-share',
          '0.2',
          '--good-accuracy',
          '0.9',
          '--runs',
          '100',
        )
      ).stdout,
    );
    closeTo(r.gold_labels, 150, 1e-9);
    closeTo(r.gold_overhead_dollars, 30, 1e-9);
    closeTo(r.clickers, 6, 1e-12);
    closeTo(r.expected_bad_labels_total, 6 * r.clicker.expected_bad_labels, 1e-9);
    expect(r.good.accuracy).toBe(0.9);
    expect(r.clicker.by_tasks.map((x: { tasks: number }) => x.tasks)).toEqual([10, 20, 30, 40, 50]);
  }, 30_000);

  it('plan gold rejects out-of-range and non-numeric options with one clear line and exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [['--gold-share', '1.5'], /--gold-share: the gold share must be a number from 0 to 1 \(got 1\.5\)/],
      [['--min-gold', '0'], /--min-gold: the minimum number of gold answers must be an integer >= 1 \(got 0\)/],
      [['--tasks', '2.5'], /--tasks: the number of tasks must be an integer from 1 to 100000/],
      [['--accuracy', 'high'], /--accuracy must be a number \(got "high"\)/],
      [['--threshold=-1', '--annotators', '0'], /--threshold: .*; --annotators: /],
      [['--bogus', '1'], /Unknown option '--bogus'/],
    ];
    for (const [args, message] of cases) {
      const out = await plan(...args);
      expect(out.status).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(/^prefscope plan: /);
      expect(out.stderr).toMatch(message);
    }
  }, 60_000);

  it('plan gold --help prints the options', async () => {
    const out = await plan('--help');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/--gold-share F/);
    expect(out.stdout).toMatch(/--good-accuracy/);
  }, 30_000);
});
