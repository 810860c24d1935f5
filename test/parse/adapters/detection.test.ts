// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADAPTERS } from '../../../src/parse/adapters/index';
import { withArticle } from '../../../src/parse/adapters/adapter';
import { inspectFile } from '../../../src/parse/loadFiles';
import { diskFile } from '../../helpers/loadText';
import { FORMAT_FIXTURES, formatFixtureError } from '../../helpers/loadFixture';

// Every fixture, read with no option, must be read by the adapter of its format (and nothing else).
const DETECTED: Record<string, string> = {
  'label-studio-pairwise.json': 'label-studio',
  'label-studio-choices.json': 'label-studio',
  'argilla-v1-preference.jsonl': 'argilla-v1',
  'argilla-v1-labels.csv': 'argilla-v1',
  'argilla-v1-preference.parquet': 'argilla-v1',
  'argilla-v2-flat.jsonl': 'argilla-v2',
  'argilla-v2-flat.csv': 'argilla-v2',
  'argilla-v2-nested.json': 'argilla-v2',
  'mt-bench-human.jsonl': 'mt-bench',
  'mt-bench-human.csv': 'mt-bench',
  'mt-bench-gpt4-pair.json': 'mt-bench',
  'chatbot-arena-conversations.jsonl': 'chatbot-arena',
  'chatbot-arena-clean-battle.json': 'chatbot-arena',
  'alpaca-eval-annotations.json': 'alpaca-eval',
  'alpaca-farm-crossannotations.json': 'alpaca-eval',
  'alpaca-farm-human-preference.json': 'alpaca-eval',
  'trl-standard.jsonl': 'trl',
  'trl-standard-implicit.jsonl': 'trl',
  'trl-conversational.jsonl': 'trl',
  'trl-conversational-implicit.jsonl': 'trl',
  'hh-rlhf.jsonl': 'hh-rlhf',
  'helpsteer2-preference.jsonl': 'helpsteer',
  'helpsteer2-preference-trimmed.jsonl': 'helpsteer',
  'helpsteer3-preference.json': 'helpsteer',
  'helpsteer2-disagreements.jsonl': 'helpsteer-ratings',
  'wide-pairs.csv': 'csv',
  'wide-pairs.jsonl': 'jsonl',
  'mturk-batch-results.csv': 'mturk',
  'mturk-task-answers.csv': 'mturk',
  'fastchat-pair.jsonl': 'fastchat-pair',
  'judge-output.jsonl': 'judge-output',
  'llmbar-result.json': 'llmbar',
};

// A near miss names the format it looks like and the field it lacks.
const NEAR_MISSES: Record<string, [string, string]> = {
  'label-studio-no-annotations.json': ['label-studio', 'annotations'],
  'mt-bench-no-winner.jsonl': ['mt-bench', 'winner'],
  'chatbot-arena-no-winner.json': ['chatbot-arena', 'winner'],
  'alpaca-eval-no-preference.json': ['alpaca-eval', 'preference'],
  'trl-no-rejected.jsonl': ['trl', 'rejected'],
  'hh-rlhf-no-rejected.jsonl': ['hh-rlhf', 'rejected'],
  'helpsteer2-no-second-response.jsonl': ['helpsteer', 'response_2'],
  'helpsteer2-ratings-no-response.jsonl': ['helpsteer-ratings', 'response'],
};

const title = (id: string) => ADAPTERS.find((a) => a.id === id)!.title;

describe('format detection', () => {
  it.each(Object.entries(DETECTED))('%s is read by %s', async (name, adapter) => {
    const { info } = await inspectFile(await diskFile(join(FORMAT_FIXTURES, name)));
    expect(info.adapter).toBe(adapter);
    expect(info.warning).toBeNull();
  });

  it.each(Object.entries(NEAR_MISSES))('%s is a near miss of %s naming `%s`', async (name, [adapter, field]) => {
    const message = await formatFixtureError([name]);
    expect(message).toContain(withArticle(title(adapter)));
    expect(message).toContain(`\`${field}\``);
    expect(message).toMatch(/record 1 lacks|records 1–\d+ has/);
  });

  it.each(['annotations.csv', 'long.csv', 'wide.csv', 'gold.csv', 'judge.csv', 'malformed.csv'])(
    'the generic table %s is not claimed by any adapter',
    async (name) => {
      const { info } = await inspectFile(await diskFile(join(FORMAT_FIXTURES, '..', name)));
      expect(info.adapted).toBe(false);
      expect(info.warning).toBeNull();
    },
  );

  it('the bundled demo is read as a table', async () => {
    const { info } = await inspectFile(await diskFile(join(FORMAT_FIXTURES, '../../../public/samples/demo.csv.gz')));
    expect(info.adapter).toBe('csv');
    expect(info.adapted).toBe(false);
  });

  it('every adapter has a distinct id, a title, notes and required fields', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of ADAPTERS) {
      expect(a.title.length).toBeGreaterThan(5);
      expect(a.notes.length).toBeGreaterThan(0);
      expect(a.required.length).toBeGreaterThan(0);
    }
  });

  it('the README names every adapter in its format table', () => {
    const readme = readFileSync(join(FORMAT_FIXTURES, '../../../README.md'), 'utf8');
    for (const a of ADAPTERS) expect(readme, a.id).toContain(`(\`${a.id}\`)`);
  });

  it('an unknown stated format is refused with the list of names', async () => {
    const message = await formatFixtureError(['trl-standard.jsonl'], { file: { adapter: 'nonsense' } });
    expect(message).toContain('unknown format "nonsense"');
    expect(message).toContain('label-studio');
  });
});
