// @vitest-environment node
// Issue 14's attacks on the proxy, each a test named after it, against a recording upstream that
// plays Composio WITHOUT credential masking: every value it stores comes back from it, under
// names no secret pattern guesses. Last, a grep of every answer for each of those values.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type ConnectHandlerOptions, createConnectHandler } from './index';
import { type RecordedRequest, startTestUpstream, type TestUpstream } from './test-upstream';

const APP = 'http://app.test';
const API_KEY = 'sk_test_hardening_key_4411';
/** Credential values under keys no pattern guesses (`pat`, `hmac`, `license`, a custom field). */
const CREDENTIALS = {
  pat: 'PAT_value_0001',
  hmac: 'HMAC_value_0002',
  license: 'LICENSE_value_0003',
  renewal_phrase: 'CUSTOM_value_0004',
};
const STORED_DATA = 'DATA_value_0005';
const STORED_PARAM = 'PARAM_value_0006';
const EVERY_VALUE = [...Object.values(CREDENTIALS), STORED_DATA, STORED_PARAM];

/** What the next upstream answer should carry beside its body (attack 3). */
let twist: { header?: string; requestId?: string; status?: number; keyAsKey?: boolean } = {};
let upstream: TestUpstream;
const seen: string[] = [];

/** The stored account, unmasked, as a Composio project without masking returns it. */
const account = (id: string, authConfig = 'ac_licensekit') => ({
  id,
  user_id: 'alice',
  toolkit: { slug: 'licensekit' },
  auth_config: { id: authConfig, auth_scheme: 'API_KEY', is_composio_managed: false, is_disabled: false },
  status: 'ACTIVE',
  status_reason: null,
  is_disabled: false,
  created_at: '2026-11-30T00:00:00Z',
  updated_at: '2026-11-30T00:00:00Z',
  state: { authScheme: 'API_KEY', val: { status: 'ACTIVE', ...CREDENTIALS } },
  data: { renewal: STORED_DATA },
  params: { anything: STORED_PARAM },
});

function answer(request: RecordedRequest): { status: number; body: unknown } {
  if (twist.status !== undefined) {
    return {
      status: twist.status,
      body: {
        error: {
          message: 'Refused',
          code: 600,
          slug: 'X',
          status: twist.status,
          request_id: twist.requestId,
        },
      },
    };
  }
  const path = request.path.replace(/^\/api\/v3(\.1)?\//, '');
  if (path === 'connected_accounts/link') {
    return {
      status: 201,
      body: {
        link_token: 'lt_1',
        redirect_url: 'https://link.test/lt_1',
        expires_at: '2030-01-01T00:00:00Z',
        connected_account_id: 'ca_1',
        // An upstream that echoes what it was sent.
        connection_data: JSON.parse(request.body).connection_data,
        ...(twist.keyAsKey ? { [API_KEY]: 'a key as a key' } : {}),
      },
    };
  }
  if (path === 'connected_accounts' && request.method === 'POST') {
    const sent = JSON.parse(request.body);
    return {
      status: 201,
      body: {
        id: 'ca_2',
        connectionData: sent.connection.state,
        status: 'ACTIVE',
        redirect_url: null,
        redirect_uri: null,
        deprecated: { uuid: 'u-1', authConfigUuid: 'u-2' },
        data: sent.connection.state.val,
      },
    };
  }
  if (path.startsWith('connected_accounts?')) {
    return {
      status: 200,
      body: { items: [account('ca_1')], next_cursor: null, total_pages: 1, current_page: 1 },
    };
  }
  if (path === 'connected_accounts/ca_other') return { status: 200, body: account('ca_other', 'ac_slack') };
  if (path.endsWith('/status') || request.method === 'DELETE')
    return { status: 200, body: { success: true } };
  return { status: 200, body: account(path.split('/').pop() ?? '') };
}

beforeAll(async () => {
  upstream = await startTestUpstream((request, res) => {
    const { status, body } = answer(request);
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    if (twist.header !== undefined) res.setHeader('x-request-id', twist.header);
    res.end(JSON.stringify(body));
  });
});
afterAll(() => upstream.close());
beforeEach(() => {
  twist = {};
  upstream.requests.length = 0;
});

function makeHandler(overrides: Partial<ConnectHandlerOptions> = {}) {
  return createConnectHandler({
    apiKey: API_KEY,
    baseUrl: upstream.url,
    getUserId: (request) => request.headers.get('x-test-user'),
    allowedAuthConfigIds: ['ac_licensekit', 'ac_github'],
    callbackOrigins: [APP],
    logger: { warn: (line) => seen.push(line), error: (line) => seen.push(line) },
    ...overrides,
  });
}

async function send(method: string, path: string, body?: unknown, handler = makeHandler()) {
  const response = await handler(
    new Request(`${APP}/api/connect/api/v3/${path}`, {
      method,
      headers: {
        'x-test-user': 'alice',
        origin: APP,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = await response.text();
  seen.push(text, JSON.stringify([...response.headers]));
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

const created = {
  auth_config: { id: 'ac_licensekit' },
  connection: { state: { authScheme: 'API_KEY', val: { status: 'ACTIVE', ...CREDENTIALS } } },
};

describe('provider credentials: an upstream that does not mask, keys no pattern guesses', () => {
  test('create: the response is the summary; none of the values typed comes back', async () => {
    const response = await send('POST', 'connected_accounts', created);
    expect(response.status).toBe(201);
    expect(response.json()).toEqual({
      id: 'ca_2',
      status: 'ACTIVE',
      redirect_url: null,
      redirect_uri: null,
      connectionData: { authScheme: 'API_KEY', val: { status: 'ACTIVE' } },
      deprecated: { uuid: 'u-1', authConfigUuid: 'u-2' },
    });
    // Upstream still got every credential: only the answer is cut.
    expect(JSON.parse(upstream.requests[0]?.body ?? '').connection.state.val).toMatchObject(CREDENTIALS);
  });

  test('get, list, delete, disable and link: no state, data or params, nothing echoed', async () => {
    const got = await send('GET', 'connected_accounts/ca_1');
    expect(got.json()).toMatchObject({ id: 'ca_1', auth_config: { id: 'ac_licensekit' } });
    const listed = await send('GET', 'connected_accounts');
    expect(listed.json().items).toHaveLength(1);
    for (const body of [got.json(), ...listed.json().items]) {
      for (const key of ['state', 'data', 'params']) expect(body).not.toHaveProperty(key);
    }
    expect((await send('DELETE', 'connected_accounts/ca_1')).json()).toEqual({ success: true });
    expect((await send('PATCH', 'connected_accounts/ca_1/status', { enabled: false })).status).toBe(200);
    const link = await send('POST', 'connected_accounts/link', {
      auth_config_id: 'ac_licensekit',
      connection_data: { pat: CREDENTIALS.pat },
    });
    expect(Object.keys(link.json()).sort()).toEqual([
      'connected_account_id',
      'expires_at',
      'link_token',
      'redirect_url',
    ]);
  });

  test('apiVersion v3.1: the same routes go to /api/v3.1/… and answer the same summaries', async () => {
    const handler = makeHandler({ apiVersion: 'v3.1' });
    const got = await send('GET', 'connected_accounts/ca_1', undefined, handler);
    expect(got.json()).not.toHaveProperty('state');
    await send('GET', 'connected_accounts', undefined, handler);
    await send('POST', 'connected_accounts', created, handler);
    expect(upstream.requests.map((request) => request.path.slice(0, 30))).toEqual([
      '/api/v3.1/connected_accounts/c',
      '/api/v3.1/connected_accounts?u',
      '/api/v3.1/connected_accounts',
    ]);
    const v4 = await send(
      'GET',
      'connected_accounts/ca_1',
      undefined,
      makeHandler({ apiVersion: 'v4' as 'v3' }),
    );
    expect(v4.status).toBe(500);
  });
});

describe('attack 2: URL-valued keys skip no callback-origin check', () => {
  test.each([
    [
      'connection_data.composio_link_redirect_url',
      'connected_accounts/link',
      { auth_config_id: 'ac_github', connection_data: { composio_link_redirect_url: 'https://evil.test/x' } },
    ],
    [
      'connection_data.authUri',
      'connected_accounts/link',
      { auth_config_id: 'ac_github', connection_data: { authUri: 'https://evil.test/x' } },
    ],
    [
      'connection_data.my_return_url (a key no list names)',
      'connected_accounts/link',
      { auth_config_id: 'ac_github', connection_data: { my_return_url: 'https://evil.test/x' } },
    ],
    [
      'connection.state.val.composio_link_redirect_url',
      'connected_accounts',
      {
        auth_config: { id: 'ac_licensekit' },
        connection: {
          state: {
            authScheme: 'API_KEY',
            val: { status: 'ACTIVE', composio_link_redirect_url: 'https://evil.test/x' },
          },
        },
      },
    ],
    [
      'connection.state.val.authUri',
      'connected_accounts',
      {
        auth_config: { id: 'ac_licensekit' },
        connection: {
          state: { authScheme: 'OAUTH2', val: { status: 'ACTIVE', authUri: 'javascript:alert(1)' } },
        },
      },
    ],
  ])('%s on another origin → 400 naming it, nothing upstream', async (field, path, body) => {
    const response = await send('POST', path, body);
    expect(response.status).toBe(400);
    expect(response.json().error).toMatchObject({
      slug: 'Proxy_CallbackOriginNotAllowed',
      errors: [`${field.split(' ')[0]}: origin not allowed`],
    });
    expect(upstream.requests).toHaveLength(0);
  });

  test('an instance address (base_url) is where the provider lives, not a callback: it passes', async () => {
    const response = await send('POST', 'connected_accounts/link', {
      auth_config_id: 'ac_github',
      connection_data: { base_url: 'https://acme.example.net', subdomain: 'acme' },
    });
    expect(response.status).toBe(201);
  });

  test('the raw connection_data is not spread back past the schema: a URL nested under an unknown key is judged', async () => {
    const response = await send('POST', 'connected_accounts/link', {
      auth_config_id: 'ac_github',
      connection_data: {
        subdomain: 'acme',
        email: 'a@acme.test',
        smuggled: { nested: { callback_url: 'https://evil.test' } },
      },
    });
    // Core's tolerant reader keeps a toolkit's unknown keys, so the nested URL is seen and judged:
    // refused, and nothing goes upstream.
    expect(response.status).toBe(400);
    expect(response.text).toContain('callback');
    expect(upstream.requests).toHaveLength(0);
  });

  test('unknown connection_data keys with plain values pass; the schema’s known ones are checked', async () => {
    const response = await send('POST', 'connected_accounts/link', {
      auth_config_id: 'ac_github',
      connection_data: { subdomain: 'acme', email: 'a@acme.test', custom_region: 'eu' },
    });
    expect(response.status).toBe(201);
    expect(JSON.parse(upstream.requests[0]?.body ?? '').connection_data).toEqual({
      subdomain: 'acme',
      email: 'a@acme.test',
      custom_region: 'eu',
    });
  });

  test('tightening: the callback_url forwarded upstream is the normalised URL the check parsed', async () => {
    await send('POST', 'connected_accounts/link', {
      auth_config_id: 'ac_github',
      callback_url: 'HTTP://APP.TEST:80/a/../cb?x=1',
    });
    expect(JSON.parse(upstream.requests[0]?.body ?? '').callback_url).toBe('http://app.test/cb?x=1');
  });
});

describe('attack 3: the API key never comes back in x-request-id or as a JSON key', () => {
  test('upstream’s x-request-id holding the key is replaced by ours', async () => {
    twist = { header: API_KEY };
    const response = await send('GET', 'connected_accounts/ca_1');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^pb_/);
  });

  test('an error envelope whose request_id is the key gets ours, in the body and the header', async () => {
    twist = { status: 400, requestId: API_KEY };
    const response = await send('GET', 'connected_accounts/ca_1');
    expect(response.status).toBe(400);
    expect(response.json().error.request_id).toMatch(/^pb_/);
    expect(response.headers.get('x-request-id')).toBe(response.json().error.request_id);
  });

  test('a request_id with CR/LF in it keeps the 400 a 400 (not a 500), with our id', async () => {
    twist = { status: 400, requestId: 'req_1\r\nset-cookie: x=1' };
    const response = await send('GET', 'connected_accounts/ca_1');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toMatch(/^pb_/);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  test('the key as a JSON object key is redacted', async () => {
    twist = { keyAsKey: true };
    const response = await send('POST', 'connected_accounts/link', { auth_config_id: 'ac_github' });
    expect(response.status).toBe(201);
    expect(response.text).not.toContain(API_KEY);
  });
});

test('an upstream error echoing a credential under a name no pattern guesses has it redacted', async () => {
  const echo = await startTestUpstream((request, res) => {
    const val = JSON.parse(request.body).connection.state.val;
    res.statusCode = 400;
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        error: {
          message: `bad pat ${val.pat}`,
          code: 600,
          slug: 'X',
          status: 400,
          errors: [`hmac: ${val.hmac}`],
        },
      }),
    );
  });
  try {
    const response = await send('POST', 'connected_accounts', created, makeHandler({ baseUrl: echo.url }));
    expect(response.status).toBe(400);
    expect(response.json().error).toMatchObject({
      message: 'bad pat [redacted]',
      errors: ['hmac: [redacted]'],
    });
  } finally {
    await echo.close();
  }
});

test('attack 4: reading an account whose auth config is off the allowlist answers like a missing one', async () => {
  const offList = await send('GET', 'connected_accounts/ca_other');
  twist = { status: 404 };
  const missing = await send('GET', 'connected_accounts/ca_missing');
  expect(offList.status).toBe(404);
  const shape = (text: string) => ({ ...JSON.parse(text).error, request_id: 'x' });
  expect(shape(offList.text)).toEqual(shape(missing.text));
});

describe('tightening: request bodies', () => {
  test('a body that trickles in past bodyTimeoutMs → 408, without waiting for the server’s own timeout', async () => {
    const handler = makeHandler({ bodyTimeoutMs: 100 });
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode('{"auth_config_id":')),
    });
    const started = performance.now();
    const response = await handler(
      new Request(`${APP}/api/connect/api/v3/connected_accounts/link`, {
        method: 'POST',
        headers: { 'x-test-user': 'alice', origin: APP, 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(408);
    expect((await response.json()).error.slug).toBe('Proxy_RequestTimeout');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(upstream.requests).toHaveLength(0);
  });

  test('a deeply nested body → 400, not a misleading 502', async () => {
    const deep = `{"auth_config_id":"ac_github","connection_data":{"x":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
    const response = await makeHandler()(
      new Request(`${APP}/api/connect/api/v3/connected_accounts/link`, {
        method: 'POST',
        headers: { 'x-test-user': 'alice', origin: APP, 'content-type': 'application/json' },
        body: deep,
      }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.slug).toBe('Proxy_InvalidJson');
    expect(upstream.requests).toHaveLength(0);
  });
});

// Last, on purpose: it reads every answer of this suite.
test('no answer of this suite holds a stored credential value, the key, or state/data/params', () => {
  expect(seen.length).toBeGreaterThan(30);
  const everything = seen.join('\n');
  for (const value of [...EVERY_VALUE, API_KEY]) expect(everything.includes(value), value).toBe(false);
  for (const key of ['"state"', '"data"', '"params"']) expect(everything.includes(key), key).toBe(false);
});
