// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { spearman } from '../../src/core/spearman';
import { loadFiles } from '../../src/parse/loadFiles';
import { agreementSection } from '../../src/sections/agreementSection';
import { rubricSection, rubricWeights } from '../../src/sections/rubricSection';
import { ratingsFromTriples } from '../helpers/buildRatings';
import { textFile } from '../helpers/loadText';
import { loadFormatFixtures } from '../helpers/loadFixture';

// three pairs, three annotators, overall + helpfulness + correctness (b skipped correctness on p3)
const LABELS: Record<string, Record<string, [string, string, string | null]>> = {
  p1: { a: ['A>', 'A>>', 'A>'], b: ['B>', 'B>', 'A>'], c: ['A>', 'A>', 'B>'] },
  p2: { a: ['B>', 'B>', 'B>>'], b: ['B>', 'B>', 'B>'], c: ['=', '=', 'A>'] },
  p3: { a: ['A>>', 'A>>', 'A>>'], b: ['A>', 'A>', null], c: ['A>', 'B>', 'A>'] },
};
const TEXTS: Record<string, [number, number]> = { p1: [10, 40], p2: [50, 20], p3: [20, 20] };

function csv(copies = 1): string {
  const lines = ['example_id,annotator_id,dimension,label,response_a,response_b'];
  for (let c = 0; c < copies; c++) {
    for (const [item, byAnnotator] of Object.entries(LABELS)) {
      const [la, lb] = TEXTS[item];
      for (const [annotator, labels] of Object.entries(byAnnotator)) {
        ['overall', 'helpfulness', 'correctness'].forEach((dimension, d) => {
          if (labels[d] !== null)
            lines.push(`${item}-${c},${annotator},${dimension},${labels[d]},${'x'.repeat(la)},${'y'.repeat(lb)}`);
        });
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('rubricSection', () => {
  it('computes the weighted verdict, its agreement, the match with overall (hand-computed)', async () => {
    const loaded = await loadFiles([textFile('rubric.csv', csv())]);
    const s = rubricSection(loaded.ratings, loaded.texts, { bootstrap: 0 })!;
    expect(s.dimensions).toEqual(['helpfulness', 'correctness']);
    expect(s.overall).toBe('overall');
    expect(s.weights).toEqual({ helpfulness: 0.35, correctness: 0.3 });
    expect(s.weights_source).toBe('default');
    // s = (0.35 h + 0.30 c) / 0.65, rounded to the nearest 5-point value, ties to the milder:
    // p1: a (−2,−1) → −1.54 A>>; b (1,−1) → 0.08 =; c (−1,1) → −0.08 =
    // p2: a (1,2) → 1.46 B>; b (1,1) → B>; c (0,−1) → −0.46 =
    // p3: a (−2,−2) → A>>; b (−1, none) → A> (partial); c (1,−1) → 0.08 =
    const verdicts: [string, string, number][] = [
      ['p1-0', 'a', 0],
      ['p1-0', 'b', 2],
      ['p1-0', 'c', 2],
      ['p2-0', 'a', 3],
      ['p2-0', 'b', 3],
      ['p2-0', 'c', 2],
      ['p3-0', 'a', 0],
      ['p3-0', 'b', 1],
      ['p3-0', 'c', 2],
    ];
    expect(s.verdict!.judgements).toBe(9);
    expect(s.verdict!.partial).toBe(1);
    expect(s.verdict!.undecided).toBe(0);
    expect(s.verdict!.label_counts).toEqual({ 'A>>': 2, 'A>': 1, '=': 4, 'B>': 2, 'B>>': 0 });
    const reference = agreementSection(ratingsFromTriples(verdicts, { scale: '5-point' }), { bootstrap: 0 });
    expect(s.verdict!.agreement!.fleiss_kappa).toBeCloseTo(reference.fleiss_kappa!, 12);
    expect(s.verdict!.agreement!.krippendorff_alpha.ordinal).toBeCloseTo(reference.krippendorff_alpha.ordinal!, 12);
    expect(s.verdict!.agreement!.percent_agreement).toEqual(reference.percent_agreement);
    expect(s.verdict!.agreement!.gwet_ac1).toBeCloseTo(reference.gwet_ac1!, 12);
    // overall vs verdict: exact on p2a, p2b, p2c, p3a, p3b; same side also on p1a (A> vs A>>)
    expect(s.verdict!.matches_overall).toEqual({ n: 9, exact: 5 / 9, directional: 6 / 9 });
    expect(s.reading).toMatch(/^The weighted rubric verdict shows .+ \(Fleiss' kappa -?\d\.\d\d\)/);
  });

  it('attributes the overall disagreement to the dimensions (hand-computed phi)', async () => {
    const loaded = await loadFiles([textFile('rubric.csv', csv())]);
    const d = rubricSection(loaded.ratings, loaded.texts, { bootstrap: 0 })!.disagreement;
    expect(d.reference).toBe('overall');
    expect(d.pairs).toBe(9);
    expect(d.disagreements).toBe(4);
    const [help, corr] = d.dimensions;
    // helpfulness: 9 pairs, 4 overall disagreements, 6 on helpfulness, 4 both → phi = (4·3 − 0·2)/√(4·5·6·3)
    expect(help).toMatchObject({
      dimension: 'helpfulness',
      pairs: 9,
      reference_disagree: 4,
      dimension_disagree: 6,
      both_disagree: 4,
      share_of_reference: 1,
    });
    expect(help.phi).toBeCloseTo(12 / Math.sqrt(360), 12);
    // correctness: 7 pairs (b has none on p3), 4, 4, 3 → phi = (3·2 − 1·1)/√(4·3·4·3) = 5/12
    expect(corr).toMatchObject({
      dimension: 'correctness',
      pairs: 7,
      reference_disagree: 4,
      dimension_disagree: 4,
      both_disagree: 3,
      share_of_reference: 0.75,
    });
    expect(corr.phi).toBeCloseTo(5 / 12, 12);
    // fewer than 10 pairs: nothing is named
    expect(d.explains_most).toBeNull();
    // the same data twice over: same phi, now enough pairs
    const twice = await loadFiles([textFile('rubric2.csv', csv(2))]);
    const d2 = rubricSection(twice.ratings, twice.texts, { bootstrap: 0 })!.disagreement;
    expect(d2.dimensions[0].phi).toBeCloseTo(12 / Math.sqrt(360), 12);
    expect(d2.explains_most).toBe('helpfulness');
  });

  it('correlates the dimensions with each other and with the length difference (Spearman on the judgements)', async () => {
    const loaded = await loadFiles([textFile('rubric.csv', csv())]);
    const s = rubricSection(loaded.ratings, loaded.texts, { bootstrap: 0 })!;
    expect(s.correlations.variables).toEqual(['overall', 'helpfulness', 'correctness', 'length']);
    // per (item, annotator), in item then annotator order
    const overall = [-1, 1, -1, 1, 1, 0, -2, -1, -1];
    const help = [-2, 1, -1, 1, 1, 0, -2, -1, 1];
    const corr = [-1, -1, 1, 2, 1, -1, -2, NaN, -1];
    const length = [30, 30, 30, -30, -30, -30, 0, 0, 0];
    expect(s.correlations.rho[0][1]).toBeCloseTo(spearman(overall, help).rho, 12);
    expect(s.correlations.rho[1][2]).toBeCloseTo(spearman(help, corr).rho, 12);
    expect(s.correlations.n[1][2]).toBe(8);
    expect(s.correlations.rho[2][3]).toBeCloseTo(spearman(corr, length).rho, 12);
    expect(s.length.map((row) => row.dimension)).toEqual(['overall', 'helpfulness', 'correctness']);
    expect(s.length[1].rho).toBeCloseTo(spearman(help, length).rho, 12);
    const a = s.length_by_annotator.find((row) => row.annotator === 'a' && row.dimension === 'helpfulness')!;
    expect(a.n).toBe(3);
    expect(a.rho).toBeCloseTo(spearman([-2, 1, -2], [30, -30, 0]).rho, 12);
  });

  it('uses custom weights, equal weights for unknown names, and leaves out a binary tie', async () => {
    expect(rubricWeights(['honesty', 'style'])).toEqual({ weights: { honesty: 0.5, style: 0.5 }, source: 'equal' });
    expect(rubricWeights(['helpful_pref', 'safety'])).toEqual({
      weights: { helpful_pref: 0.35, safety: 0 },
      source: 'default',
    });
    expect(rubricWeights(['a', 'b'], { a: 2 })).toEqual({ weights: { a: 2, b: 0 }, source: 'custom' });
    expect(() => rubricWeights(['a'], { a: -1 })).toThrow(/>= 0/);
    // binary scale, no overall: two dimensions of equal weight disagreeing → exactly between A> and B>
    const lines = [
      'example_id,annotator_id,dimension,label',
      'q1,a,x,A',
      'q1,a,y,B',
      'q1,b,x,A',
      'q1,b,y,A',
      'q2,a,x,B',
      'q2,a,y,B',
      'q2,b,x,B',
      'q2,b,y,A',
    ];
    const loaded = await loadFiles([textFile('bin.csv', `${lines.join('\n')}\n`)]);
    const s = rubricSection(loaded.ratings, loaded.texts, { bootstrap: 0 })!;
    expect(s.overall).toBeNull();
    expect(s.weights_source).toBe('equal');
    expect(s.verdict!.undecided).toBe(2);
    expect(s.verdict!.label_counts).toEqual({ 'A>': 1, 'B>': 1 });
    expect(s.disagreement.reference).toBe('rubric verdict');
    expect(s.reasons.length).toMatch(/no response texts/);
    const custom = rubricSection(loaded.ratings, loaded.texts, { bootstrap: 0, weights: { x: 1, y: 0 } })!;
    expect(custom.verdict!.undecided).toBe(0);
    expect(custom.verdict!.label_counts).toEqual({ 'A>': 2, 'B>': 2 });
  });

  it('is null for one dimension and leaves removed annotators out', async () => {
    const one = await loadFiles([textFile('one.csv', 'example_id,annotator_id,label\np,a,A>\np,b,B>\n')]);
    expect(rubricSection(one.ratings, one.texts)).toBeNull();
    const loaded = await loadFiles([textFile('rubric.csv', csv())]);
    const s = rubricSection(loaded.ratings, loaded.texts, {
      bootstrap: 0,
      removed: [loaded.ratings.annotators.indexOf('c')],
    })!;
    expect(s.verdict!.judgements).toBe(6);
    expect(s.disagreement.pairs).toBe(3);
  });

  it('names the annotators who follow length on a dimension far more than everyone, not on dimensions about length', async () => {
    // 40 pairs; B is longer on even ones. a's helpfulness always picks the longer; b and c alternate
    // regardless of length; everyone's conciseness picks the shorter (that is what conciseness means)
    const lines = ['example_id,annotator_id,dimension,label,response_a,response_b'];
    for (let i = 0; i < 40; i++) {
      const [la, lb] = i % 2 === 0 ? [20 + i, 200 + 3 * i] : [220 + 2 * i, 30 + i];
      const longer = lb > la ? 'B>' : 'A>',
        shorter = lb > la ? 'A>' : 'B>';
      const texts = `${'x'.repeat(la)},${'y'.repeat(lb)}`;
      lines.push(`q${i},a,helpfulness,${longer},${texts}`);
      for (const who of ['b', 'c'])
        lines.push(`q${i},${who},helpfulness,${Math.floor(i / 2) % 2 === 0 ? 'A>' : 'B>'},${texts}`);
      for (const who of ['a', 'b', 'c']) lines.push(`q${i},${who},conciseness,${shorter},${texts}`);
    }
    const loaded = await loadFiles([textFile('len.csv', `${lines.join('\n')}\n`)]);
    const s = rubricSection(loaded.ratings, loaded.texts, { bootstrap: 0 })!;
    const pooled = s.length.find((row) => row.dimension === 'helpfulness')!.rho!;
    const mine = s.length_by_annotator.find((row) => row.annotator === 'a' && row.dimension === 'helpfulness')!;
    expect(mine.rho).toBeGreaterThan(0.8);
    expect(s.length_outliers).toEqual([{ annotator: 'a', dimension: 'helpfulness', n: 40, rho: mine.rho, pooled }]);
    expect(s.length.find((row) => row.dimension === 'conciseness')!.rho).toBeLessThan(-0.8);
    expect(s.reading).toMatch(/a follows length on helpfulness far more than the others/);
    expect(s.reading).not.toMatch(/Conciseness follows/);
  });

  it.each([
    ['label-studio-choices.json', 'helpfulness', 'default'],
    ['argilla-v2-flat.csv', 'helpfulness', 'default'],
    ['argilla-v1-labels.csv', 'harmlessness', 'default'],
    ['argilla-v2-nested.json', 'safety_comparison', 'equal'],
  ])(
    'reads the questions of an export as the rubric: %s (one weighted question: the verdict is that question)',
    async (file, question, source) => {
      const loaded = await loadFormatFixtures([file]);
      const s = rubricSection(loaded.ratings, loaded.texts, { bootstrap: 0 })!;
      expect(s.dimensions).toEqual([question]);
      expect(s.overall).toBe('overall');
      expect(s.weights_source).toBe(source);
      const own = agreementSection(loaded.ratings, {
        bootstrap: 0,
        dimension: loaded.ratings.dimensions.indexOf(question),
      });
      expect(s.verdict!.agreement!.percent_agreement).toEqual(own.percent_agreement);
      expect(s.verdict!.agreement!.fleiss_kappa).toEqual(own.fleiss_kappa);
      expect(s.disagreement.reference).toBe('overall');
    },
  );

  it('rates per-response scores (HelpSteer2 ratings, nominal 0-4): the verdict rounds the weighted score index, ties to the lower', async () => {
    const loaded = await loadFormatFixtures(['helpsteer2-disagreements.jsonl']);
    const r = loaded.ratings;
    const s = rubricSection(r, loaded.texts, { bootstrap: 0 })!;
    expect(s.overall).toBeNull();
    expect(s.weights).toEqual({ helpfulness: 0.35, correctness: 0.3, coherence: 0, complexity: 0, verbosity: 0 });
    // independent: per (item, annotator) the weighted mean of the category indices present, nearest index
    const h = r.dimensions.indexOf('helpfulness'),
      c = r.dimensions.indexOf('correctness');
    const byKey = new Map<string, { h?: number; c?: number }>();
    for (let j = 0; j < r.n; j++) {
      const key = `${r.item[j]}/${r.annotator[j]}`;
      const e = byKey.get(key) ?? {};
      if (r.dimension[j] === h) e.h = r.label[j];
      if (r.dimension[j] === c) e.c = r.label[j];
      byKey.set(key, e);
    }
    const counts = r.categories.map(() => 0);
    for (const e of byKey.values()) {
      if (e.h === undefined && e.c === undefined) continue;
      const mean =
        ((e.h ?? 0) * (e.h === undefined ? 0 : 0.35) + (e.c ?? 0) * (e.c === undefined ? 0 : 0.3)) /
        ((e.h === undefined ? 0 : 0.35) + (e.c === undefined ? 0 : 0.3));
      const lower = Math.floor(mean + 1e-9),
        upper = Math.ceil(mean - 1e-9);
      counts[mean - lower <= upper - mean + 1e-9 ? lower : upper]++;
    }
    expect(Object.values(s.verdict!.label_counts)).toEqual(counts);
    expect(s.disagreement.reference).toBe('rubric verdict');
  });
});
