// Compares the screenshots of the last browser run (test/artifacts/visual) with the baselines, and lists each
// panel that changed with its share of changed pixels: `npm run visual:compare`. Exits non-zero on a change.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BASELINES, CHANGED_SHARE, compareImages, readPng } from './compareImages';

const shots = join(import.meta.dirname, '../artifacts/visual');
const names = readdirSync(BASELINES).filter((f) => f.endsWith('.png'));
let changed = 0;
for (const name of names) {
  let line: string;
  try {
    const c = compareImages(readPng(join(shots, name)), readPng(join(BASELINES, name)));
    line = c.sizeChanged ? 'size changed' : `${(100 * c.share).toFixed(3)}% of pixels changed`;
    if (c.sizeChanged || c.share > CHANGED_SHARE) changed++;
  } catch {
    line = 'no screenshot (run the browser tests first)';
    changed++;
  }
  console.log(`${name.padEnd(44)} ${line}`);
}
console.log(`${names.length - changed} of ${names.length} panels match their baselines`);
process.exitCode = changed ? 1 : 0;
