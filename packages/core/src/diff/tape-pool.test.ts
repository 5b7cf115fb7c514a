// The tape pool keeps only small storage (issue 14, point 7): one 5M-op gradient used to leave
// 320 MB in the pool for the life of the process.
import { describe, expect, it } from 'vitest';
import { MB, liveHeapBytes } from '../test-support/heap';
import { add, mul } from './ops';
import { POOLED_TAPE_NODES_MAX, valueAndGrad } from './reverse';
import type { Num } from './value';

const chain = (ops: number) => (x: Num) => {
  let acc: Num = x;
  for (let i = 0; i < ops; i++) acc = i % 2 === 0 ? add(acc, 1e-9) : mul(acc, 1);
  return acc;
};

describe('tape pool', () => {
  it('drops the storage of a 5M-op gradient instead of pooling it', () => {
    valueAndGrad(chain(100))(1); // warm the pool with a small tape
    const before = liveHeapBytes();
    const { grad } = valueAndGrad(chain(5_000_000))(1);
    expect(grad).toBe(1);
    const after = liveHeapBytes();
    expect(after - before).toBeLessThan(32 * MB);
  });

  it('still reuses small storage across a loop of gradients (at most 8 pooled, each at most the cap)', () => {
    valueAndGrad(chain(POOLED_TAPE_NODES_MAX / 2))(1);
    const before = liveHeapBytes();
    for (let i = 0; i < 50; i++) valueAndGrad(chain(POOLED_TAPE_NODES_MAX / 2))(1);
    expect(liveHeapBytes() - before).toBeLessThan(8 * MB);
  });
});
