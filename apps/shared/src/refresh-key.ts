// The demos' refresh buttons go through the engine's keyboard path: the React and Vue adapters
// hand out the snapshot but not the engine, and the engine refreshes when its container has focus
// and receives the refresh key (ELASTIC_DEFAULTS.input.keyboard, 'r'). Focusing the list first
// also leaves keyboard users where the new posts appear.
import { ELASTIC_DEFAULTS } from '@tensile/core/elastic';

export function refreshWithKey(scroller: HTMLElement | null): void {
  if (!scroller) return;
  const key = ELASTIC_DEFAULTS.input.keyboard;
  if (!key) return;
  scroller.focus({ preventScroll: true });
  scroller.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}
