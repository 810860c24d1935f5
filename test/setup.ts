// Shared test setup: jest-dom style matchers are not needed; keep the timezone fixed for every test.
process.env.TZ = 'UTC';
export {};
