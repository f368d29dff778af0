// apps/example-vite as a user gets it: copied out of the workspace, installed from the packed
// tarballs with npm, type-checked with its own tsconfig.json, and run both ways its README says,
// against the e2e sandbox server: built with `vite build` and served by its own server.js (Hono +
// @plugboard/server); and in development, the page from `vite` (the dev server), whose proxy sends
// /api/connect to server.js. Each way, in Chromium, it connects GitHub by popup and Zendesk by form.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { root } from '../scripts/pack.mjs';
import {
  connectGitHubByPopup,
  connectZendeskByForm,
  exampleEnv,
  run,
  setUpInstalledExample,
  startServer,
} from './examples-install';
import {
  EXAMPLE_VITE_URL as APP_URL,
  EXAMPLE_VITE_DEV_URL as DEV_URL,
  EXAMPLE_VITE_API_PORT,
  EXAMPLE_VITE_DEV_PORT,
} from './ports';

const vite = (dir: string) => path.join(dir, 'node_modules', 'vite', 'bin', 'vite.js');

setUpInstalledExample('example-vite', {
  // Pack, npm install, vite build: well over the default 30 s.
  timeout: 300_000,
  build: (dir) => {
    // Its own tsconfig.json and @types: the .tsx files type-check as an editor reads them.
    run(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], dir);
    run(process.execPath, [vite(dir), 'build'], dir);
  },
  servers: [
    // Production: server.js serves the built page and the API on one origin.
    (dir) =>
      startServer(
        process.execPath,
        ['server.js'],
        dir,
        { NODE_ENV: 'production', PORT: new URL(APP_URL).port, ...exampleEnv(APP_URL) },
        `${APP_URL}/`,
      ),
    // Development, as the README's terminals run it: server.js for the API alone…
    (dir) =>
      startServer(
        process.execPath,
        ['server.js'],
        dir,
        { NODE_ENV: undefined, PORT: String(EXAMPLE_VITE_API_PORT), ...exampleEnv(DEV_URL) },
        `http://127.0.0.1:${EXAMPLE_VITE_API_PORT}/`,
      ),
    // …and `vite`, serving the page and proxying /api/connect to it.
    (dir) =>
      startServer(
        process.execPath,
        [vite(dir), '--port', String(EXAMPLE_VITE_DEV_PORT), '--strictPort', '--host', '127.0.0.1'],
        dir,
        { NODE_ENV: undefined, API_PORT: String(EXAMPLE_VITE_API_PORT) },
        `${DEV_URL}/`,
      ),
  ],
});

for (const [way, url] of [
  ['production (vite build, server.js)', APP_URL],
  ['development (vite and its proxy, server.js)', DEV_URL],
] as const) {
  test(`example-vite in ${way}: GitHub by popup, through its own server and callback route`, async ({
    page,
  }) => {
    await connectGitHubByPopup(page, `${url}/`);
  });

  test(`example-vite in ${way}: Zendesk by form, fields loaded through its server`, async ({ page }) => {
    const logged: string[] = [];
    page.on('console', (message) => logged.push(message.text()));
    await connectZendeskByForm(page, `${url}/`, { name: 'Connect', exact: true });
    // The page's own onSuccess logged the new account's id.
    await expect.poll(() => logged.some((text) => /^ca_\w+$/.test(text))).toBe(true);
  });
}
