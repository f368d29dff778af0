// @vitest-environment node
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Composio from '@composio/client';
import { ConnectError, createHttpBackend } from '@plugboard/core';
import {
  authConfigListSchema,
  authConfigSchema,
  connectedAccountListSchema,
  connectedAccountSchema,
  createConnectedAccountRequestSchema,
  errorEnvelopeSchema,
  linkSessionRequestSchema,
  toolkitSchema,
} from '@plugboard/core/internal';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
// The seed documents' example bodies, shared with core's tests.
import {
  createConnectedAccountRequestExample,
  linkSessionRequestExample,
} from '../../core/src/fixtures/api-examples';
import { SANDBOX_AUTH_CONFIGS } from './fixtures/auth-configs';
import { type SandboxServer, startSandboxServer } from './server';

const KEY = 'sandbox-key';
let server: SandboxServer;
let backend: ReturnType<typeof createHttpBackend>;

beforeAll(async () => {
  server = await startSandboxServer({
    port: 0,
    control: true,
    corsOrigins: ['http://app.test'],
    apiKeys: [KEY],
  });
  backend = createHttpBackend({ baseUrl: server.url, headers: { 'x-api-key': KEY } });
});
afterAll(() => server.close());
afterEach(() => server.sandbox.control.reset());

function api(pathname: string, init: RequestInit & { key?: string | null } = {}) {
  const { key = KEY, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (key !== null) headers.set('x-api-key', key);
  if (rest.body !== undefined) headers.set('content-type', 'application/json');
  return fetch(`${server.url}${pathname}`, { ...rest, headers, redirect: 'manual' });
}

async function envelopeOf(response: Response) {
  const parsed = errorEnvelopeSchema.parse(await response.json());
  expect(parsed.error.status).toBe(response.status);
  expect(parsed.error.request_id).toMatch(/^req_/);
  expect(response.headers.get('x-request-id')).toBe(parsed.error.request_id);
  return parsed.error;
}

async function rejection(promise: Promise<unknown>): Promise<ConnectError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConnectError);
  return error as ConnectError;
}

describe('the seed examples over HTTP, through core’s createHttpBackend', () => {
  it('creates a link session from the documented example body (201, expires in 10 minutes)', async () => {
    const before = Date.now();
    const link = await backend.createLinkSession({
      ...linkSessionRequestExample,
      auth_config_id: 'ac_github',
      callback_url: 'https://app.example/cb?user_id=u1',
    });
    expect(link.link_token).toMatch(/^lt_/);
    expect(link.connected_account_id).toMatch(/^ca_/);
    expect(link.redirect_url).toBe(`${server.url}/link/${link.link_token}`);
    const expires = Date.parse(link.expires_at) - before;
    expect(expires).toBeGreaterThan(9.9 * 60_000);
    expect(expires).toBeLessThanOrEqual(10 * 60_000 + 5_000);
    const account = await backend.getConnectedAccount(link.connected_account_id);
    expect(account).toMatchObject({ status: 'INITIATED', user_id: 'string', toolkit: { slug: 'github' } });
  });

  it('answers the verbatim examples with documented errors, not 500', async () => {
    const verbatimLink = await api('/api/v3/connected_accounts/link', {
      method: 'POST',
      body: JSON.stringify(linkSessionRequestExample),
    });
    expect(verbatimLink.status).toBe(400);
    expect((await envelopeOf(verbatimLink)).errors).toEqual([
      'callback_url: must be an absolute http or https URL',
    ]);

    const example = createConnectedAccountRequestSchema.parse(createConnectedAccountRequestExample);
    const unknownConfig = await rejection(backend.createConnectedAccount(example));
    expect(unknownConfig).toMatchObject({ kind: 'http', status: 404, slug: 'AuthConfig_NotFound' });

    const wrongScheme = await rejection(
      backend.createConnectedAccount({
        ...example,
        auth_config: { id: 'ac_zendesk' },
      }),
    );
    expect(wrongScheme).toMatchObject({ status: 400, code: 600 });
    expect(wrongScheme.errors).toEqual([
      'connection.state.authScheme: must be API_KEY, the scheme of auth config ac_zendesk',
    ]);
  });

  it('runs a whole OAuth link: consent Allow → callback keeps its query → ACTIVE', async () => {
    const link = await backend.createLinkSession({
      auth_config_id: 'ac_github',
      user_id: 'u1',
      callback_url: 'https://app.example/cb?user_id=u1',
    });
    const page = await fetch(link.redirect_url);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(await page.text()).toContain('<h1>Connect GitHub</h1>');
    const answer = await fetch(link.redirect_url, {
      method: 'POST',
      body: new URLSearchParams({ decision: 'allow' }),
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(
      `https://app.example/cb?user_id=u1&status=success&connected_account_id=${link.connected_account_id}`,
    );
    expect(await backend.getConnectedAccount(link.connected_account_id)).toMatchObject({
      status: 'ACTIVE',
      status_reason: null,
    });
  });

  it('creates a credential account directly and never sends or keeps the secret', async () => {
    const made = await backend.createConnectedAccount({
      auth_config: { id: 'ac_zendesk' },
      connection: {
        user_id: 'u2',
        state: {
          authScheme: 'API_KEY',
          val: { status: 'ACTIVE', subdomain: 'acme', email: 'ada@acme.test', api_key: 'zd-secret-123' },
        },
      },
    });
    expect(made.status).toBe('ACTIVE');
    expect(made.connectionData.val).toMatchObject({ subdomain: 'acme', api_key: '********' });
    const account = await backend.getConnectedAccount(made.id);
    expect(account.state?.val).toMatchObject({ email: 'ada@acme.test', api_key: '********' });
    expect(JSON.stringify(server.sandbox.snapshot())).not.toContain('zd-secret-123');
  });

  it('gives the credential form its fields through getAuthFields (auth config + toolkit metadata)', async () => {
    const fields = await backend.getAuthFields?.('ac_jira');
    expect(fields).toMatchObject({ authScheme: 'BASIC', toolkitSlug: 'jira', toolkitName: 'Jira' });
    expect(fields?.fields.map((field) => [field.name, field.is_secret])).toEqual([
      ['subdomain', false],
      ['username', false],
      ['password', true],
    ]);
  });
});

describe('every documented error status', () => {
  it('401 without a key, with a wrong key, and with both headers', async () => {
    const none = await api('/api/v3/auth_configs', { key: null });
    expect(none.status).toBe(401);
    expect(await envelopeOf(none)).toMatchObject({ slug: 'HTTP_Unauthorized' });
    const wrong = await api('/api/v3/auth_configs', { key: 'nope' });
    expect(wrong.status).toBe(401);
    const both = await api('/api/v3/auth_configs', { headers: { 'x-user-api-key': KEY } });
    expect(both.status).toBe(401);
    expect((await envelopeOf(both)).message).toMatch(/exactly one/);
    const userKey = await api('/api/v3/auth_configs', { key: null, headers: { 'x-user-api-key': KEY } });
    expect(userKey.status).toBe(200);
  });

  it('400 with errors[] naming each field path', async () => {
    const response = await api('/api/v3/connected_accounts/link', {
      method: 'POST',
      body: JSON.stringify({ auth_config_id: 5, connection_data: { api_key: 7 } }),
    });
    expect(response.status).toBe(400);
    const error = await envelopeOf(response);
    expect(error.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^auth_config_id: /),
        expect.stringMatching(/^user_id: /),
        expect.stringMatching(/^connection_data\.api_key: /),
      ]),
    );
    const notJson = await api('/api/v3/connected_accounts', { method: 'POST', body: '{' });
    expect((await envelopeOf(notJson)).errors).toEqual(['body: must be valid JSON']);
  });

  it('400 code 600 for a direct create on a Composio-managed OAuth config', async () => {
    const error = await rejection(
      backend.createConnectedAccount({ auth_config: { id: 'ac_slack' }, connection: { user_id: 'u1' } }),
    );
    expect(error).toMatchObject({ status: 400, code: 600, slug: 'ConnectedAccount_BadRequest' });
    expect(error.message).toContain('Use POST /api/v3/connected_accounts/link instead.');
  });

  it('201 INITIATED with a redirect_url for a custom OAuth app (ac_notion)', async () => {
    const made = await backend.createConnectedAccount({
      auth_config: { id: 'ac_notion' },
      connection: { user_id: 'u1', callback_url: 'https://app.example/cb' },
    });
    expect(made.status).toBe('INITIATED');
    expect(made.redirect_url).toMatch(new RegExp(`^${server.url}/link/lt_`));
  });

  it('404 for an unknown auth config, account and toolkit', async () => {
    const config = await rejection(backend.createLinkSession({ auth_config_id: 'ac_nope', user_id: 'u1' }));
    expect(config).toMatchObject({ status: 404, slug: 'AuthConfig_NotFound' });
    expect(config.suggestedFix).toContain('ac_github');
    expect(await rejection(backend.getConnectedAccount('ca_nope'))).toMatchObject({
      status: 404,
      code: 1803,
    });
    expect((await api('/api/v3/toolkits/nope')).status).toBe(404);
  });

  it('413 for a body whose content-length is over 64 KiB', async () => {
    const response = await api('/api/v3/connected_accounts/link', {
      method: 'POST',
      body: JSON.stringify({ auth_config_id: 'ac_github', user_id: 'x'.repeat(70 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(await envelopeOf(response)).toMatchObject({ slug: 'Request_PayloadTooLarge' });
  });

  it('413 for a chunked body without content-length, answered before the upload ends', async () => {
    const budget = 64 * 1024 * 1024;
    const answer = await new Promise<{ status: number | undefined; written: number; body: string }>(
      (resolve, reject) => {
        const chunk = Buffer.alloc(16 * 1024, 32);
        let written = 0;
        let answered = false;
        const request = http.request(new URL('/api/v3/connected_accounts/link', server.url), {
          method: 'POST',
          headers: { 'x-api-key': KEY, 'content-type': 'application/json' },
        });
        request.on('response', (response) => {
          answered = true;
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (text: string) => (body += text));
          response.on('end', () => {
            request.destroy();
            resolve({ status: response.statusCode, written, body });
          });
        });
        request.on('error', (error) => {
          if (!answered) reject(error);
        });
        // Writes until the server answers; a server that read the whole body would only answer at `budget`.
        const pump = () => {
          while (!answered && written < budget) {
            written += chunk.byteLength;
            if (!request.write(chunk)) {
              request.once('drain', pump);
              return;
            }
          }
          if (!answered) request.end();
        };
        pump();
      },
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { slug: 'Request_PayloadTooLarge' } });
    expect(answer.written).toBeLessThan(budget);
  });

  it('422 naming the missing or malformed field, mapped onto fieldErrors', async () => {
    const missing = await rejection(
      backend.createConnectedAccount({
        auth_config: { id: 'ac_zendesk' },
        connection: {
          state: { authScheme: 'API_KEY', val: { status: 'ACTIVE', subdomain: 'Not OK!', email: 'a@b.co' } },
        },
      }),
    );
    expect(missing).toMatchObject({ status: 422, code: 612, slug: 'ConnectedAccount_MissingRequiredFields' });
    expect(missing.message).toBe('Missing required fields: api_key');
    expect(Object.keys(missing.fieldErrors).sort()).toEqual(['api_key', 'subdomain']);

    const malformedLink = await rejection(
      backend.createLinkSession({
        auth_config_id: 'ac_shopify',
        user_id: 'u1',
        connection_data: { shop: 'acme.com' },
      }),
    );
    expect(malformedLink).toMatchObject({ status: 422, slug: 'ConnectedAccount_InvalidFields' });
    expect(malformedLink.fieldErrors.shop?.[0]).toMatch(/myshopify\.com/);
  });

  it('422 with a suggested_fix when validate_credentials refuses a secret, 201 when not validating', async () => {
    const val = { status: 'ACTIVE' as const, api_key: 'sk_test_invalid_0001' };
    const refused = await rejection(
      backend.createConnectedAccount({
        auth_config: { id: 'ac_stripe' },
        connection: { state: { authScheme: 'API_KEY', val } },
        validate_credentials: true,
      }),
    );
    expect(refused).toMatchObject({ status: 422, code: 614, slug: 'ConnectedAccount_InvalidCredentials' });
    expect(refused.fieldErrors.api_key).toEqual(['the provider rejected this credential']);
    expect(refused.suggestedFix).toMatch(/invalid/);
    expect(refused.message).not.toContain('sk_test_invalid_0001');
    const revoked = await rejection(
      backend.createConnectedAccount({
        auth_config: { id: 'ac_vercel' },
        connection: {
          state: { authScheme: 'BEARER_TOKEN', val: { status: 'ACTIVE', token: 'revoked-token-0000001' } },
        },
        validate_credentials: true,
      }),
    );
    expect(revoked.fieldErrors.token).toEqual(['this credential has been revoked']);
    const unchecked = await backend.createConnectedAccount({
      auth_config: { id: 'ac_stripe' },
      connection: { state: { authScheme: 'API_KEY', val } },
    });
    expect(unchecked.status).toBe('ACTIVE');
  });

  it('501 for a scheme the sandbox does not implement (SAML)', async () => {
    const error = await rejection(backend.createLinkSession({ auth_config_id: 'ac_okta', user_id: 'u1' }));
    expect(error).toMatchObject({ status: 501, slug: 'AuthScheme_NotImplemented' });
  });

  it('CORS: allows configured origins only, preflight included', async () => {
    const preflight = await fetch(`${server.url}/api/v3/connected_accounts/link`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://app.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-api-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('x-api-key');

    const refusedPreflight = await fetch(`${server.url}/api/v3/connected_accounts/link`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' },
    });
    expect(refusedPreflight.status).toBe(403);
    expect(refusedPreflight.headers.get('access-control-allow-origin')).toBeNull();

    const allowed = await api('/api/v3/auth_configs', { headers: { origin: 'http://app.test' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://app.test');
    const refused = await api('/api/v3/auth_configs', { headers: { origin: 'http://evil.test' } });
    expect(refused.status).toBe(403);
    expect(await envelopeOf(refused)).toMatchObject({ slug: 'CORS_OriginNotAllowed' });
  });

  it('500 (or any status) scripted over the control route, then back to normal', async () => {
    const scripted = await fetch(`${server.url}/_sandbox/control`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'failNext', status: 500, route: 'getConnectedAccount', count: 2 }),
    });
    expect(await scripted.json()).toEqual({ ok: true });
    const link = await backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    for (let i = 0; i < 2; i++) {
      const error = await rejection(backend.getConnectedAccount(link.connected_account_id));
      expect(error).toMatchObject({ kind: 'http', status: 500, slug: 'Sandbox_ScriptedFailure' });
    }
    expect((await backend.getConnectedAccount(link.connected_account_id)).status).toBe('INITIATED');
  });

  it('refuses a malformed control action with a 400 naming the field', async () => {
    const response = await fetch(`${server.url}/_sandbox/control`, {
      method: 'POST',
      body: JSON.stringify({ action: 'failNext', status: 200 }),
    });
    expect(response.status).toBe(400);
    expect((await envelopeOf(response)).errors).toEqual([
      'body.status: must be an HTTP error status from 400 to 599',
    ]);
  });
});

describe('scripted network trouble over a real socket', () => {
  it('dropNext destroys the connection mid-response: a network ConnectError, then normal again', async () => {
    server.sandbox.control.dropNext({ route: 'createLinkSession' });
    const error = await rejection(backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' }));
    expect(error.kind).toBe('network');
    const link = await backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    expect(link.link_token).toMatch(/^lt_/);
  });

  it('latency holds an answer back long enough to hit a client timeout', async () => {
    server.sandbox.control.setLatency(2_000, 'getConnectedAccount');
    const impatient = createHttpBackend({
      baseUrl: server.url,
      headers: { 'x-api-key': KEY },
      timeoutMs: 100,
    });
    expect((await rejection(impatient.getConnectedAccount('ca_any'))).kind).toBe('timeout');
    // Other routes are not delayed.
    expect((await impatient.getAuthFields?.('ac_jira'))?.toolkitSlug).toBe('jira');
  });

  it('a status sequence set over HTTP plays out on successive GETs', async () => {
    const link = await backend.createLinkSession({ auth_config_id: 'ac_github', user_id: 'u1' });
    await fetch(`${server.url}/_sandbox/control`, {
      method: 'POST',
      body: JSON.stringify({
        action: 'statusSequence',
        statuses: ['INITIATED', 'ACTIVE'],
        accountId: link.connected_account_id,
      }),
    });
    const seen = [];
    for (let i = 0; i < 3; i++)
      seen.push((await backend.getConnectedAccount(link.connected_account_id)).status);
    expect(seen).toEqual(['INITIATED', 'ACTIVE', 'ACTIVE']);
  });
});

describe('read routes', () => {
  it('lists connected accounts with comma-joined filters and cursor pages', async () => {
    for (const user of ['a', 'b', 'c']) {
      await backend.createLinkSession({ auth_config_id: 'ac_github', user_id: user });
    }
    await backend.createLinkSession({ auth_config_id: 'ac_slack', user_id: 'a' });
    const first = connectedAccountListSchema.parse(
      await (
        await api('/api/v3/connected_accounts?toolkit_slugs=github&user_ids=a,c&limit=1&order_direction=asc')
      ).json(),
    );
    expect(first).toMatchObject({ total_items: 2, total_pages: 2, current_page: 1 });
    expect(first.items[0]?.user_id).toBe('a');
    const second = connectedAccountListSchema.parse(
      await (
        await api(
          `/api/v3.1/connected_accounts?toolkit_slugs=github&user_ids=a,c&limit=1&order_direction=asc&cursor=${first.next_cursor}`,
        )
      ).json(),
    );
    expect(second).toMatchObject({ current_page: 2, next_cursor: null });
    expect(second.items[0]?.user_id).toBe('c');
    expect((await api('/api/v3/connected_accounts?statuses=NOPE')).status).toBe(400);
  });

  it('lists auth configs by toolkit, serves one, and serves toolkit field metadata', async () => {
    const list = authConfigListSchema.parse(
      await (await api('/api/v3/auth_configs?toolkit_slug=github,zendesk')).json(),
    );
    expect(list.items.map((item) => item.id)).toEqual(['ac_github', 'ac_zendesk']);
    const managed = authConfigListSchema.parse(
      await (await api('/api/v3/auth_configs?is_composio_managed=true')).json(),
    );
    expect(managed.items.map((item) => item.id)).toEqual(['ac_github', 'ac_slack']);
    const one = authConfigSchema.parse(await (await api('/api/v3/auth_configs/ac_vercel')).json());
    expect(one.auth_scheme).toBe('BEARER_TOKEN');
    const toolkit = toolkitSchema.parse(await (await api('/api/v3/toolkits/zendesk')).json());
    const fields = toolkit.auth_config_details?.[0]?.fields?.connected_account_initiation?.required ?? [];
    expect(fields.map((field) => field.name)).toEqual(['subdomain', 'email', 'api_key']);
    expect(fields.find((field) => field.name === 'api_key')?.is_secret).toBe(true);
  });
});

describe("Composio's own client (@composio/client) against the sandbox", () => {
  const client = () => new Composio({ apiKey: KEY, baseURL: server.url, maxRetries: 0 });

  it('link.create, connectedAccounts.retrieve, connectedAccounts.create, authConfigs.list', async () => {
    const composio = client();
    const link = await composio.link.create({
      auth_config_id: 'ac_github',
      user_id: 'u1',
      callback_url: 'https://app.example/cb',
    });
    expect(link.redirect_url).toContain('/link/lt_');
    const account = await composio.connectedAccounts.retrieve(link.connected_account_id);
    expect(connectedAccountSchema.parse(account).status).toBe('INITIATED');
    const made = await composio.connectedAccounts.create({
      auth_config: { id: 'ac_vercel' },
      connection: {
        user_id: 'u1',
        state: { authScheme: 'BEARER_TOKEN', val: { status: 'ACTIVE', token: 'vercel-token-000001' } },
      },
    } as Parameters<ReturnType<typeof client>['connectedAccounts']['create']>[0]);
    expect(made.id).toMatch(/^ca_/);
    const configs = await composio.authConfigs.list({ toolkit_slug: 'github' });
    expect(configs.items.map((item) => item.id)).toEqual(['ac_github']);
  });

  it('throws its APIError with our envelope for a 404', async () => {
    const error = await client()
      .connectedAccounts.retrieve('ca_missing')
      .then(
        () => undefined,
        (caught: unknown) => caught as { status?: number; error?: unknown },
      );
    expect(error?.status).toBe(404);
  });
});

const DOCUMENTED = [201, 400, 404, 422, 501];

/** A 201, or a documented error status with its envelope: never a 500. */
async function expectDocumentedAnswer(route: string, body: unknown) {
  const response = await api(route, { method: 'POST', body: JSON.stringify(body) });
  expect(DOCUMENTED).toContain(response.status);
  if (response.status !== 201) await envelopeOf(response);
  else await response.body?.cancel();
}

describe('property: any body the request schema accepts gets 201 or a documented error', () => {
  const configIds = fc.constantFrom(
    ...SANDBOX_AUTH_CONFIGS.map((config) => config.id),
    'ac_unknown',
    'string',
  );
  const text = fc.oneof(
    fc.string(),
    fc.constantFrom('acme', 'ada@acme.test', 'sk_test_12345678', 'invalid-x', 'https://a.test/cb'),
  );
  const values = fc.dictionary(
    fc.constantFrom(
      'subdomain',
      'email',
      'api_key',
      'shop',
      'username',
      'password',
      'token',
      'access_token',
      'region',
    ),
    text,
  );

  it('POST connected_accounts/link', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            auth_config_id: configIds,
            user_id: fc.string({ minLength: 1 }),
            callback_url: fc.oneof(fc.webUrl(), fc.string()),
            connection_data: values,
          },
          { requiredKeys: ['auth_config_id', 'user_id'] },
        ),
        async (body) => {
          fc.pre(linkSessionRequestSchema.safeParse(body).success);
          await expectDocumentedAnswer('/api/v3/connected_accounts/link', body);
        },
      ),
      { numRuns: 50 },
    );
  }, 60_000);

  it('POST connected_accounts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            auth_config: fc.record({ id: configIds }),
            connection: fc.record(
              {
                user_id: fc.string(),
                callback_url: fc.webUrl(),
                state: fc.record({
                  authScheme: fc.constantFrom('OAUTH2', 'API_KEY', 'BASIC', 'BEARER_TOKEN', 'SAML', 'OAUTH1'),
                  val: values.map((val) => ({ ...val, status: 'ACTIVE' })),
                }),
                data: values,
              },
              { requiredKeys: [] },
            ),
            validate_credentials: fc.boolean(),
          },
          { requiredKeys: ['auth_config', 'connection'] },
        ),
        async (body) => {
          fc.pre(createConnectedAccountRequestSchema.safeParse(body).success);
          await expectDocumentedAnswer('/api/v3/connected_accounts', body);
        },
      ),
      { numRuns: 50 },
    );
  }, 60_000);
});

describe('persistence', () => {
  it('keeps accounts across a restart in a JSON file that holds no secret', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'plugboard-sandbox-'));
    const file = path.join(dir, 'state.json');
    try {
      const first = await startSandboxServer({ port: 0, persistPath: file });
      const made = await first.sandbox.backend.createConnectedAccount({
        auth_config: { id: 'ac_vercel' },
        connection: {
          state: { authScheme: 'BEARER_TOKEN', val: { status: 'ACTIVE', token: 'tok-secret-000000001' } },
        },
      });
      await first.close();
      const text = await readFile(file, 'utf8');
      expect(text).toContain(made.id);
      expect(text).not.toContain('tok-secret-000000001');
      const second = await startSandboxServer({ port: 0, persistPath: file });
      try {
        expect((await second.sandbox.backend.getConnectedAccount(made.id)).status).toBe('ACTIVE');
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
