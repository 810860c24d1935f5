// Screenshots against committed baselines: images are stored at half size (every 2 × 2 block averaged), which
// keeps the baselines small and ignores sub-pixel anti-aliasing, then compared with pixelmatch (anti-aliased
// pixels are not counted as changes). A change is a share of pixels that differ; a different size is a change.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const BASELINES = join(import.meta.dirname, 'baselines');
/** A panel may differ in at most this share of its pixels (fonts and charts render the same on one image). */
export const CHANGED_SHARE = 0.002;
/** pixelmatch's per-pixel colour threshold (0..1; its default). */
const PIXEL_THRESHOLD = 0.1;

/** The image at half its width and height, each pixel the mean of a 2 × 2 block (odd edges dropped). */
export function halfSize(image: PNG): PNG {
  const width = Math.floor(image.width / 2),
    height = Math.floor(image.height / 2);
  const out = new PNG({ width, height });
  const src = image.data,
    dst = out.data,
    stride = image.width * 4;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (2 * y * image.width + 2 * x) * 4,
        o = (y * width + x) * 4;
      for (let c = 0; c < 4; c++)
        dst[o + c] = (src[i + c] + src[i + 4 + c] + src[i + stride + c] + src[i + stride + 4 + c] + 2) >> 2;
    }
  return out;
}

export interface Comparison {
  /** pixels that differ (all of them when the sizes differ) */
  changed: number;
  total: number;
  share: number;
  sizeChanged: boolean;
  /** the differing pixels in red over a faded copy of the image (null when the sizes differ) */
  diff: PNG | null;
}

/** How far `actual` is from `baseline`. */
export function compareImages(actual: PNG, baseline: PNG): Comparison {
  const total = actual.width * actual.height;
  if (actual.width !== baseline.width || actual.height !== baseline.height)
    return { changed: total, total, share: 1, sizeChanged: true, diff: null };
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(actual.data, baseline.data, diff.data, actual.width, actual.height, {
    threshold: PIXEL_THRESHOLD,
  });
  return { changed, total, share: total ? changed / total : 0, sizeChanged: false, diff };
}

export const readPng = (path: string): PNG => PNG.sync.read(readFileSync(path));
export function writePng(path: string, image: PNG): void {
  mkdirSync(dirname(path), { recursive: true });
  // RGB without alpha (screenshots are opaque): a quarter smaller on disk
  writeFileSync(path, PNG.sync.write(image, { colorType: 2 }));
}

/**
 * Checks one screenshot (a full-size PNG buffer) against its baseline `name`.png: writes the half-size image
 * to `outDir` (and the diff beside it when it changed), or, when `accept`, makes it the baseline. Returns
 * null when it matches, else what differs in words.
 */
export function checkScreenshot(name: string, screenshot: Buffer, outDir: string, accept = false): string | null {
  const image = halfSize(PNG.sync.read(screenshot));
  writePng(join(outDir, `${name}.png`), image);
  const baselinePath = join(BASELINES, `${name}.png`);
  if (accept) {
    writePng(baselinePath, image);
    return null;
  }
  if (!existsSync(baselinePath)) return `${name}: no baseline (run npm run visual:accept after reviewing the image)`;
  const baseline = readPng(baselinePath);
  const c = compareImages(image, baseline);
  if (c.sizeChanged)
    return `${name}: size ${image.width}×${image.height} where the baseline is ${baseline.width}×${baseline.height}`;
  if (c.share <= CHANGED_SHARE) return null;
  writePng(join(outDir, `${name}.diff.png`), c.diff!);
  return `${name}: ${(100 * c.share).toFixed(2)}% of pixels changed (at most ${(100 * CHANGED_SHARE).toFixed(1)}%); see ${name}.diff.png`;
}
