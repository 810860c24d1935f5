import { join } from 'node:path';
import { AI } from '../../src/core/types';
import { loadFiles, type FileOptions, type LoadOptions, type LoadResult } from '../../src/parse/loadFiles';
import { UnreadableFile } from '../../src/parse/types';
import { diskFile } from './loadText';

export const FORMAT_FIXTURES = join(import.meta.dirname, '../fixtures/formats');

/** Loads fixtures from `test/fixtures/formats/` (node environment only: node's Blob streams). */
export async function loadFormatFixtures(
  names: string[],
  options: LoadOptions & { file?: FileOptions } = {},
): Promise<LoadResult> {
  const files = await Promise.all(names.map((n) => diskFile(join(FORMAT_FIXTURES, n))));
  return loadFiles(files, { ...options, files: options.file ? files.map(() => options.file!) : options.files });
}

/** The message of the UnreadableFile that loading the fixtures throws (fails when nothing is thrown). */
export async function formatFixtureError(
  names: string[],
  options: LoadOptions & { file?: FileOptions } = {},
): Promise<string> {
  try {
    await loadFormatFixtures(names, options);
  } catch (error) {
    if (error instanceof UnreadableFile) return error.message;
    throw error;
  }
  throw new Error(`loading ${names.join(', ')} did not fail`);
}

/** Judgements as sorted readable rows: `item | annotator | kind | dimension | label`. */
export function judgementRows(r: LoadResult): string[] {
  const x = r.ratings;
  const rows: string[] = [];
  for (let j = 0; j < x.n; j++) {
    const kind = x.annotatorKind[x.annotator[j]] === AI ? 'ai' : 'human';
    rows.push(
      [
        x.items[x.item[j]],
        x.annotators[x.annotator[j]],
        kind,
        x.dimensions[x.dimension[j]],
        x.categories[x.label[j]],
      ].join(' | '),
    );
  }
  return rows.sort();
}

/** The gold label of each gold item: `item → label`. */
export function goldLabels(r: LoadResult): Record<string, string> {
  const x = r.ratings;
  const out: Record<string, string> = {};
  x.itemGold.forEach((g, i) => {
    if (g >= 0) out[x.items[i]] = x.categories[g];
  });
  return out;
}
