// @vitest-environment node
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { compareImages, halfSize } from './compareImages';

/** A width × height image of one colour, with `painted` pixels (x, y) set to another. */
function image(width: number, height: number, painted: [number, number][] = [], rgb = [255, 0, 0]): PNG {
  const png = new PNG({ width, height });
  png.data.fill(255);
  for (const [x, y] of painted) png.data.set([...rgb, 255], (y * width + x) * 4);
  return png;
}

describe('compareImages', () => {
  it('halfSize averages each 2 × 2 block', () => {
    const png = image(4, 2, [
      [0, 0],
      [1, 1],
    ]);
    const half = halfSize(png);
    expect([half.width, half.height]).toEqual([2, 1]);
    // block 1: two white, two red → (255 + 255 + 255 + 255 + 2) >> 2 for red, (255·2 + 0·2 + 2) >> 2 for green
    expect([...half.data.subarray(0, 4)]).toEqual([255, 128, 128, 255]);
    expect([...half.data.subarray(4, 8)]).toEqual([255, 255, 255, 255]);
  });

  it('counts the changed pixels, and a size change as every pixel', () => {
    const base = image(10, 10);
    expect(compareImages(image(10, 10), base)).toMatchObject({ changed: 0, share: 0, sizeChanged: false });
    const three = compareImages(
      image(10, 10, [
        [1, 1],
        [5, 5],
        [8, 2],
      ]),
      base,
    );
    expect(three.changed).toBe(3);
    expect(three.share).toBeCloseTo(0.03, 12);
    expect(compareImages(image(10, 12), base)).toMatchObject({ share: 1, sizeChanged: true, diff: null });
  });
});
