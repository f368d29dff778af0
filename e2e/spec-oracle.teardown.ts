// Playwright global teardown: every response the e2e suites' sandbox servers gave is checked
// against Composio's OpenAPI spec (shared/api/composio-openapi.json). The servers record them
// (`--import ./packages/sandbox/src/testing/spec-oracle-record.ts` in playwright.config.ts); an
// off-spec response, or a server that recorded nothing, fails the run (and `npm test`).
import { formatViolations } from '../packages/sandbox/src/testing/spec-oracle-global';
import { checkSpecLogs, scriptLabel } from '../packages/sandbox/src/testing/spec-oracle-log';

/** The sandbox servers playwright.config.ts starts; each must have been watched. */
const WATCHED_SERVERS = ['packages/sandbox/src/cli.ts', 'apps/demo/server.ts'];

export default async function specOracleTeardown(): Promise<void> {
  const started = performance.now();
  const report = await checkSpecLogs();
  const unwatched = WATCHED_SERVERS.filter((script) => !(scriptLabel(script) in report.servers));
  if (unwatched.length > 0) {
    throw new Error(
      `spec oracle: ${unwatched.join(', ')} ran without it: start it with --import ./packages/sandbox/src/testing/spec-oracle-record.ts (a server reused from a run without it? stop it and run again)`,
    );
  }
  if (report.violations.length > 0) {
    throw new Error(
      `spec oracle: the sandbox answered off Composio's OpenAPI spec (${report.violations.length}):\n${formatViolations(report.violations)}`,
    );
  }
  console.log(
    `spec oracle: ${report.checked} sandbox responses match composio-openapi.json (${Object.entries(
      report.servers,
    )
      .map(([server, count]) => `${server}: ${count}`)
      .join(', ')}; checked in ${Math.round(performance.now() - started)} ms)`,
  );
}
