import { sharedText } from './sharing';

/**
 * Offers text or a blob as a file download through a temporary object URL (a `blob:` link on the page's
 * own origin: nothing is uploaded). Text goes through `sharedText` (annotator ids pseudonymised when the page
 * shares so); a blob must be made from shared text by its caller (a chart's PNG from its shared SVG).
 */
export function saveFile(name: string, content: string | Blob, type = 'application/octet-stream'): void {
  const blob = typeof content === 'string' ? new Blob([sharedText(content)], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
