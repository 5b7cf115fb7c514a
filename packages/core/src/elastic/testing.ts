// Test tooling for code that uses the elastic engine (subpath "@tensile/core/elastic/testing"):
// a Host with a manual clock and fake elements. Kept out of "@tensile/core/elastic" so apps never ship it.
export { createFakeHost } from './host-fake';
export type { FakeElementInit, FakeEvent, FakeHost } from './host-fake';
