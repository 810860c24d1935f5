// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatorScenario } from '../../src/report/planDefaults';

describe('the AlpacaEval evaluators scenario', () => {
  it('reads the bundled copy, which equals the reference file byte for byte', () => {
    const bundled = readFileSync(join(import.meta.dirname, '../../public/samples/alpaca-eval-evaluators.csv'), 'utf8');
    expect(bundled).toBe(readFileSync(join(import.meta.dirname, '../../../shared/reference-data/alpaca-eval-evaluators/evaluators_leaderboard.csv'), 'utf8'));
    const rows = evaluatorScenario(bundled);
    expect(rows).toHaveLength(18);
    // the reference README: humans 65.7% agreement at $300 and 36,800 s per 1,000 comparisons
    const humans = rows.find((r) => r.human)!;
    expect(humans.agreement).toBeCloseTo(0.6566358, 6);
    expect(humans.price_per_1000).toBe(300);
    expect(humans.seconds_per_1000).toBeCloseTo(36800, 6);
    expect(rows.filter((r) => !r.human)).toHaveLength(17);
    expect(rows.find((r) => r.judge === 'guanaco_33b')!.price_per_1000).toBeNull();
  });
});
