import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import AgreementPanel from '../../../src/app/agreement/AgreementPanel.svelte';
import { Analysis } from '../../../src/app/state/analysis.svelte';
import { fakeFile, inProcessClient } from '../../helpers/inProcessClient';

// Two annotators agreeing on direction but not always on strength; a third who disagrees; a domain slice.
const rows = [
  ['p1', 'x', 'A>>', 'code'],
  ['p1', 'y', 'A>', 'code'],
  ['p1', 'z', 'B>', 'code'],
  ['p2', 'x', 'B>', 'code'],
  ['p2', 'y', 'B>', 'code'],
  ['p2', 'z', 'A>', 'code'],
  ['p3', 'x', '=', 'chat'],
  ['p3', 'y', '=', 'chat'],
  ['p3', 'z', '=', 'chat'],
  ['p4', 'x', 'A>', 'chat'],
  ['p4', 'y', 'A>', 'chat'],
  ['p4', 'z', 'B>>', 'chat'],
];
const CSV = `example_id,annotator_id,label,domain\n${rows.map((r) => r.join(',')).join('\n')}\n`;

/** the page's state on the file; `asks` counts the calls to the worker's agreement */
async function open(asks = { agreement: 0 }) {
  const analysis = new Analysis(() => {
    const client = inProcessClient();
    const session = new Proxy(client.session, {
      get: (target, key) => {
        const value = Reflect.get(target, key) as unknown;
        if (key !== 'agreement' || typeof value !== 'function') return value;
        return (...args: unknown[]) => (asks.agreement++, value.apply(target, args));
      },
    });
    return { ...client, session };
  });
  analysis.settings = { ...analysis.settings, minShared: 1, bootstrap: 200 };
  await analysis.open([fakeFile('a.csv', CSV)]);
  await vi.waitFor(() => expect(analysis.agreement.pending).toBe(false));
  return analysis;
}

describe('AgreementPanel', () => {
  it('AgreementPanel shows the verdict and every coefficient as the report has them', async () => {
    const analysis = await open();
    render(AgreementPanel, { analysis });
    const a = analysis.agreement.value!.agreement;
    expect(screen.getByTestId('band-label').textContent).toBe(a.band!.label);
    const fleiss = within(screen.getByTestId('coefficient-table')).getByText(
      (_, el) =>
        el?.closest('tr')?.getAttribute('data-metric') === 'fleiss_kappa' &&
        el.tagName === 'TD' &&
        el.textContent!.startsWith(a.fleiss_kappa!.toFixed(3)),
    );
    expect(fleiss.textContent).toContain(
      `[${a.ci95.fleiss_kappa![0].toFixed(3)}, ${a.ci95.fleiss_kappa![1].toFixed(3)}]`,
    );
    expect(screen.getByText('Slices')).toBeTruthy();
  });

  it('AgreementPanel reads the verdict against another coefficient without recomputing anything', async () => {
    const asks = { agreement: 0 };
    const analysis = await open(asks);
    render(AgreementPanel, { analysis });
    const before = analysis.agreement.value!.agreement;
    const asked = asks.agreement;
    await fireEvent.change(screen.getByLabelText('Coefficient that drives the verdict'), {
      target: { value: 'krippendorff_alpha.ordinal' },
    });
    const after = analysis.agreement.value!.agreement;
    expect(asks.agreement).toBe(asked); // the worker is not asked again: a display choice
    expect(analysis.agreement.pending).toBe(false);
    expect(analysis.settings.bandMetric).toBe('krippendorff_alpha.ordinal');
    expect(after.band?.metric).toBe('krippendorff_alpha.ordinal');
    expect(after.band?.value).toBe(before.krippendorff_alpha.ordinal);
    // the same numbers and intervals as before
    expect(after.ci95).toEqual(before.ci95);
    expect(after.slices).toEqual(before.slices);
    // the verdict follows, and agrees with a fresh computation at that setting
    const fresh = await open();
    await fresh.updateSettings({ bandMetric: 'krippendorff_alpha.ordinal', minShared: 1 });
    await vi.waitFor(() => expect(fresh.agreement.pending).toBe(false));
    expect(fresh.agreement.value!.agreement).toEqual(after);
    expect(screen.getByTestId('band-label').textContent).toBe(after.band!.label);
  });

  it('AgreementPanel lists the items a chosen pair disagrees on, with texts as text', async () => {
    const analysis = await open();
    render(AgreementPanel, { analysis });
    const select = screen.getByLabelText('Annotator pair') as HTMLSelectElement;
    const option = [...select.options].find((o) => o.textContent!.startsWith('x × z'))!;
    await fireEvent.change(select, { target: { value: option.value } });
    const list = await screen.findByTestId('disagreements');
    await vi.waitFor(() => expect(list.textContent).toMatch(/3 of 4 shared items labelled differently/));
  });
});
