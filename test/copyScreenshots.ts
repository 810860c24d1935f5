/**
 * `npm run screenshots`: after the browser tests have written their screenshots to test/artifacts/, copies
 * the ones the README shows to .github/screenshots/ (one per panel). Fails when one is missing.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SHOTS: Record<string, string> = {
  'overview-demo.png': 'overview.png',
  'agreement-demo.png': 'agreement.png',
  'annotators-demo.png': 'annotators.png',
  'final-labels-demo.png': 'final-labels.png',
  'judges.png': 'judges.png',
  'planning.png': 'planning.png',
  'columns-demo.png': 'columns.png',
  'format-arena-overview.png': 'formats-arena.png',
  'rubric.png': 'rubric.png',
  'next-label.png': 'next-label.png',
  'compare.png': 'compare.png',
  'compare-split.png': 'compare-split.png',
  'sharing.png': 'sharing.png',
};

mkdirSync(join(ROOT, '.github/screenshots'), { recursive: true });
const missing = Object.keys(SHOTS).filter((from) => !existsSync(join(ROOT, 'test/artifacts', from)));
if (missing.length) {
  process.stderr.write(`screenshots: missing ${missing.join(', ')} (run the browser tests first)\n`);
  process.exit(1);
}
for (const [from, to] of Object.entries(SHOTS))
  copyFileSync(join(ROOT, 'test/artifacts', from), join(ROOT, '.github/screenshots', to));
process.stdout.write(`screenshots: ${Object.keys(SHOTS).length} copied to .github/screenshots/\n`);
