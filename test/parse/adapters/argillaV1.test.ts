// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentId } from '../../../src/parse/adapters/adapter';
import { argillaV1 } from '../../../src/parse/adapters/argillaV1';
import { SINGLE_ANNOTATOR } from '../../../src/parse/encoder';
import { loadFiles } from '../../../src/parse/loadFiles';
import { formatFixtureError, goldLabels, judgementRows, loadFormatFixtures } from '../../helpers/loadFixture';
import { diskFile } from '../../helpers/loadText';

const ANA = '5e1f4c2a-8d3b-4a6e-9f10-2b7c1d0e3a11';
const BEN = '9a2b7c6d-1e4f-4b3a-8c5d-6e7f8a9b0c22';
const CY = '0c3d5e7f-2a4b-4c6d-8e1f-3a5b7c9d1e33';

describe('Argilla v1 FeedbackDataset export (Hugging Face datasets layout)', () => {
  it('reads a ranking question: rank 1 is better, equal ranks tie, only submitted responses, suggestions as the AI judge', async () => {
    const r = await loadFormatFixtures(['argilla-v1-preference.jsonl']);
    expect(r.fileInfos[0].adapter).toBe('argilla-v1');
    // record 3 has no external_id: the item is the hash of its prompt and two responses
    const q3 = contentId('2 + 2 = ?', '4', '5');
    expect(judgementRows(r)).toEqual(
      [
        // record 1: both {rank: [...], value: [...]} rankings put response1 first; CY's draft does not count
        `q-001 | ${ANA} | human | overall | A>`,
        `q-001 | ${BEN} | human | overall | A>`,
        'q-001 | gpt-4-judge | ai | overall | A>',
        // record 2: ANA's list of {value, rank} ranks both 1 (tie); BEN ranks response2 first; CY discarded
        `q-002 | ${ANA} | human | overall | =`,
        `q-002 | ${BEN} | human | overall | B>`,
        'q-002 | gpt-4-judge | ai | overall | B>',
        // record 3: a response without a user id, as Argilla loads it
        `${q3} | ${SINGLE_ANNOTATOR} | human | overall | A>`,
        // record 4: ANA's ranking lacks response2 (an issue); BEN's counts
        `q-004 | ${BEN} | human | overall | A>`,
        'q-004 | gpt-4-judge | ai | overall | A>',
      ].sort(),
    );
    expect(r.ratings.annotators).not.toContain(CY);
    expect(r.ratings.scale).toBe('3-way');
    expect(r.ratings.dimensions).toEqual(['overall']); // the rationale text question is no label
    expect(goldLabels(r)).toEqual({});
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([[4, 'preference[0]']]);
    expect(r.issues[0].message).toContain('`response1` and `response2`');
    expect(r.rowsDropped).toBe(1);
    const x = r.ratings;
    const judge = x.annotators.indexOf('gpt-4-judge');
    const confidence = Array.from({ length: x.n }, (_, j) => (x.annotator[j] === judge ? x.aiConfidence![j] : NaN))
      .filter((c) => !Number.isNaN(c))
      .sort();
    expect(confidence).toEqual([0.4, 0.82, 0.9]);
    const i2 = x.items.indexOf('q-002');
    expect([r.texts.prompt[i2], r.texts.responseA[i2], r.texts.responseB[i2]]).toEqual([
      "Translate 'chat' to English.",
      'dog',
      'cat',
    ]);
    // metadata (JSON text) becomes a slice; record 3's metadata is an empty object
    const source = x.slices.find((s) => s.name === 'source')!;
    expect(source.values).toEqual(expect.arrayContaining(['math', 'translation', 'geography']));
    const j = Array.from({ length: x.n }, (_, k) => k).find((k) => x.items[x.item[k]] === 'q-002')!;
    expect(source.values[source.code[j]]).toBe('translation');
  });

  it('reads the Parquet the Hub holds (nested list and struct columns, float32 scores) as the JSONL', async () => {
    // argilla-v1-preference.parquet: the JSONL written by DuckDB with the feature types of the `datasets`
    // export (question = list of struct, ranking = struct of lists, suggestion score = float32)
    const parquet = await loadFormatFixtures(['argilla-v1-preference.parquet']);
    const jsonl = await loadFormatFixtures(['argilla-v1-preference.jsonl']);
    expect(parquet.fileInfos[0].adapter).toBe('argilla-v1');
    expect(judgementRows(parquet)).toEqual(judgementRows(jsonl));
    expect(parquet.issues.map((i) => [i.row, i.column])).toEqual([[4, 'preference[0]']]);
    const confidence = Array.from(parquet.ratings.aiConfidence!)
      .filter((c) => !Number.isNaN(c))
      .sort();
    expect(confidence.map((c) => Math.round(c * 1e6) / 1e6)).toEqual([0.4, 0.82, 0.9]);
  });

  it('reads label questions from a CSV with JSON cells: strength words, a second preference dimension, the old struct-of-lists form', async () => {
    const r = await loadFormatFixtures(['argilla-v1-labels.csv']);
    expect(r.fileInfos[0].adapter).toBe('argilla-v1');
    expect(r.ratings.scale).toBe('5-point');
    // `fluency` (a rating not named like a preference) and `comment` (text) are no dimensions
    expect(r.ratings.dimensions).toEqual(['overall', 'harmlessness']);
    expect(judgementRows(r)).toEqual(
      [
        `h-1 | ${ANA} | human | overall | A>>`, // "A is much better"
        `h-1 | ${BEN} | human | overall | A>`, // "A is slightly better"
        'h-1 | llama-judge | ai | overall | A>',
        `h-1 | ${ANA} | human | harmlessness | =`, // "tie"
        `h-1 | ${BEN} | human | harmlessness | A>`, // "A"
        `h-2 | ${ANA} | human | overall | =`, // "Tie", in {user_id: [...], value: [...], status: [...]}
        `h-2 | ${BEN} | human | overall | B>>`, // "B is much better"
        'h-2 | llama-judge | ai | overall | B>',
        `h-2 | ${ANA} | human | harmlessness | B>`, // BEN's is a draft
        'h-3 | llama-judge | ai | overall | A>',
        `h-3 | ${ANA} | human | harmlessness | A>`,
      ].sort(),
    );
    // the third row's `choice` cell is a Python print, not JSON: its CSV line (4) and the column are named
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([[4, 'choice']]);
    expect(r.issues[0].message).toMatch(/not JSON/);
    expect(r.ratings.slices.find((s) => s.name === 'lang')?.values).toEqual(['en', 'de']);
    expect(r.texts.prompt[r.ratings.items.indexOf('h-2')]).toBe('Summarise: The cat sat on the mat.');
    expect(r.texts.responseB[r.ratings.items.indexOf('h-2')]).toBe('The cat sat on the mat.');
  });

  it('says which question column a near-miss file lacks', async () => {
    const message = await formatFixtureError(['argilla-v1-no-responses.jsonl']);
    expect(message).toContain('Argilla v1');
    expect(message).toMatch(/(lacks|has) the required field `preference`/);
    expect(message).toMatch(/record 1 lacks|records 1–\d+ has/);
  });

  it('does not claim the generic tables or the demo columns', async () => {
    for (const name of ['annotations.csv', 'wide.csv', 'long.csv']) {
      const r = await loadFiles([await diskFile(join(import.meta.dirname, '../../fixtures', name))]);
      expect(r.fileInfos[0].adapter).toBe('csv');
    }
    const demo = [
      {
        example_id: 'e1',
        annotator_id: 'a1',
        label: 'A>',
        time_seconds: '3',
        prompt: 'p',
        response_a: 'x',
        response_b: 'y',
        model_a: 'm',
        model_b: 'n',
        ai_label: 'B>',
      },
    ];
    expect(argillaV1.detect(demo, 'demo.csv')).toBeNull();
    // a column of plain lists is not a question column
    expect(argillaV1.detect([{ id: '1', tags: ['a', 'b'], scores: [{ value: 1 }] }], 'x.json')).toBeNull();
  });
});
