import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { inputSection } from '../../src/sections/inputSection';
import { keptLabels, overview } from '../../src/views/overview';
import { textFile } from '../helpers/loadText';

// three pairs; ann1 labels every pair A>, ann2 B>, ann3 = on two; a second dimension only ann1 labels
const CSV = [
  'item,annotator,label,dimension',
  'p1,ann1,A>,overall',
  'p2,ann1,A>,overall',
  'p3,ann1,A>,overall',
  'p1,ann2,B>,overall',
  'p2,ann2,B>,overall',
  'p3,ann2,B>,overall',
  'p1,ann3,=,overall',
  'p2,ann3,=,overall',
  'p1,ann1,A>,style',
  'p2,ann1,A>,style',
  'p3,ann1,A>,style',
].join('\n');

async function demo() {
  const loaded = await loadFiles([textFile('three.csv', CSV)]);
  return overview(loaded, inputSection(loaded, [null]));
}

describe('overview(loaded, input)', () => {
  it('counts each annotator’s labels on the overall dimension, as the annotator table does (hand-counted)', async () => {
    const o = await demo();
    expect(o.annotators.map((a) => [a.id, a.labels])).toEqual([
      ['ann1', 3],
      ['ann2', 3],
      ['ann3', 2],
    ]);
  });
});

describe('keptLabels(overview, removed)', () => {
  it('with nothing removed gives the input section’s label counts', async () => {
    const o = await demo();
    const kept = keptLabels(o, []);
    expect(Object.fromEntries(kept.labelCounts.map((c) => [c.label, c.count]))).toEqual(o.input.label_counts);
    expect(kept.total).toBe(8);
    expect(kept.removed).toBe(0);
  });

  it('leaves the removed annotators out of the counts and the list (hand-counted)', async () => {
    const o = await demo();
    const kept = keptLabels(o, ['ann2']);
    expect(kept.removed).toBe(1);
    expect(kept.humans.map((a) => a.id)).toEqual(['ann1', 'ann3']);
    const counts = Object.fromEntries(kept.labelCounts.map((c) => [c.label, c.count]));
    expect(counts['A>']).toBe(3);
    expect(counts['B>']).toBe(0);
    expect(counts['=']).toBe(2);
    expect(kept.total).toBe(5);
  });

  it('ignores ids it does not know', async () => {
    const o = await demo();
    expect(keptLabels(o, ['nobody']).total).toBe(8);
  });
});
