// apps/example-next as a user gets it: copied out of the workspace, installed from the packed
// tarballs with npm (Next 16 from the registry), `next build` + `next start`, against the e2e sandbox
// server. In Chromium it connects GitHub by popup (route handler, client component, callback page)
// and Zendesk by form on a page whose form parts are used from a *server* component.
import path from 'node:path';
import { test } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import {
  connectGitHubByPopup,
  connectZendeskByForm,
  type InstalledExample,
  installExample,
  removeExample,
  run,
  startServer,
} from './examples-install';
import { EXAMPLE_NEXT_PORT, SANDBOX_API_KEY, SANDBOX_URL } from './ports';

// The popup blocker on, as in e2e/connect.spec.ts: a passing popup test proves it opened in the click.
test.use({ launchOptions: { ...chromiumLaunchOptions(), ignoreDefaultArgs: ['--disable-popup-blocking'] } });
test.describe.configure({ mode: 'serial' });

const APP_URL = `http://127.0.0.1:${EXAMPLE_NEXT_PORT}`;
const RUNTIME_ENV = {
  NEXT_TELEMETRY_DISABLED: '1',
  APP_ORIGIN: APP_URL,
  COMPOSIO_API_KEY: SANDBOX_API_KEY,
  COMPOSIO_BASE_URL: SANDBOX_URL,
};
let example: InstalledExample | undefined;
let server: Awaited<ReturnType<typeof startServer>> | undefined;

test.beforeAll(async () => {
  // Pack, npm install (Next is large), next build on a shared 2-core machine.
  test.setTimeout(600_000);
  example = installExample('example-next');
  const next = path.join(example.dir, 'node_modules', 'next', 'dist', 'bin', 'next');
  // Built with NO environment, as on a CI that has no secrets: the route module loads at build
  // time, and @plugboard/server reports option problems on the first request instead of at import.
  run(process.execPath, [next, 'build'], example.dir, {
    NEXT_TELEMETRY_DISABLED: '1',
    APP_ORIGIN: undefined,
    COMPOSIO_API_KEY: undefined,
    COMPOSIO_BASE_URL: undefined,
  });
  server = await startServer(
    process.execPath,
    [next, 'start', '--port', String(EXAMPLE_NEXT_PORT), '--hostname', '127.0.0.1'],
    example.dir,
    RUNTIME_ENV,
    `${APP_URL}/`,
  );
});

test.afterAll(() => removeExample(example, server));

test('example-next: GitHub by popup, through the route handler and the callback page', async ({ page }) => {
  await connectGitHubByPopup(page, `${APP_URL}/settings/integrations`);
});

test("example-next: Zendesk by form, the form's parts used from a server component", async ({ page }) => {
  await connectZendeskByForm(page, `${APP_URL}/settings/zendesk`, { name: 'Connect Zendesk' });
});
