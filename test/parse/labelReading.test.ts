// @vitest-environment node
import { describe, it, expect } from 'vitest';
import {
  chooseLabelReading,
  inferScale,
  labelCode,
  readTextLabel,
  scaleCategories,
} from '../../src/parse/labelReading';
import { formatLabelMap, parseLabelMap } from '../../src/parse/labelMapText';
import { PREFERENCE_LABELS, type Scale } from '../../src/core/types';

/** The reading of these raw values (each seen once), as raw → label name ('?' = not a label). */
function readAs(values: string[], options: { labelMap?: Record<string, string> | null; scale?: Scale | null } = {}) {
  const reading = chooseLabelReading(new Map(values.map((v) => [v, 1])), options);
  const named = Object.fromEntries(
    values.map((v) => {
      const c = reading.code.get(v)!;
      return [v, c < 0 ? '?' : reading.preference ? PREFERENCE_LABELS[c] : reading.categories[c]];
    }),
  );
  return {
    reading,
    named,
    scale: reading.preference ? inferScale(values.map((v) => reading.code.get(v)!).filter((c) => c >= 0)) : 'nominal',
  };
}

describe('readTextLabel', () => {
  it('readTextLabel(raw) reads the five scale labels', () => {
    expect(['A>>', 'A>', '=', 'B>', 'B>>'].map(readTextLabel)).toEqual([0, 1, 2, 3, 4]);
  });

  it('readTextLabel(raw) reads A>>B / A>B / tie / B>A / B>>A', () => {
    expect(['A>>B', 'A>B', 'tie', 'B>A', 'B>>A'].map(readTextLabel)).toEqual([0, 1, 2, 3, 4]);
    expect(['A >> B', 'A > B', 'A = B', 'B > A', 'B >> A'].map(readTextLabel)).toEqual([0, 1, 2, 3, 4]);
  });

  it('readTextLabel(raw) reads A / B / tie and model_a / model_b / tie / tie (bothbad)', () => {
    expect(['A', 'B', 'tie'].map(readTextLabel)).toEqual([1, 3, 2]);
    expect(['model_a', 'model_b', 'tie', 'tie (bothbad)'].map(readTextLabel)).toEqual([1, 3, 2, 2]);
  });

  it('readTextLabel(raw) reads left / right, response_1 / response_2 and output_1 / output_2', () => {
    expect(['left', 'right', 'response_1', 'response_2', 'output_1', 'output_2'].map(readTextLabel)).toEqual([
      1, 3, 1, 3, 1, 3,
    ]);
  });

  it('readTextLabel(raw) ignores case and surrounding or repeated whitespace', () => {
    expect(
      [' a>> ', 'Model_A', 'MODEL_B', '  Tie  ', 'Left', 'RIGHT', 'a  >  b', '\tB>>A\n', 'Tie (BothBad)'].map(
        readTextLabel,
      ),
    ).toEqual([0, 1, 3, 2, 1, 3, 1, 4, 2]);
  });

  it('readTextLabel(raw) reads anything containing "tie" as a tie', () => {
    expect(['tie (both good)', 'TIE_BOTH_BAD', 'a tie'].map(readTextLabel)).toEqual([2, 2, 2]);
  });

  it('readTextLabel(raw) gives -1 for unknown words', () => {
    expect(['maybe', '', 'C', 'model_c', 'A>C', 'yes'].map(readTextLabel)).toEqual([-1, -1, -1, -1, -1, -1]);
  });
});

describe('chooseLabelReading', () => {
  it('chooseLabelReading(counts) reads A>> / A> / = / B> / B>> on the 5-point scale', () => {
    const { reading, named, scale } = readAs(['A>>', 'A>', '=', 'B>', 'B>>']);
    expect(reading.preference).toBe(true);
    expect(named).toEqual({ 'A>>': 'A>>', 'A>': 'A>', '=': '=', 'B>': 'B>', 'B>>': 'B>>' });
    expect(scale).toBe('5-point');
  });

  it('chooseLabelReading(counts) reads A>>B / A>B / tie / B>A / B>>A', () => {
    const { named, scale } = readAs(['A>>B', 'A>B', 'tie', 'B>A', 'B>>A']);
    expect(named).toEqual({ 'A>>B': 'A>>', 'A>B': 'A>', tie: '=', 'B>A': 'B>', 'B>>A': 'B>>' });
    expect(scale).toBe('5-point');
  });

  it('chooseLabelReading(counts) reads A / B / tie as 3-way and A / B as binary', () => {
    expect(readAs(['A', 'B', 'tie'])).toMatchObject({ named: { A: 'A>', B: 'B>', tie: '=' }, scale: '3-way' });
    expect(readAs(['A', 'B'])).toMatchObject({ named: { A: 'A>', B: 'B>' }, scale: 'binary' });
  });

  it('chooseLabelReading(counts) reads Chatbot Arena winners model_a / model_b / tie / tie (bothbad)', () => {
    const { named, scale } = readAs(['model_a', 'model_b', 'tie', 'tie (bothbad)']);
    expect(named).toEqual({ model_a: 'A>', model_b: 'B>', tie: '=', 'tie (bothbad)': '=' });
    expect(scale).toBe('3-way');
  });

  it('chooseLabelReading(counts) reads left / right as A / B', () => {
    expect(readAs(['left', 'right'])).toMatchObject({ named: { left: 'A>', right: 'B>' }, scale: 'binary' });
  });

  it('chooseLabelReading(counts) reads mixed case and whitespace variants of one vocabulary', () => {
    const { named } = readAs(['Model_A', ' model_b', 'TIE', 'Tie (BothBad) ']);
    expect(named).toEqual({ Model_A: 'A>', ' model_b': 'B>', TIE: '=', 'Tie (BothBad) ': '=' });
  });

  it('chooseLabelReading(counts) reads 1 / 2 as first / second better and 0 as a tie', () => {
    expect(readAs(['1', '2'])).toMatchObject({ named: { 1: 'A>', 2: 'B>' }, scale: 'binary' });
    expect(readAs(['0', '1', '2'])).toMatchObject({ named: { 0: '=', 1: 'A>', 2: 'B>' }, scale: '3-way' });
    expect(readAs(['1.0', '2.0'])).toMatchObject({ named: { '1.0': 'A>', '2.0': 'B>' } });
  });

  it('chooseLabelReading(counts) reads signed −2…2 directly and −3…3 with the ends folded', () => {
    expect(readAs(['-2', '-1', '0', '1', '2']).named).toEqual({ '-2': 'A>>', '-1': 'A>', 0: '=', 1: 'B>', 2: 'B>>' });
    expect(readAs(['-1', '1']).named).toEqual({ '-1': 'A>', 1: 'B>' });
    expect(readAs(['-3', '-2', '-1', '0', '1', '2', '3']).named).toEqual({
      '-3': 'A>>',
      '-2': 'A>>',
      '-1': 'A>',
      0: '=',
      1: 'B>',
      2: 'B>>',
      3: 'B>>',
    });
    expect(readAs(['-3', '3']).scale).toBe('5-point');
  });

  it('chooseLabelReading(counts) reads integers 1…5 with a 3, 4 or 5 present as Likert', () => {
    expect(readAs(['1', '2', '3', '4', '5']).named).toEqual({ 1: 'A>>', 2: 'A>', 3: '=', 4: 'B>', 5: 'B>>' });
    expect(readAs(['2', '3', '4'])).toMatchObject({ named: { 2: 'A>', 3: '=', 4: 'B>' }, scale: '3-way' });
  });

  it('chooseLabelReading(counts) reads AlpacaEval fractions in [1, 2]: 1.25 → A>, 1.5 → =, 1.75 → B>', () => {
    const { named, scale } = readAs(['1.25', '1.5', '1.75', '1', '2', '1.0001']);
    expect(named).toEqual({ 1.25: 'A>', 1.5: '=', 1.75: 'B>', 1: 'A>', 2: 'B>', 1.0001: 'A>' });
    expect(scale).toBe('3-way');
  });

  it('chooseLabelReading(counts) reads numbers off every preference scale as nominal, sorted numerically', () => {
    const { reading } = readAs(['10', '9', '1', '0', '3']);
    expect(reading.preference).toBe(false);
    expect(reading.categories).toEqual(['0', '1', '3', '9', '10']);
    expect(reading.code.get('10')).toBe(4);
    expect(readAs(['0', '1', '2', '3']).reading.categories).toEqual(['0', '1', '2', '3']);
    expect(readAs(['0.5', '2.5']).reading.categories).toEqual(['0.5', '2.5']);
  });

  it('chooseLabelReading(counts) reads non-preference words as nominal categories in sorted order', () => {
    const { reading } = readAs(['dog', 'cat', 'bird', 'Cat']);
    expect(reading.preference).toBe(false);
    expect(reading.categories).toEqual(['Cat', 'bird', 'cat', 'dog']);
    expect(Object.fromEntries(reading.code)).toEqual({ Cat: 0, bird: 1, cat: 2, dog: 3 });
  });

  it('chooseLabelReading(counts) keeps a preference reading when most judgements are preference words; the rest are -1', () => {
    const reading = chooseLabelReading(
      new Map([
        ['A', 10],
        ['B', 8],
        ['maybe', 2],
        ['???', 1],
      ]),
    );
    expect(reading.preference).toBe(true);
    expect(reading.code.get('maybe')).toBe(-1);
    expect(reading.code.get('???')).toBe(-1);
    // weighted by counts: two preference words seen once, one unknown seen five times → nominal
    expect(
      chooseLabelReading(
        new Map([
          ['A', 1],
          ['B', 1],
          ['other', 5],
        ]),
      ).preference,
    ).toBe(false);
  });

  it('chooseLabelReading(counts, {scale: "nominal"}) reads even preference words as nominal categories', () => {
    const reading = chooseLabelReading(
      new Map([
        ['B', 1],
        ['A', 1],
        ['tie', 1],
      ]),
      { scale: 'nominal' },
    );
    expect(reading.preference).toBe(false);
    expect(reading.categories).toEqual(['A', 'B', 'tie']);
    const numeric = chooseLabelReading(
      new Map([
        ['1', 1],
        ['0', 1],
      ]),
      { scale: 'nominal' },
    );
    expect(numeric.categories).toEqual(['0', '1']);
  });

  it('chooseLabelReading(counts, {labelMap}) wins over the detected reading; unmapped values are -1', () => {
    // these values would be read as 0 = tie, 1 = A, 2 = B without the map
    const map = { 0: 'B>', 1: 'A>>', 2: '=' };
    const { reading, named } = readAs(['0', '1', '2', '3'], { labelMap: map });
    expect(reading.preference).toBe(true);
    expect(named).toEqual({ 0: 'B>', 1: 'A>>', 2: '=', 3: '?' });
    expect(readAs(['good', 'bad'], { labelMap: { good: 'A', bad: 'right' } }).named).toEqual({ good: 'A>', bad: 'B>' });
  });

  it('chooseLabelReading(counts, {labelMap}) does not let inherited object keys through', () => {
    expect(readAs(['constructor', 'x'], { labelMap: { x: 'A>' } }).named).toEqual({ constructor: '?', x: 'A>' });
  });

  it('chooseLabelReading(empty) is a nominal reading with no category', () => {
    const reading = chooseLabelReading(new Map());
    expect(reading.preference).toBe(false);
    expect(reading.categories).toEqual([]);
  });

  it('chooseLabelReading(counts).description says which reading was chosen', () => {
    expect(readAs(['-1', '1']).reading.description).toMatch(/signed/);
    expect(readAs(['1', '3', '5']).reading.description).toMatch(/Likert/);
    expect(readAs(['1.5', '1.25']).reading.description).toMatch(/fractional/);
    expect(readAs(['cat', 'dog']).reading.description).toMatch(/nominal/);
  });
});

describe('inferScale', () => {
  it('inferScale(codes) is 5-point with any strength label, else 3-way with a tie, else binary', () => {
    expect(inferScale([1, 3, 0])).toBe('5-point');
    expect(inferScale([4])).toBe('5-point');
    expect(inferScale([1, 2, 3])).toBe('3-way');
    expect(inferScale([2])).toBe('3-way');
    expect(inferScale([1, 3])).toBe('binary');
    expect(inferScale([])).toBe('binary');
  });
});

describe('scaleCategories', () => {
  it('scaleCategories(scale) lists the categories and maps 5-point codes onto them', () => {
    expect(scaleCategories('5-point')).toEqual({
      categories: ['A>>', 'A>', '=', 'B>', 'B>>'],
      fromFivePoint: [0, 1, 2, 3, 4],
      fivePoint: [0, 1, 2, 3, 4],
    });
    expect(scaleCategories('3-way')).toEqual({
      categories: ['A>', '=', 'B>'],
      fromFivePoint: [0, 0, 1, 2, 2],
      fivePoint: [1, 2, 3],
    });
    expect(scaleCategories('binary')).toEqual({
      categories: ['A>', 'B>'],
      fromFivePoint: [0, 0, -1, 1, 1],
      fivePoint: [1, 3],
    });
  });
});

describe('labelCode', () => {
  it('labelCode(name) reads a scale label or a vocabulary word and throws on anything else', () => {
    expect(['A>>', ' B> ', 'tie', 'left', 'model_b'].map(labelCode)).toEqual([0, 3, 2, 1, 3]);
    expect(() => labelCode('maybe')).toThrow('unknown label in the label map: "maybe"');
  });
});

describe('parseLabelMap', () => {
  it('parseLabelMap(text) reads raw:label pairs onto the five labels', () => {
    expect({ ...parseLabelMap('0:=,1:A>,2:B>') }).toEqual({ 0: '=', 1: 'A>', 2: 'B>' });
    expect({ ...parseLabelMap(' good : A>> , meh:tie,bad:right ') }).toEqual({ good: 'A>>', meh: '=', bad: 'B>' });
  });

  it('parseLabelMap(text) splits at the last colon so raw values may hold colons', () => {
    expect({ ...parseLabelMap('a:1:A>,12:30:B>') }).toEqual({ 'a:1': 'A>', '12:30': 'B>' });
  });

  it('parseLabelMap(text) ignores empty entries and gives an empty map for empty text', () => {
    expect({ ...parseLabelMap('') }).toEqual({});
    expect({ ...parseLabelMap('x:A>,,') }).toEqual({ x: 'A>' });
  });

  it('parseLabelMap(text) throws a short message on a malformed entry or an unknown label', () => {
    expect(() => parseLabelMap('0=A')).toThrow('label map entry "0=A" is not raw:label');
    expect(() => parseLabelMap(':A>')).toThrow(/not raw:label/);
    expect(() => parseLabelMap('0:maybe')).toThrow('unknown label in the label map: "maybe"');
  });

  it('formatLabelMap(parseLabelMap(text)) round-trips', () => {
    expect(formatLabelMap(parseLabelMap('0:=,1:A>,2:B>>'))).toBe('0:=,1:A>,2:B>>');
    expect(formatLabelMap(null)).toBe('');
  });
});

/** The conventions of the readings that fit, the chosen one first, and each one's label counts. */
function fits(counts: Record<string, number>, options: Parameters<typeof chooseLabelReading>[1] = {}) {
  const reading = chooseLabelReading(new Map(Object.entries(counts)), options);
  return {
    reading,
    conventions: reading.candidates.map((c) => c.convention),
    counts: reading.candidates.map((c) => c.counts),
  };
}

describe('chooseLabelReading: ambiguous readings are asked about', () => {
  it("0 / 1 / 2 fits 0 = tie (the guess), 0 = first / 2 = tie, and nominal categories: ambiguous, with each reading's counts", () => {
    const { reading, conventions, counts } = fits({ 0: 10, 1: 50, 2: 40 });
    expect(reading).toMatchObject({
      convention: 'tie-first-second',
      chosen: 'guess',
      ambiguous: true,
      preference: true,
    });
    expect(conventions).toEqual(['tie-first-second', 'first-second-tie', 'nominal']);
    expect(counts).toEqual([
      { 'A>': 50, '=': 10, 'B>': 40 },
      { 'A>': 10, '=': 40, 'B>': 50 },
      { 0: 10, 1: 50, 2: 40 },
    ]);
  });

  it('0 / 1 is first / second (0 = tie would mean nobody ever chose B), or nominal: ambiguous', () => {
    const { reading, conventions, counts } = fits({ 0: 30, 1: 20 });
    expect(reading).toMatchObject({ convention: 'first-second', ambiguous: true });
    expect(conventions).toEqual(['first-second', 'nominal']);
    expect(counts[0]).toEqual({ 'A>': 30, 'B>': 20 });
  });

  it('1 / 2 / 3 is first / second / tie (Likert would leave B unchosen), or nominal; 1 / 2 is first / second, or nominal', () => {
    expect(fits({ 1: 5, 2: 6, 3: 2 })).toMatchObject({
      conventions: ['first-second-tie-from-1', 'nominal'],
      counts: [
        { 'A>': 5, '=': 2, 'B>': 6 },
        { 1: 5, 2: 6, 3: 2 },
      ],
    });
    expect(fits({ 1: 5, 2: 6 }).conventions).toEqual(['tie-first-second', 'nominal']);
  });

  it('model1 / model2 / TIE are words, but numbered side words could be names: nominal fits too', () => {
    const { reading, conventions } = fits({ model1: 3, model2: 4, TIE: 1 });
    expect(reading).toMatchObject({ convention: 'words', ambiguous: true });
    expect(conventions).toEqual(['words', 'nominal']);
  });

  it('unambiguous vocabularies are the only reading that fits: A>B / tie / B>A, signed, Likert with 4 or 5, 0-3 categories', () => {
    expect(fits({ 'A>B': 1, tie: 1, 'B>A': 1 }).reading).toMatchObject({
      convention: 'words',
      chosen: 'only',
      ambiguous: false,
    });
    expect(fits({ '-1': 1, 0: 1, 1: 1 }).reading).toMatchObject({
      convention: 'signed-2',
      chosen: 'only',
      ambiguous: false,
    });
    expect(fits({ 1: 1, 2: 1, 4: 1, 5: 1 }).reading).toMatchObject({ convention: 'likert-5', ambiguous: false });
    // four small integers: no preference reading reads them all (signed scales need a negative value)
    expect(fits({ 0: 1, 1: 1, 2: 1, 3: 1 }).reading).toMatchObject({
      convention: 'nominal',
      chosen: 'only',
      ambiguous: false,
    });
  });

  it('a reading of 90% or more of the judgements leaves the rest as unknown labels without asking; less is a question', () => {
    expect(fits({ A: 50, B: 45, maybe: 5 }).reading).toMatchObject({
      convention: 'words',
      chosen: 'only',
      ambiguous: false,
    });
    expect(fits({ A: 50, B: 45, maybe: 5 }).reading.candidates[0].unread).toBe(5);
    expect(fits({ A: 40, B: 30, maybe: 30 })).toMatchObject({
      reading: { convention: 'words', ambiguous: true },
      conventions: ['words', 'nominal'],
    });
  });

  it('a stated convention, label map or nominal scale is the reading, never a question', () => {
    expect(fits({ 0: 1, 1: 1, 2: 1 }, { convention: 'first-second-tie' }).reading).toMatchObject({
      convention: 'first-second-tie',
      chosen: 'stated',
      ambiguous: false,
    });
    expect(fits({ 0: 1, 1: 1, 2: 1 }, { convention: 'first-second-tie' }).counts[0]).toEqual({
      'A>': 1,
      '=': 1,
      'B>': 1,
    });
    expect(fits({ 0: 1, 1: 1 }, { scale: 'nominal' }).reading).toMatchObject({
      convention: 'nominal',
      chosen: 'stated',
    });
    expect(fits({ 0: 1, 1: 1 }, { labelMap: { 0: 'B>', 1: 'A>' } }).reading).toMatchObject({
      convention: 'label-map',
      chosen: 'stated',
    });
    expect(() => fits({ 0: 1 }, { convention: 'no-such' })).toThrow('unknown label convention "no-such"');
  });

  it("labels that name one of the pair's two models are read per judgement (model-names)", () => {
    // per raw value: judgements naming the pair's model A, and model B
    const matches = new Map<string, [number, number]>([
      ['gpt-4', [6, 2]],
      ['claude', [1, 5]],
    ]);
    const reading = chooseLabelReading(
      new Map([
        ['gpt-4', 8],
        ['claude', 6],
        ['tie', 2],
      ]),
      {},
      matches,
    );
    expect(reading).toMatchObject({ convention: 'model-names', chosen: 'only', ambiguous: false });
    expect(reading.candidates[0].counts).toEqual({ 'A>': 7, '=': 2, 'B>': 7 });
  });
});
