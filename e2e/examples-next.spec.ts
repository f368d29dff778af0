// apps/example-next as a user gets it: copied out of the workspace, installed from the packed
// tarballs with npm (Next 16 from the registry), `next build` + `next start`, against the e2e sandbox
// server. In Chromium it connects GitHub by popup (route handler, client component, callback page)
// and Zendesk by form on a page whose form parts are used from a *server* component.
import path from 'node:path';
import { test } from '@playwright/test';
import {
  connectGitHubByPopup,
  connectZendeskByForm,
  exampleEnv,
  run,
  setUpInstalledExample,
  startServer,
} from './examples-install';
import { EXAMPLE_NEXT_URL as APP_URL, EXAMPLE_NEXT_PORT } from './ports';

const next = (dir: string) => path.join(dir, 'node_modules', 'next', 'dist', 'bin', 'next');

setUpInstalledExample('example-next', {
  // Pack, npm install (Next is large), next build on a shared 2-core machine.
  timeout: 600_000,
  // Built with NO environment, as on a CI that has no secrets: the route module loads at build
  // time, and @plugboard/server reports option problems on the first request instead of at import.
  build: (dir) =>
    run(process.execPath, [next(dir), 'build'], dir, {
      NEXT_TELEMETRY_DISABLED: '1',
      APP_ORIGIN: undefined,
      COMPOSIO_API_KEY: undefined,
      COMPOSIO_BASE_URL: undefined,
    }),
  servers: [
    (dir) =>
      startServer(
        process.execPath,
        [next(dir), 'start', '--port', String(EXAMPLE_NEXT_PORT), '--hostname', '127.0.0.1'],
        dir,
        { NEXT_TELEMETRY_DISABLED: '1', ...exampleEnv(APP_URL) },
        `${APP_URL}/`,
      ),
  ],
});

test('example-next: GitHub by popup, through the route handler and the callback page', async ({ page }) => {
  await connectGitHubByPopup(page, `${APP_URL}/settings/integrations`);
});

test("example-next: Zendesk by form, the form's parts used from a server component", async ({ page }) => {
  await connectZendeskByForm(page, `${APP_URL}/settings/zendesk`, { name: 'Connect Zendesk' });
});
