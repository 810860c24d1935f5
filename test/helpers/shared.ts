// ../shared beside the project holds data the project may read in tests but never copies: public crowd data
// sets with ground truth and real exports of public tools. A user's clone has none of it, so every test that
// reads it goes through `withShared`, which skips it when a file is missing and marks it so the run's closing
// lines say how many tests were skipped for that reason (test/countReporter.ts).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';

export const SHARED = join(import.meta.dirname, '../../../shared');
/** The mark a skipped test's suite carries when ../shared (or a file in it) is missing. */
export const NEEDS_SHARED = '[skipped: needs ../shared]';

export const sharedPath = (...parts: string[]) => join(SHARED, ...parts);
/** True when every path (relative to ../shared) exists. */
export const hasShared = (...paths: string[]) => paths.every((p) => existsSync(sharedPath(p)));

type Body = () => unknown;
/**
 * `describe` and `it` that run when every named path under ../shared exists, and are otherwise skipped with
 * the NEEDS_SHARED mark in their name.
 */
export const withShared = (...paths: string[]) => whenShared(hasShared(...paths));

/** `describe` and `it` that run when `available` (data read from ../shared is there), else skip with the mark. */
export function whenShared(available: boolean) {
  return {
    available,
    describe: (name: string, body: () => void) =>
      available ? describe(name, body) : describe.skip(`${name} ${NEEDS_SHARED}`, body),
    it: (name: string, body: Body, timeout?: number) =>
      available ? it(name, body, timeout) : it.skip(`${name} ${NEEDS_SHARED}`, body, timeout),
  };
}
