// Importing the elastic engine touches no global (SSR-safe): browser globals are booby-trapped
// before a fresh import, and an engine can be created, read and destroyed on the server.
import { describe, expect, it, vi } from 'vitest';

const TRAPPED = ['window', 'document', 'navigator', 'matchMedia', 'requestAnimationFrame', 'cancelAnimationFrame', 'getComputedStyle', 'performance'];

describe('SSR safety', () => {
  it('imports, creates, snapshots and destroys without reading any browser global', async () => {
    const touched: string[] = [];
    const saved = new Map<string, PropertyDescriptor | undefined>();
    for (const name of TRAPPED) {
      saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
      Object.defineProperty(globalThis, name, { configurable: true, get: () => (touched.push(name), undefined) });
    }
    try {
      vi.resetModules();
      const elastic = await import('./index');
      const engine = elastic.createElastic({ pullToRefresh: { onRefresh: async () => {} } });
      expect(engine.getSnapshot().state).toBe('idle');
      const off = engine.subscribe(() => {});
      off();
      engine.setOptions({ curve: 'ios' });
      engine.destroy();
    } finally {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, name, descriptor);
        else delete (globalThis as Record<string, unknown>)[name];
      }
    }
    expect(touched).toEqual([]);
  });
});
