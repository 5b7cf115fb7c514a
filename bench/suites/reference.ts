// Not a measurement: the fixed figures the project is measured against (the article's samples and
// net, scipy's optima, the peers' failures on that data, NIST StRD), with their sources, kept in
// bench/reference-figures.md so that a full `pnpm bench` writes them into BENCHMARKS.md too.
import { readFile } from 'node:fs/promises';
import type { BenchSuite } from '../suite';

const suite: BenchSuite = {
  id: 'reference',
  title: 'Reference figures and their sources',
  run: () => readFile(new URL('../reference-figures.md', import.meta.url), 'utf8'),
};

export default suite;
