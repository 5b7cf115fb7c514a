import { describe, expect, it } from 'vitest';
import { ROUTES, routeFromHash } from './routes';

describe('routeFromHash', () => {
  const all = ROUTES.map((r) => r.id);
  it('reads #/id, #id and #/id/extra', () => {
    expect(routeFromHash('#/curves', all)).toBe('curves');
    expect(routeFromHash('#lab', all)).toBe('lab');
    expect(routeFromHash('#/nested/deep?x=1', all)).toBe('nested');
  });
  it('falls back for empty, unknown and unavailable routes', () => {
    expect(routeFromHash('', all)).toBe('feed');
    expect(routeFromHash('#/nope', all)).toBe('feed');
    expect(routeFromHash('#/lab', all.filter((id) => id !== 'lab'))).toBe('feed');
    expect(routeFromHash('#/toString', all, 'edges')).toBe('edges');
  });
});
