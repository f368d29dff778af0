// The process-wide `onResponse` slot, on its own (no imports) so the kit's test tooling can fill
// it without loading the sandbox.

/** What sees a clone of every response a sandbox gives, with the request's method and URL. It must not throw. */
export type ResponseObserver = (exchange: { method: string; url: string; response: Response }) => void;

/**
 * A process-wide `onResponse` (a `globalThis` slot under this registered symbol) that every
 * sandbox of the process also calls: the kit's own test setup puts the spec oracle there
 * (`src/testing/spec-oracle-global.ts`), so every suite is checked without each test opting in.
 * Unset outside the kit's tests.
 */
export const SANDBOX_RESPONSE_OBSERVER = Symbol.for('plugboard.sandbox.onResponse');

/** What the slot holds now, if anything. */
export function processObserver(): ResponseObserver | undefined {
  const slot = (globalThis as Record<symbol, unknown>)[SANDBOX_RESPONSE_OBSERVER];
  return typeof slot === 'function' ? (slot as ResponseObserver) : undefined;
}
