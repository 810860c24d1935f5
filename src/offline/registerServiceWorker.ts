/**
 * Registers the service worker of the built site (`sw.js`, next to the page, so its scope is the site's
 * sub-path) and resolves to true once a service worker is active: every built file is then in the cache and
 * the page opens with no network. Resolves to false in development, on `file:` and where service workers are
 * not available (an insecure origin, a private window that refuses them).
 */
export function registerServiceWorker(): Promise<boolean> {
  if (!import.meta.env.PROD || !/^https?:$/.test(location.protocol) || !('serviceWorker' in navigator))
    return Promise.resolve(false);
  return new Promise((resolve) => {
    // after the page has loaded, so precaching never competes with the first render
    const start = () =>
      navigator.serviceWorker
        .register(new URL('sw.js', document.baseURI))
        .then(() => navigator.serviceWorker.ready)
        .then(
          () => resolve(true),
          () => resolve(false),
        );
    if (document.readyState === 'complete') start();
    else addEventListener('load', start, { once: true });
  });
}
