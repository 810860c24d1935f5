// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/session/analysisSession';
import { diskFile } from '../helpers/loadText';

const DEMO = join(import.meta.dirname, '../../public/samples/demo.csv.gz');

describe('createSession().aggregation', () => {
  it('choosing the method for the exports refits nothing; a new score weight refits every method', async () => {
    const session = createSession();
    const loaded = await session.load([await diskFile(DEMO)]);
    if (!loaded.ok) throw new Error(loaded.message);
    const first = session.aggregation({});
    const mace = session.aggregation({ method: 'mace' });
    if (!first.ok || !mace.ok) throw new Error('aggregation failed');
    expect(first.aggregation.method).toBe('dawid_skene');
    expect(mace.aggregation).toMatchObject({ method: 'mace', requested_method: 'mace', method_reason: null });
    expect(mace.aggregation.changed_vs_majority).toBe(mace.aggregation.differs_from_majority.mace);
    // the same fits: each method's measured time is the first call's, to the last digit
    expect(mace.ms).toEqual(first.ms);
    const reweighted = session.aggregation({ method: 'mace', weights: { gold: 0.2, majority: 0.5, speed: 0.3 } });
    if (!reweighted.ok) throw new Error('aggregation failed');
    expect(reweighted.ms).not.toEqual(first.ms);
    // a method's fit does not depend on the chosen method: the labels per class are the same
    expect(mace.aggregation.label_counts).toEqual(first.aggregation.label_counts);
  }, 60_000);
});
