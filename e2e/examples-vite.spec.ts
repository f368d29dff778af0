// apps/example-vite as a user gets it: copied out of the workspace, installed from the packed
// tarballs with npm, built with `vite build`, served by its own server.js (Hono + @plugboard/server)
// against the e2e sandbox server, and in Chromium it connects GitHub by popup and Zendesk by form.
import path from 'node:path';
import { expect, test } from '@playwright/test';
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
import { EXAMPLE_VITE_PORT, SANDBOX_API_KEY, SANDBOX_URL } from './ports';

// The popup blocker on, as in e2e/connect.spec.ts: a passing popup test proves it opened in the click.
test.use({ launchOptions: { ...chromiumLaunchOptions(), ignoreDefaultArgs: ['--disable-popup-blocking'] } });
test.describe.configure({ mode: 'serial' });

const APP_URL = `http://127.0.0.1:${EXAMPLE_VITE_PORT}`;
let example: InstalledExample | undefined;
let server: Awaited<ReturnType<typeof startServer>> | undefined;

test.beforeAll(async () => {
  // Pack, npm install, vite build: well over the default 30 s.
  test.setTimeout(300_000);
  example = installExample('example-vite');
  run(
    process.execPath,
    [path.join(example.dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
    example.dir,
  );
  server = await startServer(
    process.execPath,
    ['server.js'],
    example.dir,
    {
      NODE_ENV: 'production',
      PORT: String(EXAMPLE_VITE_PORT),
      APP_ORIGIN: APP_URL,
      COMPOSIO_API_KEY: SANDBOX_API_KEY,
      COMPOSIO_BASE_URL: SANDBOX_URL,
    },
    `${APP_URL}/`,
  );
});

test.afterAll(() => removeExample(example, server));

test('example-vite: GitHub by popup, through its own server and callback route', async ({ page }) => {
  await connectGitHubByPopup(page, `${APP_URL}/`);
});

test('example-vite: Zendesk by form, fields loaded through its server', async ({ page }) => {
  const logged: string[] = [];
  page.on('console', (message) => logged.push(message.text()));
  await connectZendeskByForm(page, `${APP_URL}/`, { name: 'Connect', exact: true });
  // The page's own onSuccess logged the new account's id.
  await expect.poll(() => logged.some((text) => /^ca_\w+$/.test(text))).toBe(true);
});
