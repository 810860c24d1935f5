// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contentId } from '../../../src/parse/adapters/adapter';
import { chooseAdapter } from '../../../src/parse/adapters/index';
import { trlPreference } from '../../../src/parse/adapters/trlPreference';
import { formatFixtureError, judgementRows, loadFormatFixtures } from '../../helpers/loadFixture';

const single = (item: string) => `${item} | (single) | human | overall | A>`;
const json = (v: unknown) => JSON.stringify(v);
const user = (content: string) => ({ role: 'user', content });
const assistant = (content: string) => ({ role: 'assistant', content });

describe('TRL preference dataset', () => {
  it('reads standard pairs: one A> per pair by (single); an exact duplicate pair is reported; empty and identical responses are kept', async () => {
    const r = await loadFormatFixtures(['trl-standard.jsonl']);
    expect(r.fileInfos[0].adapter).toBe('trl');
    const sky = contentId('The sky is', ' blue.', ' green.');
    const sum = contentId('2 + 2 =', ' 4', '');
    const hi = contentId('Say hi.', 'Hi!', 'Hi!');
    const grass = contentId('The grass is', ' green.', ' blue.');
    expect(judgementRows(r)).toEqual([sky, sum, hi, grass].map(single).sort());
    expect(r.ratings.annotators).toEqual(['(single)']);
    expect(r.ratings.scale).toBe('binary');
    // line 4 repeats line 1: the earlier judgement is replaced; line 5 has a null `rejected`
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [1, null],
      [5, 'rejected'],
    ]);
    expect(r.issues[0].message).toMatch(/duplicate judgement/);
    expect(r.rowsDropped).toBe(2);
    const at = (item: string) => r.ratings.items.indexOf(item);
    expect(r.texts.prompt[at(sky)]).toBe('The sky is');
    expect(r.texts.responseA[at(sky)]).toBe('blue.');
    expect(r.texts.responseB[at(sky)]).toBe('green.');
    expect(r.texts.responseA[at(sum)]).toBe('4');
    expect(r.texts.responseB[at(sum)]).toBeUndefined(); // the empty rejected response
    expect(r.texts.responseA[at(hi)]).toBe(r.texts.responseB[at(hi)]);
    expect(r.fileInfos[0].notes.join(' ')).toMatch(/no agreement|cannot be computed/);
    expect(r.fileInfos[0].notes.join(' ')).toMatch(/A is always the chosen/);
  });

  it('reads standard pairs with an implicit prompt (no prompt column)', async () => {
    const r = await loadFormatFixtures(['trl-standard-implicit.jsonl']);
    expect(r.fileInfos[0].adapter).toBe('trl');
    const sky = contentId('', 'The sky is blue.', 'The sky is green.');
    const water = contentId('', 'Water boils at 100 °C at sea level.', 'Water boils at 50 °C.');
    expect(judgementRows(r)).toEqual([sky, water].map(single).sort());
    expect(r.texts.prompt[r.ratings.items.indexOf(sky)]).toBeUndefined();
    expect(r.texts.responseA[r.ratings.items.indexOf(water)]).toBe('Water boils at 100 °C at sea level.');
  });

  it('reads conversational pairs: the prompt messages as role: content lines, the final assistant turns as responses', async () => {
    const r = await loadFormatFixtures(['trl-conversational.jsonl']);
    expect(r.fileInfos[0].adapter).toBe('trl');
    const sky = contentId(
      json([user('What color is the sky?')]),
      json([assistant('It is blue.')]),
      json([assistant('It is green.')]),
    );
    const spain = contentId(
      json([
        { role: 'system', content: 'Answer briefly.' },
        user('Capital of Italy?'),
        assistant('Rome.'),
        user('And of Spain?'),
      ]),
      json([assistant('Madrid.')]),
      json([assistant('Barcelona.')]),
    );
    expect(judgementRows(r)).toEqual([sky, spain].map(single).sort());
    const i = r.ratings.items.indexOf(spain);
    expect(r.texts.prompt[i]).toBe(
      'system: Answer briefly.\nuser: Capital of Italy?\nassistant: Rome.\nuser: And of Spain?',
    );
    expect(r.texts.responseA[i]).toBe('Madrid.');
    expect(r.texts.responseB[i]).toBe('Barcelona.');
    expect(r.texts.prompt[r.ratings.items.indexOf(sky)]).toBe('user: What color is the sky?');
    // line 3: the chosen conversation has no assistant turn
    expect(r.issues.map((x) => [x.row, x.column])).toEqual([[3, 'chosen']]);
    expect(r.rowsDropped).toBe(1);
  });

  it('reads conversational pairs with an implicit prompt: the turns before the final assistant turn are the prompt', async () => {
    const r = await loadFormatFixtures(['trl-conversational-implicit.jsonl']);
    expect(r.fileInfos[0].adapter).toBe('trl');
    expect(r.ratings.items).toHaveLength(2);
    const joke = contentId(
      '',
      json([
        user('Hi'),
        assistant('Hello! How can I help?'),
        user('Tell me a joke.'),
        assistant('Why did the scarecrow win an award? He was outstanding in his field.'),
      ]),
      json([user('Hi'), assistant('Hello! How can I help?'), user('Tell me a joke.'), assistant('No.')]),
    );
    const i = r.ratings.items.indexOf(joke);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(r.texts.prompt[i]).toBe('user: Hi\nassistant: Hello! How can I help?\nuser: Tell me a joke.');
    expect(r.texts.responseA[i]).toBe('Why did the scarecrow win an award? He was outstanding in his field.');
    expect(r.texts.responseB[i]).toBe('No.');
    expect(r.texts.prompt[1 - i]).toBe('user: What color is the sky?');
    expect(r.texts.responseA[1 - i]).toBe('It is blue.');
    expect(r.issues).toEqual([]);
  });

  it('says which field a near-miss file lacks', async () => {
    const message = await formatFixtureError(['trl-no-rejected.jsonl']);
    expect(message).toContain('TRL');
    expect(message).toContain('`rejected`');
    expect(message).toMatch(/record 1 lacks|records 1–\d+ has/);
  });

  it('leaves HH-RLHF transcripts to the hh-rlhf adapter, but keeps transcripts that come with a prompt column', () => {
    const hh = [{ chosen: '\n\nHuman: Hi\n\nAssistant: Hello.', rejected: '\n\nHuman: Hi\n\nAssistant: Go away.' }];
    expect(trlPreference.detect(hh, 'train.jsonl')).toBeNull();
    expect(chooseAdapter(hh, 'train.jsonl').adapter?.id).toBe('hh-rlhf');
    const withPrompt = [{ prompt: 'Hi', ...hh[0] }];
    expect(chooseAdapter(withPrompt, 'train.jsonl').adapter?.id).toBe('trl');
    const plain = [{ chosen: 'The sky is blue.', rejected: 'The sky is green.' }];
    expect(chooseAdapter(plain, 'train.jsonl').adapter?.id).toBe('trl');
  });

  it('never claims a judgement table or the demo columns', () => {
    expect(
      trlPreference.detect([{ example_id: 'p1', annotator_id: 'a', label: 'A>', chosen: 'x', rejected: 'y' }], 'x.csv'),
    ).toBeNull();
    const demo = [
      {
        example_id: 'p1',
        annotator_id: 'a1',
        label: 'A>',
        time_seconds: 3,
        prompt: 'q',
        response_a: 'x',
        response_b: 'y',
        ai_label: 'A>',
      },
    ];
    expect(trlPreference.detect(demo, 'demo.csv')).toBeNull();
  });
});
