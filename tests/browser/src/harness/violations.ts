// What Chromium itself says about a page's input listeners, read through the DevTools protocol:
// interventions from the Log domain ("Unable to preventDefault inside passive event listener
// invocation", never seen by `console` listeners), and the registered listeners of a node with
// their `passive` flags (DOMDebugger.getEventListeners), so a test can check which listeners
// can block scrolling.
import type { CDPSession, Page } from 'playwright-core';

export interface LogEntry {
  source: string;
  level: string;
  text: string;
}

export interface ViolationWatch {
  entries: LogEntry[];
  /** Interventions, and any entry about passive listeners or a refused preventDefault. */
  scrollBlocking(): LogEntry[];
}

/** Starts recording Log-domain entries of `page`; call before navigating. */
export async function watchViolations(page: Page): Promise<ViolationWatch> {
  const cdp = await page.context().newCDPSession(page);
  const entries: LogEntry[] = [];
  cdp.on('Log.entryAdded', ({ entry }) => entries.push({ source: entry.source, level: entry.level, text: entry.text }));
  await cdp.send('Log.enable');
  return {
    entries,
    scrollBlocking: () =>
      entries.filter((e) => e.source === 'intervention' || /passive|scroll-blocking|preventDefault/i.test(e.text)),
  };
}

export interface ListenerInfo {
  type: string;
  passive: boolean;
  useCapture: boolean;
}

/** Event listeners registered on `target` ('window', 'document' or a CSS selector), sorted by type. */
export async function listenersOf(page: Page, target: string): Promise<ListenerInfo[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const expression = target === 'window' ? 'window' : target === 'document' ? 'document' : `document.querySelector(${JSON.stringify(target)})`;
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    if (!result.objectId) throw new Error(`listenersOf: ${target} matched nothing`);
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    return listeners
      .map((l) => ({ type: l.type, passive: l.passive, useCapture: l.useCapture }))
      .sort((a, b) => a.type.localeCompare(b.type));
  } finally {
    await cdp.detach();
  }
}
