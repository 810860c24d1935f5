// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { guessMapping, otherColumns } from '../../src/parse/columnRoles';
import { embeddingOf } from '../../src/parse/encoder';
import { loadFiles } from '../../src/parse/loadFiles';
import { textFile } from '../helpers/loadText';

/** Row i of the loaded embeddings as plain numbers (Float32: compare with values exact in binary). */
function rowOf(e: { dim: number; values: Float32Array }, i: number): number[] {
  return [...e.values.subarray(i * e.dim, (i + 1) * e.dim)];
}

describe('embedding column role', () => {
  it('guessMapping(header) finds the embedding column under each of its spellings, and it is no slice candidate', () => {
    for (const name of ['embedding', 'embeddings', 'emb', 'vector', 'pair_embedding', 'Pair Embedding', 'EMBEDDING']) {
      const header = ['example_id', 'annotator_id', 'label', name, 'domain'];
      const m = guessMapping(header);
      expect(m.embedding, name).toBe(name);
      expect(otherColumns(header, m)).toEqual(['domain']);
    }
    expect(guessMapping(['example_id', 'annotator_id', 'label', 'embedding_model']).embedding).toBeNull();
  });
});

describe('embeddingOf', () => {
  it('embeddingOf(cell) reads JSON arrays, typed arrays and numbers separated by commas or spaces', () => {
    expect([...(embeddingOf('[0.5, -2, 3e2]') as Float32Array)]).toEqual([0.5, -2, 300]);
    expect([...(embeddingOf([0.25, 1]) as Float32Array)]).toEqual([0.25, 1]);
    expect([...(embeddingOf(Float64Array.of(1, 2, 4)) as Float32Array)]).toEqual([1, 2, 4]);
    expect([...(embeddingOf('1 2  4') as Float32Array)]).toEqual([1, 2, 4]);
    expect([...(embeddingOf('1,2, 4') as Float32Array)]).toEqual([1, 2, 4]);
    expect([...(embeddingOf(' [ 1 ,2 ] ') as Float32Array)]).toEqual([1, 2]);
  });

  it('embeddingOf(cell) is null for an empty cell and names the first value that is not a finite number', () => {
    expect(embeddingOf('')).toBeNull();
    expect(embeddingOf(null)).toBeNull();
    expect(embeddingOf('[]')).toBeNull();
    expect(embeddingOf([])).toBeNull();
    expect(embeddingOf('[1, "x", 3]')).toBe('value 2 (""x"") is not a number');
    expect(embeddingOf('1 2 abc')).toBe('value 3 ("abc") is not a number');
    expect(embeddingOf([1, null])).toBe('value 2 ("") is not a number');
    expect(embeddingOf('[1, NaN]')).toBe('value 2 ("NaN") is not a number');
    expect(embeddingOf('[[1, 2]]')).toBe('value 1 ("[1") is not a number');
  });
});

describe('loadFiles: embeddings', () => {
  it('loadFiles([csv]) keeps the first valid vector per item, NaN rows for items without one', async () => {
    const csv = [
      'example_id,annotator_id,label,embedding',
      'p1,a,A,"[1, 2, 3]"',
      'p1,b,B,"[9, 9, 9]"', // a later vector of the same item is not used
      'p2,a,A,',
      'p3,a,B,0.5 -1 2',
      'p2,b,A,"1,0,0.25"', // p2's first non-empty cell
      '',
    ].join('\n');
    const r = await loadFiles([textFile('e.csv', csv)]);
    expect(r.ratings.items).toEqual(['p1', 'p2', 'p3']);
    expect(r.embeddings).not.toBeNull();
    const e = r.embeddings!;
    expect(e.dim).toBe(3);
    expect(e.values).toBeInstanceOf(Float32Array);
    expect(e.values.length).toBe(9);
    expect(rowOf(e, 0)).toEqual([1, 2, 3]);
    expect(rowOf(e, 1)).toEqual([1, 0, 0.25]);
    expect(rowOf(e, 2)).toEqual([0.5, -1, 2]);
    expect(r.issues).toEqual([]);
    expect(r.ratings.slices).toEqual([]);
    expect(r.attributeColumns).toEqual([]);
  });

  it('loadFiles([csv]) reports a vector of another dimension or with a non-number, naming the row and column, and keeps the row', async () => {
    const csv = [
      'example_id,annotator_id,label,vector',
      'p1,a,A,"[1, 2]"',
      'p2,a,B,"[1, 2, 3]"', // dimension 3 ≠ 2
      'p2,b,B,"[4, 5]"', // p2's first valid vector
      'p3,a,A,"[1, oops]"',
      'p4,a,A,',
      '',
    ].join('\n');
    const r = await loadFiles([textFile('v.csv', csv)]);
    expect(r.ratings.n).toBe(5);
    expect(r.rowsDropped).toBe(0);
    expect(r.issues).toEqual([
      {
        file: 'v.csv',
        row: 3,
        column: 'vector',
        message: 'embedding of item "p2": 3 numbers where the first embedding has 2; not used',
      },
      {
        file: 'v.csv',
        row: 5,
        column: 'vector',
        message: 'embedding of item "p3": value 2 ("oops") is not a number; not used',
      },
    ]);
    const e = r.embeddings!;
    expect(e.dim).toBe(2);
    expect(rowOf(e, 0)).toEqual([1, 2]);
    expect(rowOf(e, 1)).toEqual([4, 5]);
    expect(rowOf(e, 2)).toEqual([NaN, NaN]);
    expect(rowOf(e, 3)).toEqual([NaN, NaN]);
  });

  it('loadFiles([jsonl]) reads arrays given as JSON values', async () => {
    const jsonl = [
      { example_id: 'p1', annotator_id: 'a', label: 'A', emb: [0.5, 0.25] },
      { example_id: 'p2', annotator_id: 'a', label: 'B', emb: [-1, 8] },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const r = await loadFiles([textFile('e.jsonl', jsonl)]);
    expect(r.embeddings!.dim).toBe(2);
    expect([...r.embeddings!.values]).toEqual([0.5, 0.25, -1, 8]);
  });

  it('loadFiles([annotations, per-item file]) joins embeddings on the item id', async () => {
    const r = await loadFiles([
      textFile('a.csv', 'example_id,annotator_id,label\np1,a,A\np2,a,B\np3,b,A\n'),
      textFile('emb.csv', 'example_id,pair_embedding\np3,"[3, 3]"\np1,"[1, 1]"\n'),
    ]);
    expect(r.fileInfos[1].role).toBe('joined');
    expect([...r.embeddings!.values]).toEqual([1, 1, NaN, NaN, 3, 3]);
  });

  it('loadFiles([csv]) gives null embeddings without the column or without one valid vector', async () => {
    expect((await loadFiles([textFile('n.csv', 'example_id,annotator_id,label\np1,a,A\n')])).embeddings).toBeNull();
    const bad = await loadFiles([textFile('b.csv', 'example_id,annotator_id,label,embedding\np1,a,A,x\np2,a,B,\n')]);
    expect(bad.embeddings).toBeNull();
    expect(bad.issues.map((i) => [i.row, i.column])).toEqual([[2, 'embedding']]);
  });

  it('loadFiles([csv]) grows the embedding store past its first capacity (3,000 items × 5)', async () => {
    const lines = ['example_id,annotator_id,label,embedding'];
    for (let i = 0; i < 3000; i++) lines.push(`p${i},a,A,"[${i}, ${i + 1}, ${2 * i}, 0, ${i % 7}]"`);
    const r = await loadFiles([textFile('g.csv', lines.join('\n'))]);
    const e = r.embeddings!;
    expect(e.values.length).toBe(3000 * 5);
    for (const i of [0, 1023, 1024, 2047, 2048, 2999])
      expect(rowOf(e, i), `item ${i}`).toEqual([i, i + 1, 2 * i, 0, i % 7]);
  });
});
