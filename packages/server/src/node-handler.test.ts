// @vitest-environment node
import http from 'node:http';
import net from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createConnectHandler, type NodeContext, toExpress, toNodeHandler } from './index';
import { listen, startTestUpstream, type TestUpstream } from './test-upstream';

let upstream: TestUpstream;
beforeAll(async () => {
  upstream = await startTestUpstream((request, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        id: request.path.split('/').pop(),
        user_id: 'alice',
        status: 'ACTIVE',
        auth_config: { id: 'ac_github' },
      }),
    );
  });
});
afterAll(() => upstream.close());

function makeHandler() {
  return createConnectHandler<NodeContext<http.IncomingMessage, http.ServerResponse>>({
    apiKey: 'sk_node_glue',
    baseUrl: upstream.url,
    // The Node request is the context: a real app reads its session here.
    getUserId: (_request, context) => (context?.req.headers['x-test-user'] as string | undefined) ?? null,
    allowedAuthConfigIds: ['ac_github'],
  });
}

/** A request with the path exactly as written: fetch would resolve `..` before sending it. */
function rawRequest(port: number, method: string, path: string, body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { 'x-test-user': 'alice', 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('Node http: a GET goes through; raw traversal paths never reach upstream', async () => {
  const server = await listen(toNodeHandler(makeHandler()));
  try {
    const ok = await rawRequest(server.port, 'GET', '/api/connect/api/v3/connected_accounts/ca_1');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ id: 'ca_1' });
    upstream.requests.length = 0;
    for (const path of [
      '/api/connect/api/v3/connected_accounts/ca_1/../../auth_configs',
      '/api/connect/api/v3/connected_accounts/x/..',
      '/api/connect/api/v3/connected_accounts/%2e%2e/auth_configs',
      '/api/connect/api/v3/connected_accounts/ca_1%2F..%2Fauth_configs',
      '/api/connect/api/v3/connected_accounts/..%5Cauth_configs',
      '/api/connect/api/v3/connected_accounts\\..\\ca_1',
      '/api/connect//api/v3/connected_accounts/ca_1',
      '/api/connect/api/v3/connected_accounts/./ca_1',
    ]) {
      const response = await rawRequest(server.port, 'GET', path);
      expect(response.status, path).toBe(404);
      expect(JSON.parse(response.body).error.slug).toBe('Proxy_NotFound');
    }
    expect(upstream.requests).toHaveLength(0);
  } finally {
    await server.close();
  }
});

test('Node http: a 10 MB upload is refused with 413 after at most a little over 64 KiB is read', async () => {
  let bytesRead = 0;
  const node = toNodeHandler(makeHandler());
  const server = await listen((req, res) => {
    res.on('finish', () => {
      bytesRead = req.socket.bytesRead;
    });
    node(req, res);
  });
  try {
    // Chunked, no content-length: the limit is enforced while streaming.
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 10 * 1024 * 1024) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    const response = await fetch(`${server.url}/api/connect/api/v3/connected_accounts/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-user': 'alice' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error.slug).toBe('Proxy_PayloadTooLarge');
    expect(bytesRead).toBeLessThan(2 * 1024 * 1024);
  } finally {
    await server.close();
  }
});

test('Express: app.use(toExpress(handler)) serves the routes and passes other paths on', async () => {
  const app = express();
  app.use(toExpress(makeHandler()));
  app.get('/other', (_req, res) => {
    res.send('app route');
  });
  const server = await listen(app);
  try {
    const other = await fetch(`${server.url}/other`);
    expect(await other.text()).toBe('app route');
    const ok = await fetch(`${server.url}/api/connect/api/v3/connected_accounts/ca_2`, {
      headers: { 'x-test-user': 'alice' },
    });
    expect(ok.status).toBe(200);
    const anonymous = await fetch(`${server.url}/api/connect/api/v3/connected_accounts/ca_2`);
    expect(anonymous.status).toBe(401);
    const unknown = await fetch(`${server.url}/api/connect/api/v3/auth_configs`, {
      headers: { 'x-test-user': 'alice' },
    });
    expect(unknown.status).toBe(404);
  } finally {
    await server.close();
  }
});

test('Express: mounted under its base path with app.use("/api/connect", …) it still sees the full path', async () => {
  const app = express();
  app.use('/api/connect', toExpress(makeHandler()));
  const server = await listen(app);
  try {
    const ok = await fetch(`${server.url}/api/connect/api/v3/connected_accounts/ca_3`, {
      headers: { 'x-test-user': 'alice' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: 'ca_3' });
  } finally {
    await server.close();
  }
});

test('Express: behind express.json() the parsed body is replayed and still checked', async () => {
  const app = express();
  app.use(express.json());
  app.use(toExpress(makeHandler()));
  const server = await listen(app);
  try {
    const spoofed = await fetch(`${server.url}/api/connect/api/v3/connected_accounts/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-user': 'alice' },
      body: JSON.stringify({ auth_config_id: 'ac_github', user_id: 'bob' }),
    });
    expect(spoofed.status).toBe(400);
    expect((await spoofed.json()).error.slug).toBe('Proxy_UserIdNotAllowed');
    const big = await fetch(`${server.url}/api/connect/api/v3/connected_accounts/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-user': 'alice' },
      body: JSON.stringify({ auth_config_id: 'ac_github', pad: 'x'.repeat(80_000) }),
    });
    // express.json()'s own 100 kB limit lets 80 kB through; the handler's 64 KiB does not.
    expect(big.status).toBe(413);
  } finally {
    await server.close();
  }
});

test('Node http and Express: when getUserId answers through res itself, that answer stands', async () => {
  const handler = createConnectHandler<NodeContext<http.IncomingMessage, http.ServerResponse>>({
    apiKey: 'sk_node_glue',
    baseUrl: upstream.url,
    getUserId: (_request, context) => {
      context?.res.writeHead(303, { location: '/sign-in' }).end();
      return null;
    },
    allowedAuthConfigIds: ['ac_github'],
  });
  const errors: unknown[] = [];
  const app = express();
  app.use(toExpress(handler));
  app.use((error: unknown, _req: express.Request, _res: express.Response, next: express.NextFunction) => {
    errors.push(error);
    next(error);
  });
  for (const listener of [toNodeHandler(handler), app]) {
    const server = await listen(listener);
    try {
      const response = await fetch(`${server.url}/api/connect/api/v3/connected_accounts/ca_1`, {
        redirect: 'manual',
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/sign-in');
      expect(await response.text()).toBe('');
    } finally {
      await server.close();
    }
  }
  expect(errors).toEqual([]);
});

// Malformed requests, written byte for byte over a raw TCP socket (node:net): each gets a 400 and
// the server lives on, for the plain Node handler and the Express middleware alike.
/** Writes `head` as it is and reads the answer until the server closes (the request asks it to). */
function rawHttp(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(head));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

const request = (line: string) =>
  `${line}\r\nHost: 127.0.0.1\r\nX-Test-User: alice\r\nConnection: close\r\n\r\n`;
const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
const ACCOUNT = '/api/connect/api/v3/connected_accounts/ca_1';

describe.each([
  ['toNodeHandler', () => toNodeHandler(makeHandler())],
  [
    'toExpress',
    () => {
      const app = express();
      app.use(toExpress(makeHandler()));
      return app;
    },
  ],
])('%s', (_name, makeListener) => {
  test.each([
    ['an absolute-form target with a bad host', `GET http://%zz${ACCOUNT} HTTP/1.1`],
    ['an absolute-form target with userinfo', `GET http://user:pass@127.0.0.1${ACCOUNT} HTTP/1.1`],
    ['the TRACE method', `TRACE ${ACCOUNT} HTTP/1.1`],
  ])('%s → 400, and the server answers the next request', async (_what, line) => {
    const server = await listen(makeListener());
    try {
      const answer = await rawHttp(server.port, request(line));
      expect(statusOf(answer), answer).toBe(400);
      expect(answer).not.toContain('sk_node_glue');
      const next = await rawHttp(server.port, request(`GET ${ACCOUNT} HTTP/1.1`));
      expect(statusOf(next), next).toBe(200);
      expect(next).toContain('"id":"ca_1"');
    } finally {
      await server.close();
    }
  });

  test('a good absolute-form target is served as its path', async () => {
    const server = await listen(makeListener());
    try {
      const answer = await rawHttp(server.port, request(`GET http://127.0.0.1${ACCOUNT} HTTP/1.1`));
      expect(statusOf(answer), answer).toBe(200);
      const traversal = await rawHttp(
        server.port,
        request(`GET http://127.0.0.1/api/connect/api/v3/connected_accounts/x/../ca_1 HTTP/1.1`),
      );
      expect(statusOf(traversal), traversal).toBe(404);
    } finally {
      await server.close();
    }
  });
});
