import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import DataTable from '../../../src/app/widgets/DataTable.svelte';
import { csvRecords } from '../../helpers/csvRecords';

const saved = vi.hoisted(() => [] as { name: string; content: string | Blob; type?: string }[]);
vi.mock('../../../src/app/downloads/saveFile', () => ({
  saveFile: (name: string, content: string | Blob, type?: string) => saved.push({ name, content, type }),
}));

describe('DataTable', () => {
  it('DataTable builds its rows only when opened, and shows the first `limit` of them as text', async () => {
    const rows = vi.fn(() => Array.from({ length: 150 }, (_, i) => [`<b>${i}</b>`, i]));
    const { container } = render(DataTable, { columns: ['a', 'b'], rows, count: 150, caption: 'test' });
    expect(container.querySelector('summary')!.textContent).toBe('The data behind it (150 rows)');
    expect(container.querySelector('table')).toBeNull();
    expect(rows).not.toHaveBeenCalled();
    const details = container.querySelector('details')!;
    details.open = true;
    await fireEvent(details, new Event('toggle'));
    await vi.waitFor(() => expect(container.querySelectorAll('tbody tr')).toHaveLength(100));
    expect(container.querySelector('tbody td')!.textContent).toBe('<b>0</b>');
    expect(container.querySelector('tbody b')).toBeNull();
    expect(container.textContent).toContain('First 100 of 150 rows.');
  });

  it('DataTable CSV button saves every row (not just the first `limit`), the columns as header, formula starts guarded', async () => {
    saved.length = 0;
    const rows = vi.fn(() =>
      Array.from({ length: 250 }, (_, i) => [
        i === 7 ? '=1+1' : `w${i}`,
        i % 2 ? null : (-i / 1000).toFixed(3),
        i === 3 ? 'a, "b"\nc' : 'x',
      ]),
    );
    render(DataTable, {
      columns: ['annotator', 'kappa', 'note'],
      rows,
      count: 250,
      caption: "Cohen's kappa per annotator pair",
      limit: 10,
    });
    const button = screen.getByRole('button', { name: "Download Cohen's kappa per annotator pair as CSV" });
    expect(button.textContent).toBe('CSV');
    await fireEvent.click(button);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ name: 'cohens-kappa-per-annotator-pair.csv', type: 'text/csv' });
    const records = csvRecords(saved[0].content as string);
    expect(records[0]).toEqual(['annotator', 'kappa', 'note']);
    expect(records).toHaveLength(251);
    expect(records.slice(1).map((r) => r[0])).toEqual(
      Array.from({ length: 250 }, (_, i) => (i === 7 ? "'=1+1" : `w${i}`)),
    );
    expect(records[3]).toEqual(['w2', '-0.002', 'x']);
    expect(records[4]).toEqual(['w3', '', 'a, "b"\nc']);
  });

  it('DataTable CSV of plain rows (no function) saves them all', async () => {
    saved.length = 0;
    render(DataTable, {
      columns: ['label', 'n'],
      rows: [
        ['A>', 3],
        ['-x', 4],
      ],
      caption: 'Labels',
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Download Labels as CSV' }));
    expect(saved[0].name).toBe('labels.csv');
    expect(saved[0].content).toBe("label,n\nA>,3\n'-x,4\n");
  });
});
