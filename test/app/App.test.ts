import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import App from '../../src/app/App.svelte';
import { Analysis } from '../../src/app/state/analysis.svelte';
import { fakeFile, inProcessClient } from '../helpers/inProcessClient';

const CSV = 'example_id,annotator_id,label\np1,a1,A\np1,a2,B\np2,a1,tie\np2,a2,tie\n';

describe('App', () => {
  it('App starts on the empty state with a drop zone and the demo button', () => {
    render(App, { analysis: new Analysis(inProcessClient) });
    expect(screen.getByRole('button', { name: /drop annotation files/i })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try the demo' })).toBeTruthy();
  });

  it('App shows the overview after a file is opened, and the last panel by keyboard (the arrows wrap)', async () => {
    const analysis = new Analysis(inProcessClient);
    render(App, { analysis });
    await analysis.open([fakeFile('two.csv', CSV)]);
    expect(analysis.phase).toBe('ready');
    expect(await screen.findByRole('heading', { name: 'Overview' }, { timeout: 10_000 })).toBeTruthy(); // the panels load on demand
    expect(within(screen.getByTestId('stat-rows')).getByText('4')).toBeTruthy();
    expect(within(screen.getByTestId('stat-scale')).getByText('3-way')).toBeTruthy();
    await fireEvent.keyDown(screen.getByRole('tab', { name: 'Overview' }), { key: 'ArrowRight' });
    expect(await screen.findByRole('heading', { name: 'Agreement' })).toBeTruthy();
    await fireEvent.keyDown(screen.getByRole('tab', { name: 'Agreement' }), { key: 'ArrowLeft' });
    await fireEvent.keyDown(screen.getByRole('tab', { name: 'Overview' }), { key: 'ArrowLeft' }); // wraps to the last tab
    expect(await screen.findByRole('heading', { name: 'Agreement over time' })).toBeTruthy();
  }, 20_000); // the panels are a chunk of their own, imported on demand: slow on a busy 2-core machine

  it('App shows a clear message and a retry for a file that cannot be read', async () => {
    const analysis = new Analysis(inProcessClient);
    render(App, { analysis });
    await analysis.open([fakeFile('empty.csv', '')]);
    expect(analysis.phase).toBe('error');
    expect(screen.getByTestId('load-error').textContent).toMatch(/empty/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('Analysis.remap re-reads with the label column the user chose', async () => {
    const analysis = new Analysis(inProcessClient);
    render(App, { analysis });
    await analysis.open([fakeFile('x.csv', 'item,worker,answer,other\np1,a1,A,B\np1,a2,A,B\n')]);
    expect(analysis.overview!.input.label_counts['A>']).toBe(2);
    analysis.panel = 'columns';
    const select = (await screen.findAllByRole('combobox', {}, { timeout: 10_000 })).find(
      (s) => s.getAttribute('data-role') === 'label',
    ) as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'other' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Re-read x.csv' }));
    await vi.waitFor(() => expect(analysis.overview!.input.label_counts['B>']).toBe(2));
    expect(analysis.overview!.fileInfos[0].mapping.label).toBe('other');
  }, 20_000);
});
