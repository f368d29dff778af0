/**
 * The e2e fixture app: Vite (dev, middleware mode) serving the pages in this folder, and the
 * app's own API route `/api/connect/*` (@plugboard/server's handler), which forwards to the
 * sandbox server with the key and the user `e2e-user`. The browser never holds the key, exactly
 * as in a real app.
 */
import http from 'node:http';
import path from 'node:path';
import { SANDBOX_AUTH_CONFIGS } from '@plugboard/sandbox';
import { createConnectHandler, toNodeHandler } from '@plugboard/server';
import react from '@vitejs/plugin-react';
import { createServer as createVite, defaultClientConditions } from 'vite';
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
  server: { middlewareMode: true, hmr: false, host: '127.0.0.1' },
  optimizeDeps: { entries: [path.join(root, '*.html')] },
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
  vite.middlewares(req, res);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`e2e app on http://127.0.0.1:${port} (sandbox ${SANDBOX_URL})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void vite.close().then(() => process.exit(0));
  });
}
