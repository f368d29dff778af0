// @vitest-environment node
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createConnectHandler, createNextRouteHandlers } from './index';
import { startTestUpstream, type TestUpstream } from './test-upstream';

let upstream: TestUpstream;
beforeAll(async () => {
  upstream = await startTestUpstream((request, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(
      request.method === 'POST'
        ? JSON.stringify({
            link_token: 'lt',
            redirect_url: 'https://l.test',
            expires_at: 'x',
            connected_account_id: 'ca_9',
          })
        : JSON.stringify({ id: 'ca_9', user_id: 'alice', auth_config: { id: 'ac_github' } }),
    );
  });
});
afterAll(() => upstream.close());

test('Next.js App Router: the exported route handlers answer Requests like Next calls them', async () => {
  const contexts: unknown[] = [];
  const handler = createConnectHandler({
    apiKey: 'sk_next',
    baseUrl: upstream.url,
    getUserId: (request, context) => {
      contexts.push(context);
      return request.headers.get('cookie') === 'session=alice' ? 'alice' : null;
    },
    allowedAuthConfigIds: ['ac_github'],
  });
  const { GET, POST, PUT } = createNextRouteHandlers(handler);
  const context = { params: Promise.resolve({ path: ['api', 'v3', 'connected_accounts', 'ca_9'] }) };
  const got = await GET(
    new Request('http://app.test/api/connect/api/v3/connected_accounts/ca_9', {
      headers: { cookie: 'session=alice' },
    }),
    context,
  );
  expect(got.status).toBe(200);
  expect(await got.json()).toMatchObject({ id: 'ca_9' });
  // Next's second argument is getUserId's context, as it was passed.
  expect(contexts[0]).toBe(context);

  const posted = await POST(
    new Request('http://app.test/api/connect/api/v3/connected_accounts/link', {
      method: 'POST',
      headers: { cookie: 'session=alice', 'content-type': 'application/json', origin: 'http://app.test' },
      body: JSON.stringify({ auth_config_id: 'ac_github' }),
    }),
  );
  expect(posted.status).toBe(200);
  expect(await posted.json()).toMatchObject({ connected_account_id: 'ca_9' });

  // A method no route of the path takes gets the envelope's 405, not Next's empty one.
  const put = await PUT(
    new Request('http://app.test/api/connect/api/v3/connected_accounts/ca_9', {
      method: 'PUT',
      headers: { cookie: 'session=alice' },
    }),
  );
  expect(put.status).toBe(405);
  expect((await put.json()).error.slug).toBe('Proxy_MethodNotAllowed');
});
