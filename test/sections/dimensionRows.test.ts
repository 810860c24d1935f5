// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { agreementSection, dimensionRows } from '../../src/sections/agreementSection';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadFiles } from '../../src/parse/loadFiles';
import { PREFERENCE_LABELS } from '../../src/core/types';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { diskFile } from '../helpers/loadText';
import { loadFormatFixtures } from '../helpers/loadFixture';
import { csvRecords } from '../helpers/csvRecords';

describe('agreement per dimension', () => {
  it('gives each dimension its own coefficients (hand-computed on the Label Studio choices fixture)', async () => {
    const { ratings } = await loadFormatFixtures(['label-studio-choices.json']);
    const rows = dimensionRows(ratings, { bootstrap: 0 });
    expect(rows.map((r) => r.dimension)).toEqual(['overall', 'helpfulness']);
    // overall: A>> / A>, = / B>, B>> / B>> → 1 of 3 pairs identical
    expect(rows[0].percent_agreement.strict).toBeCloseTo(1 / 3, 12);
    // helpfulness: A> / A>, = / =, B> / B>> → 2 of 3; Fleiss: P̄ = 2/3, Pe = (2² + 2² + 1 + 1) / 6² = 10/36
    expect(rows[1].percent_agreement.strict).toBeCloseTo(2 / 3, 12);
    expect(rows[1].fleiss_kappa).toBeCloseTo((2 / 3 - 10 / 36) / (1 - 10 / 36), 12);
    expect(rows[1].items_pairable).toBe(3);
    // the overall row is the agreement section itself
    expect(rows[0].fleiss_kappa).toBe(agreementSection(ratings, { bootstrap: 0 }).fleiss_kappa);
  });

  it('is empty for one dimension', async () => {
    const { ratings } = await loadFormatFixtures(['label-studio-pairwise.json']);
    expect(dimensionRows(ratings)).toEqual([]);
  });

  it('on the rubric demo, each label column gives the coefficients of the same kernels on that column alone', async () => {
    const path = join(import.meta.dirname, '../../public/samples/rubric-demo.csv.gz');
    const rows = csvRecords(gunzipSync(readFileSync(path)).toString('utf8'));
    const [header, ...records] = rows.filter((r) => r.length > 1);
    const { ratings } = await loadFiles([await diskFile(path)]);
    const computed = dimensionRows(ratings, { bootstrap: 0 });
    expect(computed.map((r) => r.dimension)).toEqual([
      'overall',
      'helpfulness',
      'correctness',
      'harmlessness',
      'conciseness',
    ]);
    for (const row of computed) {
      const column = header.indexOf(row.dimension === 'overall' ? 'label' : row.dimension);
      const triples = records
        .filter((r) => r[column] !== '')
        .map((r) => [r[0], r[1], PREFERENCE_LABELS.indexOf(r[column] as never)] as [string, string, number]);
      expect(triples.every((t) => t[2] >= 0)).toBe(true);
      const reference = agreementSection(ratingsFromTriples(triples, { scale: '5-point' }), { bootstrap: 0 });
      expect(row.items_pairable, row.dimension).toBe(reference.items_pairable);
      expect(row.percent_agreement, row.dimension).toEqual(reference.percent_agreement);
      for (const key of ['fleiss_kappa', 'gwet_ac1', 'cohen_kappa_mean'] as const)
        expect(row[key], `${row.dimension} ${key}`).toBeCloseTo(reference[key]!, 12);
      for (const level of ['nominal', 'ordinal', 'interval'] as const)
        expect(row.krippendorff_alpha[level], `${row.dimension} ${level}`).toBeCloseTo(
          reference.krippendorff_alpha[level]!,
          12,
        );
    }
  });
});
