// The MLP progress bar: it says the best weights are kept, and its last frame ends on the MSE the
// report prints (training keeps the best epoch's weights, so the last epoch's loss may be higher).
import { describe, expect, it } from 'vitest';
import { ARTICLE_SAMPLES, toSamples } from '@tensile/core';
import { maybeRunMlpFit } from './mlp-run';

/** A stream cli-progress takes for a terminal; `frames` holds what each redraw wrote. */
function fakeTerminal() {
  const frames: string[] = [];
  const stream = Object.assign(Object.create(null), { isTTY: true, columns: 160, write: (text: string) => (frames.push(text), true), cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream, frames };
}

// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '').trim();

describe('tensile fit --model mlp progress bar', () => {
  it('ends on the reported MSE and says the best weights are kept', async () => {
    const { stream, frames } = fakeTerminal();
    let report = '';
    await maybeRunMlpFit({ epochs: '300', learningRate: '0.05' }, toSamples(ARTICLE_SAMPLES), {
      model: 'mlp:2x6',
      write: (text) => (report += text),
      progressStream: stream,
    });
    const reported = /^MSE (\S+) px²/m.exec(report)?.[1];
    expect(reported).toBeDefined();
    const last = frames.map(plain).filter((frame) => frame.includes('epoch')).at(-1) ?? '';
    expect(last).toMatch(/best weights kept: MSE \S+ px²$/);
    expect(last.endsWith(`best weights kept: MSE ${reported} px²`)).toBe(true);
  });
});
