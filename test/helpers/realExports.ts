// The real exports of public tools in ../shared/real-exports/ (provenance and licences in its README), read in
// place by the tests that need them and never copied into this repository. Without ../shared the tests that
// read them are skipped (counted in the run's closing line).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadFiles, type LoadOptions, type LoadResult } from '../../src/parse/loadFiles';
import type { InputFile } from '../../src/parse/types';
import { diskFile } from './loadText';

export const REAL_EXPORTS = join(import.meta.dirname, '../../../shared/real-exports');

/** True when every named file (paths under real-exports/) is there. */
export const hasRealExports = (...paths: string[]) => paths.every((p) => existsSync(join(REAL_EXPORTS, p)));

/** The files as the page or the command would get them, named by their path under real-exports/ minus the folder. */
export async function realFiles(...paths: string[]): Promise<InputFile[]> {
  return Promise.all(paths.map(async (p) => ({ ...(await diskFile(join(REAL_EXPORTS, p))), name: p.split('/').slice(1).join('/') })));
}

export async function loadReal(paths: string[], options: LoadOptions = {}): Promise<LoadResult> {
  return loadFiles(await realFiles(...paths), options);
}
