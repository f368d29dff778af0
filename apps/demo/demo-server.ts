/**
 * The demo's Node server: the sandbox server on one port, and on another the demo page (Vite in
 * middleware mode), `@plugboard/server`'s handler at `/api/connect` and the demo's own routes under
 * `/api/demo`. The browser talks only to the demo server; the sandbox key stays here.
 */
import http from 'node:http';
import path from 'node:path';
import { startSandboxServer } from '@plugboard/sandbox/server';
import { createConnectHandler, toNodeHandler } from '@plugboard/server';
import react from '@vitejs/plugin-react';
import { createServer as createVite, defaultClientConditions } from 'vite';
import { createDemoRoutes, DEMO_USER_ID } from './src/server/demo-routes';

export interface DemoOptions {
  /** Demo page port; default 5173, 0 picks a free one. */
  port?: number | undefined;
  /** Sandbox server port; default 4010, 0 picks a free one. */
  sandboxPort?: number | undefined;
  host?: string | undefined;
}

export interface RunningDemo {
  /** The sandbox server's origin, e.g. `http://127.0.0.1:4010`. */
  sandboxUrl: string;
  /** The demo server's origin, e.g. `http://127.0.0.1:5173`. */
  demoUrl: string;
  close(): Promise<void>;
}

const root = import.meta.dirname;

/** `pathname` is `base` or below it; matched on the raw path, as `@plugboard/server`'s glue does. */
function isUnder(url: string, base: string): boolean {
  const pathname = url.split(/[?#]/, 1)[0];
  return pathname === base || (pathname?.startsWith(`${base}/`) ?? false);
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

  // `@plugboard/server` at /api/connect: the browser's only way to the API. It holds the key and
  // binds the demo user. A browser opened on localhost sends callback URLs on that origin.
  const connect = toNodeHandler(
    createConnectHandler({
      apiKey: sandbox.apiKey,
      baseUrl: sandboxServer.url,
      getUserId: () => DEMO_USER_ID,
      allowedAuthConfigIds: sandbox.authConfigs.map((config) => config.id),
      callbackOrigins: [demoUrl, demoUrl.replace('//127.0.0.1:', '//localhost:')],
      fieldMetadata: true,
    }),
  );
  // The toolkits, the signed-in user's accounts and the sandbox panel's scripts (dev only; see
  // src/server/demo-routes.ts), through the same Node glue. Any other /api/ path is their 404.
  const demoRoutes = createDemoRoutes({ sandbox, getUserId: () => DEMO_USER_ID });
  const demo = toNodeHandler(Object.assign(demoRoutes, { basePath: '/api/demo' }));

  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = req.url ?? '/';
    if (url === '/healthz') res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    else if (isUnder(url, '/api/connect')) connect(req, res);
    else if (isUnder(url, '/api')) demo(req, res);
    else vite.middlewares(req, res);
  });

  return {
    sandboxUrl: sandboxServer.url,
    demoUrl,
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
