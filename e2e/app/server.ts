/**
 * The e2e fixture app: Vite (dev, middleware mode) serving the pages in this folder, and the
 * app's own API route `/api/connect/*` (@plugboard/server's handler), which forwards to the
 * sandbox server with the key and the user `e2e-user`. The browser never holds the key, exactly
 * as in a real app.
 */
import { realpathSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { SANDBOX_AUTH_CONFIGS } from '@plugboard/sandbox';
import { createConnectHandler, toNodeHandler } from '@plugboard/server';
import react from '@vitejs/plugin-react';
import { createServer as createVite, defaultClientConditions } from 'vite';
import { resolveReact18 } from '../../scripts/react18/resolve-react18.mjs';
import { E2E_APP_PORT, E2E_APP_URL, SANDBOX_API_KEY, SANDBOX_URL } from '../ports';

const port = Number(readArg('--port') ?? E2E_APP_PORT);

function readArg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const root = import.meta.dirname;
const vite = await createVite({
  root,
  configFile: false,
  appType: 'mpa',
  logLevel: 'warn',
  plugins: [react()],
  // The pages import the kit from source, as every workspace package does.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // No HMR and no WebSocket server: nothing to bind beside the app's port (a running demo or
  // another run may hold Vite's default 24678).
  server: { middlewareMode: true, hmr: false, ws: false, host: '127.0.0.1' },
  optimizeDeps: { entries: [path.join(root, '*.html')] },
});

/** The folder of React 18's `name` package, as scripts/react18 installs it. */
function react18Dir(name: 'react' | 'react-dom'): string {
  return realpathSync(path.join(root, '..', '..', 'scripts', 'react18', 'node_modules', name));
}

/** Where the same pages run on React 18: one Vite of their own, with React 18 resolved everywhere. */
const REACT18_BASE = '/react18/';
const vite18 = await createVite({
  root,
  base: REACT18_BASE,
  configFile: false,
  appType: 'mpa',
  logLevel: 'warn',
  plugins: [resolveReact18(), react()],
  resolve: {
    conditions: ['source', ...defaultClientConditions],
    // React itself by path as well: the dependency scanner resolves bare `react` (and the JSX
    // runtime the React plugin adds) without plugins, and would pre-bundle React 19 beside 18.
    alias: [
      { find: /^react(\/.*)?$/, replacement: `${react18Dir('react')}$1` },
      { find: /^react-dom(\/.*)?$/, replacement: `${react18Dir('react-dom')}$1` },
    ],
  },
  // No HMR and no WebSocket server: nothing to bind beside the app's port (a running demo or
  // another run may hold Vite's default 24678).
  server: { middlewareMode: true, hmr: false, ws: false, host: '127.0.0.1' },
  // Its own pre-bundles, resolved the same way (rolldown runs outside Vite's plugin pipeline).
  cacheDir: path.join(root, 'node_modules', '.vite-react18'),
  optimizeDeps: {
    entries: [path.join(root, '*.html')],
    rolldownOptions: { plugins: [resolveReact18()] },
  },
});

// The app's own API route, as a real app mounts it: @plugboard/server holds the key and binds the
// user.
const E2E_USER = 'e2e-user';
const connect = toNodeHandler(
  createConnectHandler({
    apiKey: SANDBOX_API_KEY,
    baseUrl: SANDBOX_URL,
    // A real app reads its session cookie here; the fixture app has one signed-in user.
    getUserId: () => E2E_USER,
    allowedAuthConfigIds: SANDBOX_AUTH_CONFIGS.map((config) => config.id),
    callbackOrigins: [E2E_APP_URL, `http://127.0.0.1:${port}`],
    fieldMetadata: true,
  }),
);

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  if (url.pathname === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  // Dispatched on the raw path: the handler matches it strictly and refuses `..` and friends.
  if (req.url === '/api/connect' || req.url?.startsWith('/api/connect/')) {
    connect(req, res);
    return;
  }
  if (req.url?.startsWith(REACT18_BASE)) {
    vite18.middlewares(req, res);
    return;
  }
  vite.middlewares(req, res);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`e2e app on http://127.0.0.1:${port} (sandbox ${SANDBOX_URL})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void Promise.all([vite.close(), vite18.close()]).then(() => process.exit(0));
  });
}
