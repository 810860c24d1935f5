// Shared test setup: jest-dom style matchers are not needed; keep the timezone fixed for every test.
process.env.TZ = 'UTC';
export {};

// jsdom lays nothing out and has no ResizeObserver (charts bind their width with one): a stub that never
// reports, so charts keep their spec's width, as before layout in a browser.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
