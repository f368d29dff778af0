// @vitest-environment node
// The handler between a client and the sandbox *server*, both over HTTP: every route, upstream
// errors, the hostile suite, and, last, a grep of everything the suite saw for the key and the
// secrets it sent.
import http from 'node:http';
import { createHttpBackend } from '@plugboard/core';
import { startSandboxServer } from '@plugboard/sandbox/server';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  type ConnectHandlerOptions,
  type ConnectLogEntry,
  createConnectHandler,
  toNodeHandler,
} from './index';
import { listen, startTestUpstream } from './test-upstream';

const API_KEY = 'sk_sandbox_proxy_key_7f3a91';
/** Every secret value the suite sends anywhere; none may come back or be logged. */
const SECRETS = [
  'zd_token_SECRET_0001',
  'zd_token_SECRET_0002_invalid',
  'big_body_SECRET_0003',
  'forged_origin_SECRET_0004',
  'bad_json_SECRET_0005',
  'echoed_SECRET_0006',
  'spoof_SECRET_0007',
];

type Sandbox = Awaited<ReturnType<typeof startSandboxServer>>;
let sandbox: Sandbox;
let proxy: { url: string; port: number; close(): Promise<void> };
const seen: string[] = [];
/** Every response body the proxy gave in this suite. */
const answered: string[] = [];
const logs: ConnectLogEntry[] = [];

async function startProxy(overrides: Partial<ConnectHandlerOptions> = {}) {
  const handler = createConnectHandler({
    apiKey: API_KEY,
    baseUrl: sandbox.url,
    // The "session": a header the test sets, as a cookie would be in an app.
    getUserId: (request) => request.headers.get('x-session-user'),
    allowedAuthConfigIds: ['ac_github', 'ac_zendesk'],
    callbackOrigins: ['http://app.test'],
    fieldMetadata: true,
    timeoutMs: 300,
    // Misconfiguration lines join what is grepped for secrets at the end.
    logger: { warn: (line) => seen.push(line), error: (line) => seen.push(line) },
    log: (entry) => {
      logs.push(entry);
      seen.push(JSON.stringify(entry));
    },
    ...overrides,
  });
  return listen(toNodeHandler(handler));
}

/** A fetch through the proxy that records what came back. */
async function call(path: string, init: RequestInit & { user?: string | null } = {}) {
  const headers = new Headers(init.headers);
  if (init.user !== null) headers.set('x-session-user', init.user ?? 'alice');
  const response = await fetch(`${proxy.url}${path}`, { ...init, headers });
  const text = await response.text();
  seen.push(text, JSON.stringify([...response.headers]));
  answered.push(text);
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

function postJson(path: string, body: unknown, user?: string) {
  return call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(user === undefined ? {} : { user }),
  });
}

/** Sends the path exactly as written (fetch would resolve `..`). */
function raw(method: string, path: string, body?: string) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: proxy.port,
        method,
        path,
        headers: {
          'x-session-user': 'alice',
          'content-type': 'application/json',
          // Node frames no body of a DELETE by itself; without a length it would read as a second request.
          ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => {
          seen.push(text, JSON.stringify(res.headers));
          answered.push(text);
          resolve({ status: res.statusCode ?? 0, text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A Zendesk API-key account to create, its key the suite's first secret. */
const zendeskAccount = (email: string) => ({
  auth_config: { id: 'ac_zendesk' },
  connection: {
    state: {
      authScheme: 'API_KEY' as const,
      val: { status: 'ACTIVE' as const, subdomain: 'acme', email, api_key: SECRETS[0] },
    },
  },
});

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, host: '127.0.0.1', apiKeys: [API_KEY], control: true });
  proxy = await startProxy();
});
afterAll(async () => {
  await proxy.close();
  await sandbox.close();
});
beforeEach(() => sandbox.sandbox.control.reset());

describe('every route, through core’s HTTP backend as a browser uses it', () => {
  /** Each response body as the browser received it, before core's schemas dropped any field. */
  const received: string[] = [];
  const backend = (user = 'alice') =>
    createHttpBackend({
      baseUrl: `${proxy.url}/api/connect`,
      headers: { 'x-session-user': user },
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        received.push(await response.clone().text());
        answered.push(received.at(-1) ?? '');
        return response;
      },
    });

  test('link session → the account belongs to the session user, readable by them', async () => {
    const link = await backend().createLinkSession({
      auth_config_id: 'ac_github',
      callback_url: 'http://app.test/cb',
    });
    expect(link.redirect_url).toContain('/link/');
    const account = await backend().getConnectedAccount(link.connected_account_id);
    expect(account.user_id).toBe('alice');
    expect(account.status).toBe('INITIATED');
    seen.push(JSON.stringify(link), JSON.stringify(account));
  });

  test('create a credential account → ACTIVE; credentials neither echoed nor stored readably', async () => {
    const created = await backend().createConnectedAccount(zendeskAccount('agent@acme.test'));
    expect(created.status).toBe('ACTIVE');
    const account = await backend().getConnectedAccount(created.id);
    expect(account.user_id).toBe('alice');
    // The proxy answers with the account's summary: nothing of state, data or params.
    expect(account.state).toBeUndefined();
    const [createdText, accountText] = received.slice(-2);
    expect(createdText).toContain(created.id);
    expect(JSON.parse(createdText ?? '').connectionData).toEqual({
      authScheme: 'API_KEY',
      val: { status: 'ACTIVE' },
    });
    expect(JSON.parse(accountText ?? '')).toMatchObject({
      id: created.id,
      auth_config: { id: 'ac_zendesk' },
    });
    for (const key of ['state', 'data', 'params'])
      expect(JSON.parse(accountText ?? '')).not.toHaveProperty(key);
    const stored = JSON.stringify(sandbox.sandbox.snapshot());
    expect(stored).toContain(created.id);
    for (const text of [createdText, accountText, stored]) expect(text).not.toContain(SECRETS[0]);
    seen.push(JSON.stringify(created), JSON.stringify(account));
  });

  test('the list: the session user’s accounts on the allowlist only, summaries, pages passed through', async () => {
    for (const [user, config] of [
      ['alice', 'ac_github'],
      ['alice', 'ac_github'],
      ['bob', 'ac_github'],
    ]) {
      const link = await postJson(
        '/api/connect/api/v3/connected_accounts/link',
        { auth_config_id: config },
        user,
      );
      expect(link.status).toBe(201);
    }
    const first = await call('/api/connect/api/v3/connected_accounts?limit=1&order_direction=asc');
    expect(first.status).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ user_id: 'alice', auth_config: { id: 'ac_github' } });
    expect(page.next_cursor).toEqual(expect.any(String));
    const rest = (
      await call(`/api/connect/api/v3/connected_accounts?limit=5&cursor=${page.next_cursor}`)
    ).json();
    expect(rest.items.map((item: { user_id: string }) => item.user_id)).toEqual(['alice']);
    for (const item of [...page.items, ...rest.items]) {
      expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['state']));
      expect(item).not.toHaveProperty('data');
      expect(item).not.toHaveProperty('params');
    }
  });

  test('field metadata (fieldMetadata: true): getAuthFields reads the auth config, then its toolkit', async () => {
    const fields = await backend().getAuthFields?.('ac_zendesk');
    expect(fields?.toolkitSlug).toBe('zendesk');
    expect(fields?.fields.map((field) => field.name)).toEqual(
      expect.arrayContaining(['subdomain', 'api_key']),
    );
  });
});

test('apiVersion v3.1: link, create, get and list against the sandbox’s /api/v3.1/… routes', async () => {
  const v31 = await startProxy({ apiVersion: 'v3.1' });
  try {
    const backend = createHttpBackend({
      baseUrl: `${v31.url}/api/connect`,
      headers: { 'x-session-user': 'alice' },
    });
    const link = await backend.createLinkSession({
      auth_config_id: 'ac_github',
      callback_url: 'http://app.test/cb',
    });
    expect((await backend.getConnectedAccount(link.connected_account_id)).status).toBe('INITIATED');
    const made = await backend.createConnectedAccount(zendeskAccount('v31@acme.test'));
    expect(made.status).toBe('ACTIVE');
    const list = await fetch(`${v31.url}/api/connect/api/v3/connected_accounts`, {
      headers: { 'x-session-user': 'alice' },
    });
    const text = await list.text();
    seen.push(text);
    answered.push(text);
    expect(
      JSON.parse(text)
        .items.map((item: { id: string }) => item.id)
        .sort(),
    ).toEqual([link.connected_account_id, made.id].sort());
    expect(sandbox.sandbox.snapshot().accounts).toHaveLength(2);
  } finally {
    await v31.close();
  }
});

describe('upstream errors pass through in the envelope, with upstream’s request_id', () => {
  test('a scripted 500 of the sandbox', async () => {
    sandbox.sandbox.control.failNext({ status: 500, route: 'createLinkSession', message: 'Sandbox broke' });
    const response = await postJson('/api/connect/api/v3/connected_accounts/link', {
      auth_config_id: 'ac_github',
    });
    expect(response.status).toBe(500);
    const { error } = response.json();
    expect(error.message).toBe('Sandbox broke');
    expect(error.request_id).toMatch(/^req_/);
    expect(response.headers.get('x-request-id')).toBe(error.request_id);
  });

  test('refused credentials: the sandbox’s 422 with field errors; the secret sent is not in them', async () => {
    const response = await postJson('/api/connect/api/v3/connected_accounts', {
      auth_config: { id: 'ac_zendesk' },
      connection: {
        state: {
          authScheme: 'API_KEY',
          val: { status: 'ACTIVE', subdomain: 'acme', email: 'a@acme.test', api_key: SECRETS[1] },
        },
      },
      validate_credentials: true,
    });
    expect(response.status).toBe(422);
    const { error } = response.json();
    expect(error.status).toBe(422);
    expect(error.request_id).toMatch(/^req_/);
    expect(error.errors.join(' ')).toContain('api_key');
  });

  test('an upstream that echoes the key and a secret in its error has both redacted', async () => {
    const echo = await startTestUpstream((request, res) => {
      res.statusCode = 400;
      res.setHeader('content-type', 'application/json');
      const sent = JSON.parse(request.body).connection.state.val.api_key;
      res.end(
        JSON.stringify({
          error: {
            message: `bad key ${request.headers['x-api-key']} for ${sent}`,
            code: 600,
            slug: 'ConnectedAccount_BadRequest',
            status: 400,
            request_id: 'req_echo',
            errors: [`api_key: ${sent} is wrong`],
          },
        }),
      );
    });
    const echoProxy = await startProxy({ baseUrl: echo.url });
    try {
      const response = await fetch(`${echoProxy.url}/api/connect/api/v3/connected_accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-session-user': 'alice' },
        body: JSON.stringify({
          auth_config: { id: 'ac_zendesk' },
          connection: { state: { authScheme: 'API_KEY', val: { status: 'ACTIVE', api_key: SECRETS[5] } } },
        }),
      });
      const text = await response.text();
      seen.push(text);
      expect(response.status).toBe(400);
      expect(JSON.parse(text).error).toMatchObject({
        message: 'bad key [redacted] for [redacted]',
        errors: ['api_key: [redacted] is wrong'],
        request_id: 'req_echo',
      });
    } finally {
      await echoProxy.close();
      await echo.close();
    }
  });
});

describe('hostile input', () => {
  test('user_id spoofing is refused on both POST routes', async () => {
    const link = await postJson('/api/connect/api/v3/connected_accounts/link', {
      auth_config_id: 'ac_github',
      user_id: 'bob',
    });
    expect(link.status).toBe(400);
    expect(link.json().error.slug).toBe('Proxy_UserIdNotAllowed');
    const create = await postJson('/api/connect/api/v3/connected_accounts', {
      auth_config: { id: 'ac_zendesk' },
      connection: {
        user_id: 'bob',
        state: {
          authScheme: 'API_KEY',
          val: { status: 'ACTIVE', subdomain: 'acme', email: 'a@acme.test', api_key: SECRETS[6] },
        },
      },
    });
    expect(create.status).toBe(400);
    expect(sandbox.sandbox.snapshot().accounts).toHaveLength(0);
  });

  test('reading another user’s account is a 404 indistinguishable from a missing one', async () => {
    const link = await postJson(
      '/api/connect/api/v3/connected_accounts/link',
      { auth_config_id: 'ac_github' },
      'bob',
    );
    const bobsId = link.json().connected_account_id;
    const asAlice = await call(`/api/connect/api/v3/connected_accounts/${bobsId}`);
    const missing = await call('/api/connect/api/v3/connected_accounts/ca_doesnotexist');
    expect(asAlice.status).toBe(404);
    expect(missing.status).toBe(404);
    const shape = (text: string) => ({ ...JSON.parse(text).error, request_id: 'x' });
    expect(shape(asAlice.text)).toEqual(shape(missing.text));
    expect(asAlice.json().error.request_id).toMatch(/^pb_/);
    expect(missing.json().error.request_id).toMatch(/^pb_/);
    expect(asAlice.text).not.toContain('bob');
    expect((await call(`/api/connect/api/v3/connected_accounts/${bobsId}`, { user: 'bob' })).status).toBe(
      200,
    );
  });

  test.each([
    ['GET', '/api/connect/api/v3/connected_accounts/ca_1/../../auth_configs', 404],
    ['GET', '/api/connect/api/v3/connected_accounts/%2e%2e/%2e%2e/auth_configs', 404],
    ['GET', '/api/connect/api/v3/connected_accounts/..%2F..%2Fauth_configs', 404],
    ['GET', '/api/connect/api/v3/connected_accounts%2F..%2F..%2F_sandbox%2Fcontrol', 404],
    ['GET', '/api/connect/api/v3/connected_accounts/..\\..\\auth_configs', 404],
    ['GET', '/api/connect//api/v3/auth_configs', 404],
    ['GET', '/api/connect/api/v3/auth_configs', 404],
    ['GET', '/api/connect/_sandbox/control', 404],
    ['POST', '/api/connect/_sandbox/control', 404],
    ['GET', '/api/connect/link/lt_x', 404],
    ['GET', '/api/connect/api/v3.1/connected_accounts/ca_1', 404],
    ['PUT', '/api/connect/api/v3/connected_accounts', 405],
    ['GET', '/api/connect/api/v3/connected_accounts?user_ids=bob', 400],
    ['GET', '/api/connect/api/v3/connected_accounts?user_id=bob', 400],
    ['GET', '/api/connect/api/v3/connected_accounts?auth_config_ids=ac_slack', 403],
    ['GET', '/api/connect/api/v3/connected_accounts?connected_account_ids=ca_1', 400],
    ['GET', '/api/connect/api/v3/connected_accounts?limit=-1', 400],
    ['PUT', '/api/connect/api/v3/connected_accounts/ca_1', 405],
    ['PATCH', '/api/connect/api/v3/connected_accounts/ca_1', 405],
    ['GET', '/api/connect/api/v3/connected_accounts/ca_1/status', 405],
    ['DELETE', '/api/connect/api/v3/connected_accounts/ca_1/status', 405],
    ['PATCH', '/api/connect/api/v3/connected_accounts/ca_1/status/x', 404],
    ['PATCH', '/api/connect/api/v3/connected_accounts/ca_1/../ca_2/status', 404],
    ['DELETE', '/api/connect/api/v3/connected_accounts/%2e%2e', 404],
    ['DELETE', '/api/connect/api/v3/connected_accounts/ca_1%2Fstatus', 404],
    ['DELETE', '/api/connect/api/v3/connected_accounts/', 404],
    ['PATCH', '/api/connect/api/v3/connected_accounts//status', 404],
    ['POST', '/api/connect/api/v3/connected_accounts/ca_1', 405],
    ['OPTIONS', '/api/connect/api/v3/connected_accounts/link', 405],
  ])('%s %s → %i, nothing upstream', async (method, path, status) => {
    const before = logs.length;
    const response = await raw(method, path, method === 'GET' || method === 'OPTIONS' ? undefined : '{}');
    expect(response.status, response.text).toBe(status);
    expect(JSON.parse(response.text).error.status).toBe(status);
    expect(logs.slice(before).every((entry) => entry.upstreamMs === undefined)).toBe(true);
  });

  test('a 10 MB body → 413', async () => {
    const body = JSON.stringify({
      auth_config_id: 'ac_github',
      connection_data: { api_key: SECRETS[2] },
      pad: 'x'.repeat(10 * 1024 * 1024),
    });
    const response = await call('/api/connect/api/v3/connected_accounts/link', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(413);
    expect(response.json().error.slug).toBe('Proxy_PayloadTooLarge');
  });

  test.each([
    ['text/plain', '{"auth_config_id":"ac_github"}', 'Proxy_UnsupportedContentType'],
    ['application/x-www-form-urlencoded', 'auth_config_id=ac_github', 'Proxy_UnsupportedContentType'],
    ['multipart/form-data; boundary=x', '--x--', 'Proxy_UnsupportedContentType'],
    [
      'application/json',
      `{"auth_config_id":"ac_github","connection_data":{"api_key":"${SECRETS[4]}"`,
      'Proxy_InvalidJson',
    ],
  ])('content-type %s → 400', async (type, body, slug) => {
    const response = await call('/api/connect/api/v3/connected_accounts/link', {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
    expect(response.status).toBe(400);
    expect(response.json().error.slug).toBe(slug);
  });

  test('a forged Origin → 403; Sec-Fetch-Site: cross-site → 403', async () => {
    const forged = await call('/api/connect/api/v3/connected_accounts/link', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.test' },
      body: JSON.stringify({ auth_config_id: 'ac_github', connection_data: { api_key: SECRETS[3] } }),
    });
    expect(forged.status).toBe(403);
    const crossSite = await call('/api/connect/api/v3/connected_accounts/ca_1', {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const sameOrigin = await call('/api/connect/api/v3/connected_accounts/link', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: proxy.url, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ auth_config_id: 'ac_github' }),
    });
    expect(sameOrigin.status).toBe(201);
  });

  test('no user → 401; auth config off the allowlist → 403; callback to another origin → 400', async () => {
    expect((await call('/api/connect/api/v3/connected_accounts/ca_1', { user: null })).status).toBe(401);
    expect(
      (await postJson('/api/connect/api/v3/connected_accounts/link', { auth_config_id: 'ac_slack' })).status,
    ).toBe(403);
    const callback = await postJson('/api/connect/api/v3/connected_accounts/link', {
      auth_config_id: 'ac_github',
      callback_url: 'https://evil.test/steal',
    });
    expect(callback.status).toBe(400);
    expect(callback.json().error.slug).toBe('Proxy_CallbackOriginNotAllowed');
  });

  test('an upstream that hangs → 504', async () => {
    sandbox.sandbox.control.setLatency(2_000, 'getConnectedAccount');
    const started = performance.now();
    const response = await call('/api/connect/api/v3/connected_accounts/ca_1');
    expect(response.status).toBe(504);
    expect(response.json().error.slug).toBe('Proxy_UpstreamTimeout');
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  test('a connection dropped mid-response → 502', async () => {
    const link = await postJson('/api/connect/api/v3/connected_accounts/link', {
      auth_config_id: 'ac_github',
    });
    sandbox.sandbox.control.dropNext({ route: 'getConnectedAccount' });
    const response = await call(`/api/connect/api/v3/connected_accounts/${link.json().connected_account_id}`);
    expect(response.status).toBe(502);
    expect(response.json().error.slug).toBe('Proxy_UpstreamUnreachable');
  });

  test('an upstream that answers HTML → 502', async () => {
    const html = await startTestUpstream((_request, res) => {
      res.setHeader('content-type', 'text/html');
      res.statusCode = 502;
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
    });
    const htmlProxy = await startProxy({ baseUrl: html.url });
    try {
      const response = await fetch(`${htmlProxy.url}/api/connect/api/v3/connected_accounts/ca_1`, {
        headers: { 'x-session-user': 'alice' },
      });
      const text = await response.text();
      seen.push(text);
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(JSON.parse(text).error).toMatchObject({ slug: 'Proxy_UpstreamInvalidResponse', status: 502 });
    } finally {
      await htmlProxy.close();
      await html.close();
    }
  });

  test('an upstream on a closed port → 502', async () => {
    const closed = await listen(() => {});
    const deadUrl = closed.url;
    await closed.close();
    const deadProxy = await startProxy({ baseUrl: deadUrl });
    try {
      const response = await fetch(`${deadProxy.url}/api/connect/api/v3/connected_accounts/ca_1`, {
        headers: { 'x-session-user': 'alice' },
      });
      const text = await response.text();
      seen.push(text);
      expect(response.status).toBe(502);
      expect(JSON.parse(text).error.slug).toBe('Proxy_UpstreamUnreachable');
    } finally {
      await deadProxy.close();
    }
  });
});

// Last, on purpose: it reads what every test above collected.
test('no response body, header or log line of this suite holds the API key or a secret sent', () => {
  expect(seen.length).toBeGreaterThan(80);
  expect(logs.length).toBeGreaterThan(30);
  const everything = seen.join('\n');
  // No account the proxy answered carries its state, data or params.
  expect(answered.length).toBeGreaterThan(60);
  for (const key of ['"state"', '"data"', '"params"'])
    expect(answered.join('\n').includes(key), key).toBe(false);
  for (const secret of [API_KEY, ...SECRETS]) {
    expect(everything.includes(secret), secret).toBe(false);
    expect(everything.includes(encodeURIComponent(secret)), secret).toBe(false);
  }
});
