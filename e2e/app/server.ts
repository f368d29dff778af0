/**
 * The e2e fixture app: Vite (dev, middleware mode) serving the pages in this folder, and the
 * app's own API route `/api/connect/*`, which forwards to the sandbox server with the key. The
 * browser never holds the key, exactly as in a real app.
 */
import http from 'node:http';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer as createVite, defaultClientConditions } from 'vite';
import { E2E_APP_PORT, SANDBOX_API_KEY, SANDBOX_URL } from '../ports';

const port = Number(readArg('--port') ?? E2E_APP_PORT);
const upstream = readArg('--sandbox') ?? SANDBOX_URL;

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
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: { middlewareMode: true, hmr: false, host: '127.0.0.1' },
  optimizeDeps: { entries: [path.join(root, '*.html')] },
});

// TODO(server issue): replace with @plugboard/server's createConnectHandler.
async function forward(req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const target = new URL(url.pathname.replace(/^\/api\/connect/, '') + url.search, upstream);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  const upstreamRes = await fetch(target, {
    method: req.method ?? 'GET',
    headers: { 'content-type': 'application/json', 'x-api-key': SANDBOX_API_KEY },
    body: body && req.method !== 'GET' ? injectUser(body) : undefined,
  });
  res.writeHead(upstreamRes.status, {
    'content-type': upstreamRes.headers.get('content-type') ?? 'application/json',
  });
  res.end(Buffer.from(await upstreamRes.arrayBuffer()));
}

function injectUser(body: Buffer): string {
  const json = JSON.parse(body.toString('utf8'));
  if (json && typeof json === 'object') {
    if ('auth_config_id' in json) json.user_id = 'e2e-user';
    if (json.connection && typeof json.connection === 'object') json.connection.user_id = 'e2e-user';
  }
  return JSON.stringify(json);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  if (url.pathname === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  if (url.pathname.startsWith('/api/connect/')) {
    forward(req, res, url).catch((error: unknown) => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: { message: String(error), code: 502, slug: 'Bad_Gateway', status: 502 } }),
      );
    });
    return;
  }
  vite.middlewares(req, res);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`e2e app on http://127.0.0.1:${port} (sandbox ${upstream})`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void vite.close().then(() => process.exit(0));
  });
}
