// apps/example-vite as a user gets it: copied out of the workspace, installed from the packed
// tarballs with npm, built with `vite build`, served by its own server.js (Hono + @plugboard/server)
// against the e2e sandbox server, and in Chromium it connects GitHub by popup and Zendesk by form.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import {
  connectGitHubByPopup,
  connectZendeskByForm,
  exampleEnv,
  run,
  setUpInstalledExample,
  startServer,
} from './examples-install';
import { EXAMPLE_VITE_URL as APP_URL } from './ports';

setUpInstalledExample('example-vite', {
  // Pack, npm install, vite build: well over the default 30 s.
  timeout: 300_000,
  serve: (dir) => {
    run(process.execPath, [path.join(dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], dir);
    return startServer(
      process.execPath,
      ['server.js'],
      dir,
      { NODE_ENV: 'production', PORT: new URL(APP_URL).port, ...exampleEnv(APP_URL) },
      `${APP_URL}/`,
    );
  },
});

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
