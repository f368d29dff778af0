import { defineConfig } from '@playwright/test';
import {
  DEMO_PORT,
  DEMO_SANDBOX_PORT,
  DEMO_URL,
  E2E_APP_PORT,
  E2E_APP_URL,
  SANDBOX_API_KEY,
  SANDBOX_PORT,
  SANDBOX_URL,
} from './e2e/ports';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

// Every sandbox server below records its responses for the spec oracle, which the global teardown
// checks against Composio's OpenAPI spec (packages/sandbox/src/testing/spec-oracle-log.ts).
const SPEC_ORACLE = '--import ./packages/sandbox/src/testing/spec-oracle-record.ts';

export default defineConfig({
  testDir: './e2e',
  globalTeardown: './e2e/spec-oracle.teardown.ts',
  testMatch: '**/*.spec.ts',
  // Screenshot baselines (e2e/demo.spec.ts) live beside the suites, one folder per spec file.
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFileName}/{arg}{ext}',
  fullyParallel: false,
  workers: 1,
  // One retry in CI only: the suite drives real popups on a loaded 2-core machine; scripts/test.mjs
  // reports every test that needed it.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: E2E_APP_URL,
    trace: 'off',
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: [
    {
      command: `pnpm exec tsx ${SPEC_ORACLE} --conditions=source packages/sandbox/src/cli.ts --port ${SANDBOX_PORT} --host 127.0.0.1 --control --api-key ${SANDBOX_API_KEY}`,
      url: `${SANDBOX_URL}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `pnpm exec tsx --conditions=source e2e/app/server.ts --port ${E2E_APP_PORT}`,
      url: `${E2E_APP_URL}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The demo (sandbox server + page + /api/connect), on ports apart from `npm run demo`'s.
      command: `pnpm exec tsx ${SPEC_ORACLE} --conditions=source apps/demo/server.ts --port ${DEMO_PORT} --sandbox-port ${DEMO_SANDBOX_PORT}`,
      url: `${DEMO_URL}/healthz`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
