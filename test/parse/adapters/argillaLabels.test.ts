// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { labelWord, rankLabel, rankingEntries, sidesOf, valueKind } from '../../../src/parse/adapters/argillaLabels';
import { isTextQuestion } from '../../../src/parse/adapters/argillaRecord';

const template = sidesOf(['prompt', 'response1', 'response2']); // FeedbackDataset.for_preference_modeling
const lettered = sidesOf(['instruction', 'response_a', 'response_b']);

describe('Argilla value forms', () => {
  it('sidesOf finds the prompt and the two responses under the usual names', () => {
    expect(template).toEqual({ prompt: 'prompt', a: 'response1', b: 'response2' });
    expect(lettered).toEqual({ prompt: 'instruction', a: 'response_a', b: 'response_b' });
    expect(sidesOf(['question', 'generations-1', 'generations-2'])).toEqual({
      prompt: 'question',
      a: 'generations-1',
      b: 'generations-2',
    });
    expect(sidesOf(['text'])).toEqual({ prompt: null, a: null, b: null });
  });

  it('labelWord reads labels naming a side, a tie or a strength, and nothing else', () => {
    const cases: [string, string | null][] = [
      ['response1', 'A>'], // the field's own name
      ['Response 2', 'B>'],
      ['response_b', 'B>'],
      ['A', 'A>'],
      ['B is much better', 'B>>'],
      ['A is slightly better', 'A>'],
      ['Response A is significantly better', 'A>>'],
      ['Tie', '='],
      ['both are bad', '='],
      ['A>>', 'A>>'],
      ['B>A', 'B>'],
      ['first', 'A>'],
      ['positive', null],
      ['This is a good answer', null], // "a" as an article names no side
      ['Response 1 is better than response 2', null], // both sides named: left to the user
    ];
    expect(cases.map(([v]) => [v, labelWord(v, template)])).toEqual(cases);
    expect(labelWord('response_a', lettered)).toBe('A>');
  });

  it('rankingEntries reads the three exported ranking forms; rankLabel gives the side ranked 1', () => {
    const listOfObjects = [
      { value: 'response2', rank: 1 },
      { value: 'response1', rank: 2 },
    ];
    const structOfLists = { rank: [2, 1], value: ['response1', 'response2'] };
    const namesBestFirst = ['response2', 'response1'];
    for (const form of [listOfObjects, structOfLists, namesBestFirst])
      expect(rankLabel(rankingEntries(form)!, template)).toBe('B>');
    expect(
      rankLabel(
        rankingEntries([
          { value: 'response1', rank: 1 },
          { value: 'response2', rank: 1 },
        ])!,
        template,
      ),
    ).toBe('=');
    expect(rankLabel(rankingEntries({ rank: [1], value: ['response1'] })!, template)).toBeNull();
    expect(rankingEntries('response1')).toBeNull();
    expect(rankingEntries([{ start: 0, end: 3, label: 'x' }])).toBeNull();
  });

  it('valueKind tells rankings, ratings, labels and multi-label answers apart', () => {
    expect(valueKind(['response1', 'response2'], template)).toBe('ranking');
    expect(valueKind(['toxic', 'off-topic'], template)).toBe('other'); // a multi-label answer
    expect(valueKind(4, template)).toBe('rating');
    expect(valueKind('4', template)).toBe('rating'); // a CSV cell
    expect(valueKind('response1', template)).toBe('label');
    expect(valueKind(null, template)).toBeNull();
  });
});

describe('isTextQuestion', () => {
  it('isTextQuestion tells free-text questions by name, not rubric dimensions that merely contain such letters', () => {
    const text = [
      'rationale',
      'rationale_1',
      'comment',
      'preference_reason',
      'notes',
      'corrected-response',
      'explanation',
      'justification',
    ];
    const rubric = ['correctness', 'reasoning', 'preference', 'harmlessness', 'helpfulness', 'notable'];
    expect(text.filter(isTextQuestion)).toEqual(text);
    expect(rubric.filter(isTextQuestion)).toEqual([]);
  });
});
