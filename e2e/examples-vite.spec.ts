// apps/example-vite as a user gets it: copied out of the workspace, installed from the packed
// tarballs with npm, built with `vite build`, served by its own server.js (Hono + @plugboard/server)
// against the e2e sandbox server, and in Chromium it connects GitHub by popup and Zendesk by form.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';
import { type InstalledExample, installExample, run, startServer } from './examples-install';
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

test.afterAll(async () => {
  await server?.stop();
  if (example) rmSync(example.temp, { recursive: true, force: true });
});

test('example-vite: GitHub by popup, through its own server and callback route', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${APP_URL}/`);
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Connect GitHub' }).click();
  const popup = await popupPromise;
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Allow' }).click();
  await closed;
  await expect(page.getByRole('button', { name: 'Connected' })).toHaveAttribute('data-state', 'connected');
  expect(errors).toEqual([]);
});

test('example-vite: Zendesk by form, fields loaded through its server', async ({ page }) => {
  const logged: string[] = [];
  page.on('console', (message) => logged.push(message.text()));
  await page.goto(`${APP_URL}/`);
  await page.getByRole('textbox', { name: /^Subdomain/ }).fill('acme');
  await page.getByRole('textbox', { name: /^Email/ }).fill('ops@acme.test');
  await page.getByLabel(/^API token/).fill('zd_example_token_1');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByText('Connected.')).toBeVisible();
  // The page's own onSuccess logged the new account's id.
  await expect.poll(() => logged.some((text) => /^ca_\w+$/.test(text))).toBe(true);
});
