// @vitest-environment jsdom
// The contract checked against itself: a plain reference binding (attach on mount, setOptions on
// update, destroy on unmount) passes every scenario, and bindings with the classic adapter bugs
// each fail the scenario written for that bug.
import { describe, expect, it } from 'vitest';
import { createElastic, type ElasticEngine, type ElasticOptions } from '@tensile/core/elastic';
import type { AdapterHarness, MountedAdapter } from './harness';
import { contractScenarios } from './scenarios';
import { runAdapterContract } from './run';

type Bug = 'none' | 're-attach on update' | 'ignore updates' | 'no cleanup on unmount';

function referenceBinding(bug: Bug): AdapterHarness {
  return {
    name: `reference binding (${bug})`,
    rendersState: true,
    async mount(options: ElasticOptions): Promise<MountedAdapter> {
      const element = document.body.appendChild(document.createElement('div'));
      element.appendChild(document.createElement('div'));
      const log: string[] = [];
      let engine: ElasticEngine = createElastic(options);
      const bind = () => {
        engine.subscribe(() => log.push(engine.getSnapshot().state));
        engine.attach(element);
      };
      bind();
      log.push(engine.getSnapshot().state);
      return {
        element,
        readState: () => log[log.length - 1],
        renders: () => log,
        async update(next) {
          if (bug === 'ignore updates') return;
          if (bug === 're-attach on update') {
            engine.destroy();
            engine = createElastic(next);
            return bind();
          }
          engine.setOptions(next);
        },
        async unmount() {
          element.remove();
          if (bug === 'no cleanup on unmount') return;
          engine.destroy();
        },
      };
    },
    act: async (fn) => void (await fn()),
  };
}

runAdapterContract(referenceBinding('none'));

describe('each contract scenario catches its bug', () => {
  const failing = async (bug: Bug, scenario: string) => {
    const s = contractScenarios.find((c) => c.name.startsWith(scenario));
    if (!s) throw new Error(`no scenario named ${scenario}`);
    await expect(s.run(referenceBinding(bug))).rejects.toThrow();
  };
  it('re-attaching on every update fails the options-update scenario', () => failing('re-attach on update', 'an options update'));
  it('dropping updates fails the options-update scenario', () => failing('ignore updates', 'an options update'));
  it('re-attaching on every update fails the equal-options scenario', () => failing('re-attach on update', 'updates with equal options'));
  it('no cleanup on unmount fails the unmount scenario', () => failing('no cleanup on unmount', 'unmounting mid-refresh'));
  it('no cleanup on unmount fails the mid-load-more unmount scenario', () => failing('no cleanup on unmount', 'unmounting mid-load-more'));
  it('no cleanup on unmount fails the re-mount scenario', () => failing('no cleanup on unmount', 'a re-mount'));
});
