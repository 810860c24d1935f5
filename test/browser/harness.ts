import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const BASE_PATH = '/prefscope/';
const DIST = join(import.meta.dirname, '../../dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.gz': 'application/gzip',
  '.csv': 'text/csv',
  '.md': 'text/markdown',
  '.png': 'image/png',
};

/** Serves the built app (dist/) under a sub-path, as GitHub Pages serves a project site. */
export async function serveDist(): Promise<{ server: Server; origin: string; url: string }> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(BASE_PATH)) {
      res.writeHead(404).end('outside the site');
      return;
    }
    let rel = normalize(path.slice(BASE_PATH.length));
    if (rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
    if (rel.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(join(DIST, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  return { server, origin, url: `${origin}${BASE_PATH}` };
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

/** Every request the page makes, and every console error, for assertions. */
export function record(page: Page): { requests: string[]; errors: string[] } {
  const log = { requests: [] as string[], errors: [] as string[] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(e.message));
  return log;
}

export const ARTIFACTS = join(import.meta.dirname, '../artifacts');

/**
 * The app `globalSetup.ts` serves, and a chromium for one test file, launched before the file's tests and
 * closed after. Read the fields inside the tests (the browser is set in `beforeAll`).
 */
export function useBuiltApp(): { browser: Browser; origin: string; url: string } {
  const app = { origin: inject('origin'), url: inject('url') } as { browser: Browser; origin: string; url: string };
  beforeAll(async () => {
    app.browser = await launch();
  }, 60_000);
  afterAll(async () => {
    await app.browser?.close();
  });
  return app;
}

/**
 * Waits until the page is still: no panel computing (aria-busy), no bootstrap progress bar, then a task and two
 * frames, so that charts drawn after their numbers arrive are on the page. A condition, not a delay.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"], [data-testid="bootstrap-progress"]'),
    undefined,
    { timeout: 60_000 },
  );
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), 0);
      }),
  );
}

/**
 * Opens a section's "data behind it" table and waits for its rows: the table renders its rows only once the
 * details element's toggle has reached the component, a moment after the click.
 */
export async function openTable(section: Locator): Promise<Locator> {
  await section.locator('summary').first().click();
  const rows = section.locator('tbody tr');
  await rows.first().waitFor({ timeout: 30_000 });
  return rows;
}
