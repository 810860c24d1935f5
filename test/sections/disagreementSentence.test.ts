import { describe, expect, it } from 'vitest';
import { disagreementSentence } from '../../src/sections/rubricSection';

const row = (dimension: string, phi: number | null, share: number | null, pairs = 50) => ({
  dimension,
  pairs,
  reference_disagree: 10,
  dimension_disagree: 10,
  both_disagree: 5,
  share_of_reference: share,
  phi,
});
const d = (dimensions: ReturnType<typeof row>[]) => ({
  reference: 'overall',
  pairs: 100,
  disagreements: 20,
  dimensions,
  explains_most: null,
});

describe('disagreementSentence(disagreement)', () => {
  it('names the dimension with the highest φ and the runner-up, never claiming its share is the highest', () => {
    // correctness has the larger share, helpfulness the larger φ: the sentence ranks by φ and says so
    const s = disagreementSentence(d([row('helpfulness', 0.41, 0.5), row('correctness', 0.3, 0.7)]))!;
    expect(s).toBe(
      'Disagreement on the overall verdict goes most closely with disagreement on helpfulness (φ 0.41; next correctness, φ 0.30): when two annotators disagree on the overall verdict, they also disagree on helpfulness 50% of the time.',
    );
    expect(s).not.toMatch(/more than on any other/);
  });

  it('names ties as ties', () => {
    expect(disagreementSentence(d([row('a', 0.4, 0.5), row('b', 0.4, 0.6), row('c', 0.1, 0.2)]))).toBe(
      'Disagreement on the overall verdict goes equally closely with disagreement on b and a (φ 0.40 each; next c, φ 0.10).',
    );
    expect(disagreementSentence(d([row('a', 0.2, 0.5), row('b', 0.2, 0.5)]))).toBe(
      'Disagreement on the overall verdict goes with disagreement on every dimension alike (φ 0.20).',
    );
  });

  it('is null when no dimension has a φ on 10 or more pairs', () => {
    expect(disagreementSentence(d([row('a', null, 0.5), row('b', 0.9, 0.9, 9)]))).toBeNull();
    expect(disagreementSentence(d([]))).toBeNull();
  });
});
