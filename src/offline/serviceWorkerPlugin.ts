import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { serviceWorkerSource } from './serviceWorkerSource.ts';

export const SERVICE_WORKER_FILE = 'sw.js';

/** Every file under `dir` (recursively), as sorted paths relative to it with forward slashes. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * The precache list and version of a built site: every file but the service worker itself, and the first 16
 * hex digits of a SHA-256 over each file's path and content hash (any changed byte, added or removed file
 * makes a new version).
 */
export function precacheManifest(outDir: string): { files: string[]; version: string } {
  const files = listFiles(outDir).filter((file) => file !== SERVICE_WORKER_FILE);
  const all = createHash('sha256');
  for (const file of files)
    all.update(
      `${file}\0${createHash('sha256')
        .update(readFileSync(join(outDir, file)))
        .digest('hex')}\n`,
    );
  return { files, version: all.digest('hex').slice(0, 16) };
}

/**
 * Writes `sw.js` at the root of the built site once the whole bundle (and the public folder) is on disk. Build
 * only: `vite dev` and the tests never see a service worker.
 */
export function serviceWorkerPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'prefscope:service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const { files, version } = precacheManifest(outDir);
        writeFileSync(join(outDir, SERVICE_WORKER_FILE), serviceWorkerSource(files, version));
      },
    },
  };
}
