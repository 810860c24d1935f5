// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { confusionSpamScore } from '../../src/core/confusionSpamScore';
import { dawidSkene } from '../../src/core/dawidSkene';
import { judgementFilter } from '../../src/core/judgementFilter';
import { mace } from '../../src/core/mace';
import { loadFiles } from '../../src/parse/loadFiles';
import { MACE_PASSES } from '../../src/sections/aggregationMethods';
import { annotatorsSection } from '../../src/sections/annotatorsSection';
import { spamFits, spamScores } from '../../src/sections/spamScores';
import { POSITION_BIASED, RANDOM_CLICKERS } from '../fixtures/generateDemo';
import { DEMO } from '../helpers/demoReport';
import { diskFile, textFile } from '../helpers/loadText';

describe('spamScores on the demo', () => {
  it('finds the planted random clickers and the annotator who picks A whatever the pair, by both scores', async () => {
    const { ratings: r } = await loadFiles([await diskFile(DEMO)]);
    const scores = spamScores(r, spamFits(r));
    const spammers = [...scores].filter(([, s]) => s.spammer).map(([id]) => id);
    expect(spammers.sort()).toEqual([...RANDOM_CLICKERS, ...POSITION_BIASED].sort());
    // each number is the kernel's on every human judgement (independent fits here, same options)
    const mask = judgementFilter(r);
    const ds = dawidSkene(r, mask);
    const spam = confusionSpamScore(ds.confusion, r.categories.length, { unused: ds.unused }).spammerScore;
    const m = mace(r, mask, { maxIterations: MACE_PASSES });
    for (const [id, s] of scores) {
      const a = r.annotators.indexOf(id);
      expect(s.spammer_score).toBe(spam[a]);
      expect(s.spam_probability).toBe(m.spamProbability[a]);
    }
    // the careful annotators are far from both thresholds
    for (const [id, s] of scores)
      if (!spammers.includes(id)) {
        expect(s.spam_probability!).toBeLessThan(0.5);
        expect(s.spammer_score!).toBeGreaterThan(0.3);
      }
  }, 60_000);

  it('the annotator table carries both scores and the reason spammer; rows without scores raise nothing', async () => {
    const { ratings: r } = await loadFiles([await diskFile(DEMO)]);
    const spam = spamScores(r, spamFits(r));
    const rows = annotatorsSection(r, { spam });
    const ann07 = rows.find((x) => x.id === 'ann07')!;
    expect(ann07.reasons).toContain('spammer');
    expect(ann07.spam_probability).toBe(spam.get('ann07')!.spam_probability);
    const plain = annotatorsSection(r);
    expect(plain.every((x) => x.spam_probability === null && !x.reasons.includes('spammer'))).toBe(true);
  }, 60_000);

  it('an annotator whose pairs nobody else labelled gets no spam score', async () => {
    // HH-RLHF's shape: one annotator, one label per pair; then x and y share p1, z labels p2 alone
    const one = 'example_id,annotator_id,label\np1,single,A>\np2,single,A>\np3,single,A>\n';
    const r1 = (await loadFiles([textFile('one.csv', one)])).ratings;
    expect(spamScores(r1, spamFits(r1)).get('single')).toEqual({
      spam_probability: null,
      spammer_score: null,
      spammer: false,
    });
    const mixed = 'example_id,annotator_id,label\np1,x,A>\np1,y,A>\np2,z,B>\n';
    const r2 = (await loadFiles([textFile('mixed.csv', mixed)])).ratings;
    const scores = spamScores(r2, spamFits(r2));
    expect(scores.get('x')!.spam_probability).not.toBeNull();
    expect(scores.get('y')!.spammer_score).not.toBeNull();
    expect(scores.get('z')).toMatchObject({ spam_probability: null, spammer_score: null });
  });
});
