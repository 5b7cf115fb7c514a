// @vitest-environment jsdom
// Bad options surface as the engine's typed error from the render that passed them (the adapter
// adds no validation of its own: core's messages name the option, the value and what was expected).
import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ElasticError, type ElasticOptions } from '@tensile/core/elastic';
import { useDamping } from './use-damping';

function Feed({ options }: { options: ElasticOptions }) {
  const [ref] = useDamping(options);
  return <ul ref={ref} />;
}

describe('bad options', () => {
  it('throw an ElasticError naming the option on mount', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() => render(<Feed options={{ max: Number.NaN }} />)).toThrow(ElasticError);
      expect(() => render(<Feed options={{ pullToRefresh: { threshold: -1 } }} />)).toThrow(/pullToRefresh\.threshold is -1, expected a finite number >= 1/);
    } finally {
      quiet.mockRestore();
    }
  });

  it('throw an ElasticError on an update too', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const view = render(<Feed options={{ max: 300 }} />);
      expect(() => view.rerender(<Feed options={{ max: -5 }} />)).toThrow(/max is -5/);
    } finally {
      quiet.mockRestore();
    }
  });
});
