// @vitest-environment node
// Malformed requests, written byte for byte over a raw TCP socket (node:net): each gets a 400 and
// the server lives on, for the plain Node handler and the Express middleware alike.
import net from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createConnectHandler, toExpress, toNodeHandler } from './index';
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

const handler = () =>
  createConnectHandler({
    apiKey: 'sk_test_malformed',
    baseUrl: upstream.url,
    getUserId: (request) => request.headers.get('x-test-user'),
    allowedAuthConfigIds: ['ac_github'],
  });

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
  ['toNodeHandler', () => toNodeHandler(handler())],
  [
    'toExpress',
    () => {
      const app = express();
      app.use(toExpress(handler()));
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
      expect(answer).not.toContain('sk_test_malformed');
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
