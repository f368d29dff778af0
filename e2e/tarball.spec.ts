// The packages the way a user gets them: packed into tarballs (publishConfig applied, workspace
// versions rewritten), installed with npm into a fresh Vite + React app outside the workspace,
// rendered on the server with react-dom/server, built with Vite, served, and opened in Chromium.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildPackages, packPackages, root } from '../scripts/pack.mjs';

// Build, pack, npm install (from the registry or npm's cache), vite build: well over the default 30 s.
test.setTimeout(240_000);

const pinned: Record<string, string> = JSON.parse(
  readFileSync(path.join(root, 'package.json'), 'utf8'),
).devDependencies;
const APP_DEPENDENCIES = ['react', 'react-dom', '@tanstack/react-query'];
const APP_DEV_DEPENDENCIES = ['vite', '@vitejs/plugin-react'];

const MAIN_TSX = `import '@plugboard/react/styles.css';
import { createHttpBackend } from '@plugboard/core';
import { ConnectAccountButton, ConnectProvider } from '@plugboard/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const backend = createHttpBackend({ baseUrl: '/api/connect' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConnectProvider backend={backend}>
      <ConnectAccountButton authConfigId="ac_github">Connect GitHub</ConnectAccountButton>
    </ConnectProvider>
  </StrictMode>,
);
`;

// What a Next.js page or any SSR framework does first: import the packages in plain Node (no window)
// and render the button to HTML.
const SSR_CHECK = `import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createHttpBackend } from '@plugboard/core';
import { ConnectAccountButton, ConnectProvider } from '@plugboard/react';
const html = renderToString(
  createElement(ConnectProvider, { backend: createHttpBackend({ baseUrl: '/api/connect' }) },
    createElement(ConnectAccountButton, { authConfigId: 'ac_github' }, 'Connect GitHub')),
);
if (!/<button[^>]*>[^]*Connect GitHub/.test(html)) throw new Error('no button in the server HTML: ' + html);
console.log('ssr ok');
`;

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function serveStatic(dir: string): Promise<http.Server> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = path.join(dir, pathname === '/' ? 'index.html' : path.normalize(pathname));
    if (!file.startsWith(dir)) return void response.writeHead(403).end();
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('the packed packages install, render on the server, build with Vite and render in Chromium', async ({
  page,
}) => {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'plugboard-tarball-'));
  let server: http.Server | undefined;
  try {
    const tarballs = path.join(temp, 'tarballs');
    mkdirSync(tarballs);
    // `pnpm test` built them a minute ago (packages step): rebuild only what changed since.
    buildPackages({ ifStale: true });
    const packed = packPackages(tarballs);

    const app = path.join(temp, 'app');
    mkdirSync(path.join(app, 'src'), { recursive: true });
    const local = Object.fromEntries(packed.map(({ name, tarball }) => [name, `file:${tarball}`]));
    const pick = (names: string[]) => Object.fromEntries(names.map((name) => [name, pinned[name]]));
    writeFileSync(
      path.join(app, 'package.json'),
      JSON.stringify(
        {
          name: 'plugboard-tarball-app',
          private: true,
          type: 'module',
          dependencies: { ...local, ...pick(APP_DEPENDENCIES) },
          devDependencies: pick(APP_DEV_DEPENDENCIES),
          // The packages depend on each other by version (`@plugboard/core: 0.1.0`): use the tarballs.
          overrides: Object.fromEntries(packed.map(({ name }) => [name, `$${name}`])),
        },
        null,
        2,
      ),
    );
    writeFileSync(
      path.join(app, 'vite.config.js'),
      "import react from '@vitejs/plugin-react';\nexport default { plugins: [react()] };\n",
    );
    writeFileSync(
      path.join(app, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tarball app</title></head>' +
        '<body><main id="root"></main><script type="module" src="/src/main.tsx"></script></body></html>\n',
    );
    writeFileSync(path.join(app, 'src', 'main.tsx'), MAIN_TSX);
    writeFileSync(path.join(app, 'ssr-check.mjs'), SSR_CHECK);

    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], app);
    expect(run(process.execPath, ['ssr-check.mjs'], app)).toContain('ssr ok');
    run(process.execPath, [path.join(app, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], app);

    server = await serveStatic(path.join(app, 'dist'));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);

    const button = page.getByRole('button', { name: 'Connect GitHub' });
    await expect(button).toBeVisible();
    await expect(button).toBeEnabled();
    // The stylesheet came through `@plugboard/react/styles.css`: the built page links it.
    await expect(page.locator('link[rel="stylesheet"]')).toHaveCount(1);
    expect(errors).toEqual([]);
  } finally {
    server?.close();
    rmSync(temp, { recursive: true, force: true });
  }
});
