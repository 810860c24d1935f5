// One setup for every browser test file: the production build (made when dist/ is missing: `npm test` builds it
// first) and the built app served under a sub-path as GitHub Pages serves it. Each file launches its own chromium
// (`useBuiltApp`): a browser reached through `connect` cannot hand a test its downloads' paths.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ARTIFACTS, serveDist } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the served app's origin (`http://127.0.0.1:PORT`) and its URL under the sub-path */
    origin: string;
    url: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = join(import.meta.dirname, '../..');
  if (!existsSync(join(root, 'dist/index.html')))
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  mkdirSync(ARTIFACTS, { recursive: true });
  const { server, origin, url } = await serveDist();
  project.provide('origin', origin);
  project.provide('url', url);
  return async () => {
    server.close();
  };
}
