// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contentId } from '../../../src/parse/adapters/adapter';
import { alpacaEval, preferenceLabel } from '../../../src/parse/adapters/alpacaEval';
import { formatFixtureError, judgementRows, loadFormatFixtures } from '../../helpers/loadFixture';

const row = (item: string, annotator: string, kind: string, label: string) =>
  `${item} | ${annotator} | ${kind} | overall | ${label}`;

describe('AlpacaFarm / AlpacaEval annotations', () => {
  it('reads AlpacaFarm cross-annotations: the four annotations of a pair on one item, annotator_index as human annotators', async () => {
    const r = await loadFormatFixtures(['alpaca-farm-crossannotations.json']);
    expect(r.fileInfos[0].adapter).toBe('alpaca-eval');
    // the records come grouped by annotator_index; the item is the pair's texts (instruction, input, output_1, output_2)
    const x = contentId(
      'Give three tips for staying healthy.',
      '',
      'Eat vegetables, sleep eight hours and walk every day.',
      'Drink water.',
    );
    const y = contentId(
      'Classify the sentiment of the sentence.',
      'I loved every minute of the film.',
      'Negative',
      'Positive',
    );
    const z = contentId('What is the capital of France?', '', 'Paris.', 'The capital of France is Paris.');
    const expected = [
      ...['A>', 'A>', 'B>', 'A>'].map((l, i) => row(x, `human_${i}`, 'human', l)),
      ...['B>', 'B>', 'B>', 'B>'].map((l, i) => row(y, `human_${i}`, 'human', l)),
      ...['B>', 'A>', 'A>', 'B>'].map((l, i) => row(z, `human_${i}`, 'human', l)),
    ].sort();
    expect(judgementRows(r)).toEqual(expected);
    expect(r.ratings.items).toHaveLength(3);
    expect(r.ratings.scale).toBe('binary');
    expect(r.issues).toEqual([]);
    const ix = r.ratings.items.indexOf(y);
    expect(r.texts.prompt[ix]).toBe('Classify the sentiment of the sentence.\n\nI loved every minute of the film.');
    expect(r.texts.responseA[ix]).toBe('Negative');
    expect(r.texts.responseB[ix]).toBe('Positive');
    expect(r.texts.prompt[r.ratings.items.indexOf(x)]).toBe('Give three tips for staying healthy.');
    const dataset = r.ratings.slices.find((s) => s.name === 'dataset')!;
    expect([...dataset.values].sort()).toEqual(['helpful_base', 'selfinstruct']);
  });

  it('reads a file with no annotator field as one label per pair (single annotator)', async () => {
    const r = await loadFormatFixtures(['alpaca-farm-human-preference.json']);
    expect(r.fileInfos[0].adapter).toBe('alpaca-eval');
    expect(judgementRows(r)).toEqual(
      [
        row(
          contentId(
            'Rewrite the sentence in the passive voice.',
            'The cat chased the mouse.',
            'The mouse was chased by the cat.',
            'The cat was chasing the mouse.',
          ),
          '(single)',
          'human',
          'A>',
        ),
        row(contentId('List two prime numbers.', '', '4 and 9.', '2 and 3.'), '(single)', 'human', 'B>'),
      ].sort(),
    );
  });

  it('reads AlpacaEval evaluators as AI judges (humans as human): fractional, tie and legacy 0 values; failed annotations are issues', async () => {
    const r = await loadFormatFixtures(['alpaca-eval-annotations.json']);
    expect(r.fileInfos[0].adapter).toBe('alpaca-eval');
    const p1 = contentId('Name a primary color.', '', 'Red.', 'Blue is a primary color, as are red and yellow.');
    const p2 = contentId("Translate 'gato' to English.", '', 'cat', 'Cat.');
    const p3 = contentId(
      'Write a haiku about rain.',
      '',
      'Rain taps the tin roof\nPuddles gather the grey sky\nThe street hums softly',
      'Rain.',
    );
    const w = 'weighted_alpaca_eval_gpt4_turbo';
    expect(judgementRows(r)).toEqual(
      [
        row(p1, w, 'ai', 'A>'), // 1.0233
        row(p1, 'alpaca_eval_gpt4', 'ai', 'B>'), // 2.0
        row(p1, 'humans', 'human', 'B>'), // 2
        row(p2, w, 'ai', '='), // 1.5
        row(p2, 'alpaca_eval_gpt4', 'ai', '='), // 0: AlpacaEval's legacy draw
        row(p2, 'humans', 'human', 'A>'), // 1
        row(p3, w, 'ai', 'B>'), // 1.9900139974
        row(p3, 'longest', 'ai', 'A>'), // the length heuristic is an automatic judge too
      ].sort(),
    );
    expect(r.ratings.scale).toBe('3-way');
    // record 8: preference null (a failed annotation); record 9: 2.5 is no preference value
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [8, 'preference'],
      [9, 'preference'],
    ]);
    expect(r.issues[0].message).toMatch(/failed annotation/);
    expect(r.issues[1].message).toContain('2.5');
    expect(r.rowsDropped).toBe(2);
    const x = r.ratings;
    const i1 = x.items.indexOf(p1);
    expect(r.models.a[i1]).toBe('gpt4_1106_preview');
    expect(r.models.b[i1]).toBe('my_model');
    const seconds = Array.from(
      { length: x.n },
      (_, j) => `${x.annotators[x.annotator[j]]}@${x.items[x.item[j]] === p1 ? 'p1' : 'other'}=${x.time![j]}`,
    );
    expect(seconds).toContain('humans@p1=36.8');
    expect(seconds).toContain(`${w}@p1=0.18`);
    const names = x.slices.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['dataset', 'datasplit', 'price_per_example']));
    expect(names).not.toContain('raw_completion');
    const price = x.slices.find((s) => s.name === 'price_per_example')!;
    const humanRow = Array.from({ length: x.n }, (_, j) => j).find(
      (j) => x.annotators[x.annotator[j]] === 'humans' && x.item[j] === i1,
    )!;
    expect(price.values[price.code[humanRow]]).toBe('0.3');
  });

  it('preferenceLabel maps 1, 2, 1.5, 0 and fractions by side; anything else is not a preference', () => {
    expect([1, 1.2, 1.4999, 1.5, 0, 1.5001, 1.99, 2].map(preferenceLabel)).toEqual([
      'A>',
      'A>',
      'A>',
      '=',
      '=',
      'B>',
      'B>',
      'B>',
    ]);
    expect([0.5, 2.5, -1, 3].map(preferenceLabel)).toEqual([null, null, null, null]);
  });

  it('says which field a near-miss file lacks (outputs waiting to be annotated, no preference)', async () => {
    const message = await formatFixtureError(['alpaca-eval-no-preference.json']);
    expect(message).toContain('AlpacaEval');
    expect(message).toContain('`preference`');
    expect(message).toMatch(/record 1 lacks|records 1–\d+ has/);
  });

  it('never claims a judgement table that holds output texts, nor the generic fixtures', async () => {
    const table = [
      { example_id: 'p1', annotator_id: 'a1', preference: 1, output_1: 'x', output_2: 'y', instruction: 'q' },
    ];
    expect(alpacaEval.detect(table, 'judgements.csv')).toBeNull();
    const demo = [
      {
        example_id: 'p1',
        annotator_id: 'a1',
        label: 'A>',
        prompt: 'q',
        response_a: 'x',
        response_b: 'y',
        model_a: 'm',
        model_b: 'n',
      },
    ];
    expect(alpacaEval.detect(demo, 'demo.csv')).toBeNull();
    for (const name of ['../annotations.csv', '../long.csv', '../wide.csv']) {
      const r = await loadFormatFixtures([name]);
      expect(r.fileInfos[0].adapter).toBe('csv');
    }
  });
});
