import { describe, expect, it } from 'vitest';
import { rng } from '../../src/core/rng';
import { loadFiles } from '../../src/parse/loadFiles';
import { agreementSection } from '../../src/sections/agreementSection';
import { driftSection, type DriftSection } from '../../src/sections/driftSection';
import { textFile } from '../helpers/loadText';

const LABELS = ['A', 'tie', 'B'];

/** 80 pairs × 3 labels per week; each label the truth with probability agree[week]. */
function weeks(agree: number[], names = agree.map((_, w) => `week ${w + 1}`)): string[] {
  const random = rng(4);
  const lines: string[] = [];
  agree.forEach((p, w) => {
    for (let i = 0; i < 80; i++) {
      const truth = Math.floor(random() * 3);
      for (const who of ['u', 'v', 'w']) {
        const label = random() < p ? truth : Math.floor(random() * 3);
        lines.push(`w${w}-p${i},${who},${LABELS[label]},${names[w]}`);
      }
    }
  });
  return lines;
}
const load = async (lines: string[], header = 'item,annotator,label,week') =>
  (await loadFiles([textFile('weeks.csv', `${header}\n${lines.join('\n')}\n`)])).ratings;

describe('driftSection', () => {
  it('computes each period as the same file cut to that period would, in natural order (week 10 after week 9)', async () => {
    const agree = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.4];
    const lines = weeks(agree);
    const d = driftSection(await load(lines), { column: 'week' }, { bootstrap: 200 }) as DriftSection;
    expect(d.periods.map((p) => p.period)).toEqual(agree.map((_, w) => `week ${w + 1}`));
    // week 10 on its own, read as its own file
    const alone = agreementSection(await load(lines.filter((l) => l.endsWith(',week 10'))), { bootstrap: 0 });
    const last = d.periods[9];
    expect(last.items).toBe(80);
    expect(last.judgements).toBe(240);
    expect(last.values.fleiss_kappa).toBeCloseTo(alone.fleiss_kappa!, 12);
    expect(last.values['krippendorff_alpha.ordinal']).toBeCloseTo(alone.krippendorff_alpha.ordinal!, 12);
    expect(last.values.gwet_ac1).toBeCloseTo(alone.gwet_ac1!, 12);
    // the drop in week 10 leaves the band weeks 1… held, beyond its interval
    expect(d.metric).toBe('fleiss_kappa');
    expect(d.left_band?.period).toBe('week 10');
    expect(d.left_band?.held).toBe(d.periods[0].band);
    expect(d.left_band!.ci95![1]).toBeLessThan(0.61);
    expect(d.reading).toMatch(/^Fleiss' kappa held .* in week 1 and left it in week 10 \(/);
  });

  it('says when no period left the band (within its interval), and refuses an unknown column', async () => {
    const d = driftSection(
      await load(weeks([0.9, 0.88, 0.92])),
      { column: 'week' },
      { bootstrap: 200 },
    ) as DriftSection;
    expect(d.left_band).toBeNull();
    expect(d.reading).toMatch(
      /did not leave the band it held in week 1 .* in any of the 3 periods of week beyond its 95% interval/,
    );
    expect(driftSection(await load(weeks([0.9])), { column: 'batch' })).toMatch(/no column "batch"/);
  });

  it('reads the timestamp by day and by ISO week (weeks start on Monday)', async () => {
    // 2026-03-01 is a Sunday, 2026-03-02 a Monday, 2026-03-04 a Wednesday
    const lines = [
      'p1,u,A,2026-03-01T10:00:00Z',
      'p1,v,A,2026-03-01T11:00:00Z',
      'p2,u,B,2026-03-02T09:00:00Z',
      'p2,v,B,2026-03-04T18:00:00Z',
      'p3,u,A,2026-03-04T08:00:00Z',
      'p3,v,B,2026-03-04T09:00:00Z',
    ];
    const r = await load(lines, 'item,annotator,label,timestamp');
    const byWeek = driftSection(r, { timestamp: 'week' }, { bootstrap: 0 }) as DriftSection;
    expect(byWeek.periods.map((p) => [p.period, p.judgements])).toEqual([
      ['week of 2026-02-23', 2],
      ['week of 2026-03-02', 4],
    ]);
    const byDay = driftSection(r, { timestamp: 'day' }, { bootstrap: 0 }) as DriftSection;
    expect(byDay.periods.map((p) => [p.period, p.judgements])).toEqual([
      ['2026-03-01', 2],
      ['2026-03-02', 1],
      ['2026-03-04', 3],
    ]);
    expect(driftSection(await load(weeks([0.9])), { timestamp: 'week' })).toMatch(/no timestamp column/);
    const one = driftSection(await load(lines.slice(2), 'item,annotator,label,timestamp'), { timestamp: 'week' });
    expect((one as DriftSection).reading).toMatch(
      /^All the judgements fall in one period of timestamp by week \(week of 2026-03-02\)/,
    );
  });
});
