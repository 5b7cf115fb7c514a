// The inverse-rendering example as a test: the light position is recovered from the image alone.
import { describe, expect, it } from 'vitest';
import { valueOf } from '@tensile/core';
import { TRUE_LIGHT, recoverLight, render } from './inverse-rendering';

/** Scene units (the floor is 8 units wide, a pixel 1/3 unit). */
const POSITION_TOLERANCE = 0.01;

describe('inverse rendering', () => {
  it('renders a shadow (the branch is taken) and recovers the light from a reference image', () => {
    const reference = render(TRUE_LIGHT).map(valueOf);
    const shadowed = reference.filter((v) => v === 0.05).length;
    expect(shadowed).toBeGreaterThan(10);
    expect(shadowed).toBeLessThan(reference.length / 2);
    const { light } = recoverLight(reference, { x: 1.5, y: -2 });
    expect(Math.abs(light.x - TRUE_LIGHT.x)).toBeLessThan(POSITION_TOLERANCE);
    expect(Math.abs(light.y - TRUE_LIGHT.y)).toBeLessThan(POSITION_TOLERANCE);
  });
});
