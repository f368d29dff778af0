// For test files: sandboxes whose every response goes through one spec oracle, and the check at
// the end of a suite. Node only, for tests only.
import { expect } from 'vitest';
import { createSandbox, type Sandbox, type SandboxOptions } from '../sandbox';
import { createSpecOracle, type SpecOracle } from './spec-oracle';

export interface SpecChecked {
  oracle: SpecOracle;
  /** `createSandbox` with the oracle watching every response. */
  createSandbox(options?: SandboxOptions): Sandbox;
}

export function specChecked(): SpecChecked {
  const oracle = createSpecOracle();
  return {
    oracle,
    createSandbox: (options = {}) => createSandbox({ ...options, onResponse: oracle.onResponse }),
  };
}

/** The last test of a suite: zero violations over at least `atLeast` checked responses. */
export async function expectSpecClean(oracle: SpecOracle, atLeast: number): Promise<void> {
  await oracle.settled();
  expect(oracle.violations).toEqual([]);
  expect(oracle.checked).toBeGreaterThanOrEqual(atLeast);
}
