// @vitest-environment node
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../src/parse/loadFiles';
import { createSession } from '../../src/session/analysisSession';
import { csvCell } from '../../src/render/csv';
import { diskFile, textFile } from '../helpers/loadText';

const DEMO = join(import.meta.dirname, '../../public/samples/demo.csv.gz');

async function demoSession() {
  const session = createSession();
  const loaded = await session.load([await diskFile(DEMO)]);
  if (!loaded.ok) throw new Error(loaded.message);
  return session;
}

describe('exports', () => {
  it('csvCell quotes separators and guards formula starts', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"\n')).toBe('"say ""hi""\n"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('-2, really')).toBe(`"'-2, really"`);
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell(NaN)).toBe('');
  });

  it('exportFile("trl") writes prompt/chosen/rejected/margin lines that agree with the final labels', async () => {
    const session = await demoSession();
    const trl = session.exportFile('trl', {}, { method: 'majority', minConfidence: 0.6 });
    const labels = session.exportFile('labels-jsonl', {}, { method: 'majority' });
    if (!trl.ok || !labels.ok) throw new Error('export failed');
    const final = new Map(
      labels.text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
        .map((l) => [l.item, l]),
    );
    const pairs = trl.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const expected = [...final.values()].filter((l) => l.label !== '=' && l.confidence >= 0.6);
    expect(pairs).toHaveLength(expected.length);
    expect(trl.note).toMatch(new RegExp(`^${expected.length} pairs`));
    for (const p of pairs) {
      expect(Object.keys(p)).toEqual(['prompt', 'chosen', 'rejected', 'margin']);
      expect([1, 2]).toContain(p.margin);
      expect(p.chosen).not.toBe(undefined);
    }
    // the first kept pair: chosen is the response of the winning side
    const texts = session.pairs([expected[0].item]);
    if (!texts.ok) throw new Error(texts.message);
    const first = texts.pairs[0];
    const label = final.get(first.item)!.label as string;
    const chosen = label.startsWith('A') ? first.responseA : first.responseB;
    expect(pairs[0].chosen).toBe(chosen);
    expect(pairs[0].margin).toBe(label.length === 3 ? 2 : 1);
  }, 30_000);

  it('exportFile("annotations") less removed annotators reads back as the same judgements without them', async () => {
    const session = await demoSession();
    const file = session.exportFile('annotations', { removed: ['ann07', 'ann13'] });
    if (!file.ok) throw new Error(file.message);
    const back = await loadFiles([textFile('annotations.csv', file.text)]);
    const original = (await loadFiles([await diskFile(DEMO)])).ratings;
    const kept = Array.from(original.annotator).filter(
      (a) => original.annotatorKind[a] === 0 && !['ann07', 'ann13'].includes(original.annotators[a]),
    ).length;
    expect(back.ratings.annotators.filter((a) => a !== 'ai_judge')).toHaveLength(23);
    expect(back.ratings.n - 2000).toBe(kept); // plus the AI judge's 2,000 verdicts
    expect(back.ratings.itemGold.filter((g) => g >= 0)).toHaveLength(200);
    expect(back.issueCount).toBe(0);
    expect(back.ratings.slices.map((s) => s.name)).toEqual(['domain', 'pairing_strategy', 'model_pair']);
  }, 30_000);

  it('exportFile("trl") explains why nominal data or data without texts cannot become preference pairs', async () => {
    const session = createSession();
    await session.load([textFile('n.csv', 'example_id,annotator_id,label\np1,a,A\np1,b,B\n')]);
    const trl = session.exportFile('trl', {});
    expect(trl.ok).toBe(false);
    if (!trl.ok) expect(trl.message).toMatch(/no response texts/);
  });
});
