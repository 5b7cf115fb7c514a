// Chromium's own complaints about a page, which never reach `console` listeners: interventions
// ("Unable to preventDefault inside passive event listener...") and violations ("Added
// non-passive event listener to a scroll-blocking 'touchstart' event..."), read through the
// DevTools Log domain.
import type { Page } from 'playwright-core';

export interface LogEntry {
  source: string;
  level: string;
  text: string;
}

export interface ViolationWatch {
  entries: LogEntry[];
  /** Entries that mean a listener blocked scrolling or preventDefault was refused. */
  scrollBlocking(): LogEntry[];
}

export async function watchViolations(page: Page): Promise<ViolationWatch> {
  const cdp = await page.context().newCDPSession(page);
  const entries: LogEntry[] = [];
  cdp.on('Log.entryAdded', ({ entry }) => entries.push({ source: entry.source, level: entry.level, text: entry.text }));
  await cdp.send('Log.enable');
  // Threshold 0: report every discouraged listener, not only slow ones (no timing involved).
  await cdp.send('Log.startViolationsReport', { config: [{ name: 'discouragedAPIUse', threshold: 0 }] });
  return {
    entries,
    scrollBlocking: () =>
      entries.filter((e) => e.source === 'intervention' || /passive|scroll-blocking|preventDefault/i.test(e.text)),
  };
}
