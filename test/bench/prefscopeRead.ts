/**
 * prefscope's reader on one file, in a process of its own (as the floor and pandas run in theirs, each
 * starting cold): `loadFiles` on an `fs.openAsBlob` of the file, timed from the call to its result (node's
 * start and the module loading are left out: the modules a load imports lazily are loaded by reading the file's
 * first 64 KB before the clock starts). Prints JSON for test/bench/bench.ts:
 * `{ms, judgements, items, codedBytes, loadBytes}`.
 *
 *     node --import tsx test/bench/prefscopeRead.ts FILE
 */
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import type { Ratings } from '../../src/core/types';
import { loadFiles, type LoadResult } from '../../src/parse/loadFiles';

const typedArrays = (values: unknown[]) => values.filter((v): v is ArrayBufferView => ArrayBuffer.isView(v));

/**
 * Bytes held in the typed arrays of the loaded `Ratings` (per judgement: item, annotator, label, dimension,
 * and time, timestamp, side shown first, AI confidence and slice codes when present; per item and per
 * annotator: gold, kind), and those plus the load's per-judgement source row and file index.
 */
export function codedBytes(loaded: Pick<LoadResult, 'ratings' | 'row' | 'file'>): { ratings: number; load: number } {
  const r: Ratings = loaded.ratings;
  const ratings = [...typedArrays(Object.values(r)), ...r.slices.map((s) => s.code)].reduce(
    (sum, a) => sum + a.byteLength,
    0,
  );
  return { ratings, load: ratings + loaded.row.byteLength + loaded.file.byteLength };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2];
  const blob = await openAsBlob(path);
  // the modules a load imports as it goes (a format's reader) are loaded first, by reading the file's first
  // 64 KB (cut short, so it may fail): their loading and compiling by tsx is not reading
  await loadFiles([{ name: basename(path), blob: blob.slice(0, 1 << 16) }]).catch(() => {});
  const t = performance.now();
  const loaded = await loadFiles([{ name: basename(path), blob }]);
  const ms = performance.now() - t;
  const bytes = codedBytes(loaded);
  console.log(
    JSON.stringify({
      ms,
      judgements: loaded.ratings.n,
      items: loaded.ratings.items.length,
      codedBytes: bytes.ratings,
      loadBytes: bytes.load,
    }),
  );
}
