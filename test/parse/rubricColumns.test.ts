// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fleissKappa } from '../../src/core/fleissKappa';
import { itemCountsOf } from '../../src/core/itemCountsOf';
import { emptyMapping, guessMapping, mappingProblems, otherColumns, rubricColumns } from '../../src/parse/columnRoles';
import { loadFiles, type LoadResult } from '../../src/parse/loadFiles';
import type { InputFile } from '../../src/parse/types';
import { emptyCells, generateRubricDemo } from '../fixtures/generateRubricDemo';

const ROOT = join(import.meta.dirname, '../..');
const DEMO_HEADER =
  'example_id,annotator_id,label,time_seconds,timestamp,is_gold,gold_label,prompt,response_a,response_b,model_a,model_b,ai_label,ai_confidence,score_a,score_b,domain,pairing_strategy'.split(
    ',',
  );

function textFile(name: string, text: string): InputFile {
  return { name, blob: new Blob([text]) };
}

/** Judgements per dimension name, in the order of `ratings.dimensions`. */
function perDimension(r: LoadResult): Record<string, number> {
  const out = Object.fromEntries(r.ratings.dimensions.map((d) => [d, 0]));
  for (const d of r.ratings.dimension) out[r.ratings.dimensions[d]]++;
  return out;
}

/** The judgements of one dimension as [item, annotator, label]. */
function judgements(r: LoadResult, dimension: string): [string, string, string][] {
  const { ratings: t } = r;
  const d = t.dimensions.indexOf(dimension);
  const out: [string, string, string][] = [];
  for (let k = 0; k < t.n; k++)
    if (t.dimension[k] === d) out.push([t.items[t.item[k]], t.annotators[t.annotator[k]], t.categories[t.label[k]]]);
  return out;
}

// two pairs, two annotators; p2/a1 leaves harmlessness and conciseness empty, p2/a2 has no overall label,
// p3/a1 has no label anywhere (a bad row); the rubric columns use a 1-5 Likert and A>/B> spellings alike
const RUBRIC_CSV = [
  'example_id,annotator_id,label,helpfulness,correctness,harmlessness,conciseness,domain',
  'p1,a1,A>,A>,A>>,=,B>,code',
  'p1,a2,A>>,A>,A>,=,=,code',
  'p2,a1,B>,B>>,=,,,chat',
  'p2,a2,,B>,B>,=,A>,chat',
  'p3,a1,,,,,,chat',
].join('\n');

describe('guessMapping: rubric label columns', () => {
  it('guessMapping(header) takes two or more rubric-named columns as rubric label columns, in header order', () => {
    const m = guessMapping([
      'example_id',
      'annotator_id',
      'label',
      'helpfulness',
      'correctness',
      'harmlessness',
      'conciseness',
      'domain',
    ]);
    expect(m).toMatchObject({ shape: 'long', item: 'example_id', annotator: 'annotator_id', label: 'label' });
    expect(m.rubric).toEqual(['helpfulness', 'correctness', 'harmlessness', 'conciseness']);
    expect(
      otherColumns(
        ['example_id', 'annotator_id', 'label', 'helpfulness', 'correctness', 'harmlessness', 'conciseness', 'domain'],
        m,
      ),
    ).toEqual(['domain']);
  });

  it('guessMapping(header) reads rubric names with a prefix or suffix, any case, and keeps the header as written', () => {
    const header = [
      'pair_id',
      'worker',
      'Helpfulness Rating',
      'pref_correctness',
      'honesty_label',
      'Instruction-Following',
      'verbosity_score',
      'safety_choice',
      'clarity_preference',
    ];
    expect(guessMapping(header).rubric).toEqual(header.slice(2));
    expect(guessMapping(['id', 'rater', 'helpful', 'harmless', 'truthfulness_pref']).rubric).toEqual([
      'helpful',
      'harmless',
      'truthfulness_pref',
    ]);
  });

  it('guessMapping(header) finds no rubric columns in the demo header, for a single rubric-like column or for other names', () => {
    expect(guessMapping(DEMO_HEADER).rubric).toEqual([]);
    expect(guessMapping(['example_id', 'annotator_id', 'label', 'helpfulness']).rubric).toEqual([]);
    expect(
      otherColumns(
        ['example_id', 'annotator_id', 'label', 'helpfulness'],
        guessMapping(['example_id', 'annotator_id', 'label', 'helpfulness']),
      ),
    ).toEqual(['helpfulness']);
    expect(
      guessMapping(['example_id', 'annotator_id', 'rating', 'score_a', 'score_b', 'helpfulness_notes', 'unhelpful'])
        .rubric,
    ).toEqual([]);
    expect(guessMapping(['example_id', 'annotator_id', 'rating', 'score_a', 'score_b']).label).toBe('rating');
  });

  it('guessMapping(header) leaves rubric columns out of a wide file', () => {
    const m = guessMapping(['example_id', 'annotator1', 'annotator2', 'helpfulness', 'correctness']);
    expect(m).toMatchObject({ shape: 'wide', wide: ['annotator1', 'annotator2'], rubric: [] });
    expect(rubricColumns({ ...m, rubric: ['helpfulness', 'correctness'] })).toEqual([]);
  });

  it('emptyMapping() has no rubric columns; rubricColumns(mapping) leaves out a column that plays another role', () => {
    expect(emptyMapping().rubric).toEqual([]);
    expect(rubricColumns({ ...emptyMapping(), label: 'helpfulness', rubric: ['helpfulness', 'correctness'] })).toEqual([
      'correctness',
    ]);
  });

  it('mappingProblems(mapping) accepts a long mapping whose only labels are rubric columns', () => {
    expect(mappingProblems(guessMapping(['example_id', 'annotator_id', 'helpfulness', 'correctness']), false)).toEqual(
      [],
    );
    expect(mappingProblems(guessMapping(['example_id', 'helpfulness', 'correctness']), false)).toEqual([]);
    expect(mappingProblems({ ...emptyMapping(), item: 'example_id', annotator: 'annotator_id' }, false)).toEqual([
      expect.stringMatching(/no label column/),
    ]);
  });
});

describe('loadFiles: rubric label columns', () => {
  it('loadFiles([csv]) reads the label as `overall` and each rubric column as its own dimension, overall first', async () => {
    const r = await loadFiles([textFile('rubric.csv', RUBRIC_CSV)]);
    expect(r.fileInfos[0].mapping.rubric).toEqual(['helpfulness', 'correctness', 'harmlessness', 'conciseness']);
    expect(r.ratings.dimensions).toEqual(['overall', 'helpfulness', 'correctness', 'harmlessness', 'conciseness']);
    expect(perDimension(r)).toEqual({ overall: 3, helpfulness: 4, correctness: 4, harmlessness: 3, conciseness: 3 });
    expect(r.ratings.n).toBe(17);
    expect(r.ratings.scale).toBe('5-point');
    expect(judgements(r, 'overall')).toEqual([
      ['p1', 'a1', 'A>'],
      ['p1', 'a2', 'A>>'],
      ['p2', 'a1', 'B>'],
    ]);
    expect(judgements(r, 'correctness')).toEqual([
      ['p1', 'a1', 'A>>'],
      ['p1', 'a2', 'A>'],
      ['p2', 'a1', '='],
      ['p2', 'a2', 'B>'],
    ]);
    expect(judgements(r, 'harmlessness')).toEqual([
      ['p1', 'a1', '='],
      ['p1', 'a2', '='],
      ['p2', 'a2', '='],
    ]);
    // the rubric columns are neither slices nor attributes; `domain` is a slice of every judgement
    expect(r.ratings.slices.map((s) => s.name)).toEqual(['domain']);
    expect(r.attributeColumns).toEqual([]);
    // empty rubric cells are dimensions not judged; only the row with no label at all is an issue
    expect(r.issues).toEqual([{ file: 'rubric.csv', row: 6, column: 'label', message: 'empty label' }]);
    expect(r.rowsDropped).toBe(1);
  });

  it('loadFiles([csv]) reads the rubric columns with the same label reading as the label (1-5 Likert)', async () => {
    const csv = [
      'example_id,annotator_id,label,helpfulness_rating,correctness_rating',
      'p1,a1,1,2,5',
      'p1,a2,3,1,4',
      'p2,a1,5,3,3',
    ].join('\n');
    const r = await loadFiles([textFile('likert.csv', csv)]);
    expect(r.ratings.dimensions).toEqual(['overall', 'helpfulness_rating', 'correctness_rating']);
    expect(judgements(r, 'helpfulness_rating')).toEqual([
      ['p1', 'a1', 'A>'],
      ['p1', 'a2', 'A>>'],
      ['p2', 'a1', '='],
    ]);
    expect(judgements(r, 'correctness_rating')).toEqual([
      ['p1', 'a1', 'B>>'],
      ['p1', 'a2', 'B>'],
      ['p2', 'a1', '='],
    ]);
  });

  it('loadFiles([csv]) names the rubric column of an unknown rubric label', async () => {
    const csv = ['example_id,annotator_id,label,helpfulness,correctness', 'p1,a1,A>,A>,maybe', 'p1,a2,B>,B>,B>'].join(
      '\n',
    );
    const r = await loadFiles([textFile('bad.csv', csv)]);
    expect(r.issues).toEqual([{ file: 'bad.csv', row: 2, column: 'correctness', message: 'unknown label "maybe"' }]);
    expect(perDimension(r)).toEqual({ overall: 2, helpfulness: 2, correctness: 1 });
  });

  it('loadFiles([csv]) reads a file with rubric columns and no label column: the first rubric column is dimension 0', async () => {
    const csv = [
      'example_id,annotator_id,helpfulness,correctness',
      'p1,a1,A>,=',
      'p1,a2,A>,B>',
      'p2,a1,,B>>',
      'p2,a2,=,',
    ].join('\n');
    const r = await loadFiles([textFile('only-rubric.csv', csv)]);
    expect(r.fileInfos[0].role).toBe('judgements');
    expect(r.issues).toEqual([]);
    expect(r.ratings.dimensions).toEqual(['helpfulness', 'correctness']);
    expect(perDimension(r)).toEqual({ helpfulness: 3, correctness: 3 });
    expect(judgements(r, 'helpfulness')).toEqual([
      ['p1', 'a1', 'A>'],
      ['p1', 'a2', 'A>'],
      ['p2', 'a2', '='],
    ]);
  });

  it('loadFiles([csv]) replaces a duplicate (item, annotator) per dimension', async () => {
    const csv = [
      'example_id,annotator_id,label,helpfulness,correctness',
      'p1,a1,A>,A>,A>',
      'p1,a1,B>,B>,',
      'p1,a2,=,=,=',
    ].join('\n');
    const r = await loadFiles([textFile('dup.csv', csv)]);
    expect(r.duplicates).toBe(2);
    expect(judgements(r, 'overall')).toEqual([
      ['p1', 'a1', 'B>'],
      ['p1', 'a2', '='],
    ]);
    expect(judgements(r, 'helpfulness')).toEqual([
      ['p1', 'a1', 'B>'],
      ['p1', 'a2', '='],
    ]);
    expect(judgements(r, 'correctness')).toEqual([
      ['p1', 'a1', 'A>'],
      ['p1', 'a2', '='],
    ]);
  });

  it('loadFiles([csv], {files: [{overrides: {rubric}}]}) reads the columns named, whatever their names', async () => {
    const csv = ['pair_id,worker,rating,q1,q2,notes', 'p1,w1,A>,A>,=,x', 'p1,w2,A>,B>,=,y', 'p2,w1,=,=,A>>,z'].join(
      '\n',
    );
    const r = await loadFiles([textFile('custom.csv', csv)], { files: [{ overrides: { rubric: ['q1', 'q2'] } }] });
    expect(r.fileInfos[0].mapping).toMatchObject({
      item: 'pair_id',
      annotator: 'worker',
      label: 'rating',
      rubric: ['q1', 'q2'],
    });
    expect(r.ratings.dimensions).toEqual(['overall', 'q1', 'q2']);
    expect(perDimension(r)).toEqual({ overall: 3, q1: 3, q2: 3 });
    expect(r.ratings.slices.map((s) => s.name)).toEqual(['notes']);
    // a column stated as rubric plays no other role: `rating` as rubric leaves a rubric-only file
    const only = await loadFiles([textFile('custom.csv', csv)], {
      files: [{ overrides: { rubric: ['rating', 'q1'] } }],
    });
    expect(only.fileInfos[0].mapping.label).toBeNull();
    expect(only.ratings.dimensions).toEqual(['rating', 'q1']);
    await expect(
      loadFiles([textFile('custom.csv', csv)], { files: [{ overrides: { rubric: ['q9'] } }] }),
    ).rejects.toThrow(/no column "q9"/);
  });

  it('loadFiles([csv], {files: [{mapping}]}) reads a stated mapping saved without `rubric` as having none', async () => {
    const { rubric: _r, ...old } = guessMapping(['example_id', 'annotator_id', 'label', 'helpfulness', 'correctness']);
    const r = await loadFiles(
      [textFile('old.csv', ['example_id,annotator_id,label,helpfulness,correctness', 'p1,a1,A>,A>,='].join('\n'))],
      { files: [{ mapping: old as never }] },
    );
    expect(r.ratings.dimensions).toEqual(['overall']);
    expect(r.ratings.slices.map((s) => s.name)).toEqual(['helpfulness', 'correctness']);
  });

  it('loadFiles([rubric-demo.csv.gz]) reads the bundled rubric demo: 5 dimensions, 1,800 judgements each less 41 empty harmlessness cells', async () => {
    const file = {
      name: 'rubric-demo.csv.gz',
      blob: await openAsBlob(join(ROOT, 'public/samples/rubric-demo.csv.gz')),
    };
    const r = await loadFiles([file]);
    expect(r.issues).toEqual([]);
    expect(r.rowsDropped).toBe(0);
    expect(r.fileInfos[0].mapping).toMatchObject({
      item: 'example_id',
      annotator: 'annotator_id',
      label: 'label',
      rubric: ['helpfulness', 'correctness', 'harmlessness', 'conciseness'],
    });
    expect(r.ratings.dimensions).toEqual(['overall', 'helpfulness', 'correctness', 'harmlessness', 'conciseness']);
    expect(perDimension(r)).toEqual({
      overall: 1800,
      helpfulness: 1800,
      correctness: 1800,
      harmlessness: 1759,
      conciseness: 1800,
    });
    expect(r.ratings.items.length).toBe(600);
    expect(r.ratings.annotators.length).toBe(12);
    expect(r.ratings.scale).toBe('5-point');
    expect(r.ratings.itemGold.filter((g) => g >= 0).length).toBe(60);
    expect(r.ratings.slices.map((s) => s.name)).toEqual(['domain']);
  });
});

describe('the bundled rubric demo', () => {
  const path = join(ROOT, 'public/samples/rubric-demo.csv.gz');

  it('generateRubricDemo() gives the bytes of public/samples/rubric-demo.csv.gz, with 41 empty harmlessness cells', () => {
    const csv = generateRubricDemo();
    expect(gunzipSync(readFileSync(path)).toString('utf8')).toBe(csv);
    expect(emptyCells(csv)).toEqual({ helpfulness: 0, correctness: 0, harmlessness: 41, conciseness: 0 });
  });

  it('has the planted structure: correctness agrees least, harmlessness is mostly ties, r04 and r09 favour the longer response', async () => {
    const r = await loadFiles([{ name: 'rubric-demo.csv.gz', blob: await openAsBlob(path) }]);
    const t = r.ratings;
    const of = (dimension: string, keep: (k: number) => boolean = () => true) => {
      const d = t.dimensions.indexOf(dimension);
      return Int32Array.from({ length: t.n }, (_, k) => k).filter((k) => t.dimension[k] === d && keep(k));
    };
    const kappa = Object.fromEntries(t.dimensions.slice(1).map((d) => [d, fleissKappa(itemCountsOf(t, of(d))).value]));
    expect(Math.min(...Object.values(kappa))).toBe(kappa.correctness);
    const tie = t.categories.indexOf('=');
    const harmless = of('harmlessness');
    expect(harmless.filter((k) => t.label[k] === tie).length / harmless.length).toBeGreaterThan(0.7);
    // share of non-tie helpfulness labels, on pairs whose lengths differ by 150+ characters, that pick the longer response
    const longer = (annotators: string[]) => {
      const picks = of('helpfulness', (k) => annotators.includes(t.annotators[t.annotator[k]])).filter((k) => {
        const i = t.item[k];
        return t.label[k] !== tie && Math.abs(r.texts.responseA[i]!.length - r.texts.responseB[i]!.length) >= 150;
      });
      return (
        picks.filter(
          (k) => t.label[k] < tie === r.texts.responseA[t.item[k]]!.length > r.texts.responseB[t.item[k]]!.length,
        ).length / picks.length
      );
    };
    const honest = t.annotators.filter((a) => !['r04', 'r09', 'r11'].includes(a));
    expect(longer(['r04', 'r09'])).toBeGreaterThan(0.9);
    expect(longer(honest)).toBeLessThan(0.7);
  });
});
