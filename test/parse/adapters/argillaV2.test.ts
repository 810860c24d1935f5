// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { argillaV2 } from '../../../src/parse/adapters/argillaV2';
import { formatFixtureError, goldLabels, judgementRows, loadFormatFixtures } from '../../helpers/loadFixture';

const ANA = '5e1f4c2a-8d3b-4a6e-9f10-2b7c1d0e3a11';
const BEN = '9a2b7c6d-1e4f-4b3a-8c5d-6e7f8a9b0c22';
const CY = '0c3d5e7f-2a4b-4c6d-8e1f-3a5b7c9d1e33';

/** The judgements of argilla-v2-flat.jsonl, worked out by hand from the fixture. */
const FLAT = [
  // rec-1: label "response-1" twice (CY's is a draft); rankings best first: ANA response-1, BEN response-2
  `rec-1 | ${ANA} | human | overall | A>`,
  `rec-1 | ${BEN} | human | overall | A>`,
  'rec-1 | judge-llm | ai | overall | A>',
  `rec-1 | ${ANA} | human | helpfulness | A>`,
  `rec-1 | ${BEN} | human | helpfulness | B>`,
  'rec-1 | judge-llm | ai | helpfulness | A>',
  // rec-2: "tie"; BEN's response is discarded; nobody answered helpfulness
  `rec-2 | ${ANA} | human | overall | =`,
  'rec-2 | judge-llm | ai | overall | A>',
  // rec-3: pending, suggestions only
  'rec-3 | judge-llm | ai | overall | A>',
  'rec-3 | judge-llm | ai | helpfulness | A>',
  // rec-4: two preference responses but one user id (an issue); its helpfulness ranking stays a helpfulness label
  `rec-4 | ${BEN} | human | helpfulness | A>`,
];

describe('Argilla v2 records export', () => {
  it('reads the flattened layout: aligned responses / users / status lists, label and ranking questions, suggestions', async () => {
    const r = await loadFormatFixtures(['argilla-v2-flat.jsonl']);
    expect(r.fileInfos[0].adapter).toBe('argilla-v2');
    expect(judgementRows(r)).toEqual([...FLAT].sort());
    expect(r.ratings.annotators).not.toContain(CY);
    expect(r.ratings.scale).toBe('3-way');
    expect(r.ratings.dimensions).toEqual(['overall', 'helpfulness']); // `notes` is a text question
    expect(goldLabels(r)).toEqual({});
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([[4, 'preference.responses.users']]);
    expect(r.issues[0].message).toContain('2 responses but 1 user ids');
    const x = r.ratings;
    const confidence = Array.from({ length: x.n }, (_, j) => x.aiConfidence![j])
      .filter((c) => !Number.isNaN(c))
      .sort();
    expect(confidence).toEqual([0.67, 0.88, 0.91]); // the helpfulness suggestions have no score
    expect(x.annotatorKind[x.annotators.indexOf('judge-llm')]).toBe(1);
    const i1 = x.items.indexOf('rec-1');
    expect([r.texts.prompt[i1], r.texts.responseA[i1], r.texts.responseB[i1]]).toEqual([
      'Explain recursion in one sentence.',
      'A function that calls itself on a smaller input.',
      'Recursion is recursion.',
    ]);
    // metadata is flattened into columns: `category` is a slice; the record's status and times are not
    expect(x.slices.map((s) => s.name)).toEqual(['category']);
    expect(x.slices[0].values).toEqual(['cs', 'math', 'language', 'misc']);
  });

  it('reads the same records from CSV with list cells as JSON, and names a cell that is a NumPy print', async () => {
    const r = await loadFormatFixtures(['argilla-v2-flat.csv']);
    expect(r.fileInfos[0].adapter).toBe('argilla-v2');
    // rec-5's responses cell is unreadable; its suggestion still counts
    expect(judgementRows(r)).toEqual([...FLAT, 'rec-5 | judge-llm | ai | overall | A>'].sort());
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [5, 'preference.responses.users'],
      [6, 'preference.responses'],
    ]);
    expect(r.issues[1].message).toMatch(/not JSON/);
  });

  it('reads the nested layout: rating questions keep their numbers (Likert 1…5 here), a response without status counts', async () => {
    const r = await loadFormatFixtures(['argilla-v2-nested.json']);
    expect(r.fileInfos[0].adapter).toBe('argilla-v2');
    expect(r.ratings.scale).toBe('5-point');
    expect(r.ratings.dimensions).toEqual(['overall', 'safety_comparison']); // `feedback` is a text question
    const third = '7b2d9e14-5a3c-4f8e-b1d2-0c9a8e7f6d03'; // no id: the server id
    expect(judgementRows(r)).toEqual(
      [
        `n-1 | ${ANA} | human | overall | A>>`, // 1
        `n-1 | ${BEN} | human | overall | A>`, // 2
        'n-1 | rm-judge | ai | overall | A>', // 2
        `n-1 | ${ANA} | human | safety_comparison | =`, // 3
        `n-2 | ${ANA} | human | overall | B>>`, // 5, written without a status
        `n-2 | ${CY} | human | overall | =`, // 3; BEN's 4 is a draft
        `${third} | ${BEN} | human | overall | B>`, // 4
        `${third} | ${BEN} | human | safety_comparison | B>>`, // 5
        `${third} | rm-judge | ai | safety_comparison | B>`, // 4
        `n-4 | ${BEN} | human | overall | A>`, // 2; CY's answer is empty
      ].sort(),
    );
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([[4, 'responses.preference[1]']]);
    expect(r.reading.description).toMatch(/Likert/);
    const x = r.ratings;
    expect(x.slices.find((s) => s.name === 'domain')?.values).toEqual(['coding', 'chat', 'safety', 'math']);
    expect(x.slices.find((s) => s.name === 'turn')?.values).toEqual(['1', '2']);
    expect(r.texts.responseB[x.items.indexOf('n-4')]).toBe('2');
    const confidence = Array.from({ length: x.n }, (_, j) => x.aiConfidence![j])
      .filter((c) => !Number.isNaN(c))
      .sort();
    expect(confidence).toEqual([0.6, 0.8]);
  });

  it('says which field a near-miss file lacks: nested without `responses`, flattened without the users lists', async () => {
    const nested = await formatFixtureError(['argilla-v2-nested-no-responses.json']);
    expect(nested).toContain('Argilla v2');
    expect(nested).toMatch(/(lacks|has) the required field `responses`/);
    expect(nested).toMatch(/record 1 lacks|records 1–\d+ has/);
    const flat = await formatFixtureError(['argilla-v2-flat-no-users.jsonl']);
    expect(flat).toContain('Argilla v2');
    expect(flat).toContain('`preference.responses.users`');
  });

  it('does not claim the demo columns, a Label Studio task or an Argilla v1 record', () => {
    const demo = [
      {
        example_id: 'e1',
        annotator_id: 'a1',
        label: 'A>',
        time_seconds: '3',
        prompt: 'p',
        response_a: 'x',
        response_b: 'y',
        ai_label: 'B>',
      },
    ];
    expect(argillaV2.detect(demo, 'demo.csv')).toBeNull();
    expect(argillaV2.detect([{ id: 1, data: { prompt: 'p' }, annotations: [] }], 'ls.json')).toBeNull();
    const v1 = {
      prompt: 'p',
      preference: [{ user_id: 'u', value: 'A', status: 'submitted' }],
      'preference-suggestion': 'A',
      'preference-suggestion-metadata': {},
      external_id: 'x',
    };
    expect(argillaV2.detect([v1], 'v1.jsonl')).toBeNull();
  });
});
