import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import OverviewPanel from '../../../src/app/overview/OverviewPanel.svelte';
import { createSession } from '../../../src/session/analysisSession';
import { textFile } from '../../helpers/loadText';

// 4 pairs × 3 annotators, one unknown label, one empty annotator id, a prompt carrying markup.
const CSV = `example_id,annotator_id,label,prompt,response_a,response_b,domain
p1,a1,A>,"<img src=x onerror=""window.__pwned=1"">Hello",<b>bold</b>,plain,code
p1,a2,A>>,,,,code
p1,a3,=,,,,code
p2,a1,B>,Second prompt,x,y,math
p2,a2,B>,,,,math
p2,a3,maybe,,,,math
p3,a1,=,,,,chat
p3,,A>,,,,chat
p4,a2,B>>,,,,chat
`;

async function overviewOf(csv: string) {
  const result = await createSession().load([textFile('small.csv', csv)]);
  if (!result.ok) throw new Error(result.message);
  return result.overview;
}

describe('OverviewPanel', () => {
  it('OverviewPanel shows the counts of the input section', async () => {
    render(OverviewPanel, { overview: await overviewOf(CSV) });
    expect(within(screen.getByTestId('stat-rows')).getByText('7')).toBeTruthy();
    expect(within(screen.getByTestId('stat-items')).getByText('4')).toBeTruthy();
    expect(within(screen.getByTestId('stat-annotators')).getByText('3')).toBeTruthy();
    expect(within(screen.getByTestId('stat-scale')).getByText('5-point')).toBeTruthy();
    expect(within(screen.getByTestId('stat-dropped')).getByText('2')).toBeTruthy();
  });

  it('OverviewPanel lists each rejected row with its row number, column and reason', async () => {
    render(OverviewPanel, { overview: await overviewOf(CSV) });
    const rows = within(screen.getByTestId('issues-table'))
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual(['small.csv7labelunknown label "maybe"', 'small.csv9annotator_idempty annotator id']);
  });

  it('OverviewPanel renders texts from the data as text, never as markup', async () => {
    const { container } = render(OverviewPanel, { overview: await overviewOf(CSV) });
    expect(screen.getByText('<img src=x onerror="window.__pwned=1">Hello')).toBeTruthy();
    expect(screen.getByText('<b>bold</b>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('OverviewPanel draws its three charts', async () => {
    const { container } = render(OverviewPanel, { overview: await overviewOf(CSV) });
    const figures = container.querySelectorAll('figure.chart');
    expect(figures.length).toBe(3);
    await vi.waitFor(() => expect(container.querySelectorAll('figure.chart svg').length).toBeGreaterThanOrEqual(3)); // charts draw in their own tasks
    for (const f of figures) expect(f.querySelector('svg')).not.toBeNull();
    // the label distribution has one bar per label of the 5-point scale
    expect(figures[0].querySelectorAll('rect').length).toBeGreaterThanOrEqual(5);
  });
});
