// @vitest-environment node
// What the handler sends upstream and refuses, seen from a recording upstream. The routes against
// the real sandbox server are in connect-handler.sandbox.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type ConnectLogEntry, createConnectHandler } from './index';
import { startTestUpstream, type TestUpstream } from './test-upstream';

const API_KEY = 'sk_test_recording_key_123';
const APP = 'http://app.test';

let upstream: TestUpstream;
let accountOwner = 'alice';
let logs: ConnectLogEntry[] = [];
/** The misconfiguration lines the handlers wrote. */
const lines: string[] = [];

beforeAll(async () => {
  upstream = await startTestUpstream((request, res) => {
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-request-id', 'up_req_1');
    if (request.path === '/api/v3/connected_accounts/link') {
      res.end(
        JSON.stringify({
          link_token: 'lt_1',
          redirect_url: 'https://link.test/lt_1',
          expires_at: '2030-01-01T00:00:00Z',
          connected_account_id: 'ca_1',
        }),
      );
    } else if (request.path === '/api/v3/connected_accounts') {
      const body = JSON.parse(request.body);
      res.statusCode = 201;
      res.end(JSON.stringify({ id: 'ca_2', connectionData: body.connection.state, status: 'ACTIVE' }));
    } else if (request.path.startsWith('/api/v3/connected_accounts/')) {
      res.end(
        JSON.stringify({
          id: request.path.split('/').pop(),
          user_id: accountOwner,
          auth_config: { id: 'ac_zendesk' },
          status: 'ACTIVE',
          state: {
            authScheme: 'API_KEY',
            val: { status: 'ACTIVE', api_key: 'stored_secret_value', subdomain: 'acme' },
          },
        }),
      );
    } else {
      res.statusCode = 500;
      res.end('{}');
    }
  });
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.requests.length = 0;
  accountOwner = 'alice';
  logs = [];
});

function makeHandler(overrides: Partial<Parameters<typeof createConnectHandler>[0]> = {}) {
  return createConnectHandler({
    apiKey: API_KEY,
    baseUrl: upstream.url,
    getUserId: (request) => request.headers.get('x-test-user'),
    allowedAuthConfigIds: ['ac_github', 'ac_zendesk'],
    callbackOrigins: [APP],
    log: (entry) => logs.push(entry),
    logger: { warn: (line) => lines.push(line), error: (line) => lines.push(line) },
    ...overrides,
  });
}

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${APP}/api/connect/api/v3/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-user': 'alice', origin: APP, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('forwarding', () => {
  test('a link session goes upstream with the key in x-api-key and the user from getUserId', async () => {
    const handler = makeHandler();
    const response = await handler(
      post('connected_accounts/link', { auth_config_id: 'ac_github', callback_url: `${APP}/cb?x=1` }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ connected_account_id: 'ca_1', link_token: 'lt_1' });
    const sent = upstream.requests[0];
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/api/v3/connected_accounts/link');
    expect(sent?.headers['x-api-key']).toBe(API_KEY);
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      auth_config_id: 'ac_github',
      callback_url: `${APP}/cb?x=1`,
      user_id: 'alice',
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  test('a link session keeps a toolkit’s own prefill keys in connection_data, drops unknown top-level keys', async () => {
    const handler = makeHandler();
    const response = await handler(
      post('connected_accounts/link', {
        auth_config_id: 'ac_zendesk',
        connection_data: { subdomain: 'acme', email: 'agent@acme.test' },
        smuggled: 'x',
      }),
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(upstream.requests[0]?.body ?? '')).toEqual({
      auth_config_id: 'ac_zendesk',
      connection_data: { subdomain: 'acme', email: 'agent@acme.test' },
      user_id: 'alice',
    });
  });

  test('a created account: user bound into connection.user_id, redirect_uri normalised, secrets not echoed', async () => {
    const handler = makeHandler();
    const response = await handler(
      post('connected_accounts', {
        auth_config: { id: 'ac_zendesk' },
        connection: {
          redirect_uri: `${APP}/cb`,
          state: {
            authScheme: 'API_KEY',
            val: { status: 'ACTIVE', api_key: 'zd_secret_9', subdomain: 'acme' },
          },
        },
      }),
    );
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text).not.toContain('zd_secret_9');
    // The create response is cut to its summary: none of the values the user typed come back.
    expect(JSON.parse(text).connectionData).toEqual({ authScheme: 'API_KEY', val: { status: 'ACTIVE' } });
    const forwarded = JSON.parse(upstream.requests[0]?.body ?? '');
    expect(forwarded.connection.user_id).toBe('alice');
    expect(forwarded.connection.callback_url).toBe(`${APP}/cb`);
    expect(forwarded.connection.redirect_uri).toBeUndefined();
    expect(forwarded.connection.state.val.api_key).toBe('zd_secret_9');
  });

  test('GET of the own account answers its summary, no stored credentials; no query string goes upstream', async () => {
    const handler = makeHandler();
    const response = await handler(
      new Request(`${APP}/api/connect/api/v3/connected_accounts/ca_7?user_ids=bob`, {
        headers: { 'x-test-user': 'alice' },
      }),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: 'ca_7', user_id: 'alice' });
    expect(body).not.toHaveProperty('state');
    expect(JSON.stringify(body)).not.toContain('stored_secret_value');
    expect(upstream.requests[0]?.path).toBe('/api/v3/connected_accounts/ca_7');
    expect(response.headers.get('x-request-id')).toBe('up_req_1');
  });

  test('GET of another user’s account is a 404 shaped like a missing one', async () => {
    accountOwner = 'bob';
    const handler = makeHandler();
    const response = await handler(
      new Request(`${APP}/api/connect/api/v3/connected_accounts/ca_7`, {
        headers: { 'x-test-user': 'alice' },
      }),
    );
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error).toMatchObject({ status: 404, slug: 'ConnectedAccount_NotFound' });
    expect(JSON.stringify(body)).not.toContain('bob');
  });
});

describe('refusals made before anything goes upstream', () => {
  const cases: [string, () => Request, number, string][] = [
    [
      'a client-sent user_id (link)',
      () => post('connected_accounts/link', { auth_config_id: 'ac_github', user_id: 'bob' }),
      400,
      'Proxy_UserIdNotAllowed',
    ],
    [
      'a client-sent connection.user_id (create)',
      () => post('connected_accounts', { auth_config: { id: 'ac_zendesk' }, connection: { user_id: 'bob' } }),
      400,
      'Proxy_UserIdNotAllowed',
    ],
    [
      'no user',
      () => post('connected_accounts/link', { auth_config_id: 'ac_github' }, { 'x-test-user': '' }),
      401,
      'Proxy_Unauthorized',
    ],
    [
      'an auth config off the allowlist',
      () => post('connected_accounts/link', { auth_config_id: 'ac_other' }),
      403,
      'Proxy_AuthConfigNotAllowed',
    ],
    [
      'a callback_url on another origin',
      () =>
        post('connected_accounts/link', {
          auth_config_id: 'ac_github',
          callback_url: 'https://evil.test/cb',
        }),
      400,
      'Proxy_CallbackOriginNotAllowed',
    ],
    [
      'a deprecated redirect_uri on another origin',
      () =>
        post('connected_accounts', {
          auth_config: { id: 'ac_zendesk' },
          connection: { redirect_uri: 'https://evil.test/cb' },
        }),
      400,
      'Proxy_CallbackOriginNotAllowed',
    ],
    [
      'a javascript: callback_url',
      () =>
        post('connected_accounts/link', { auth_config_id: 'ac_github', callback_url: 'javascript:alert(1)' }),
      400,
      'Proxy_CallbackOriginNotAllowed',
    ],
    [
      'a callback hidden in connection_data',
      () =>
        post('connected_accounts/link', {
          auth_config_id: 'ac_github',
          connection_data: { callbackUrl: 'https://evil.test' },
        }),
      400,
      'Proxy_CallbackOriginNotAllowed',
    ],
    [
      'a body that is not JSON',
      () => post('connected_accounts/link', '{"auth_config_id":'),
      400,
      'Proxy_InvalidJson',
    ],
    ['a JSON array', () => post('connected_accounts/link', '[]'), 400, 'Proxy_InvalidJson'],
    [
      'a form-encoded body',
      () =>
        post('connected_accounts/link', 'auth_config_id=ac_github', {
          'content-type': 'application/x-www-form-urlencoded',
        }),
      400,
      'Proxy_UnsupportedContentType',
    ],
    [
      'text/plain (a CORS-simple type)',
      () => post('connected_accounts/link', '{}', { 'content-type': 'text/plain' }),
      400,
      'Proxy_UnsupportedContentType',
    ],
    [
      'a body failing the schema',
      () => post('connected_accounts/link', { auth_config_id: 42 }),
      400,
      'Proxy_ValidationFailed',
    ],
    [
      'a forged Origin',
      () => post('connected_accounts/link', { auth_config_id: 'ac_github' }, { origin: 'https://evil.test' }),
      403,
      'Proxy_CrossSiteRequest',
    ],
    [
      'Origin: null',
      () => post('connected_accounts/link', { auth_config_id: 'ac_github' }, { origin: 'null' }),
      403,
      'Proxy_CrossSiteRequest',
    ],
    [
      'Sec-Fetch-Site: cross-site without Origin',
      () =>
        new Request(`${APP}/api/connect/api/v3/connected_accounts/ca_1`, {
          headers: { 'x-test-user': 'alice', 'sec-fetch-site': 'cross-site' },
        }),
      403,
      'Proxy_CrossSiteRequest',
    ],
    [
      'a body over 64 KiB',
      () => post('connected_accounts/link', { auth_config_id: 'ac_github', pad: 'x'.repeat(70_000) }),
      413,
      'Proxy_PayloadTooLarge',
    ],
  ];
  test.each(cases)('%s', async (_name, makeRequest, status, slug) => {
    const response = await makeHandler()(makeRequest());
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body.error).toMatchObject({ status, code: status, slug });
    expect(body.error.request_id).toMatch(/^pb_/);
    expect(upstream.requests).toHaveLength(0);
  });

  test('schema failures list each problem in errors[]', async () => {
    const response = await makeHandler()(post('connected_accounts', { auth_config: {}, connection: 'x' }));
    const body = await response.json();
    expect(body.error.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^auth_config\.id: /),
        expect.stringMatching(/^connection: /),
      ]),
    );
  });

  test('an allowlist function decides per user', async () => {
    const handler = makeHandler({
      allowedAuthConfigIds: (id, { userId }) => userId === 'alice' && id === 'ac_github',
    });
    expect((await handler(post('connected_accounts/link', { auth_config_id: 'ac_github' }))).status).toBe(
      200,
    );
    const bob = await handler(
      post('connected_accounts/link', { auth_config_id: 'ac_github' }, { 'x-test-user': 'bob' }),
    );
    expect(bob.status).toBe(403);
  });

  test('an allowed extra origin passes the cross-site check', async () => {
    const handler = makeHandler({ allowedOrigins: ['https://public.app.test'] });
    const response = await handler(
      post('connected_accounts/link', { auth_config_id: 'ac_github' }, { origin: 'https://public.app.test' }),
    );
    expect(response.status).toBe(200);
  });

  test('a throwing getUserId is a 500 envelope that says nothing of the cause', async () => {
    const handler = makeHandler({
      getUserId: () => {
        throw new Error(`db down ${API_KEY}`);
      },
    });
    const response = await handler(post('connected_accounts/link', { auth_config_id: 'ac_github' }));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('db down');
  });
});

describe('routes: exactly three, matched on the raw path', () => {
  const paths = [
    '/api/connect/api/v3/auth_configs',
    '/api/connect/api/v3/auth_configs/ac_github',
    '/api/connect/api/v3/toolkits/github',
    '/api/connect/api/v3/connected_accounts/ca_1/refresh',
    '/api/connect/api/v3/connected_accounts/ca_1%2F..%2F..%2Fauth_configs',
    '/api/connect/api/v3/connected_accounts/%2e%2e',
    '/api/connect/api/v3//connected_accounts/ca_1',
    '/api/connect/api/v3.1/connected_accounts/ca_1',
    '/api/connect',
    '/api/v3/connected_accounts/ca_1',
  ];
  test.each(paths)('GET %s → 404', async (path) => {
    const response = await makeHandler()(
      new Request(`${APP}${path}`, { headers: { 'x-test-user': 'alice' } }),
    );
    expect(response.status).toBe(404);
    expect((await response.json()).error.slug).toBe('Proxy_NotFound');
    expect(upstream.requests).toHaveLength(0);
  });

  test.each([
    ['PUT', 'connected_accounts/ca_1', 'GET, DELETE'],
    ['PATCH', 'connected_accounts/ca_1', 'GET, DELETE'],
    ['GET', 'connected_accounts/link', 'POST'],
    ['PUT', 'connected_accounts', 'POST, GET'],
    ['DELETE', 'connected_accounts', 'POST, GET'],
    ['GET', 'connected_accounts/ca_1/status', 'PATCH'],
    ['POST', 'connected_accounts/ca_1/status', 'PATCH'],
  ])('%s %s → 405, Allow: %s', async (method, path, allow) => {
    const response = await makeHandler()(
      new Request(`${APP}/api/connect/api/v3/${path}`, { method, headers: { 'x-test-user': 'alice' } }),
    );
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(upstream.requests).toHaveLength(0);
  });

  test('fieldMetadata: auth config of the allowlist, then its toolkit; others refused', async () => {
    const reads: string[] = [];
    const handler = makeHandler({
      fieldMetadata: true,
      fetch: async (input, init) => {
        reads.push(input);
        if (input.endsWith('/auth_configs/ac_zendesk')) {
          return Response.json({ id: 'ac_zendesk', toolkit: { slug: 'zendesk' } });
        }
        return globalThis.fetch(input, init);
      },
    });
    const get = (path: string) =>
      handler(new Request(`${APP}/api/connect/api/v3/${path}`, { headers: { 'x-test-user': 'alice' } }));
    expect((await get('toolkits/zendesk')).status).toBe(403);
    expect((await get('auth_configs/ac_other')).status).toBe(403);
    expect((await get('auth_configs/ac_zendesk')).status).toBe(200);
    expect((await get('toolkits/slack')).status).toBe(403);
    await get('toolkits/zendesk');
    expect(reads.map((url) => new URL(url).pathname)).toEqual([
      '/api/v3/auth_configs/ac_zendesk',
      '/api/v3/toolkits/zendesk',
    ]);
  });
});

describe('what comes back from upstream', () => {
  const get = (handler: ReturnType<typeof makeHandler>, path: string) =>
    handler(new Request(`${APP}/api/connect/api/v3/${path}`, { headers: { 'x-test-user': 'alice' } }));

  test('an auth config and its toolkit reach the browser with only the fields getAuthFields reads', async () => {
    const SUBDOMAIN = {
      name: 'subdomain',
      displayName: 'Subdomain',
      type: 'string',
      description: 'Your Zendesk subdomain',
      required: true,
      is_secret: false,
    };
    const handler = makeHandler({
      fieldMetadata: true,
      fetch: async (input) =>
        input.endsWith('/auth_configs/ac_zendesk')
          ? Response.json({
              id: 'ac_zendesk',
              uuid: 'uuid_1',
              name: 'Zendesk',
              toolkit: { slug: 'zendesk', logo: 'https://logo.test/zendesk.svg' },
              auth_scheme: 'API_KEY',
              credentials: { client_id: 'cid', client_secret: 'TOP_SECRET' },
            })
          : Response.json({
              slug: 'zendesk',
              name: 'Zendesk',
              internal: { webhook_secret: 'TOP_SECRET' },
              auth_config_details: [
                {
                  mode: 'API_KEY',
                  name: 'API key',
                  proxy: { base_url: 'https://TOP_SECRET.test' },
                  fields: {
                    connected_account_initiation: { required: [{ ...SUBDOMAIN, group: 'TOP_SECRET' }] },
                  },
                },
              ],
            }),
    });
    const authConfig = await get(handler, 'auth_configs/ac_zendesk');
    const authConfigText = await authConfig.text();
    expect(authConfig.status).toBe(200);
    expect(authConfigText).not.toContain('TOP_SECRET');
    expect(JSON.parse(authConfigText)).toEqual({
      id: 'ac_zendesk',
      toolkit: { slug: 'zendesk', logo: 'https://logo.test/zendesk.svg' },
      auth_scheme: 'API_KEY',
    });
    const toolkit = await get(handler, 'toolkits/zendesk');
    const toolkitText = await toolkit.text();
    expect(toolkit.status).toBe(200);
    expect(toolkitText).not.toContain('TOP_SECRET');
    expect(JSON.parse(toolkitText)).toEqual({
      slug: 'zendesk',
      name: 'Zendesk',
      auth_config_details: [
        {
          mode: 'API_KEY',
          name: 'API key',
          fields: {
            connected_account_initiation: { required: [SUBDOMAIN] },
          },
        },
      ],
    });
  });

  test('an auth config that does not match the API → 502, and its toolkit stays unreadable', async () => {
    const handler = makeHandler({
      fieldMetadata: true,
      fetch: async () =>
        Response.json({ id: 'ac_zendesk', toolkit: 'zendesk', credentials: { client_secret: 'TOP_SECRET' } }),
    });
    const response = await get(handler, 'auth_configs/ac_zendesk');
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text).error.slug).toBe('Proxy_UpstreamInvalidResponse');
    expect(text).not.toContain('TOP_SECRET');
    expect((await get(handler, 'toolkits/zendesk')).status).toBe(403);
  });

  test('a body that never ends → 504 at the deadline, even from a fetch that ignores the signal', async () => {
    const handler = makeHandler({
      timeoutMs: 100,
      fetch: async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"id":'));
            },
          }),
        ),
    });
    const started = performance.now();
    const response = await get(handler, 'connected_accounts/ca_1');
    expect(response.status).toBe(504);
    expect((await response.json()).error.slug).toBe('Proxy_UpstreamTimeout');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test('a body over 8 MiB → 502, and no more of it is read', async () => {
    // Valid JSON of 12 MiB, the account of the signed-in user: only its size is wrong.
    const encoder = new TextEncoder();
    const pad = encoder.encode('x'.repeat(64 * 1024));
    let pulled = 0;
    const handler = makeHandler({
      fetch: async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(encoder.encode('{"id":"ca_1","user_id":"alice","pad":"'));
            },
            pull(controller) {
              pulled += pad.byteLength;
              controller.enqueue(pad);
              if (pulled >= 12 * 1024 * 1024) {
                controller.enqueue(encoder.encode('"}'));
                controller.close();
              }
            },
          }),
        ),
    });
    const response = await get(handler, 'connected_accounts/ca_1');
    expect(response.status).toBe(502);
    expect((await response.json()).error.slug).toBe('Proxy_UpstreamInvalidResponse');
    expect(pulled).toBeLessThan(9 * 1024 * 1024);
  });

  test('a one-letter API key is redacted from values and keys alike; no field is lost', async () => {
    const handler = makeHandler({ apiKey: 'k' });
    const response = await handler(post('connected_accounts/link', { auth_config_id: 'ac_github' }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual([
      'connected_account_id',
      'expires_at',
      'lin[redacted]_to[redacted]en',
      'redirect_url',
    ]);
    expect(body.redirect_url).toBe('https://lin[redacted].test/lt_1');
  });
});

describe('logging', () => {
  test('one structured entry per request; credentials and the key never in it', async () => {
    const handler = makeHandler();
    await handler(
      post('connected_accounts', {
        auth_config: { id: 'ac_zendesk' },
        connection: {
          state: {
            authScheme: 'API_KEY',
            val: { status: 'ACTIVE', api_key: 'zd_secret_9', password: 'pw_secret_8' },
          },
        },
      }),
    );
    expect(logs).toHaveLength(1);
    const entry = logs[0];
    expect(entry).toMatchObject({
      level: 'info',
      route: 'createConnectedAccount',
      status: 201,
      userId: 'alice',
      authConfigId: 'ac_zendesk',
    });
    expect(entry?.body).toMatchObject({
      connection: { state: { authScheme: 'API_KEY', val: '[redacted]' } },
    });
    expect(entry?.upstreamMs).toBeGreaterThan(0);
    const line = JSON.stringify(logs);
    for (const secret of [API_KEY, 'zd_secret_9', 'pw_secret_8']) expect(line).not.toContain(secret);
  });

  test('the misconfiguration lines the suite caused hold no key and no secret', () => {
    expect(lines.length).toBeGreaterThan(3);
    for (const secret of [API_KEY, 'zd_secret_9', 'pw_secret_8'])
      expect(lines.join('\n')).not.toContain(secret);
  });
});

test('options are checked when the handler is made, and reported on its first request (not thrown)', async () => {
  const errors: string[] = [];
  const base = {
    apiKey: 'k',
    getUserId: () => 'u',
    allowedAuthConfigIds: [] as string[],
    logger: { warn: () => {}, error: (line: string) => errors.push(line) },
  };
  for (const [options, option] of [
    [{ ...base, apiKey: '' }, 'apiKey'],
    [{ ...base, callbackOrigins: ['not a url'] }, 'callbackOrigins'],
    [{ ...base, basePath: '/api/../x' }, 'basePath'],
  ] as const) {
    const handler = createConnectHandler(options);
    expect(errors).toHaveLength(0);
    expect((await handler(new Request(`${APP}/api/connect/api/v3/connected_accounts/ca_1`))).status).toBe(
      500,
    );
    expect(errors.pop()).toContain(option);
  }
});
