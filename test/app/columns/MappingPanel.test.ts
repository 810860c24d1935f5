import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Panels from '../../../src/app/Panels.svelte';
import { Analysis } from '../../../src/app/state/analysis.svelte';
import { fakeFile, inProcessClient } from '../../helpers/inProcessClient';

const LABEL_STUDIO = readFileSync(
  join(import.meta.dirname, '../../fixtures/formats/label-studio-pairwise.json'),
  'utf8',
);

async function opened() {
  const analysis = new Analysis(inProcessClient);
  await analysis.open([fakeFile('tasks.json', LABEL_STUDIO)]);
  await vi.waitFor(() => expect(analysis.phase).toBe('ready'));
  analysis.panel = 'columns';
  return analysis;
}

// one row per (pair, annotator): an overall label and three rubric label columns; one rubric cell left empty
const RUBRIC_CSV = [
  'example_id,annotator_id,label,helpfulness,correctness,harmlessness',
  'p1,a1,A>,A>,A>>,=',
  'p1,a2,A>,A>,A>,=',
  'p2,a1,B>,B>>,=,',
  'p2,a2,=,B>,=,=',
].join('\n');

describe('MappingPanel', () => {
  it('says which adapter read the file and offers every format', async () => {
    const analysis = await opened();
    render(Panels, { analysis });
    expect(screen.getByTestId('adapter-line').textContent).toContain('Label Studio JSON export');
    const select = screen.getByTestId('adapter-select') as HTMLSelectElement;
    expect(select.value).toBe('label-studio');
    expect([...select.options].map((o) => o.value)).toContain('table');
  });

  it('a re-read that fails keeps the previous reading and says why', async () => {
    const analysis = await opened();
    render(Panels, { analysis });
    await fireEvent.change(screen.getByTestId('adapter-select'), { target: { value: 'table' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Re-read tasks.json' }));
    await vi.waitFor(() => expect(analysis.rereadError).not.toBeNull());
    expect(analysis.phase).toBe('ready');
    expect(analysis.overview!.fileInfos[0].adapter).toBe('label-studio');
    expect(analysis.options.files).toBeUndefined();
    const alert = await screen.findByTestId('reread-error');
    expect(alert.textContent).toMatch(/no label column/);
    // the session still answers with the previous data
    await analysis.recompute();
    expect(analysis.agreement.error).toBeNull();
    expect(analysis.agreement.value!.agreement.items_pairable).toBe(2);
  });

  it('offers the rubric label columns, guessed ones checked, and re-reads with the ones chosen', async () => {
    const analysis = new Analysis(inProcessClient);
    await analysis.open([fakeFile('rubric.csv', RUBRIC_CSV)]);
    await vi.waitFor(() => expect(analysis.phase).toBe('ready'));
    expect(analysis.overview!.input.dimensions).toEqual(['overall', 'helpfulness', 'correctness', 'harmlessness']);
    analysis.panel = 'columns';
    render(Panels, { analysis });
    const group = screen.getByRole('group', { name: 'Rubric label columns (one dimension each)' });
    const boxes = within(group).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.filter((b) => b.checked).map((b) => b.parentElement!.textContent!.trim())).toEqual([
      'helpfulness',
      'correctness',
      'harmlessness',
    ]);
    await fireEvent.click(within(group).getByRole('checkbox', { name: 'harmlessness' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Re-read rubric.csv' }));
    await vi.waitFor(() =>
      expect(analysis.overview!.fileInfos[0].mapping.rubric).toEqual(['helpfulness', 'correctness']),
    );
    expect(analysis.rereadError).toBeNull();
    expect(analysis.overview!.input.dimensions).toEqual(['overall', 'helpfulness', 'correctness']);
  }, 60_000);
});
