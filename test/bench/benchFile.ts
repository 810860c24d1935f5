import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realisticCsv, type RealisticOptions } from './realisticCsv';

export const BENCH_DIR = join(import.meta.dirname, '../artifacts/bench');

/**
 * Writes `realisticCsv(pairs, options)` to `test/artifacts/bench/` and returns its path. The file is kept
 * beside a key (a hash of the generator's source and the options) and written again only when the key
 * differs, so a second run does not spend a minute writing the same 600 MB.
 */
export async function benchFile(pairs: number, options: RealisticOptions = {}): Promise<{ path: string; mb: number }> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const { order = 'submission', textChars = 0 } = options;
  const name = `realistic-${pairs}-${order}${textChars ? `-text${textChars}` : ''}.csv`;
  const path = join(BENCH_DIR, name);
  const source = readFileSync(join(import.meta.dirname, 'realisticCsv.ts'), 'utf8');
  const key = createHash('sha1')
    .update(source)
    .update(JSON.stringify({ pairs, ...options }))
    .digest('hex');
  if (!existsSync(path) || !existsSync(`${path}.key`) || readFileSync(`${path}.key`, 'utf8') !== key) {
    const out = createWriteStream(`${path}.partial`);
    for (const chunk of realisticCsv(pairs, options)) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    renameSync(`${path}.partial`, path);
    writeFileSync(`${path}.key`, key);
  }
  return { path, mb: statSync(path).size / 1e6 };
}
