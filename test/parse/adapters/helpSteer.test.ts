// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contentId } from '../../../src/parse/adapters/adapter';
import { conversationText, strengthLabel } from '../../../src/parse/adapters/helpSteer';
import { loadFiles, type LoadResult } from '../../../src/parse/loadFiles';
import { formatFixtureError, goldLabels, loadFormatFixtures } from '../../helpers/loadFixture';
import { diskFile, textFile } from '../../helpers/loadText';

/** Judgements as sorted rows `prompt | annotator | kind | dimension | label` (items are content ids). */
function byPrompt(r: LoadResult): string[] {
  const x = r.ratings;
  const rows: string[] = [];
  for (let j = 0; j < x.n; j++) {
    const kind = x.annotatorKind[x.annotator[j]] === 1 ? 'ai' : 'human';
    rows.push(
      [
        r.texts.prompt[x.item[j]],
        x.annotators[x.annotator[j]],
        kind,
        x.dimensions[x.dimension[j]],
        x.categories[x.label[j]],
      ].join(' | '),
    );
  }
  return rows.sort();
}

/** The value of slice `name` for each judgement of the item whose prompt is `prompt`. */
function sliceValues(r: LoadResult, name: string, prompt: string): string[] {
  const x = r.ratings;
  const slice = x.slices.find((s) => s.name === name)!;
  const out: string[] = [];
  for (let j = 0; j < x.n; j++) if (r.texts.prompt[x.item[j]] === prompt) out.push(slice.values[slice.code[j]]);
  return out;
}

const sorted = (rows: string[]) => [...rows].sort();

const SIGNAL = 'Define a signal and list its main properties.';
const SUMS = 'What is 2+2?\n<extra_id_1>Assistant\n4\n<extra_id_1>User\nAnd 3+3?';
const COLOUR = 'Name a primary colour.';
const SUMMARY = 'Summarise: The cat sat on the mat all afternoon.';

describe('strengthLabel', () => {
  it('strengthLabel(s) maps −3…3 onto the 5-point labels, negative = response 1 (A) better', () => {
    expect([-3, -2, -1, 0, 1, 2, 3].map(strengthLabel)).toEqual(['A>>', 'A>>', 'A>', '=', 'B>', 'B>>', 'B>>']);
    expect(['-1', ' 2 '].map(strengthLabel)).toEqual(['A>', 'B>>']);
    expect([-100, 4, 1.5, '', null, undefined, 'x', true].map(strengthLabel)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('conversationText', () => {
  it('conversationText(context) keeps a single user turn as it is and labels the turns of a conversation', () => {
    expect(conversationText([{ role: 'user', content: 'Hi' }])).toBe('Hi');
    expect(
      conversationText([
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
        { role: 'user', content: 'Bye' },
      ]),
    ).toBe('user: Hi\n\nassistant: Hello\n\nuser: Bye');
    expect(conversationText('[{"role": "user", "content": "Hi"}]')).toBe('Hi');
    expect(conversationText('plain prompt')).toBe('plain prompt');
  });
});

describe('HelpSteer2 preference (JSON Lines)', () => {
  it('reads every annotator of all_preferences_unprocessed by position, with strengths on the 5-point scale', async () => {
    const r = await loadFormatFixtures(['helpsteer2-preference.jsonl']);
    expect(r.fileInfos[0].adapter).toBe('helpsteer');
    expect(r.ratings.scale).toBe('5-point');
    expect(byPrompt(r)).toEqual(
      sorted([
        `${COLOUR} | annotator 1 | human | overall | =`,
        `${COLOUR} | annotator 2 | human | overall | =`,
        `${COLOUR} | annotator 3 | human | overall | A>`,
        `${SIGNAL} | annotator 1 | human | overall | B>`,
        `${SIGNAL} | annotator 2 | human | overall | B>`,
        `${SIGNAL} | annotator 3 | human | overall | B>>`,
        `${SUMMARY} | annotator 1 | human | overall | A>`,
        `${SUMMARY} | annotator 3 | human | overall | A>>`,
        `${SUMS} | annotator 1 | human | overall | A>>`,
        `${SUMS} | annotator 2 | human | overall | A>>`,
        `${SUMS} | annotator 3 | human | overall | A>`,
        `${SUMS} | annotator 4 | human | overall | B>>`,
      ]),
    );
    expect(r.ratings.annotators).toEqual(['annotator 1', 'annotator 2', 'annotator 3', 'annotator 4']);
    expect(r.ratings.dimensions).toEqual(['overall']);
    // the aggregated preference_strength is not gold
    expect(goldLabels(r)).toEqual({});
    // items are content ids of (prompt, response 1, response 2); response 1 is A
    const x = r.ratings;
    const colour = x.items.findIndex((_, i) => r.texts.prompt[i] === COLOUR);
    expect(x.items[colour]).toBe(contentId(COLOUR, 'Red.', 'Blue.'));
    expect([r.texts.responseA[colour], r.texts.responseB[colour]]).toEqual(['Red.', 'Blue.']);
    expect(x.items).toHaveLength(4);
  });

  it('reports a strength off the −3…3 scale and a pair without its second response, by line and field', async () => {
    const r = await loadFormatFixtures(['helpsteer2-preference.jsonl']);
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [4, 'all_preferences_unprocessed[1].strength'],
      [5, 'response_2'],
    ]);
    expect(r.issues[0].message).toContain('"-100"');
    expect(r.rowsDropped).toBe(2);
    expect(r.texts.prompt).not.toContain("Translate 'bonjour' to English.");
  });

  it('passes split and the aggregated strength through as slices', async () => {
    const r = await loadFormatFixtures(['helpsteer2-preference.jsonl']);
    expect(sliceValues(r, 'split', COLOUR)).toEqual(['val', 'val', 'val']);
    expect(sliceValues(r, 'split', SIGNAL)).toEqual(['train', 'train', 'train']);
    expect(sliceValues(r, 'preference_strength', SUMS)).toEqual(['-2', '-2', '-2', '-2']);
    expect(sliceValues(r, 'preference_strength', COLOUR)).toEqual(['0', '0', '0']);
  });

  it('reads three_most_similar_preferences when all_preferences_unprocessed is absent, and a CSV export with the lists as JSON text', async () => {
    const similar = JSON.stringify({
      prompt: 'p',
      response_1: 'a',
      response_2: 'b',
      preference_strength: -1,
      three_most_similar_preferences: [
        { statement: 's', elaboration: 'e', strength: -1 },
        { statement: 's', elaboration: 'e', strength: 0 },
      ],
    });
    const r = await loadFiles([textFile('similar.jsonl', `${similar}\n`)]);
    expect(r.fileInfos[0].adapter).toBe('helpsteer');
    expect(byPrompt(r)).toEqual(['p | annotator 1 | human | overall | A>', 'p | annotator 2 | human | overall | =']);
    const csv =
      'prompt,response_1,response_2,preference_strength,all_preferences_unprocessed\n"q, with a comma",a,b,2,"[{""strength"": 3, ""justification"": ""j""}, {""strength"": 1, ""justification"": ""k""}]"\n';
    const c = await loadFiles([textFile('preference.csv', csv)]);
    expect(c.fileInfos[0].adapter).toBe('helpsteer');
    expect(byPrompt(c)).toEqual([
      'q, with a comma | annotator 1 | human | overall | B>>',
      'q, with a comma | annotator 2 | human | overall | B>',
    ]);
  });

  it('reads a file without the per-annotator lists as one (single) judgement per pair from preference_strength', async () => {
    const r = await loadFormatFixtures(['helpsteer2-preference-trimmed.jsonl']);
    expect(r.fileInfos[0].adapter).toBe('helpsteer');
    expect(byPrompt(r)).toEqual(
      sorted([
        `${COLOUR} | (single) | human | overall | =`,
        `${SIGNAL} | (single) | human | overall | B>`,
        `${SUMS} | (single) | human | overall | A>>`,
      ]),
    );
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([[4, 'preference_strength']]);
    expect(r.issues[0].message).toContain('"5"');
  });
});

describe('HelpSteer3 preference (JSON array)', () => {
  const HAIKU = 'Write a haiku about autumn.';
  const CODE =
    'user: How do I reverse a list in Python?\n\nassistant: Use slicing: xs[::-1].\n\nuser: In place, please.';
  const FRENCH = 'Quelle est la capitale de la France ?';
  const DERIVATIVE = 'What is the derivative of x^2?';

  it('reads each individual_preference score as an annotator by position; the conversation becomes the prompt', async () => {
    const r = await loadFormatFixtures(['helpsteer3-preference.json']);
    expect(r.fileInfos[0].adapter).toBe('helpsteer');
    expect(byPrompt(r)).toEqual(
      sorted([
        `${FRENCH} | annotator 1 | human | overall | =`,
        `${FRENCH} | annotator 2 | human | overall | =`,
        `${HAIKU} | annotator 1 | human | overall | A>>`,
        `${HAIKU} | annotator 2 | human | overall | A>`,
        `${HAIKU} | annotator 3 | human | overall | A>>`,
        `${DERIVATIVE} | annotator 1 | human | overall | B>>`,
        `${CODE} | annotator 1 | human | overall | B>`,
        `${CODE} | annotator 2 | human | overall | B>>`,
        `${CODE} | annotator 3 | human | overall | =`,
      ]),
    );
    expect(goldLabels(r)).toEqual({});
    const x = r.ratings;
    const code = x.items.findIndex((_, i) => r.texts.prompt[i] === CODE);
    expect(x.items[code]).toBe(
      contentId(CODE, 'Use xs[::-1] again.', 'Call xs.reverse(); it reverses the list in place.'),
    );
    expect(r.texts.responseB[code]).toBe('Call xs.reverse(); it reverses the list in place.');
  });

  it('reports an empty individual_preference list and reads a record without one from overall_preference', async () => {
    const lines = [
      {
        context: [{ role: 'user', content: 'u' }],
        response1: 'a',
        response2: 'b',
        overall_preference: 2,
        individual_preference: [],
      },
      { context: [{ role: 'user', content: 'v' }], response1: 'a', response2: 'b', overall_preference: -1 },
    ].map((l) => JSON.stringify(l));
    const r = await loadFiles([textFile('hs3.jsonl', `${lines.join('\n')}\n`)]);
    expect(r.fileInfos[0].adapter).toBe('helpsteer');
    expect(byPrompt(r)).toEqual(['v | (single) | human | overall | A>']);
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([[1, 'individual_preference']]);
  });

  it('passes domain, language and overall_preference through as slices and reports an entry with no score', async () => {
    const r = await loadFormatFixtures(['helpsteer3-preference.json']);
    expect(sliceValues(r, 'domain', CODE)).toEqual(['code', 'code', 'code']);
    expect(sliceValues(r, 'language', FRENCH)).toEqual(['french', 'french']);
    expect(sliceValues(r, 'preference_strength', HAIKU)).toEqual(['-2', '-2', '-2']);
    // JSON array: the row is the record's index
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([[4, 'individual_preference[1].score']]);
    expect(r.rowsDropped).toBe(1);
  });
});

describe('HelpSteer near misses', () => {
  it('says which field a preference file without its second response lacks', async () => {
    const message = await formatFixtureError(['helpsteer2-no-second-response.jsonl']);
    expect(message).toContain('HelpSteer2 / HelpSteer3 preference file');
    expect(message).toMatch(/(lacks|has) the required field `response_2`$/);
    expect(message).toMatch(/record 1 lacks|records 1–\d+ has/);
  });

  it('refuses a stated helpsteer format on a file of another layout, naming the fields it lacks', async () => {
    const message = await formatFixtureError(['label-studio-pairwise.json'], { file: { adapter: 'helpsteer' } });
    expect(message).toContain('cannot be read as a HelpSteer2 / HelpSteer3 preference file');
    expect(message).toContain('`prompt`, `response_1`, `response_2`');
  });
});

describe('HelpSteer detection', () => {
  it('does not claim the generic tables', async () => {
    for (const name of ['annotations.csv', 'wide.csv', 'long.csv']) {
      const r = await loadFiles([await diskFile(`${import.meta.dirname}/../../fixtures/${name}`)]);
      expect(r.fileInfos[0].adapter).toBe('csv');
    }
  });
});
