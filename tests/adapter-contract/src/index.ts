// @tensile/adapter-contract: the one test suite every framework adapter passes (see scenarios.ts).
export { runAdapterContract } from './run';
export { contractScenarios } from './scenarios';
export type { ContractScenario } from './scenarios';
export type { AdapterHarness, MountedAdapter } from './harness';
export { countingCurves, createContractHost, pullDown, pullUp, release, settle, flushPromises, MOVE_MS } from './host';
export type { ContractHost } from './host';
export { runComponentContract } from './component';
export type { ComponentHarness, ComponentProps, MountedComponent } from './component';
