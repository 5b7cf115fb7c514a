// Unknown and misplaced option keys (issue 11): a typed ElasticError naming the key and, when another
// group has it, where it belongs, at the top level and in every group, from createElastic,
// attachElastic and setOptions. For JavaScript users and options built at run time (TypeScript
// already refuses these literals, hence the casts).
import { describe, expect, it } from 'vitest';
import { attachElastic, createElastic } from './engine';
import { ElasticError } from './errors';
import { createFakeHost } from './host-fake';
import { ELASTIC_DEFAULTS, resolveOptions } from './options';
import type { ElasticOptions } from './types';

const onRefresh = () => {};
const refuse = (options: unknown, message: RegExp | string, where?: string) => {
  try {
    resolveOptions(options as ElasticOptions);
    expect.unreachable(`accepted ${JSON.stringify(options)}`);
  } catch (error) {
    expect(error).toBeInstanceOf(ElasticError);
    expect((error as ElasticError).code).toBe('E_ELASTIC_OPTION');
    expect((error as Error).message).toMatch(message);
    if (where) expect((error as ElasticError).details.where).toBe(where);
  }
};

describe('misplaced keys name where they belong', () => {
  const cases: [string, unknown, string][] = [
    ['top-level onRefresh (what every peer calls it)', { onRefresh }, 'options.onRefresh is not an option; did you mean pullToRefresh.onRefresh?'],
    ['top-level threshold', { threshold: 80 }, 'options.threshold is not an option; did you mean pullToRefresh.threshold or loadMore.threshold?'],
    ['top-level stiffness', { stiffness: 300 }, 'options.stiffness is not an option; did you mean spring.stiffness?'],
    ['top-level mouse', { mouse: true }, 'options.mouse is not an option; did you mean input.mouse?'],
    ['top-level top', { top: false }, 'options.top is not an option; did you mean edges.top?'],
    ['top-level refreshing (an announcement)', { refreshing: 'Loading' }, 'options.refreshing is not an option; did you mean announce.refreshing?'],
    ['curve inside pullToRefresh', { pullToRefresh: { curve: 'ios' } }, 'pullToRefresh.curve is not an option; did you mean curve?'],
    ['max inside pullToRefresh', { pullToRefresh: { onRefresh, max: 200 } }, 'pullToRefresh.max is not an option; did you mean max?'],
    ['stiffness inside pullToRefresh', { pullToRefresh: { stiffness: 1 } }, 'pullToRefresh.stiffness is not an option; did you mean spring.stiffness?'],
    ['threshold inside spring', { spring: { threshold: 60 } }, 'spring.threshold is not an option; did you mean pullToRefresh.threshold or loadMore.threshold?'],
    ['onRefresh inside input', { input: { onRefresh } }, 'input.onRefresh is not an option; did you mean pullToRefresh.onRefresh?'],
    ['wheel inside edges', { edges: { wheel: false } }, 'edges.wheel is not an option; did you mean input.wheel?'],
    ['host inside announce', { announce: { host: {} } }, 'announce.host is not an option; did you mean host?'],
  ];
  it.each(cases)('%s', (_name, options, message) => refuse(options, message));

  it('names the option path in `where`', () => refuse({ onRefresh }, /onRefresh/, 'options.onRefresh'));
});

describe('unknown keys list what the group accepts', () => {
  it('at the top level', () => refuse({ bounce: true }, /^createElastic: options.bounce is not an option; expected one of axis, curve, edges, max, size, pullToRefresh, .*content, indicator, host/));
  it("accepts the shared contract's loadMore group, which adapters already pass", () => {
    expect(() => resolveOptions({ loadMore: { onLoadMore: () => {} } } as ElasticOptions)).not.toThrow();
    refuse({ onLoadMore: () => {} }, /options.onLoadMore is not an option/);
  });
  it('in edges', () => refuse({ edges: { bottomm: false } }, 'edges.bottomm is not an option; expected one of top, bottom, left, right'));
  it('in pullToRefresh', () => refuse({ pullToRefresh: { onrefresh: onRefresh } }, /pullToRefresh.onrefresh is not an option; expected one of threshold, thresholdIn, .*edge, onRefresh/));
  it('in input', () => refuse({ input: { pointer: true } }, /input.pointer is not an option; expected one of touch, pen, mouse, wheel, keyboard/));
  it('in spring', () => refuse({ spring: { tension: 170 } }, /spring.tension is not an option; expected one of stiffness, damping, mass, restDelta, restSpeed/));
  it('in announce', () => refuse({ announce: { done: 'Done' } }, /announce.done is not an option; expected one of ready, refreshing, complete, error/));
  it('every group of ELASTIC_DEFAULTS is checked', () => {
    for (const [group, defaults] of Object.entries(ELASTIC_DEFAULTS)) {
      if (typeof defaults !== 'object' || defaults === null) continue;
      refuse({ [group]: { notAnOption: 1 } }, `${group}.notAnOption is not an option`);
    }
  });
});

describe('hostile and odd keys', () => {
  it('__proto__ and constructor as own keys (JSON.parse makes them) are refused, not followed', () => {
    refuse(JSON.parse('{"__proto__": {"axis": "x"}}'), /options.__proto__ is not an option/);
    refuse({ constructor: Object }, /options.constructor is not an option/);
    refuse({ pullToRefresh: JSON.parse('{"__proto__": {}}') }, /pullToRefresh.__proto__ is not an option/);
  });

  it('a misplaced key is refused even when its value is undefined (it would be ignored either way)', () => {
    refuse({ onRefresh: undefined }, /did you mean pullToRefresh.onRefresh/);
  });

  it('symbol keys and inherited keys are not options and are not read', () => {
    expect(() => resolveOptions({ [Symbol('x')]: 1 } as ElasticOptions)).not.toThrow();
    expect(resolveOptions(Object.create({ somethingElse: 1 }) as ElasticOptions).axis).toBe('y');
  });

  it('a long hostile key is named as given', () => refuse({ ['k'.repeat(5000)]: 1 }, /options.k{5000} is not an option/));

  it('pullToRefresh: true and false take no keys to check', () => {
    expect(() => resolveOptions({ pullToRefresh: true })).not.toThrow();
    expect(() => resolveOptions({ pullToRefresh: false })).not.toThrow();
  });
});

describe('every entry point', () => {
  it('createElastic and attachElastic refuse a top-level onRefresh before touching the page', () => {
    expect(() => createElastic({ onRefresh } as ElasticOptions)).toThrow(/did you mean pullToRefresh.onRefresh/);
    const host = createFakeHost();
    const list = host.element({ scrollable: { y: true } });
    expect(() => attachElastic(list, { host, onRefresh } as ElasticOptions)).toThrow(/options.onRefresh is not an option; did you mean pullToRefresh.onRefresh\?/);
    expect(host.listenerCount()).toBe(0);
  });

  it('setOptions refuses it and the engine keeps its previous options', async () => {
    const host = createFakeHost();
    const list = host.element({ scrollable: { y: true } });
    let refreshed = 0;
    const engine = createElastic({ host, pullToRefresh: { onRefresh: () => void refreshed++ } });
    engine.attach(list);
    expect(() => engine.setOptions({ onRefresh: () => {} } as ElasticOptions)).toThrow(ElasticError);
    expect(() => engine.setOptions({ pullToRefresh: { onRefresh, timeOut: 5 } } as ElasticOptions)).toThrow(/pullToRefresh.timeOut is not an option/);
    void engine.refresh();
    await Promise.resolve();
    // Still the first onRefresh: the refused options changed nothing.
    expect(refreshed).toBe(1);
    expect(engine.getSnapshot().state).toBe('refreshing');
    engine.destroy();
  });
});
