// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { agreementSection } from '../../src/sections/agreementSection';
import { annotatorsSection } from '../../src/sections/annotatorsSection';
import { summarizeFile, type EngineName } from '../../src/sql/summarizeFile';
import { readSummary } from '../../src/summary/readSummary';
import { summaryAgreement } from '../../src/summary/summaryAgreement';
import { summaryAnnotators } from '../../src/summary/summaryAnnotators';
import { diskFile } from '../helpers/loadText';
import { whenPostgres } from '../helpers/postgres';
import { comparable, comparableAnnotators, expectClose } from './compare';

const FIXTURES = ['five', 'threeway', 'nominal', 'binary', 'degenerate'].map((f) => `test/fixtures/summary/${f}.csv`);
const DEMO = 'public/samples/demo.csv.gz';
// PostgreSQL runs when a server answers (.ci/run starts one); otherwise its tests skip with the reason
const ENGINES: EngineName[] = ['duckdb', 'sqlite', 'postgres'];
const postgres = await whenPostgres();
const itOn = (engine: EngineName) => (engine === 'postgres' ? postgres.it : it);
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
      itOn(engine)(
        `summarizeFile("${path}", {engine: "${engine}"}) gives the raw path's agreement and annotators to 1e-9`,
        async () => {
          const r = await raw(path);
          const s = await fromSummary(path, engine);
          expect(s.summary.scale).toBe(r.ratings.scale);
          expect(s.summary.categories).toEqual(r.ratings.categories);
          expectClose(comparable(s.agreement), comparable(r.agreement), 1e-9);
          // same sorted pattern table, same seed: the intervals are identical, not just close
          expect(s.agreement.ci95).toEqual(r.agreement.ci95);
          expectClose(comparableAnnotators(s.annotators), comparableAnnotators(r.annotators), 1e-9);
          expect(s.annotators.every((a) => a.median_time_s === null && a.replay === null)).toBe(true);
        },
        60_000,
      );
    }
  }
});

describe('summary.sql on a rubric file: --dimension names a rubric label column', () => {
  const RUBRIC = 'public/samples/rubric-demo.csv.gz';
  for (const engine of ENGINES) {
    itOn(engine)(
      `summarizeFile(rubric demo, {engine: "${engine}", dimension}) gives the raw path's agreement of that dimension to 1e-9`,
      async () => {
        const { ratings } = await loadFiles([await diskFile(RUBRIC)]);
        for (const dimension of ['correctness', 'harmlessness']) {
          const { summary } = await summarizeFile(RUBRIC, { engine, dimension });
          const read = readSummary(JSON.parse(JSON.stringify(summary)));
          const fromSummary = summaryAgreement(read, OPTIONS);
          const fromRaw = agreementSection(ratings, { ...OPTIONS, dimension: ratings.dimensions.indexOf(dimension) });
          expect(read.scale).toBe(ratings.scale);
          expectClose(comparable(fromSummary), comparable(fromRaw), 1e-9);
          expect(fromSummary.ci95).toEqual(fromRaw.ci95);
        }
        await expect(summarizeFile(RUBRIC, { engine: 'sqlite', dimension: 'nope' })).rejects.toThrow(
          /no dimension "nope"/,
        );
      },
      120_000,
    );
  }

  const rubricOnly = () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefscope-rubric-'));
    const path = join(dir, 'rubric-only.csv');
    const lines = ['example_id,annotator_id,helpfulness,correctness'];
    const labels = ['A>>', 'A>', '=', 'B>', 'B>>'];
    for (let i = 0; i < 40; i++)
      for (const [a, o] of [
        ['a', 0],
        ['b', 1],
        ['c', 3],
      ] as const)
        lines.push(`p${i},${a},${labels[(i + o) % 5]},${labels[(i * o) % 5]}`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };
  for (const engine of ENGINES) {
    itOn(engine)(
      `a file with rubric columns and no label column starts with its first rubric column on ${engine}, as the page does`,
      async () => {
        const path = rubricOnly();
        const { ratings } = await loadFiles([await diskFile(path)]);
        expect(ratings.dimensions).toEqual(['helpfulness', 'correctness']);
        const { summary } = await summarizeFile(path, { engine });
        expectClose(
          comparable(summaryAgreement(readSummary(JSON.parse(JSON.stringify(summary))), OPTIONS)),
          comparable(agreementSection(ratings, OPTIONS)),
          1e-9,
        );
      },
      60_000,
    );
  }
});
