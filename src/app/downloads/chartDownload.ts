import { exportFileName, pageStyleOf, serialiseChart, type SerialisedChart } from './chartExport';
import { saveFile } from './saveFile';
import { sharedText } from './sharing';

/**
 * Draws a serialised chart into a canvas at `scale` times its size and encodes it as PNG. The SVG is read
 * as an image from a `blob:` URL of the page (allowed by the CSP's `img-src blob:`), so nothing is fetched.
 */
export async function rasterise(chart: SerialisedChart, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([chart.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(chart.width, chart.height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(chart.width * scale));
    canvas.height = Math.max(1, Math.round(chart.height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves the chart Plot rendered (`node`, shown inside `shownIn`) as an SVG or a PNG file named after its title. */
export async function downloadChart(
  node: Element,
  shownIn: Element,
  title: string,
  kind: 'svg' | 'png',
): Promise<void> {
  const chart = serialiseChart(node, pageStyleOf(shownIn), title);
  if (kind === 'svg') saveFile(exportFileName(title, 'svg'), chart.svg, 'image/svg+xml');
  // the PNG is drawn from the SVG as it may be shared (annotator ids pseudonymised when sharing is on)
  else saveFile(exportFileName(title, 'png'), await rasterise({ ...chart, svg: sharedText(chart.svg) }));
}
