// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ConnectError } from './connect-error';
import {
  connectedAccountExample,
  createConnectedAccountRequestExample,
  createConnectedAccountResponseExample,
  errorExamples,
  linkSessionResponseExample,
} from './fixtures/api-examples';
import { createHttpBackend, joinUrl } from './http-backend';
import { fakeFetch, json, rejection } from './testing/fake-fetch';

const linkInput = { auth_config_id: 'ac_github', user_id: 'user_1', callback_url: 'https://app.example/cb' };

describe('createHttpBackend: requests', () => {
  it('POSTs a link session as JSON to baseUrl + /api/v3/connected_accounts/link', async () => {
    const { fetch, calls } = fakeFetch(() => json(linkSessionResponseExample, 201));
    const backend = createHttpBackend({
      baseUrl: 'https://backend.composio.dev',
      fetch,
      headers: { 'x-api-key': 'k' },
    });
    await expect(backend.createLinkSession(linkInput)).resolves.toEqual(linkSessionResponseExample);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://backend.composio.dev/api/v3/connected_accounts/link');
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.body).toEqual(linkInput);
    expect(calls[0]?.headers.get('content-type')).toBe('application/json');
    expect(calls[0]?.headers.get('x-api-key')).toBe('k');
  });

  it('sends a link session without user_id, for a proxy that binds it', async () => {
    const { fetch, calls } = fakeFetch(() => json(linkSessionResponseExample, 201));
    await createHttpBackend({ baseUrl: '/api/connect', fetch }).createLinkSession({ auth_config_id: 'ac_1' });
    expect(calls[0]?.url).toBe('/api/connect/api/v3/connected_accounts/link');
    expect(calls[0]?.body).toEqual({ auth_config_id: 'ac_1' });
  });

  it('POSTs a connected account and parses the 201', async () => {
    const { fetch, calls } = fakeFetch(() => json(createConnectedAccountResponseExample, 201));
    const backend = createHttpBackend({ baseUrl: 'http://127.0.0.1:4011/', fetch });
    const created = await backend.createConnectedAccount(createConnectedAccountRequestExample as never);
    expect(created.id).toBe('string');
    expect(created.connectionData.val.status).toBe('INITIALIZING');
    expect(calls[0]?.url).toBe('http://127.0.0.1:4011/api/v3/connected_accounts');
  });

  it('sends the current fields in place of deprecated ones', async () => {
    const { fetch, calls } = fakeFetch(() => json(createConnectedAccountResponseExample, 201));
    await createHttpBackend({ baseUrl: '', fetch }).createConnectedAccount({
      auth_config: { id: 'ac_1' },
      connection: {
        redirect_uri: 'https://app.example/old',
        data: { authScheme: 'API_KEY', val: { status: 'ACTIVE', api_key: 'k' } },
      },
    });
    expect(calls[0]?.body).toEqual({
      auth_config: { id: 'ac_1' },
      connection: {
        callback_url: 'https://app.example/old',
        state: { authScheme: 'API_KEY', val: { status: 'ACTIVE', api_key: 'k' } },
      },
    });
  });

  it('sends nothing that is not JSON, an own __proto__ key included (a schema judges a copy without it)', async () => {
    const { fetch, calls } = fakeFetch(() => json(createConnectedAccountResponseExample, 201));
    const backend = createHttpBackend({ baseUrl: '', fetch });
    for (const bad of [Number.NaN, new Date(0), 1n]) {
      const val: Record<string, unknown> = { status: 'ACTIVE', api_key: 'k' };
      Object.defineProperty(val, '__proto__', {
        value: bad,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      const refused = await rejection(
        backend.createConnectedAccount({
          auth_config: { id: 'ac_1' },
          connection: { state: { authScheme: 'API_KEY', val: val as never } },
        }),
        'invalid_request',
      );
      expect(refused.message).toBe(
        'POST /api/v3/connected_accounts was not sent: the request: Must hold only JSON values (no undefined, NaN, Infinity, BigInt, Date or function)',
      );
    }
    expect(calls).toHaveLength(0);
  });

  it('GETs an account with its id URL-encoded', async () => {
    const { fetch, calls } = fakeFetch(() => json(connectedAccountExample));
    const account = await createHttpBackend({ baseUrl: 'https://h/x/', fetch }).getConnectedAccount(
      'ca/1 ?#',
    );
    expect(account.status).toBe('ACTIVE');
    expect(calls[0]?.url).toBe('https://h/x/api/v3/connected_accounts/ca%2F1%20%3F%23');
    expect(calls[0]?.method).toBe('GET');
    expect(calls[0]?.headers.get('content-type')).toBeNull();
  });

  it('merges headers and getHeaders (sync or async), the latter winning', async () => {
    for (const getHeaders of [() => ({ 'x-csrf': 'b' }), async () => new Headers({ 'x-csrf': 'b' })]) {
      const { fetch, calls } = fakeFetch(() => json(connectedAccountExample));
      await createHttpBackend({
        baseUrl: '',
        fetch,
        headers: [
          ['x-csrf', 'a'],
          ['x-app', '1'],
        ],
        getHeaders,
      }).getConnectedAccount('ca_1');
      expect(calls[0]?.headers.get('x-csrf')).toBe('b');
      expect(calls[0]?.headers.get('x-app')).toBe('1');
    }
  });

  it('a getHeaders that throws is a network error, and nothing is sent', async () => {
    const { fetch, calls } = fakeFetch(() => json(connectedAccountExample));
    const backend = createHttpBackend({
      baseUrl: '',
      fetch,
      getHeaders: () => Promise.reject(new Error('no session')),
    });
    await rejection(backend.getConnectedAccount('ca_1'), 'network');
    expect(calls).toHaveLength(0);
  });

  it('refuses bad input before any request, naming the path', async () => {
    const { fetch, calls } = fakeFetch(() => json(linkSessionResponseExample, 201));
    const backend = createHttpBackend({ baseUrl: '', fetch });
    const noConfig = await rejection(backend.createLinkSession({ auth_config_id: '' }), 'invalid_request');
    expect(noConfig.path).toBe('auth_config_id');
    const badState = await rejection(
      backend.createConnectedAccount({
        auth_config: { id: 'ac_1' },
        connection: {
          state: { authScheme: 'API_KEY', val: { status: 'DONE' as never, api_key: 'sk_test_1' } },
        },
      }),
      'invalid_request',
    );
    expect(badState.path).toBe('connection.state.val.status');
    expect(badState.fieldErrors['connection.state.val.status']).toHaveLength(1);
    expect(JSON.stringify(badState)).not.toContain('sk_test_1');
    await rejection(backend.getConnectedAccount(''), 'invalid_request');
    expect(calls).toHaveLength(0);
  });

  it('never retries a POST, whatever the failure', async () => {
    for (const answer of [
      () => Promise.reject(new TypeError('fetch failed')),
      () => new Response('<html>502</html>', { status: 502 }),
      () => json(errorExamples.internal.body, 500),
    ]) {
      const { fetch, calls } = fakeFetch(answer);
      const backend = createHttpBackend({ baseUrl: '', fetch });
      await expect(backend.createLinkSession(linkInput)).rejects.toBeInstanceOf(ConnectError);
      await expect(
        backend.createConnectedAccount(createConnectedAccountRequestExample as never),
      ).rejects.toBeInstanceOf(ConnectError);
      expect(calls).toHaveLength(2);
    }
  });
});

describe('createHttpBackend: error envelopes', () => {
  for (const [name, example] of Object.entries(errorExamples)) {
    it(`${example.status} ${name} becomes an http ConnectError with the whole envelope`, async () => {
      const { fetch } = fakeFetch(() => json(example.body, example.status));
      const backend = createHttpBackend({ baseUrl: '', fetch });
      const error = await rejection(backend.createLinkSession(linkInput), 'http');
      const envelope = example.body.error as Record<string, unknown>;
      expect(error.status).toBe(example.status);
      expect(error.message).toBe(envelope.message);
      expect(error.slug).toBe(envelope.slug);
      expect(error.code).toBe(envelope.code);
      expect(error.requestId).toBe(envelope.request_id);
      expect(error.suggestedFix).toBe(envelope.suggested_fix);
      expect(error.errors).toEqual(envelope.errors ?? []);
    });
  }

  it('maps Composio-style and sandbox-style errors to fieldErrors', async () => {
    const missing = fakeFetch(() => json(errorExamples.missingRequiredFields.body, 400));
    const composio = await rejection(
      createHttpBackend({ baseUrl: '', fetch: missing.fetch }).createConnectedAccount({
        auth_config: { id: 'ac_1' },
        connection: { state: { authScheme: 'API_KEY', val: { status: 'ACTIVE' } } },
      }),
      'http',
    );
    expect(composio.fieldErrors).toEqual({ subdomain: ['Required'], api_key: ['Required'] });

    const sandbox = fakeFetch(() => json(errorExamples.unprocessable.body, 422));
    const local = await rejection(
      createHttpBackend({ baseUrl: '', fetch: sandbox.fetch }).createConnectedAccount({
        auth_config: { id: 'ac_1' },
        connection: { state: { authScheme: 'API_KEY', val: { status: 'ACTIVE', subdomain: 'a_b' } } },
      }),
      'http',
    );
    expect(local.fieldErrors).toEqual({
      subdomain: ['Use only letters, digits and hyphens'],
      api_key: ['Required'],
    });
  });

  it('takes the request id from x-request-id when the envelope has none', async () => {
    const { request_id: _, ...error } = errorExamples.internal.body.error;
    const { fetch } = fakeFetch(() => json({ error }, 500, { 'x-request-id': 'req_hdr' }));
    const thrown = await rejection(
      createHttpBackend({ baseUrl: '', fetch }).getConnectedAccount('ca_1'),
      'http',
    );
    expect(thrown.requestId).toBe('req_hdr');
  });
});

describe('createHttpBackend: secrets', () => {
  const secrets = {
    api_key: 'sk_test_51HxQ',
    password: 'hunter2 with spaces',
    private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----',
    userToken: 'xoxp-user-token',
  };
  const echo = (text: string) =>
    json(
      {
        error: {
          message: `Invalid key ${text}`,
          code: 612,
          slug: 'ConnectedAccount_BadRequest',
          status: 400,
          suggested_fix: `Check ${text}`,
          errors: [`api_key: ${text} is invalid`, `Missing required fields: subdomain`, text],
        },
      },
      400,
    );

  it('no secret of a request appears in any ConnectError, even when the server echoes it', async () => {
    const everything = Object.values(secrets);
    const echoed = [
      ...everything,
      encodeURIComponent(secrets.password),
      JSON.stringify(secrets.private_key).slice(1, -1),
    ].join(' | ');
    const { fetch } = fakeFetch(() => echo(echoed));
    const backend = createHttpBackend({ baseUrl: '', fetch });
    const errors = [
      await rejection(
        backend.createConnectedAccount({
          auth_config: { id: 'ac_1' },
          connection: {
            state: {
              authScheme: 'API_KEY',
              val: { status: 'ACTIVE', api_key: secrets.api_key, password: secrets.password },
            },
            data: { private_key: secrets.private_key },
          },
        }),
        'http',
      ),
      await rejection(
        backend.createConnectedAccount({
          auth_config: { id: 'ac_1' },
          connection: {
            data: { api_key: secrets.api_key, password: secrets.password, private_key: secrets.private_key },
          },
        }),
        'http',
      ),
      await rejection(
        backend.createLinkSession({
          ...linkInput,
          connection_data: {
            api_key: secrets.api_key,
            password: secrets.password,
            private_key: secrets.private_key,
            authed_user: { access_token: secrets.userToken },
          },
        }),
        'http',
      ),
    ];
    for (const error of errors) {
      const visible = [
        error.message,
        String(error),
        JSON.stringify(error),
        JSON.stringify(error.toJSON()),
      ].join('\n');
      for (const secret of [secrets.api_key, secrets.password, secrets.private_key, 'MIIEvQ']) {
        expect(visible).not.toContain(secret);
      }
      expect(error.message).toContain('[redacted]');
      expect(error.fieldErrors.subdomain).toEqual(['Required']);
    }
    expect(JSON.stringify(errors[2])).not.toContain(secrets.userToken);
  });
});

describe('joinUrl', () => {
  it.each([
    ['https://h', '/api/v3/x', 'https://h/api/v3/x'],
    ['https://h/', '/api/v3/x', 'https://h/api/v3/x'],
    ['https://h/base//', '/api/v3/x', 'https://h/base/api/v3/x'],
    ['/api/connect', '/api/v3/x', '/api/connect/api/v3/x'],
    ['', '/api/v3/x', '/api/v3/x'],
  ])('%s + %s', (base, path, expected) => {
    expect(joinUrl(base, path)).toBe(expected);
  });
});

describe('createHttpBackend: messages without a zod locale', () => {
  // A browser bundle with only zod/mini has no locale: zod then says only "Invalid input".
  // Classic zod (loaded in this process by the field catalog) installs English globally, so
  // the test takes it away for its duration.
  it('names what the API expected, not just "Invalid input"', async () => {
    const english = z.config().localeError;
    z.config({ localeError: undefined });
    try {
      const { fetch } = fakeFetch(() => json({ ...linkSessionResponseExample, expires_at: 1767225600 }, 201));
      const backend = createHttpBackend({ baseUrl: '/api/connect', fetch });
      const error = await rejection(backend.createLinkSession(linkInput), 'invalid_response');
      expect(error.message).toContain('expires_at: Invalid input: expected string');
      const refused = await rejection(
        backend.createLinkSession({ ...linkInput, auth_config_id: '' }),
        'invalid_request',
      );
      expect(refused.message).toContain('auth_config_id: Too small: expected at least 1');
    } finally {
      z.config({ localeError: english });
    }
  });
});
