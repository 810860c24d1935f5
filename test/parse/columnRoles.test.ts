// @vitest-environment node
import { describe, it, expect } from 'vitest';
import {
  emptyMapping,
  foldName,
  guessMapping,
  mappingProblems,
  otherColumns,
  ROLES,
} from '../../src/parse/columnRoles';

const CANONICAL = [
  'example_id',
  'annotator_id',
  'label',
  'time_seconds',
  'timestamp',
  'is_gold',
  'gold_label',
  'prompt',
  'response_a',
  'response_b',
  'model_a',
  'model_b',
  'shown_first',
  'ai_label',
  'ai_confidence',
  'score_a',
  'score_b',
  'dimension',
];

describe('guessMapping', () => {
  it('guessMapping(header) maps every canonical column of docs/report-schema.md to its role', () => {
    const m = guessMapping(CANONICAL);
    expect(m).toMatchObject({
      shape: 'long',
      wide: [],
      ignored: [],
      item: 'example_id',
      annotator: 'annotator_id',
      label: 'label',
      time: 'time_seconds',
      timestamp: 'timestamp',
      isGold: 'is_gold',
      goldLabel: 'gold_label',
      prompt: 'prompt',
      responseA: 'response_a',
      responseB: 'response_b',
      modelA: 'model_a',
      modelB: 'model_b',
      shownFirst: 'shown_first',
      aiLabel: 'ai_label',
      aiConfidence: 'ai_confidence',
      scoreA: 'score_a',
      scoreB: 'score_b',
      dimension: 'dimension',
    });
    expect(otherColumns(CANONICAL, m)).toEqual([]);
  });

  it('guessMapping(header) finds the item column under its common names', () => {
    for (const name of ['example_id', 'pair_id', 'item', 'item_id', 'question_id', 'idx', 'id', 'comparison_id']) {
      expect(guessMapping([name, 'annotator_id', 'label']).item, name).toBe(name);
    }
  });

  it('guessMapping(header) finds the annotator column under its common names', () => {
    for (const name of ['annotator_id', 'annotator', 'worker', 'worker_id', 'judge', 'user_id', 'rater', 'labeler']) {
      expect(guessMapping(['example_id', name, 'label']).annotator, name).toBe(name);
    }
  });

  it('guessMapping(header) finds the label column under its common names', () => {
    for (const name of ['label', 'preference', 'choice', 'winner', 'answer', 'verdict']) {
      expect(guessMapping(['example_id', 'annotator_id', name]).label, name).toBe(name);
    }
  });

  it('guessMapping(header) finds the time column under its common names', () => {
    for (const name of ['time_seconds', 'lead_time', 'duration', 'seconds', 'time_spent']) {
      expect(guessMapping(['example_id', 'annotator_id', 'label', name]).time, name).toBe(name);
    }
  });

  it('guessMapping(header) reads Chatbot Arena and crowd benchmark headers', () => {
    expect(guessMapping(['question_id', 'model_a', 'model_b', 'winner', 'judge', 'turn'])).toMatchObject({
      item: 'question_id',
      annotator: 'judge',
      label: 'winner',
      modelA: 'model_a',
      modelB: 'model_b',
    });
    expect(guessMapping(['question', 'worker', 'answer'])).toMatchObject({
      item: 'question',
      annotator: 'worker',
      label: 'answer',
    });
    expect(guessMapping(['question', 'truth'])).toMatchObject({
      item: 'question',
      goldLabel: 'truth',
      annotator: null,
      label: null,
    });
    // Label Studio-like export
    expect(guessMapping(['id', 'annotator', 'choice', 'lead_time', 'created_at'])).toMatchObject({
      item: 'id',
      annotator: 'annotator',
      label: 'choice',
      time: 'lead_time',
      timestamp: 'created_at',
    });
  });

  it('guessMapping(header) ignores case, surrounding spaces and separators, and keeps the original name', () => {
    const m = guessMapping(['Example ID', ' ANNOTATOR-ID ', 'Label', 'Time.Seconds', 'Gold Label', 'AI_Label']);
    expect(m).toMatchObject({
      item: 'Example ID',
      annotator: ' ANNOTATOR-ID ',
      label: 'Label',
      time: 'Time.Seconds',
      goldLabel: 'Gold Label',
      aiLabel: 'AI_Label',
    });
    expect(guessMapping(['Pair Id', 'Worker', 'Winner'])).toMatchObject({
      item: 'Pair Id',
      annotator: 'Worker',
      label: 'Winner',
    });
  });

  it('guessMapping(header) prefers the most canonical spelling and gives each column one role', () => {
    const m = guessMapping(['id', 'example_id', 'user', 'annotator_id', 'answer', 'label']);
    expect(m).toMatchObject({ item: 'example_id', annotator: 'annotator_id', label: 'label' });
    expect(otherColumns(['id', 'example_id', 'user', 'annotator_id', 'answer', 'label'], m)).toEqual([
      'id',
      'user',
      'answer',
    ]);
  });

  it('guessMapping(header) leaves unknown columns unmapped', () => {
    const m = guessMapping(['foo', 'bar']);
    for (const r of ROLES) expect(m[r], r).toBeNull();
    expect(m.shape).toBe('long');
  });

  it('guessMapping(header) detects a wide file: example_id,annotator1,annotator2,annotator3', () => {
    const m = guessMapping(['example_id', 'annotator1', 'annotator2', 'annotator3']);
    expect(m).toMatchObject({
      shape: 'wide',
      wide: ['annotator1', 'annotator2', 'annotator3'],
      item: 'example_id',
      annotator: null,
      label: null,
    });
  });

  it('guessMapping(header) detects wide annotator columns under other spellings', () => {
    expect(guessMapping(['pair_id', 'rater_1', 'rater_2', 'domain']).wide).toEqual(['rater_1', 'rater_2']);
    expect(guessMapping(['item', 'Worker 1', 'Worker 2']).wide).toEqual(['Worker 1', 'Worker 2']);
    expect(guessMapping(['item', 'ann1', 'ann2', 'human3']).wide).toEqual(['ann1', 'ann2', 'human3']);
  });

  it('guessMapping(header) stays long when an annotator and a label column exist or only one annotator-like column', () => {
    expect(guessMapping(['example_id', 'annotator_id', 'label', 'annotator1', 'annotator2']).shape).toBe('long');
    expect(guessMapping(['example_id', 'annotator1', 'label']).shape).toBe('long');
  });

  it('guessMapping([]) maps nothing', () => {
    expect(guessMapping([])).toEqual(emptyMapping());
  });
});

describe('foldName', () => {
  it('foldName(name) lower-cases, trims and folds spaces, dots, dashes and slashes to _', () => {
    expect(foldName('  Example ID ')).toBe('example_id');
    expect(foldName('time.seconds')).toBe('time_seconds');
    expect(foldName('a - b/c')).toBe('a_b_c');
  });
});

describe('mappingProblems', () => {
  it('mappingProblems(mapping) is empty for a usable long, single-annotator or wide mapping', () => {
    expect(mappingProblems(guessMapping(['example_id', 'annotator_id', 'label']), false)).toEqual([]);
    expect(mappingProblems(guessMapping(['example_id', 'label']), false)).toEqual([]);
    expect(mappingProblems(guessMapping(['example_id', 'annotator1', 'annotator2']), false)).toEqual([]);
  });

  it('mappingProblems(mapping) names what is missing', () => {
    expect(mappingProblems(guessMapping(['annotator_id', 'label']), false)).toEqual([
      expect.stringMatching(/no item id column/),
    ]);
    expect(mappingProblems(guessMapping(['example_id', 'annotator_id']), false)).toEqual([
      expect.stringMatching(/no label column/),
    ]);
    expect(mappingProblems(guessMapping(['annotator1', 'annotator2']), false)).toEqual([
      expect.stringMatching(/no item id column/),
    ]);
  });

  it('mappingProblems(mapping, true) accepts a per-item file joined on the item id', () => {
    expect(mappingProblems(guessMapping(['example_id', 'gold_label']), true)).toEqual([]);
    expect(mappingProblems(guessMapping(['example_id', 'gold_label']), false)).toEqual([
      expect.stringMatching(/no label column/),
    ]);
  });
});

describe('otherColumns', () => {
  it('otherColumns(header, mapping) lists the columns with no role, less the ignored ones', () => {
    const header = ['example_id', 'annotator_id', 'label', 'domain', 'batch', 'notes'];
    const m = { ...guessMapping(header), ignored: ['notes'] };
    expect(otherColumns(header, m)).toEqual(['domain', 'batch']);
    expect(
      otherColumns(
        ['example_id', 'annotator1', 'annotator2', 'domain'],
        guessMapping(['example_id', 'annotator1', 'annotator2', 'domain']),
      ),
    ).toEqual(['domain']);
  });
});
