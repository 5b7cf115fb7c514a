// Heap measurement for memory-bomb regression tests: a real collection before each reading (the
// gc function is exposed at run time, so no test runner flag is needed), heap plus the backing
// stores of typed arrays, where a bomb's bytes actually go.
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/** Bytes held by JS objects and ArrayBuffers after a full collection. */
export function liveHeapBytes(): number {
  collect();
  collect();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

export const MB = 1024 * 1024;
