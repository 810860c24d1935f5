import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Panels from '../../src/components/Panels.svelte';
import { Analysis } from '../../src/lib/analysis.svelte';
import { fakeFile, inProcessClient } from '../helpers/inProcessClient';

const LABEL_STUDIO = readFileSync(join(import.meta.dirname, '../fixtures/formats/label-studio-pairwise.json'), 'utf8');

async function opened() {
  const analysis = new Analysis(inProcessClient);
  await analysis.open([fakeFile('tasks.json', LABEL_STUDIO)]);
  await vi.waitFor(() => expect(analysis.phase).toBe('ready'));
  analysis.panel = 'columns';
  return analysis;
}

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
    expect(analysis.agreementError).toBeNull();
    expect(analysis.agreement!.agreement.items_pairable).toBe(2);
  });
});
