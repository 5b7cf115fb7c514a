// The refresh and load jobs: a user handler run with an AbortSignal, a timeout, a minimum visible
// time and a result shown for a while. The engine owns the states on screen; a job only reports
// when to show its result and when it is over, through a clock it is given (the attachment's
// timers, all cleared on detach).
import { ElasticError } from './errors';

export interface JobClock {
  now(): number;
  /** Runs `callback` after `ms` unless the attachment ends first; returns its id. */
  later(callback: () => void, ms: number): number;
  cancel(id: number): void;
}

/** The times of a job: its resolved option group (pullToRefresh or loadMore). */
export interface JobTimes {
  /** ms; 0 = never. */
  readonly timeout: number;
  readonly minVisibleMs: number;
  readonly resultMs: number;
}

type Handler = (context: { signal: AbortSignal }) => unknown;

export interface Job {
  /** Resolves when the engine calls `finish()`: back at rest (never rejects). */
  readonly done: Promise<void>;
  /** Aborts the handler's signal with `reason`; no result is shown any more. */
  abort(reason: unknown): void;
  /** The job is over: resolves `done`. */
  finish(): void;
  /** Calls the handler (after the engine shows the job's state, so the handler sees it). */
  run(): void;
}

/**
 * A job for the handler `group[name]` (the group named `where` in messages: 'pullToRefresh', 'onRefresh'); `run()` calls it: `settled(error, failed)` runs once, no sooner than `minVisibleMs` after the
 * start (a resolve, a rejection or the timeout, whichever first), and `over()` runs `resultMs` later.
 */
export function createJob<Group extends JobTimes>(
  spec: Group,
  where: string,
  name: keyof Group & string,
  clock: JobClock,
  settled: (error: unknown, failed: boolean) => void,
  over: () => void,
): Job {
  const controller = new AbortController();
  const started = clock.now();
  let finished = () => {};
  const done = new Promise<void>((resolve) => (finished = resolve));
  let live = true;
  let timeout = 0;
  const settle = (error: unknown, failed: boolean) => {
    if (!live) return;
    live = false;
    clock.cancel(timeout);
    clock.later(
      () => {
        settled(error, failed);
        clock.later(over, spec.resultMs);
      },
      Math.max(0, started + spec.minVisibleMs - clock.now()),
    );
  };
  const run = () => {
    if (!live) return;
    if (spec.timeout) {
      timeout = clock.later(() => {
        const option = `${where}.timeout`;
        const reason = new ElasticError('E_ELASTIC_TIMEOUT', `${name} did not settle within ${option} = ${spec.timeout} ms`, { where: option, value: spec.timeout });
        controller.abort(reason);
        settle(reason, true);
      }, spec.timeout);
    }
    new Promise((resolve) => resolve((spec[name] as Handler | undefined)?.({ signal: controller.signal }))).then(
      () => settle(null, false),
      (error) => settle(error, true),
    );
  };
  return {
    run,
    done,
    abort(reason) {
      live = false;
      controller.abort(reason);
    },
    finish: () => finished(),
  };
}
