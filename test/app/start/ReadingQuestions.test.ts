import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import App from '../../../src/app/App.svelte';
import { Analysis } from '../../../src/app/state/analysis.svelte';
import { fakeFile, inProcessClient } from '../../helpers/inProcessClient';

// labels 0 / 1 / 2 meaning first / second / tie; the best guess reads them as tie / first / second
const CODED = 'example_id,annotator_id,label\np1,a,0\np1,b,0\np2,a,1\np2,b,2\np3,a,1\np3,b,1\n';

describe('the page asks before computing when a label reading is ambiguous', () => {
  it('shows the readings that fit with their counts, computes nothing until one is picked, and keeps the pick in the link', async () => {
    const analysis = new Analysis(inProcessClient);
    const recompute = vi.spyOn(analysis, 'recompute');
    render(App, { analysis });
    await analysis.open([fakeFile('coded.csv', CODED)]);
    expect(analysis.phase).toBe('question');
    expect(recompute).not.toHaveBeenCalled();
    const question = await screen.findByTestId('label-question');
    const options = within(question).getAllByRole('radio') as HTMLInputElement[];
    expect(options.map((o) => o.value)).toEqual(['tie-first-second', 'first-second-tie', 'nominal']);
    expect(options[0].checked).toBe(true);
    // each reading with what it makes of the six labels
    expect(question.textContent).toContain('A> 3 · = 2 · B> 1');
    expect(question.textContent).toContain('A> 2 · = 1 · B> 3');
    // no tab to a panel meanwhile
    expect(screen.queryByRole('tab', { name: 'Agreement' })).toBeNull();
    await fireEvent.click(options[1]);
    await fireEvent.click(within(question).getByTestId('answer-labels'));
    await vi.waitFor(() => expect(analysis.phase).toBe('ready'));
    expect(analysis.options.labelsAre).toEqual({ '*': 'first-second-tie' });
    expect(analysis.overview!.input.label_counts).toEqual({ 'A>>': 0, 'A>': 2, '=': 1, 'B>': 3, 'B>>': 0 });
    expect(analysis.overview!.input.warnings).toEqual([]);
    expect(analysis.link).toBe('#labels=first-second-tie');
    expect(recompute).toHaveBeenCalled();
  }, 20_000);

  it('a link with the reading opens the same file without the question', async () => {
    const analysis = new Analysis(inProcessClient, '#labels=first-second-tie');
    await analysis.open([fakeFile('coded.csv', CODED)]);
    expect(analysis.phase).toBe('ready');
    expect(analysis.overview!.input.label_counts['B>']).toBe(3);
  });
});

describe('a failed read leads to the mapping screen, never a dead end', () => {
  it('shows what the file looked like and what is missing; naming the columns reads it', async () => {
    const analysis = new Analysis(inProcessClient);
    render(App, { analysis });
    await analysis.open([fakeFile('odd.csv', 'who,what,verdict_code\nw1,p1,1\nw2,p1,5\nw1,p2,5\n')]);
    expect(analysis.phase).toBe('error');
    const screenEl = await screen.findByTestId('repair-screen');
    expect(within(screenEl).getByTestId('load-error').textContent).toMatch(/no item id column/);
    expect(within(screenEl).getByTestId('file-problems').textContent).toMatch(
      /if it is data, read the file as one without a header; else choose the item, annotator and label columns/,
    );
    expect(within(screenEl).getByTestId('raw-head').textContent).toContain('who,what,verdict_code');
    const role = (name: string) =>
      within(screenEl)
        .getAllByRole('combobox')
        .find((s) => s.getAttribute('data-role') === name) as HTMLSelectElement;
    await fireEvent.change(role('item'), { target: { value: 'what' } });
    await fireEvent.change(role('annotator'), { target: { value: 'who' } });
    await fireEvent.change(role('label'), { target: { value: 'verdict_code' } });
    await fireEvent.click(within(screenEl).getByRole('button', { name: 'Re-read odd.csv' }));
    await vi.waitFor(() => expect(analysis.phase).toBe('ready'));
    expect(analysis.overview!.input.rows).toBe(3);
    expect(analysis.options.files![0].mapping).toMatchObject({ item: 'what', annotator: 'who', label: 'verdict_code' });
  }, 20_000);

  it('"the first row is data" re-reads the file without a header, its columns named by their values', async () => {
    const analysis = new Analysis(inProcessClient);
    render(App, { analysis });
    // the first row cannot be told from data here (no known name, no value repeated below it): the user says so
    await analysis.open([fakeFile('raw.csv', 'alpha,one,yes\nbeta,two,no\ngamma,two,no\n')]);
    const first = await screen.findByTestId('repair-screen');
    expect(analysis.failedFiles![0].header).toEqual(['alpha', 'one', 'yes']);
    await fireEvent.click(within(first).getByTestId('no-header'));
    await fireEvent.click(within(first).getByRole('button', { name: 'Re-read raw.csv' }));
    await vi.waitFor(() => expect(['ready', 'question']).toContain(analysis.phase));
    expect(analysis.overview!.fileInfos[0]).toMatchObject({
      hasHeader: false,
      header: ['column 1', 'column 2', 'column 3'],
    });
    expect(analysis.overview!.fileInfos[0].mapping.label).toBe('column 3');
    expect(analysis.overview!.input.rows).toBe(3);
  }, 20_000);
});
