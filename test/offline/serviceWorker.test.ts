// @vitest-environment node
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { precacheManifest } from '../../src/offline/serviceWorkerPlugin';
import { serviceWorkerSource } from '../../src/offline/serviceWorkerSource';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'prefscope-sw-'));
  dirs.push(dir);
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

describe('precacheManifest', () => {
  it('precacheManifest(dir) lists every file but sw.js, sorted, and its version follows their contents', () => {
    const files = {
      'index.html': '<!doctype html>',
      'assets/index-abc.js': 'x',
      'samples/demo.csv.gz': 'gz',
      'sw.js': 'old',
    };
    const a = precacheManifest(site(files));
    expect(a.files).toEqual(['assets/index-abc.js', 'index.html', 'samples/demo.csv.gz']);
    expect(a.version).toMatch(/^[0-9a-f]{16}$/);
    expect(precacheManifest(site({ ...files, 'sw.js': 'other' })).version).toBe(a.version);
    expect(precacheManifest(site({ ...files, 'samples/demo.csv.gz': 'gz!' })).version).not.toBe(a.version);
    expect(precacheManifest(site({ ...files, 'favicon.svg': '<svg/>' })).version).not.toBe(a.version);
  });
});

/** Runs the generated sw.js in a sandbox with a fake cache storage and network, as a browser would. */
function runServiceWorker(files: string[], caches0: Record<string, string[]> = {}) {
  const SCOPE = 'https://someone.github.io/prefscope/';
  const store = new Map<string, Map<string, string>>(
    Object.entries(caches0).map(([name, urls]) => [name, new Map(urls.map((u) => [u, 'old']))]),
  );
  const network: { url: string; cache?: string }[] = [];
  const listeners: Record<string, (event: unknown) => void> = {};
  let claimed = false;
  const openCache = (name: string) => {
    if (!store.has(name)) store.set(name, new Map());
    const entries = store.get(name)!;
    return {
      addAll: async (requests: Request[]) => {
        for (const r of requests) {
          network.push({ url: r.url, cache: r.cache });
          entries.set(r.url, `body of ${r.url}`);
        }
      },
      match: async (r: Request | string) => {
        const body = entries.get(typeof r === 'string' ? r : r.url);
        return body === undefined ? undefined : new Response(body, { headers: { 'x-from': 'cache' } });
      },
    };
  };
  const sandbox = {
    URL,
    Request,
    Response,
    Promise,
    self: {
      registration: { scope: SCOPE },
      addEventListener: (type: string, f: (event: unknown) => void) => (listeners[type] = f),
      clients: {
        claim: async () => {
          claimed = true;
        },
      },
    },
    caches: {
      open: async (name: string) => openCache(name),
      keys: async () => [...store.keys()],
      delete: async (name: string) => store.delete(name),
    },
    fetch: async (r: Request) => {
      network.push({ url: r.url });
      return new Response('from network', { headers: { 'x-from': 'network' } });
    },
  };
  runInNewContext(serviceWorkerSource(files, 'v2'), sandbox);
  const wait = async (type: string, extra: object = {}) => {
    let done: Promise<unknown> = Promise.resolve();
    listeners[type]({ waitUntil: (p: Promise<unknown>) => (done = p), ...extra });
    await done;
  };
  const fetchEvent = async (url: string, init: { method?: string; mode?: 'navigate' } = {}) => {
    const held: { answer?: Promise<Response> } = {};
    const request = { url, method: init.method ?? 'GET', mode: init.mode ?? 'cors' } as unknown as Request;
    listeners.fetch({ request, respondWith: (p: Promise<Response>) => (held.answer = p) });
    if (!held.answer) return null;
    const response = await held.answer;
    return `${response.headers.get('x-from')}: ${await response.text()}`;
  };
  return { SCOPE, store, network, wait, fetchEvent, claimed: () => claimed };
}

describe('serviceWorkerSource', () => {
  it('serviceWorkerSource(files, version) precaches every file on install, bypassing the HTTP cache', async () => {
    const sw = runServiceWorker(['index.html', 'assets/index-abc.js', 'samples/demo.csv.gz']);
    await sw.wait('install');
    expect(sw.network).toEqual([
      { url: `${sw.SCOPE}index.html`, cache: 'reload' },
      { url: `${sw.SCOPE}assets/index-abc.js`, cache: 'reload' },
      { url: `${sw.SCOPE}samples/demo.csv.gz`, cache: 'reload' },
    ]);
    expect([...sw.store.keys()]).toEqual(['prefscope:/prefscope/:v2']);
  });

  it('on activate it deletes its own older caches only (not another site of the same origin), then claims the pages', async () => {
    const sw = runServiceWorker(['index.html'], {
      'prefscope:/prefscope/:v1': ['x'],
      'prefscope:/other-copy/:v1': ['y'],
      'someone-else': ['z'],
    });
    await sw.wait('install');
    await sw.wait('activate');
    expect([...sw.store.keys()].sort()).toEqual([
      'prefscope:/other-copy/:v1',
      'prefscope:/prefscope/:v2',
      'someone-else',
    ]);
    expect(sw.claimed()).toBe(true);
  });

  it('answers same-origin GETs from the cache first, the page itself with any query, and leaves the rest to the network', async () => {
    const sw = runServiceWorker(['index.html', 'assets/index-abc.js']);
    await sw.wait('install');
    sw.network.length = 0;
    expect(await sw.fetchEvent(`${sw.SCOPE}assets/index-abc.js`)).toBe(`cache: body of ${sw.SCOPE}assets/index-abc.js`);
    expect(await sw.fetchEvent(`${sw.SCOPE}?data=samples/x.csv`, { mode: 'navigate' })).toBe(
      `cache: body of ${sw.SCOPE}index.html`,
    );
    expect(await sw.fetchEvent(`${sw.SCOPE}index.html`, { mode: 'navigate' })).toBe(
      `cache: body of ${sw.SCOPE}index.html`,
    );
    expect(sw.network).toEqual([]);
    // not precached (a data file named in ?data=): fetched, and not stored
    expect(await sw.fetchEvent(`${sw.SCOPE}samples/x.csv`)).toBe('network: from network');
    expect(sw.store.get('prefscope:/prefscope/:v2')!.has(`${sw.SCOPE}samples/x.csv`)).toBe(false);
    // other origins and other methods are not touched
    expect(await sw.fetchEvent('https://elsewhere.example/a.js')).toBeNull();
    expect(await sw.fetchEvent(`${sw.SCOPE}index.html`, { method: 'POST' })).toBeNull();
  });
});
