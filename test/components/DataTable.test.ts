import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render } from '@testing-library/svelte';
import DataTable from '../../src/components/DataTable.svelte';

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
});
