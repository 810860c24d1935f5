// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { contentId } from '../../../src/parse/adapters/adapter';
import { hhRlhf, splitTranscripts } from '../../../src/parse/adapters/hhRlhf';
import { formatFixtureError, judgementRows, loadFormatFixtures } from '../../helpers/loadFixture';

const single = (item: string) => `${item} | (single) | human | overall | A>`;
const france = '\n\nHuman: What is the capital of France?\n\nAssistant:';
const bread =
  '\n\nHuman: Can you help me bake bread?\n\nAssistant: Sure. Do you have yeast?\n\nHuman: Yes.\n\nAssistant:';

describe('HH-RLHF transcripts', () => {
  it('reads transcript pairs: shared prompt, the last assistant turns as responses, one A> by (single)', async () => {
    const r = await loadFormatFixtures(['hh-rlhf.jsonl']);
    expect(r.fileInfos[0].adapter).toBe('hh-rlhf');
    const capital = contentId(`${france} Paris.`, `${france} I don't know.`);
    const baking = contentId(
      `${bread} Mix flour, water, salt and yeast, then knead for ten minutes.`,
      `${bread} Buy bread instead.`,
    );
    const nothing = contentId(
      '\n\nHuman: Reply with nothing at all.\n\nAssistant:',
      '\n\nHuman: Reply with nothing at all.\n\nAssistant: Nothing.',
    );
    const same = contentId('\n\nHuman: Hi\n\nAssistant: Hello.', '\n\nHuman: Hi\n\nAssistant: Hello.');
    const parted = contentId(
      '\n\nHuman: Hi\n\nAssistant: Hello!\n\nHuman: Bye\n\nAssistant: Goodbye.',
      '\n\nHuman: Hi\n\nAssistant: Go away.\n\nHuman: Bye\n\nAssistant: Whatever.',
    );
    expect(judgementRows(r)).toEqual([capital, baking, nothing, same, parted].map(single).sort());
    expect(r.ratings.scale).toBe('binary');
    // line 3 repeats line 1 (the earlier one is replaced); line 7's rejected transcript has no assistant turn
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [1, null],
      [7, 'rejected'],
    ]);
    expect(r.issues[0].message).toMatch(/duplicate judgement/);
    expect(r.rowsDropped).toBe(2);
    const at = (item: string) => r.ratings.items.indexOf(item);
    expect(r.texts.prompt[at(capital)]).toBe('Human: What is the capital of France?');
    expect(r.texts.responseA[at(capital)]).toBe('Paris.');
    expect(r.texts.responseB[at(capital)]).toBe("I don't know.");
    expect(r.texts.prompt[at(baking)]).toBe(
      'Human: Can you help me bake bread?\n\nAssistant: Sure. Do you have yeast?\n\nHuman: Yes.',
    );
    expect(r.texts.responseB[at(baking)]).toBe('Buy bread instead.');
    expect(r.texts.responseA[at(nothing)]).toBeUndefined(); // an empty chosen response
    expect(r.texts.responseB[at(nothing)]).toBe('Nothing.');
    expect(r.texts.responseA[at(same)]).toBe('Hello.');
    expect(r.texts.responseB[at(same)]).toBe('Hello.');
    // transcripts that part before the last assistant turn share only their first turn
    expect(r.texts.prompt[at(parted)]).toBe('Human: Hi');
    expect(r.texts.responseA[at(parted)]).toBe('Assistant: Hello!\n\nHuman: Bye\n\nAssistant: Goodbye.');
    expect(r.texts.responseB[at(parted)]).toBe('Assistant: Go away.\n\nHuman: Bye\n\nAssistant: Whatever.');
    expect(r.fileInfos[0].notes.join(' ')).toMatch(/A is always the chosen/);
  });

  it('splitTranscripts: transcripts with nothing in common have an empty prompt', () => {
    expect(splitTranscripts('\n\nHuman: a\n\nAssistant: b', '\n\nHuman: c\n\nAssistant: d')).toEqual({
      prompt: '',
      a: 'Human: a\n\nAssistant: b',
      b: 'Human: c\n\nAssistant: d',
    });
  });

  it('says which field a near-miss file lacks', async () => {
    const message = await formatFixtureError(['hh-rlhf-no-rejected.jsonl']);
    expect(message).toContain('HH-RLHF');
    expect(message).toContain('`rejected`');
    expect(message).toMatch(/record 1 lacks|records 1–\d+ has/);
  });

  it('does not claim plain chosen / rejected texts, a prompt column, or a judgement table', () => {
    expect(hhRlhf.detect([{ chosen: 'The sky is blue.', rejected: 'The sky is green.' }], 'x.jsonl')).toBeNull();
    expect(
      hhRlhf.detect(
        [{ prompt: 'Hi', chosen: '\n\nHuman: Hi\n\nAssistant: Hello.', rejected: '\n\nHuman: Hi\n\nAssistant: No.' }],
        'x.jsonl',
      ),
    ).toBeNull();
    expect(
      hhRlhf.detect(
        [
          {
            pair_id: 1,
            label: 'A',
            chosen: '\n\nHuman: Hi\n\nAssistant: Hello.',
            rejected: '\n\nHuman: Hi\n\nAssistant: No.',
          },
        ],
        'x.jsonl',
      ),
    ).toBeNull();
  });
});
