import { describe, expect, it } from 'vitest';
import { InvalidUtf8 } from '../../src/parse/invalidUtf8';

describe('InvalidUtf8', () => {
  it('bytes(view) looks at a short view that starts and ends between word boundaries (was: RangeError)', () => {
    const buffer = new Uint8Array([0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48]);
    const clean = new InvalidUtf8();
    for (let start = 0; start < 8; start++)
      for (let end = start; end <= 8; end++) expect(() => clean.bytes(buffer.subarray(start, end))).not.toThrow();
    expect(clean.armed).toBe(false);
    // an invalid byte (0xff) in each place of an unaligned view arms the check
    for (let at = 1; at < 4; at++) {
      const bytes = new Uint8Array([0x41, 0x41, 0x41, 0x41, 0x41]);
      bytes[at] = 0xff;
      const watch = new InvalidUtf8();
      watch.bytes(bytes.subarray(1, 4));
      expect(watch.armed).toBe(true);
    }
  });
});
