// @vitest-environment node
import { plan as runPlan } from '../helpers/commands';
import { describe, expect, it } from 'vitest';

const plan = (...args: string[]) => runPlan(...args);

describe('npm run plan -- cost', async () => {
  it('prints the scenarios, the comparison at the prices given, the approaches and the AlpacaEval judges', async () => {
    const out = await plan('cost', '--human', '2', '--scales', '10000,200000', '--targets', '300000');
    expect(out.status, out.stderr).toBe(0);
    const r = JSON.parse(out.stdout);
    // 10K × $2 = $20,000 (human, given), × $0.25 = $2,500 (hybrid default), × $0.02 = $200 (AI default)
    expect(r.comparison.rows[0]).toEqual({
      pairs: 10000,
      totals: { 'Human only': 20000, 'Hybrid AI + human': 2500, 'AI only': 200 },
      cheapest: 'AI only',
    });
    expect(r.comparison.rows[1].totals['Human only']).toBe(400000);
    // the first scenario: 10K pairs at $2.00 = $20,000
    expect(r.scaling[0]).toMatchObject({ pairs: 10000, price_per_pair: 2, kappa: 0.72, total_cost: 20000 });
    // expert pairwise to 300K: $225,000–600,000, 30 days at 10K a day
    expect(r.approaches[0].approaches[0]).toEqual({
      name: 'Expert pairwise',
      cost_low: 225000,
      cost_high: 600000,
      days: 30,
    });
    expect(r.evaluators.rows.find((e: { judge: string }) => e.judge === 'humans').price_per_1000).toBe(300);
  }, 30_000);

  it('refuses a wrong price or an unknown planner', async () => {
    const bad = await plan('cost', '--ai=-1');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--ai takes a price of 0 or more/);
    const unknown = await plan('budget');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown planner "budget"/);
  }, 30_000);
});
