// The spec oracle over the e2e suites' sandbox servers. Each server process records its sandbox's
// API responses, one JSON line each, in `.test-output/spec-oracle/` (`--import
// ./packages/sandbox/src/testing/spec-oracle-record.ts` on its command line, playwright.config.ts);
// Playwright's global teardown (e2e/spec-oracle.teardown.ts) checks them all against the spec.
// The servers never validate (no Ajv, no compile stalling a request); the teardown names each
// off-spec request. Node only, tests only.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SANDBOX_RESPONSE_OBSERVER } from '../response-observer';
import { readExchange, repoRoot, type SpecExchange } from './spec-exchange';
import type { SpecOracle, SpecViolation } from './spec-oracle';

/** The folder the servers record into: `$PLUGBOARD_SPEC_ORACLE_DIR`, else `.test-output/spec-oracle`. */
export function specLogDir(): string {
  return process.env.PLUGBOARD_SPEC_ORACLE_DIR ?? path.join(repoRoot(), '.test-output', 'spec-oracle');
}

/** `packages/sandbox/src/cli.ts` → `packages~sandbox~src~cli.ts`: which server a log is from. */
export function scriptLabel(script: string): string {
  return path.relative(repoRoot(), path.resolve(script)).split(path.sep).join('~');
}

export interface SpecRecorder {
  /** The log file: `<dir>/<script label>.<pid>.jsonl`. */
  file: string;
  /** Resolves when every response seen so far is written. */
  flushed(): Promise<void>;
  /** Gives the process-wide slot back to what held it before. */
  uninstall(): void;
}

/**
 * Records every API response of every sandbox of this process in `dir`. The log is created at
 * once (empty): it marks this server as watched even before its first response.
 */
export function recordSandboxResponses(
  dir: string = specLogDir(),
  script: string = process.argv[1] ?? 'node',
): SpecRecorder {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${scriptLabel(script)}.${process.pid}.jsonl`);
  writeFileSync(file, '');
  const slots = globalThis as Record<symbol, unknown>;
  const writing = new Set<Promise<void>>();
  const observer: SpecOracle['onResponse'] = ({ method, url, response }) => {
    const done = readExchange(method, url, response).then((exchange) => {
      if (exchange !== undefined) appendFileSync(file, `${JSON.stringify(exchange)}\n`);
    });
    writing.add(done);
    void done.finally(() => writing.delete(done));
  };
  const previous = slots[SANDBOX_RESPONSE_OBSERVER];
  slots[SANDBOX_RESPONSE_OBSERVER] = observer;
  return {
    file,
    async flushed() {
      while (writing.size > 0) await Promise.all([...writing]);
    },
    uninstall() {
      if (slots[SANDBOX_RESPONSE_OBSERVER] === observer) slots[SANDBOX_RESPONSE_OBSERVER] = previous;
    },
  };
}

export interface SpecLogReport {
  /** Per live server (script label): how many responses were checked. */
  servers: Record<string, number>;
  checked: number;
  violations: SpecViolation[];
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Checks the logs of the servers still running (a log of a process gone is an earlier run's, and
 * is skipped), then empties them, so a server reused by the next local run starts over.
 */
export async function checkSpecLogs(
  dir: string = specLogDir(),
  options: { specPath?: string } = {},
): Promise<SpecLogReport> {
  const report: SpecLogReport = { servers: {}, checked: 0, violations: [] };
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
  } catch {
    return report;
  }
  // The servers record with this module alone; only the teardown loads Ajv and the spec.
  const { createSpecOracle } = await import('./spec-oracle');
  const oracle = createSpecOracle(options);
  for (const name of names) {
    const match = /^(.*)\.(\d+)\.jsonl$/.exec(name);
    if (match?.[1] === undefined || !alive(Number(match[2]))) continue;
    const file = path.join(dir, name);
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    writeFileSync(file, '');
    report.servers[match[1]] = (report.servers[match[1]] ?? 0) + lines.length;
    for (const line of lines) oracle.record(JSON.parse(line) as SpecExchange);
  }
  await oracle.settled();
  report.checked = oracle.checked;
  report.violations = oracle.violations;
  return report;
}
