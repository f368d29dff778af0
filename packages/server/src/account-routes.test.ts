// @vitest-environment node
// The list, delete and enable/disable routes, against an upstream that plays the spec's account
// routes over HTTP (the sandbox server's own routes are used in connect-handler.sandbox.test.ts)
// and does NOT mask credentials: whatever it holds in `state`, `data` and `params` must not come back.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type ConnectHandlerOptions, createConnectHandler } from './index';
import { type RecordedRequest, startTestUpstream, type TestUpstream } from './test-upstream';

const APP = 'http://app.test';
/** Credentials under names no secret pattern guesses. */
const STORED = [
  'pat_VALUE_7781',
  'hmac_VALUE_7782',
  'license_VALUE_7783',
  'custom_VALUE_7784',
  'param_VALUE_7785',
];

interface Account {
  id: string;
  user_id: string;
  auth_config: { id: string; auth_scheme: string; is_composio_managed: boolean; is_disabled: boolean };
  deleted?: boolean;
  is_disabled: boolean;
}

let accounts: Account[] = [];
/** When set, upstream ignores the list filters (a bug, or a changed API): the proxy must not rely on them. */
let ignoreFilters = false;
let upstream: TestUpstream;
const bodies: string[] = [];

const account = (id: string, user: string, authConfig: string): Account => ({
  id,
  user_id: user,
  auth_config: { id: authConfig, auth_scheme: 'API_KEY', is_composio_managed: false, is_disabled: false },
  is_disabled: false,
});

/** The account as an unmasking Composio project sends it. */
function wire(item: Account) {
  const { deleted: _deleted, ...rest } = item;
  return {
    ...rest,
    toolkit: { slug: 'licensekit' },
    status: item.is_disabled ? 'INACTIVE' : 'ACTIVE',
    status_reason: null,
    created_at: '2026-11-30T00:00:00Z',
    updated_at: '2026-11-30T00:00:00Z',
    state: {
      authScheme: 'API_KEY',
      val: { status: 'ACTIVE', pat: STORED[0], hmac: STORED[1], license: STORED[2] },
    },
    data: { my_field: STORED[3] },
    params: { anything: STORED[4] },
  };
}

function respond(request: RecordedRequest): { status: number; body: unknown } {
  const url = new URL(request.path, 'http://upstream.test');
  const live = accounts.filter((item) => !item.deleted);
  const list = (name: string) => url.searchParams.get(name)?.split(',');
  if (url.pathname === '/api/v3/connected_accounts' && request.method === 'GET') {
    const users = list('user_ids');
    const configs = list('auth_config_ids');
    const items = live.filter(
      (item) =>
        ignoreFilters ||
        ((!users || users.includes(item.user_id)) && (!configs || configs.includes(item.auth_config.id))),
    );
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const page = items.slice(start, start + limit);
    return {
      status: 200,
      body: {
        items: page.map(wire),
        next_cursor: start + limit < items.length ? String(start + limit) : null,
        total_pages: Math.ceil(items.length / limit),
        current_page: Math.floor(start / limit) + 1,
        total_items: items.length,
      },
    };
  }
  const match = /^\/api\/v3\/connected_accounts\/([^/]+)(\/status)?$/.exec(url.pathname);
  const found = live.find((item) => item.id === match?.[1]);
  if (!match || !found) {
    return {
      status: 404,
      body: { error: { message: 'Not found', code: 1803, slug: 'ConnectedAccount_NotFound', status: 404 } },
    };
  }
  if (match[2] && request.method === 'PATCH') {
    found.is_disabled = !JSON.parse(request.body).enabled;
    return { status: 200, body: { success: true } };
  }
  if (request.method === 'DELETE') {
    found.deleted = true;
    return { status: 200, body: { success: true } };
  }
  return { status: 200, body: wire(found) };
}

beforeAll(async () => {
  upstream = await startTestUpstream((request, res) => {
    const { status, body } = respond(request);
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  });
});
afterAll(() => upstream.close());
beforeEach(() => {
  accounts = [
    account('ca_a1', 'alice', 'ac_github'),
    account('ca_a2', 'alice', 'ac_zendesk'),
    account('ca_a3', 'alice', 'ac_slack'),
    account('ca_b1', 'bob', 'ac_github'),
  ];
  ignoreFilters = false;
  upstream.requests.length = 0;
});

function makeHandler(overrides: Partial<ConnectHandlerOptions> = {}) {
  return createConnectHandler({
    apiKey: 'sk_test_accounts_key',
    baseUrl: upstream.url,
    getUserId: (request) => request.headers.get('x-test-user'),
    allowedAuthConfigIds: ['ac_github', 'ac_zendesk'],
    logger: { warn: (line) => bodies.push(line), error: (line) => bodies.push(line) },
    ...overrides,
  });
}

async function send(
  method: string,
  path: string,
  options: { body?: unknown; user?: string; handler?: ReturnType<typeof makeHandler> } = {},
) {
  const handler = options.handler ?? makeHandler();
  const response = await handler(
    new Request(`${APP}/api/connect/api/v3/${path}`, {
      method,
      headers: {
        'x-test-user': options.user ?? 'alice',
        origin: APP,
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
  );
  const text = await response.text();
  bodies.push(text);
  return { status: response.status, text, json: () => JSON.parse(text) };
}

const upstreamCalls = () => upstream.requests.map((request) => `${request.method} ${request.path}`);

describe('GET connected_accounts (list)', () => {
  test('lists the session user’s accounts on the allowlist, as summaries; the filters go upstream', async () => {
    const response = await send('GET', 'connected_accounts?statuses=ACTIVE,REVOKED&order_by=updated_at');
    expect(response.status).toBe(200);
    const page = response.json();
    expect(page.items.map((item: Account) => item.id)).toEqual(['ca_a1', 'ca_a2']);
    expect(page).toMatchObject({ next_cursor: null, total_items: 2, current_page: 1 });
    expect(page.items[0]).toEqual({
      id: 'ca_a1',
      user_id: 'alice',
      status: 'ACTIVE',
      status_reason: null,
      created_at: '2026-11-30T00:00:00Z',
      updated_at: '2026-11-30T00:00:00Z',
      is_disabled: false,
      toolkit: { slug: 'licensekit' },
      auth_config: {
        id: 'ac_github',
        auth_scheme: 'API_KEY',
        is_composio_managed: false,
        is_disabled: false,
      },
    });
    expect(upstreamCalls()).toEqual([
      'GET /api/v3/connected_accounts?user_ids=alice&auth_config_ids=ac_github,ac_zendesk&statuses=ACTIVE,REVOKED&order_by=updated_at',
    ]);
    expect(upstream.requests[0]?.headers['x-api-key']).toBe('sk_test_accounts_key');
  });

  test('pagination passes through: cursor and limit up, next_cursor back', async () => {
    const first = (await send('GET', 'connected_accounts?limit=1')).json();
    expect(first.items.map((item: Account) => item.id)).toEqual(['ca_a1']);
    expect(first.next_cursor).toBe('1');
    const second = (await send('GET', `connected_accounts?limit=1&cursor=${first.next_cursor}`)).json();
    expect(second.items.map((item: Account) => item.id)).toEqual(['ca_a2']);
    expect(second.next_cursor).toBeNull();
    expect(upstream.requests[1]?.path).toContain('cursor=1&limit=1');
  });

  test.each([
    ['connected_accounts?user_ids=bob', 400, 'Proxy_UserIdNotAllowed'],
    ['connected_accounts?user_id=alice', 400, 'Proxy_UserIdNotAllowed'],
    ['connected_accounts?auth_config_ids=ac_github,ac_slack', 403, 'Proxy_AuthConfigNotAllowed'],
    ['connected_accounts?auth_config_ids=ac_github,../x', 400, 'Proxy_ValidationFailed'],
    ['connected_accounts?limit=0', 400, 'Proxy_ValidationFailed'],
    ['connected_accounts?limit=1&limit=2', 400, 'Proxy_ValidationFailed'],
    ['connected_accounts?order_by=secret', 400, 'Proxy_ValidationFailed'],
    ['connected_accounts?connected_account_ids=ca_b1', 400, 'Proxy_ValidationFailed'],
  ])('%s → %i %s, nothing upstream', async (path, status, slug) => {
    const response = await send('GET', path);
    expect(response.status).toBe(status);
    expect(response.json().error.slug).toBe(slug);
    expect(upstream.requests).toHaveLength(0);
  });

  test('an upstream that ignores the filters still shows no other user’s account and none off the allowlist', async () => {
    ignoreFilters = true;
    const page = (await send('GET', 'connected_accounts')).json();
    expect(page.items.map((item: Account) => item.id)).toEqual(['ca_a1', 'ca_a2']);
    // Its counts included accounts the user may not see: dropped, not passed on wrong.
    expect(page.total_items).toBeUndefined();
  });

  test('an allowlist function: no auth_config_ids upstream unless asked, every item checked', async () => {
    const handler = makeHandler({ allowedAuthConfigIds: (id) => id !== 'ac_slack' });
    const page = (await send('GET', 'connected_accounts', { handler })).json();
    expect(page.items.map((item: Account) => item.id)).toEqual(['ca_a1', 'ca_a2']);
    expect(upstreamCalls()).toEqual(['GET /api/v3/connected_accounts?user_ids=alice']);
  });

  test('an empty allowlist lists nothing and asks nothing upstream', async () => {
    const page = (
      await send('GET', 'connected_accounts', { handler: makeHandler({ allowedAuthConfigIds: [] }) })
    ).json();
    expect(page.items).toEqual([]);
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('DELETE connected_accounts/{id} and PATCH connected_accounts/{id}/status', () => {
  test('the user’s own account is deleted (read first), then reads as missing', async () => {
    const deleted = await send('DELETE', 'connected_accounts/ca_a1');
    expect(deleted.status).toBe(200);
    expect(deleted.json()).toEqual({ success: true });
    expect(upstreamCalls()).toEqual([
      'GET /api/v3/connected_accounts/ca_a1',
      'DELETE /api/v3/connected_accounts/ca_a1',
    ]);
    expect((await send('GET', 'connected_accounts/ca_a1')).status).toBe(404);
  });

  test('the user’s own account is disabled and enabled; only { enabled } goes upstream', async () => {
    const off = await send('PATCH', 'connected_accounts/ca_a2/status', { body: { enabled: false } });
    expect(off.status).toBe(200);
    expect(off.json()).toEqual({ success: true });
    expect(accounts[1]?.is_disabled).toBe(true);
    expect(upstream.requests[1]).toMatchObject({
      method: 'PATCH',
      path: '/api/v3/connected_accounts/ca_a2/status',
    });
    expect(JSON.parse(upstream.requests[1]?.body ?? '')).toEqual({ enabled: false });
    await send('PATCH', 'connected_accounts/ca_a2/status', { body: { enabled: true } });
    expect(accounts[1]?.is_disabled).toBe(false);
  });

  test.each([
    ['another user’s account', 'ca_b1'],
    ['an account off the allowlist', 'ca_a3'],
    ['a missing account', 'ca_nope'],
  ])(
    '%s: delete, disable and read answer exactly like a missing one, and change nothing',
    async (_what, id) => {
      const missing = await send('GET', 'connected_accounts/ca_nope');
      const shape = (text: string) => ({ ...JSON.parse(text).error, request_id: 'x' });
      for (const [method, path, body] of [
        ['DELETE', `connected_accounts/${id}`, undefined],
        ['PATCH', `connected_accounts/${id}/status`, { enabled: false }],
        ['GET', `connected_accounts/${id}`, undefined],
      ] as const) {
        const response = await send(method, path, { body });
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(shape(response.text)).toEqual(shape(missing.text));
        expect(response.json().error.request_id).toMatch(/^pb_/);
      }
      expect(upstreamCalls().filter((call) => !call.startsWith('GET'))).toEqual([]);
      expect(accounts.every((item) => !item.deleted && !item.is_disabled)).toBe(true);
    },
  );

  test.each([
    [{ enabled: 'no' }, 'Proxy_ValidationFailed'],
    [{ enabled: false, user_id: 'bob' }, 'Proxy_UserIdNotAllowed'],
    [{ enabled: false, extra: 1 }, 'Proxy_ValidationFailed'],
    [{}, 'Proxy_ValidationFailed'],
  ])('PATCH status with %j → 400 %s, nothing upstream', async (body, slug) => {
    const response = await send('PATCH', 'connected_accounts/ca_a1/status', { body });
    expect(response.status).toBe(400);
    expect(response.json().error.slug).toBe(slug);
    expect(upstream.requests).toHaveLength(0);
  });
});

// Last, on purpose: it reads every body this suite received.
test('no body of this suite holds a value of an account’s state, data or params', () => {
  expect(bodies.length).toBeGreaterThan(30);
  const everything = bodies.join('\n');
  for (const value of STORED) expect(everything.includes(value), value).toBe(false);
});
