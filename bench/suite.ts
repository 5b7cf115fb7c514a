// The contract between `bench/run.ts` and each suite in bench/suites/.
export interface BenchSuite {
  /** Short id, used by `pnpm bench --only ID`. */
  id: string;
  /** Section title in BENCHMARKS.md. */
  title: string;
  /** Runs the measurements and returns the section body as markdown (tables of ratios, notes). */
  run(): Promise<string>;
}
