// @vitest-environment node
// Hono needs no glue: its routes take a Fetch handler. This checks the README's one line, served
// over HTTP by @hono/node-server.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createConnectHandler } from './index';
import { startTestUpstream, type TestUpstream } from './test-upstream';

let upstream: TestUpstream;
beforeAll(async () => {
  upstream = await startTestUpstream((_request, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ id: 'ca_h', user_id: 'alice', auth_config: { id: 'ac_github' } }));
  });
});
afterAll(() => upstream.close());

test('Hono: app.all("/api/connect/*", (c) => handler(c.req.raw))', async () => {
  const handler = createConnectHandler({
    apiKey: 'sk_hono',
    baseUrl: upstream.url,
    getUserId: (request) => request.headers.get('x-test-user'),
    allowedAuthConfigIds: ['ac_github'],
  });
  const app = new Hono();
  app.all('/api/connect/*', (c) => handler(c.req.raw));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    const ok = await fetch(`http://127.0.0.1:${port}/api/connect/api/v3/connected_accounts/ca_h`, {
      headers: { 'x-test-user': 'alice' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: 'ca_h' });
    const forged = await fetch(`http://127.0.0.1:${port}/api/connect/api/v3/connected_accounts/link`, {
      method: 'POST',
      headers: { 'x-test-user': 'alice', 'content-type': 'application/json', origin: 'https://evil.test' },
      body: '{}',
    });
    expect(forged.status).toBe(403);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
