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

async function open() {
  const analysis = new Analysis(inProcessClient);
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

  it('AgreementPanel recomputes the verdict when another coefficient is chosen', async () => {
    const analysis = await open();
    render(AgreementPanel, { analysis });
    await fireEvent.change(screen.getByLabelText('Coefficient that drives the verdict'), {
      target: { value: 'directional.fleiss_kappa' },
    });
    await vi.waitFor(() => expect(analysis.agreement.value!.agreement.band?.metric).toBe('directional.fleiss_kappa'));
    expect(analysis.settings.bandMetric).toBe('directional.fleiss_kappa');
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
