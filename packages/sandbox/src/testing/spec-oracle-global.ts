// The spec oracle over every sandbox of a process, with no test opting in: it sits in the
// process-wide slot `createSandbox` reads (`SANDBOX_RESPONSE_OBSERVER`). The unit projects'
// setup (scripts/vitest-setup.ts) installs it and fails the test whose sandbox answered off-spec;
// the e2e servers record instead (./spec-oracle-log.ts). Node only, tests only.
import { SANDBOX_RESPONSE_OBSERVER } from '../response-observer';
import { readExchange, type SpecExchange } from './spec-exchange';
import type { SpecOracle, SpecViolation } from './spec-oracle';

export interface GlobalSpecOracle {
  /** Waits until every response seen so far is checked, then returns the new violations (and forgets them). */
  take(): Promise<SpecViolation[]>;
  /** Like `take`, but throws an error naming each request and its schema errors. */
  assertClean(): Promise<void>;
  /** How many responses were compared with the spec so far (0 until a sandbox answers). */
  readonly checked: number;
  /** Gives the slot back to what held it before (only if it still holds this oracle). */
  uninstall(): void;
}

/** One line per violation: the request, its status, the spec operation, each schema error. */
export function formatViolations(violations: readonly SpecViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.method} ${violation.path} → ${violation.status} (spec: ${violation.operation === undefined ? 'no operation' : `${violation.method} ${violation.operation}`}): ${violation.errors.join('; ')}`,
    )
    .join('\n');
}

/**
 * Puts a spec oracle in the process-wide slot every sandbox reports to. Responses are only read
 * as they come; the spec is loaded and the bodies checked in `take()` (a test's `afterEach`), so a
 * test's requests never wait on the oracle and a process (a test file) without a sandbox pays nothing.
 */
export function installGlobalSpecOracle(options: { specPath?: string } = {}): GlobalSpecOracle {
  const slots = globalThis as Record<symbol, unknown>;
  let oracle: SpecOracle | undefined;
  let reported = 0;
  const reading = new Set<Promise<void>>();
  const read: SpecExchange[] = [];
  const observer: SpecOracle['onResponse'] = ({ method, url, response }) => {
    const done = readExchange(method, url, response).then((exchange) => {
      if (exchange !== undefined) read.push(exchange);
    });
    reading.add(done);
    void done.finally(() => reading.delete(done));
  };
  const previous = slots[SANDBOX_RESPONSE_OBSERVER];
  slots[SANDBOX_RESPONSE_OBSERVER] = observer;

  async function take(): Promise<SpecViolation[]> {
    while (reading.size > 0) await Promise.all([...reading]);
    if (read.length === 0 && oracle === undefined) return [];
    // Ajv and the spec load only in a test file whose sandbox answered.
    oracle ??= (await import('./spec-oracle')).createSpecOracle(options);
    for (const exchange of read.splice(0)) oracle.record(exchange);
    await oracle.settled();
    const fresh = oracle.violations.slice(reported);
    reported = oracle.violations.length;
    return fresh;
  }

  return {
    take,
    async assertClean() {
      const fresh = await take();
      if (fresh.length > 0) {
        throw new Error(
          `The sandbox answered off Composio's OpenAPI spec (${fresh.length}):\n${formatViolations(fresh)}`,
        );
      }
    },
    get checked() {
      return oracle?.checked ?? 0;
    },
    uninstall() {
      if (slots[SANDBOX_RESPONSE_OBSERVER] === observer) slots[SANDBOX_RESPONSE_OBSERVER] = previous;
    },
  };
}
