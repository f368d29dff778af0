/**
 * The demo's Node server: the sandbox server on one port, and on another the demo page (Vite in
 * middleware mode) plus the demo's API routes. The browser talks only to the demo server; the
 * sandbox key stays here. Other routes (`@plugboard/server`'s handler at `/api/connect`, the demo
 * UI's own reads) are mounted through `routes`.
 */
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Sandbox } from '@plugboard/sandbox';
import { startSandboxServer } from '@plugboard/sandbox/server';
import { createConnectHandler, DEFAULT_BASE_URL } from '@plugboard/server';
import react from '@vitejs/plugin-react';
import { createServer as createVite, defaultClientConditions } from 'vite';
import { createDemoRoutes, DEMO_USER_ID } from './src/server/demo-routes';

/** A Fetch-style route: a response for its paths, `undefined` to pass the request on. */
export type DemoRoute = (request: Request) => Promise<Response | undefined> | Response | undefined;

export interface DemoContext {
  sandbox: Sandbox;
  /** The sandbox server's origin, e.g. `http://127.0.0.1:4010`. */
  sandboxUrl: string;
  /** The demo server's origin, e.g. `http://127.0.0.1:5173`. */
  demoUrl: string;
}

export interface DemoOptions {
  /** Demo page port; default 5173, 0 picks a free one. */
  port?: number | undefined;
  /** Sandbox server port; default 4010, 0 picks a free one. */
  sandboxPort?: number | undefined;
  host?: string | undefined;
  /** Extra routes, tried in order before the demo's own and before Vite. */
  routes?: ((context: DemoContext) => DemoRoute[]) | undefined;
}

export interface RunningDemo extends DemoContext {
  close(): Promise<void>;
}

const root = import.meta.dirname;
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function toRequest(req: http.IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '');
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    ...(hasBody && { duplex: 'half' }),
  } as RequestInit);
}

async function send(res: http.ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  res.writeHead(response.status, headers);
  res.end(response.body === null ? undefined : Buffer.from(await response.arrayBuffer()));
}

/**
 * Starts the sandbox server and the demo server; `close()` stops both.
 *
 * @example const demo = await startDemo({ port: 5173, sandboxPort: 4010 });
 */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const host = options.host ?? '127.0.0.1';
  const sandboxServer = await startSandboxServer({ port: options.sandboxPort ?? 4010, host });
  const { sandbox } = sandboxServer;

  const httpServer = http.createServer();
  const vite = await createVite({
    root,
    configFile: false,
    appType: 'spa',
    logLevel: 'warn',
    plugins: [react()],
    resolve: { conditions: ['source', ...defaultClientConditions] },
    server: { middlewareMode: true, hmr: { server: httpServer } },
    // Every entry is scanned up front, so no dependency is discovered (and the page reloaded) mid-session.
    optimizeDeps: { entries: [path.join(root, 'index.html'), path.join(root, 'src/**/*.tsx')] },
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 5173, host, () => resolve());
  });
  const address = httpServer.address();
  const demoUrl = `http://${host}:${typeof address === 'object' && address ? address.port : options.port}`;
  const context: DemoContext = { sandbox, sandboxUrl: sandboxServer.url, demoUrl };

  /** The toolkits the page lists: read from the sandbox here, so the browser never holds its key. */
  const authConfigsRoute: DemoRoute = async (request) => {
    if (new URL(request.url).pathname !== '/api/demo/auth-configs') return undefined;
    if (request.method !== 'GET') return new Response(null, { status: 405, headers: { allow: 'GET' } });
    const upstream = await sandbox.handle(
      new Request(`${sandbox.publicUrl}/api/v3/auth_configs?limit=100`, {
        headers: { 'x-api-key': sandbox.apiKey },
      }),
    );
    return new Response(upstream.body, { status: upstream.status, headers: JSON_HEADERS });
  };
  // `@plugboard/server` at /api/connect: the browser's only way to the API. It holds the key and
  // binds the demo user. With COMPOSIO_API_KEY set it talks to Composio itself (COMPOSIO_BASE_URL
  // overrides where; COMPOSIO_AUTH_CONFIG_IDS, comma-separated, are the auth configs it allows).
  const composioKey = process.env.COMPOSIO_API_KEY;
  // The demo server builds every Request on demoUrl; a browser opened on localhost sends that origin.
  const demoOrigins = [demoUrl, demoUrl.replace('//127.0.0.1:', '//localhost:')];
  const connectHandler = createConnectHandler({
    apiKey: composioKey ?? sandbox.apiKey,
    baseUrl: composioKey ? (process.env.COMPOSIO_BASE_URL ?? DEFAULT_BASE_URL) : sandboxServer.url,
    getUserId: () => DEMO_USER_ID,
    allowedAuthConfigIds: composioKey
      ? (process.env.COMPOSIO_AUTH_CONFIG_IDS ?? '')
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : sandbox.authConfigs.map((config) => config.id),
    callbackOrigins: demoOrigins,
    allowedOrigins: demoOrigins,
    fieldMetadata: true,
  });
  const connectRoute: DemoRoute = (request) => {
    const { pathname } = new URL(request.url);
    return pathname === connectHandler.basePath || pathname.startsWith(`${connectHandler.basePath}/`)
      ? connectHandler(request)
      : undefined;
  };
  // The signed-in user's accounts and the sandbox panel's scripts (dev only; see src/server/demo-routes.ts).
  const demoRoutes = createDemoRoutes({ sandbox, getUserId: () => DEMO_USER_ID });
  const routes = [...(options.routes?.(context) ?? []), connectRoute, authConfigsRoute, demoRoutes];

  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!(req.url ?? '/').startsWith('/api/') && req.url !== '/healthz') {
      vite.middlewares(req, res);
      return;
    }
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    void (async () => {
      const request = toRequest(req, demoUrl);
      for (const route of routes) {
        const response = await route(request);
        if (response !== undefined) return send(res, response);
      }
      return send(
        res,
        new Response(
          JSON.stringify({
            error: { message: `No route ${req.url}`, code: 404, slug: 'Route_NotFound', status: 404 },
          }),
          { status: 404, headers: JSON_HEADERS },
        ),
      );
    })().catch((error: unknown) => {
      console.error('[demo] route failed', error);
      if (!res.headersSent) res.writeHead(500, JSON_HEADERS);
      res.end(
        JSON.stringify({
          error: { message: 'The demo server failed', code: 500, slug: 'Internal', status: 500 },
        }),
      );
    });
  });

  return {
    ...context,
    async close() {
      await vite.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await sandboxServer.close();
    },
  };
}
