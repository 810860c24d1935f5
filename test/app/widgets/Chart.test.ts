import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import * as Plot from '@observablehq/plot';
import Chart from '../../../src/app/widgets/Chart.svelte';
import { BASE } from '../../../src/charts/theme';

const saved = vi.hoisted(() => [] as { name: string; content: string | Blob; type?: string }[]);
vi.mock('../../../src/app/downloads/saveFile', () => ({
  saveFile: (name: string, content: string | Blob, type?: string) => saved.push({ name, content, type }),
}));

describe('Chart', () => {
  it('Chart offers SVG and PNG downloads by name, and the SVG button saves the drawn chart as a standalone file', async () => {
    const spec = {
      ...BASE,
      width: 300,
      height: 150,
      marks: [
        Plot.barY(
          [
            { x: 'A>', y: 2 },
            { x: '<b>', y: 3 },
          ],
          { x: 'x', y: 'y', stroke: 'currentColor' },
        ),
      ],
    };
    const { container } = render(Chart, { spec, title: "Pairwise Cohen's kappa" });
    const svgButton = screen.getByRole('button', {
      name: "Download Pairwise Cohen's kappa as SVG",
    }) as HTMLButtonElement;
    expect(screen.getByRole('button', { name: "Download Pairwise Cohen's kappa as PNG" }).textContent).toBe('PNG');
    // the chart draws in a task of its own; the buttons wait for it
    expect(svgButton.disabled).toBe(true);
    await vi.waitFor(() => expect(container.querySelector('.plot svg')).not.toBeNull());
    await vi.waitFor(() => expect(svgButton.disabled).toBe(false));
    await fireEvent.click(svgButton);
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatchObject({ name: 'pairwise-cohens-kappa.svg', type: 'image/svg+xml' });
    const file = saved[0].content as string;
    expect(file).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="300" height="150"/);
    expect(file).not.toMatch(/currentcolor/i);
    expect(file).toContain('&lt;b&gt;');
    expect(file).toContain("<title>Pairwise Cohen's kappa</title>");
  });
  it('a chart that fails to draw says so, and the others on the page still draw', async () => {
    const good = { ...BASE, width: 200, height: 100, marks: [Plot.barY([{ x: 'a', y: 1 }], { x: 'x', y: 'y' })] };
    const bad = {
      ...BASE,
      width: 200,
      height: 100,
      marks: [
        () => {
          throw new Error('a mark that breaks');
        },
      ],
    } as unknown as Plot.PlotOptions;
    const first = render(Chart, { spec: good, title: 'Good before' });
    const broken = render(Chart, { spec: bad, title: 'Broken' });
    const second = render(Chart, { spec: good, title: 'Good after' });
    await vi.waitFor(() =>
      expect(broken.container.textContent).toContain('This chart could not be drawn: a mark that breaks'),
    );
    await vi.waitFor(() => expect(first.container.querySelector('.plot svg, svg')).not.toBeNull());
    await vi.waitFor(() => expect(second.container.querySelector('.plot svg, svg')).not.toBeNull());
    expect(broken.container.querySelector('svg')).toBeNull();
  });
});
