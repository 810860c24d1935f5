// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { agreementSection } from '../../src/report/agreementSection';
import { annotatorsSection } from '../../src/report/annotatorsSection';
import { summarizeFile, type EngineName } from '../../src/sql/summarizeFile';
import { readSummary } from '../../src/summary/readSummary';
import { summaryAgreement } from '../../src/summary/summaryAgreement';
import { summaryAnnotators } from '../../src/summary/summaryAnnotators';
import { diskFile } from '../helpers/loadText';
import { comparable, comparableAnnotators, expectClose } from './compare';

const FIXTURES = ['five', 'threeway', 'nominal', 'binary', 'degenerate'].map((f) => `test/fixtures/summary/${f}.csv`);
const DEMO = 'public/samples/demo.csv.gz';
const ENGINES: EngineName[] = ['duckdb', 'sqlite'];
const OPTIONS = { bootstrap: 200, seed: 7, minShared: 10, bandMetric: 'krippendorff_alpha.ordinal' };

async function raw(path: string) {
  const { ratings } = await loadFiles([await diskFile(path)]);
  return { ratings, agreement: agreementSection(ratings, OPTIONS), annotators: annotatorsSection(ratings) };
}

async function fromSummary(path: string, engine: EngineName) {
  const { summary } = await summarizeFile(path, { engine });
  const read = readSummary(JSON.parse(JSON.stringify(summary))); // as written to and read from disk
  return { summary: read, agreement: summaryAgreement(read, OPTIONS), annotators: summaryAnnotators(read) };
}

describe('summary.sql → summaryAgreement / summaryAnnotators equal the raw path', () => {
  for (const path of [...FIXTURES, DEMO]) {
    for (const engine of ENGINES) {
      it(`summarizeFile("${path}", {engine: "${engine}"}) gives the raw path's agreement and annotators to 1e-9`, async () => {
        const r = await raw(path);
        const s = await fromSummary(path, engine);
        expect(s.summary.scale).toBe(r.ratings.scale);
        expect(s.summary.categories).toEqual(r.ratings.categories);
        expectClose(comparable(s.agreement), comparable(r.agreement), 1e-9);
        // same sorted pattern table, same seed: the intervals are identical, not just close
        expect(s.agreement.ci95).toEqual(r.agreement.ci95);
        expectClose(comparableAnnotators(s.annotators), comparableAnnotators(r.annotators), 1e-9);
        expect(s.annotators.every((a) => a.median_time_s === null && a.replay === null)).toBe(true);
      }, 60_000);
    }
  }
});
