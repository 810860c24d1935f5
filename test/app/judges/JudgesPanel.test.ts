import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import JudgesPanel from '../../../src/app/judges/JudgesPanel.svelte';
import { Analysis } from '../../../src/app/state/analysis.svelte';
import { fakeFile, inProcessClient } from '../../helpers/inProcessClient';

// 6 pairs, 3 annotators, a judge with confidences: the judge agrees with the majority on p1–p4 (4 of 6)
const CSV = `example_id,annotator_id,label,ai_label,ai_confidence
p1,x,A,A,0.9
p1,y,A,A,0.9
p1,z,B,A,0.9
p2,x,B,B,0.8
p2,y,B,B,0.8
p2,z,B,B,0.8
p3,x,A,A,0.7
p3,y,A,A,0.7
p4,x,B,B,0.6
p4,y,B,B,0.6
p5,x,A,B,0.4
p5,y,A,B,0.4
p6,x,B,A,0.3
p6,y,B,A,0.3
`;

async function open(csv: string) {
  const analysis = new Analysis(inProcessClient);
  analysis.settings = { ...analysis.settings, bootstrap: 0 };
  await analysis.open([fakeFile('a.csv', csv)]);
  await vi.waitFor(() => expect(analysis.judges.value ?? analysis.judges.error).not.toBeNull());
  await vi.waitFor(() =>
    expect(analysis.routing.value !== null || (analysis.judges.value?.routing.judges.length ?? 0) === 0).toBe(true),
  );
  return analysis;
}

describe('JudgesPanel', () => {
  it('shows the judge against the majority and recomputes the simulator when an input changes', async () => {
    const analysis = await open(CSV);
    render(JudgesPanel, { analysis });
    // majority: p1 A, p2 B, p3 A, p4 B, p5 A, p6 B; the judge matches 4 of 6
    expect(within(screen.getByTestId('judge-accuracy')).getByText('66.7%')).toBeTruthy();
    expect(within(screen.getByTestId('routing-ai-only')).getByText('66.7%')).toBeTruthy();
    const target = screen.getByTestId('target') as HTMLInputElement;
    await fireEvent.input(target, { target: { value: '100' } });
    await vi.waitFor(() => expect(analysis.routingInputs.target).toBe(1));
    // with a human on every doubtful pair and the expert on disagreements, routing the two pairs below 0.5 reaches 100%
    await vi.waitFor(() => expect(analysis.routing.value?.best?.accuracy).toBe(1));
    expect(analysis.routing.value!.best!.threshold).toBeCloseTo(0.41, 10);
    await fireEvent.input(target, { target: { value: '140' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/the results below are for the last valid inputs/);
    expect(analysis.routingInputs.target).toBe(1);
    // the last valid results stay, dimmed
    expect(screen.getByTestId('routing-best').closest('.stale')).toBeTruthy();
  });

  it('says plainly when there is no AI judge', async () => {
    const analysis = await open('example_id,annotator_id,label\np1,x,A\np1,y,B\np2,x,A\np2,y,A\n');
    render(JudgesPanel, { analysis });
    expect(screen.getAllByText(/No AI judge in these files/).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('routing-best')).toBeNull();
    expect(within(screen.getByTestId('position-flagged')).getByText('0')).toBeTruthy();
  });
});
