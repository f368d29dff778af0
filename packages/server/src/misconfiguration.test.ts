// @vitest-environment node
// What a newcomer hits (issue 11): option problems surface on the first request, not at import;
// each refusal a setting causes writes one line naming the option and the value that would allow
// it; and the root README's Express example works on localhost behind Vite's dev proxy as written.
import http from 'node:http';
import { startSandboxServer } from '@plugboard/sandbox/server';
import express from 'express';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ConnectHandlerOptions, type ConnectLogger, createConnectHandler, toExpress } from './index';
import { listen } from './test-upstream';

function recordingLogger() {
  const lines: string[] = [];
  const logger: ConnectLogger = {
    warn: (line) => lines.push(`warn ${line}`),
    error: (line) => lines.push(`error ${line}`),
  };
  return { lines, logger };
}

describe('option problems surface on the first request, not at import', () => {
  test.each([
    ['apiKey', { apiKey: undefined }],
    ['apiKey', { apiKey: '' }],
    ['getUserId', { getUserId: undefined }],
    ['allowedAuthConfigIds', { allowedAuthConfigIds: undefined }],
    ['callbackOrigins', { callbackOrigins: [process.env.PLUGBOARD_UNSET_ORIGIN as string] }],
    ['basePath', { basePath: '/api/../x' }],
    ['apiVersion', { apiVersion: 'v9' }],
  ])(
    '%s missing or malformed: a 500 in the envelope and one log line naming it',
    async (option, override) => {
      const { lines, logger } = recordingLogger();
      const options = {
        apiKey: 'sk_test_k',
        getUserId: () => 'u',
        allowedAuthConfigIds: ['ac_github'],
        logger,
        ...override,
      } as ConnectHandlerOptions;
      const handler = createConnectHandler(options);
      expect(lines).toEqual([]);
      expect(handler.basePath).toBe((override as { basePath?: string }).basePath ?? '/api/connect');
      const response = await handler(
        new Request('http://app.test/api/connect/api/v3/connected_accounts/ca_1'),
      );
      expect(response.status).toBe(500);
      const { error } = await response.json();
      expect(error).toMatchObject({ status: 500, code: 500, slug: 'Proxy_Misconfigured' });
      expect(error.request_id).toMatch(/^pb_/);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^error \[plugboard\/server\] 500 Proxy_Misconfigured: createConnectHandler: /,
      );
      expect(lines[0]).toContain(option);
    },
  );

  test('the default logger is console', async () => {
    const seen: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => seen.push(args);
    try {
      await createConnectHandler({ apiKey: undefined, getUserId: () => 'u', allowedAuthConfigIds: [] })(
        new Request('http://app.test/api/connect/api/v3/connected_accounts/ca_1'),
      );
    } finally {
      console.error = original;
    }
    expect(JSON.stringify(seen)).toContain('apiKey is required');
  });
});

describe('a refusal a setting causes: one line naming the option and the value that would allow it', () => {
  const { lines, logger } = recordingLogger();
  const handler = createConnectHandler({
    apiKey: 'sk_test_k',
    baseUrl: 'http://127.0.0.1:9', // never reached: each request below is refused first
    getUserId: () => 'alice',
    allowedAuthConfigIds: ['ac_github'],
    callbackOrigins: ['https://app.example.com'],
    logger,
  });
  const post = (path: string, body: unknown, origin = 'http://app.test') =>
    handler(
      new Request(`http://app.test/api/connect/api/v3/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify(body),
      }),
    );

  test('cross-site: allowedOrigins', async () => {
    lines.length = 0;
    const response = await post(
      'connected_accounts/link',
      { auth_config_id: 'ac_github' },
      'http://localhost:5173',
    );
    expect(response.status).toBe(403);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("allowedOrigins: ['http://localhost:5173']");
    expect(lines[0]).toContain('http://app.test');
  });

  test('callback origin: callbackOrigins', async () => {
    lines.length = 0;
    const response = await post('connected_accounts/link', {
      auth_config_id: 'ac_github',
      callback_url: 'http://localhost:5173/connect/callback',
    });
    expect(response.status).toBe(400);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("callbackOrigins: ['http://localhost:5173']");
  });

  test('auth config off the allowlist: allowedAuthConfigIds', async () => {
    lines.length = 0;
    const response = await post('connected_accounts/link', { auth_config_id: 'ac_zendesk' });
    expect(response.status).toBe(403);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("allowedAuthConfigIds: [..., 'ac_zendesk']");
    const listed = await handler(
      new Request('http://app.test/api/connect/api/v3/connected_accounts?auth_config_ids=ac_slack'),
    );
    expect(listed.status).toBe(403);
    expect(lines[1]).toContain("'ac_slack'");
  });
});

describe('the root README’s Express example, behind Vite’s dev proxy, on localhost', () => {
  const SANDBOX_KEY = 'sk_test_readme_sandbox';
  let sandbox: Awaited<ReturnType<typeof startSandboxServer>>;
  let app: Awaited<ReturnType<typeof listen>>;
  const vites: ViteDevServer[] = [];
  const { lines, logger } = recordingLogger();

  /** The README's handler, option for option; `allowedOrigins` can be left out to see why it is there. */
  function readmeApp(withAllowedOrigins: boolean) {
    const appOrigin = process.env.APP_ORIGIN ?? 'http://localhost:5173';
    const userIdFromSession = (request: Request) => request.headers.get('x-session-user');
    const server = express();
    server.use(
      toExpress(
        createConnectHandler({
          apiKey: process.env.COMPOSIO_API_KEY,
          baseUrl: process.env.COMPOSIO_BASE_URL,
          getUserId: (request) => userIdFromSession(request),
          allowedAuthConfigIds: ['ac_github', 'ac_zendesk'],
          callbackOrigins: [appOrigin],
          ...(withAllowedOrigins ? { allowedOrigins: [appOrigin] } : {}),
          fieldMetadata: true,
          logger,
        }),
      ),
    );
    return server;
  }

  /** A Vite dev server whose `/api` goes to `target`, as the README's vite.config.ts says. */
  async function viteInFront(target: string, changeOrigin: boolean): Promise<string> {
    const vite = await createServer({
      configFile: false,
      logLevel: 'silent',
      root: import.meta.dirname,
      server: { host: '127.0.0.1', port: 0, proxy: { '/api': { target, changeOrigin } }, ws: false },
    });
    vites.push(vite);
    await vite.listen();
    const address = vite.httpServer?.address();
    if (address === null || typeof address !== 'object') throw new Error('Vite did not listen');
    return `http://127.0.0.1:${address.port}`;
  }

  /** The browser's POST from a page on http://localhost:<vite port>, through Vite. */
  function linkThrough(viteUrl: string) {
    const pageOrigin = viteUrl.replace('127.0.0.1', 'localhost');
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const body = JSON.stringify({
        auth_config_id: 'ac_github',
        callback_url: `${pageOrigin}/connect/callback`,
      });
      const request = http.request(
        `${viteUrl}/api/connect/api/v3/connected_accounts/link`,
        {
          method: 'POST',
          headers: {
            host: new URL(pageOrigin).host,
            origin: pageOrigin,
            'sec-fetch-site': 'same-origin',
            'content-type': 'application/json',
            'x-session-user': 'alice',
          },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk) => {
            text += chunk;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }

  beforeAll(async () => {
    sandbox = await startSandboxServer({ port: 0, host: '127.0.0.1', apiKeys: [SANDBOX_KEY] });
    process.env.COMPOSIO_API_KEY = SANDBOX_KEY;
    process.env.COMPOSIO_BASE_URL = sandbox.url;
  });
  afterAll(async () => {
    for (const vite of vites) await vite.close();
    await app?.close();
    await sandbox.close();
    delete process.env.COMPOSIO_API_KEY;
    delete process.env.COMPOSIO_BASE_URL;
    delete process.env.APP_ORIGIN;
  });

  /**
   * The app server first (Vite's proxy needs its address), Vite in front, then the README's module
   * is "imported": it reads APP_ORIGIN (the page's origin, Vite's) when it makes the handler.
   */
  async function stack(changeOrigin: boolean, withAllowedOrigins: boolean) {
    let current: http.RequestListener = (_req, res) => res.end();
    app = await listen((req, res) => current(req, res));
    const viteUrl = await viteInFront(app.url, changeOrigin);
    process.env.APP_ORIGIN = viteUrl.replace('127.0.0.1', 'localhost');
    current = readmeApp(withAllowedOrigins);
    return viteUrl;
  }

  test.each([true, false])('changeOrigin: %s — the link session is created (201)', async (changeOrigin) => {
    lines.length = 0;
    try {
      const viteUrl = await stack(changeOrigin, true);
      const response = await linkThrough(viteUrl);
      expect(response.status, response.body).toBe(201);
      expect(JSON.parse(response.body).redirect_url).toContain('/link/');
      expect(lines).toEqual([]);
    } finally {
      await app.close();
    }
  });

  test('without allowedOrigins, changeOrigin: true is refused (403), and the log line says what to add', async () => {
    lines.length = 0;
    try {
      const viteUrl = await stack(true, false);
      const response = await linkThrough(viteUrl);
      expect(response.status).toBe(403);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`allowedOrigins: ['${process.env.APP_ORIGIN}']`);
    } finally {
      await app.close();
    }
  });
});
