import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_LAB_TEXT } from './lab';
import { createLabSession } from './lab-session';

// scipy's optimum for ll3 on the article samples (bench/reference-figures.md, "Reference figures" in BENCHMARKS.md).
const LL3_SSE = 76.18987;
const SSE_TOLERANCE = 1e-5; // relative

const modelFiles = async () => {
  const dir = new URL('../public/models/net/', import.meta.url);
  return [
    new File([await readFile(new URL('model.json', dir))], 'model.json'),
    new File([await readFile(new URL('group1-shard1of1.bin', dir))], 'group1-shard1of1.bin'),
  ];
};

describe('createLabSession', () => {
  it('starts on the article samples and fits them with ll3 to scipy’s optimum, telling listeners', () => {
    const session = createLabSession();
    const listener = vi.fn();
    session.subscribe(listener);
    expect(session.get()).toMatchObject({ text: DEFAULT_LAB_TEXT, parseError: null, model: 'll3', fit: null });
    expect(session.get().points).toHaveLength(9);
    session.fit();
    const { fit } = session.get();
    expect(Math.abs(fit!.result.sse - LL3_SSE) / LL3_SSE).toBeLessThan(SSE_TOLERANCE);
    expect(listener).toHaveBeenCalled();
  });

  it('reports text that does not parse, and refuses to fit it', () => {
    const session = createLabSession();
    for (const text of ['', 'x,y\n1,NaN', 'x,y\n1,Infinity', 'not,a\nnumber,here', 'a'.repeat(10_000)]) {
      session.setText(text);
      expect(session.get().parseError, text.slice(0, 20)).toMatch(/./);
      expect(session.get().points).toEqual([]);
      session.fit();
      expect(session.get().fit).toBeNull();
    }
    session.reset();
    expect(session.get().parseError).toBeNull();
  });

  it('shows a failing fit as fitError (too few points for the model)', () => {
    const session = createLabSession();
    session.setText('x,y\n0,0\n100,10');
    session.setModel('5pl');
    session.fit();
    expect(session.get().fit).toBeNull();
    expect(session.get().fitError).toMatch(/./);
  });

  it('a dragged sample rewrites the text and refits; drags outside the samples or non-finite are ignored', () => {
    const session = createLabSession();
    session.fit();
    const before = session.get().fit!;
    session.dragPoint(3, 1500, 250);
    expect(session.get().text.split('\n')[4]).toBe('1500,250');
    expect(session.get().fit).not.toBe(before);
    const view = session.get();
    for (const [index, x, y] of [[-1, 0, 0], [99, 0, 0], [1.5, 0, 0], [0, Number.NaN, 0], [0, 0, Number.POSITIVE_INFINITY]]) session.dragPoint(index, x, y);
    expect(session.get()).toBe(view);
  });

  it('loads a TF.js model from files; a load that a later one or dispose overtook is dropped', async () => {
    const session = createLabSession();
    await session.loadFiles(await modelFiles());
    expect(session.get().tfCurve).not.toBeNull();
    expect(session.get().tfStatus).toMatch(/^Loaded model\.json \(compiled to plain JS\): y\(500\) = \d/);
    await session.loadFiles([new File(['{}'], 'notes.txt')]);
    expect(session.get().tfStatus).toMatch(/^Could not load the model: pick the model\.json/);
    const pending = session.loadFiles(await modelFiles());
    session.dispose();
    await pending;
    expect(session.get().tfCurve).toBeNull();
    expect(session.get().tfStatus).toBeNull();
  });
});
