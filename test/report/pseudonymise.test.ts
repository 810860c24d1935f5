// @vitest-environment node
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { idReplacer, pseudonyms, replaceStrings, withoutTexts } from '../../src/report/pseudonymise';

describe('pseudonyms', () => {
  it('are annotator- and 12 hex digits of HMAC-SHA-256 keyed by the passphrase (checked with node:crypto)', async () => {
    const map = await pseudonyms(['ann1', 'maria@example.org', 'ann1'], 'correct horse');
    expect(map.size).toBe(2);
    for (const [id, alias] of map) {
      const expected = createHmac('sha256', 'correct horse').update(id).digest('hex').slice(0, 12);
      expect(alias).toBe(`annotator-${expected}`);
    }
  });

  it('are stable for a passphrase, different for another, and need one', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `worker-${i}`);
    const once = await pseudonyms(ids, 'pass one');
    const again = await pseudonyms([...ids].reverse(), 'pass one');
    const other = await pseudonyms(ids, 'pass two');
    for (const id of ids) {
      expect(again.get(id)).toBe(once.get(id));
      expect(other.get(id)).not.toBe(once.get(id));
    }
    expect(new Set(once.values()).size).toBe(50);
    await expect(pseudonyms(ids, '')).rejects.toThrow(/empty/);
  });
});

describe('idReplacer', () => {
  const replace = idReplacer(
    new Map([
      ['ann-1', 'P1'],
      ['ann-12', 'P12'],
      ['a.b@x.org', 'PM'],
    ]),
  );
  it('replaces a whole cell and an id standing alone in a text, not one inside a longer id', () => {
    expect(replace('ann-1')).toBe('P1');
    expect(replace('ann-12')).toBe('P12');
    expect(replace('ann-1 and ann-12 disagree on 4 pairs.')).toBe('P1 and P12 disagree on 4 pairs.');
    expect(replace('ann-123, xann-1, ann-1_b')).toBe('ann-123, xann-1, ann-1_b');
    expect(replace('flagged: a.b@x.org (gold)')).toBe('flagged: PM (gold)');
    expect(replace('za.b@x.org')).toBe('za.b@x.org');
    expect(idReplacer(new Map())('ann-1')).toBe('ann-1');
  });

  it('replaceStrings passes every string and key of a report through it, __proto__ kept as a key', () => {
    const report = JSON.parse('{"a":["ann-1",{"ann-12":3,"__proto__":"ann-1"}],"n":1,"z":null}');
    const out = replaceStrings(report, replace);
    expect(JSON.stringify(out)).toBe('{"a":["P1",{"P12":3,"__proto__":"P1"}],"n":1,"z":null}');
    expect(JSON.stringify(report)).toContain('ann-12');
  });

  it('withoutTexts leaves out the prompts of the pair lint, the rest as it is', () => {
    const report = { bias: { pair_lint: { prompts_across_slices: [{ prompt: 'secret', items: ['p1'] }] }, x: 1 } };
    const out = withoutTexts(report);
    expect(out.bias.pair_lint.prompts_across_slices[0]).toEqual({ prompt: '(text left out)', items: ['p1'] });
    expect(report.bias.pair_lint.prompts_across_slices[0].prompt).toBe('secret');
    expect(withoutTexts({ bias: null })).toEqual({ bias: null });
  });
});
