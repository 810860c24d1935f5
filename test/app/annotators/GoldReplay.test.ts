import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import GoldReplay from '../../../src/app/annotators/GoldReplay.svelte';
import { annotatorRow, type AnnotatorRow } from '../../../src/sections/annotatorsSection';

const row = (id: string, replay: AnnotatorRow['replay']) =>
  annotatorRow({
    id,
    labels: 40,
    labelCounts: [20, 20],
    goldN: 8,
    goldExact: 2,
    goldDirectional: 2,
    majorityN: 30,
    majorityAgreed: 10,
    meanTime: 2,
    medianTime: 2,
    removed: false,
    replay,
  });

describe('GoldReplay', () => {
  it('GoldReplay says there is no replay when every row comes from a summary (replay null)', () => {
    render(GoldReplay, { rows: [row('a', null), row('b', null)] });
    expect(screen.getByText('No replay: the data is a summary without submission order.')).toBeTruthy();
    expect(screen.queryByTestId('replay-table')).toBeNull();
    expect(screen.queryByText(/Flagged but never caught/)).toBeNull();
  });

  it('GoldReplay lists the annotators the rule caught, in submission order', () => {
    render(GoldReplay, {
      rows: [
        row('a', { caught: true, after_labels: 12, after_gold: 5, labels_after: 28, order: 'timestamp' }),
        row('b', { caught: false, after_labels: null, after_gold: null, labels_after: 0, order: 'timestamp' }),
      ],
    });
    expect(screen.getByTestId('replay-table').textContent).toContain('12 of 40');
    expect(screen.getByText(/replayed by timestamp/)).toBeTruthy();
    expect(screen.getByText(/Flagged but never caught by the gold rule: b/)).toBeTruthy();
  });
});
