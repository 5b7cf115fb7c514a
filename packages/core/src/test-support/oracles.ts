// The scipy oracles of the fit options and bands (test-fixtures/fit-oracles/scipy.json), computed
// once with scipy 1.17.1 / numpy 2.4 and recorded: the tests compare against these numbers, not
// against python.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface LossOracle {
  params: [number, number];
  cost: number;
}

export interface ScipyOracles {
  ll3Article: {
    params: [number, number, number];
    covariance: number[][];
    sse: number;
    bandX: number[];
    fit: number[];
    confidenceLower: number[];
    confidenceUpper: number[];
    predictionLower: number[];
    predictionUpper: number[];
    inverse: { y: number; x: number; stderr: number; interval: [number, number] };
  };
  misra1aOutlier: { row: number; added: number; fScale: number; start: [number, number]; losses: Record<'linear' | 'soft_l1' | 'huber' | 'cauchy' | 'arctan', LossOracle> };
  ll3UpperD400: { params: [number, number, number]; sse: number };
  ll3FixB12: { params: [number, number, number]; sse: number };
}

export const SCIPY_ORACLES = JSON.parse(readFileSync(fileURLToPath(new URL('../../test-fixtures/fit-oracles/scipy.json', import.meta.url)), 'utf8')) as ScipyOracles;
