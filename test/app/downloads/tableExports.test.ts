// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AgreementSection } from '../../../src/sections/agreementSection';
import type { AnnotatorRow } from '../../../src/sections/annotatorsSection';
import {
  annotatorTable,
  coefficientTable,
  comparisonTable,
  matrixTable,
  scenarioTable,
} from '../../../src/app/downloads/tableExports';
import { tableCsv } from '../../../src/render/tableCsv';

const row = (id: string, extra: Partial<AnnotatorRow> = {}): AnnotatorRow => ({
  id,
  kind: 'human',
  labels: 10,
  gold_n: 4,
  gold_accuracy: 0.5,
  gold_accuracy_directional: 0.75,
  gold_accuracy_ci95: [0.3, 0.95],
  majority_n: 8,
  majority_agreement: -0.125,
  mean_time_s: 3.5,
  median_time_s: null,
  speed_penalty: 0,
  composite: 0.6,
  flagged: false,
  reasons: [],
  removed: false,
  spam_probability: null,
  spammer_score: null,
  label_counts: [],
  replay: null,
  ...extra,
});

describe('tableExports', () => {
  it('annotatorTable writes one row per annotator, raw numbers, flags and removal', () => {
    const t = annotatorTable([
      row('=cmd', { flagged: true, reasons: ['too_fast', 'low_gold_accuracy'] }),
      row('b', { removed: true, gold_accuracy_ci95: null }),
    ]);
    const rows = t.rows();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.length === t.columns.length)).toBe(true);
    expect(tableCsv(t.columns, rows).split('\n').slice(1, 3)).toEqual([
      "'=cmd,human,10,4,0.5,0.75,0.3,0.95,8,-0.125,3.5,,0,,,0.6,too_fast low_gold_accuracy,no",
      'b,human,10,4,0.5,0.75,,,8,-0.125,3.5,,0,,,0.6,,yes',
    ]);
  });

  it('coefficientTable gives each coefficient with its intervals, on labels and direction', () => {
    const agreement = {
      fleiss_kappa: 0.4,
      ci95: { fleiss_kappa: [0.3, 0.5], 'directional.fleiss_kappa': null },
      reasons: { gwet_ac1: 'one category' },
      directional: { fleiss_kappa: 0.6 },
      gwet_ac1: null,
    } as unknown as AgreementSection;
    const t = coefficientTable(agreement, [
      { id: 'fleiss_kappa', name: "Fleiss' kappa" },
      { id: 'gwet_ac1', name: "Gwet's AC1" },
    ]);
    expect(t.rows()).toEqual([
      ["Fleiss' kappa", 'fleiss_kappa', 0.4, 0.3, 0.5, 0.6, undefined, undefined, null],
      ["Gwet's AC1", 'gwet_ac1', null, undefined, undefined, null, undefined, undefined, 'one category'],
    ]);
  });

  it('matrixTable, comparisonTable and scenarioTable keep the layout of the page tables', () => {
    // the tie label `=` gets the formula guard like any cell (the project's readers remove it again)
    const m = matrixTable(
      'judge / humans',
      ['A', '=', 'B'],
      [
        [5, 1, 0],
        [2, 3, 1],
        [0, 1, 7],
      ],
    );
    expect(tableCsv(m.columns, m.rows())).toBe("judge / humans,A,'=,B\nA,5,1,0\n'=,2,3,1\nB,0,1,7\n");
    const c = comparisonTable(
      ['Human only', 'AI only'],
      [{ pairs: 1000, totals: { 'Human only': 1500, 'AI only': 12.5 }, cheapest: 'AI only' }],
    );
    expect(tableCsv(c.columns, c.rows())).toBe('pairs,Human only ($),AI only ($),cheapest\n1000,1500,12.5,AI only\n');
    const s = scenarioTable([
      { approach: 'crowd, 3 labels', pairs: 10_000, annotators: 20, price_per_pair: 0.9, weeks: 2, kappa: 0.4 },
    ]);
    expect(s.rows()).toEqual([['crowd, 3 labels', 10_000, 20, 0.9, 2, 0.4, 9000]]);
  });
});
