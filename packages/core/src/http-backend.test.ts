// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { ConnectError, type ConnectErrorKind } from './connect-error';
import {
  authConfigExample,
  connectedAccountExample,
  createConnectedAccountRequestExample,
  createConnectedAccountResponseExample,
  errorExamples,
  linkSessionResponseExample,
  toolkitExample,
} from './fixtures/api-examples';
import { createHttpBackend, joinUrl } from './http-backend';
import { fakeFetch, json, rejection } from './testing/fake-fetch';
import { CONNECTION_STATUSES } from './wire';

const linkInput = { auth_config_id: 'ac_github', user_id: 'user_1', callback_url: 'https://app.example/cb' };

afterEach(() => {
  vi.useRealTimers();
});

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

/** `getAuthFields('ac_zendesk01')` against a server answering with this auth config and toolkit. */
function authFieldsOver(config: unknown, toolkit: unknown) {
  const { fetch } = fakeFetch((call) => json(call.url.includes('auth_configs') ? config : toolkit));
  return createHttpBackend({ baseUrl: '', fetch }).getAuthFields?.('ac_zendesk01');
}

describe('createHttpBackend: getAuthFields', () => {
  it('reads the auth config, then its toolkit, and returns the fields of its scheme', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.url.endsWith('/api/v3/auth_configs/ac_zendesk01') ? json(authConfigExample) : json(toolkitExample),
    );
    const fields = await createHttpBackend({ baseUrl: '/api', fetch }).getAuthFields?.('ac_zendesk01');
    expect(calls.map((call) => call.url)).toEqual([
      '/api/api/v3/auth_configs/ac_zendesk01',
      '/api/api/v3/toolkits/zendesk',
    ]);
    expect(fields).toMatchObject({
      authConfigId: 'ac_zendesk01',
      authScheme: 'API_KEY',
      toolkitSlug: 'zendesk',
      toolkitName: 'Zendesk',
    });
    expect(fields?.fields.map((field) => [field.name, field.required])).toEqual([
      ['subdomain', true],
      ['email', true],
      ['api_key', true],
      ['region', false],
    ]);
  });

  it('a toolkit without the scheme is invalid_response at auth_config_details', async () => {
    const { fetch } = fakeFetch((call) =>
      call.url.includes('auth_configs')
        ? json({ ...authConfigExample, auth_scheme: 'BASIC' })
        : json(toolkitExample),
    );
    const error = await rejection(
      createHttpBackend({ baseUrl: '', fetch }).getAuthFields?.('ac_1') as Promise<unknown>,
      'invalid_response',
    );
    expect(error.path).toBe('auth_config_details');
  });

  it('a missing field group means no fields', async () => {
    const { fetch } = fakeFetch((call) =>
      call.url.includes('auth_configs')
        ? json({ ...authConfigExample, auth_scheme: 'NO_AUTH' })
        : json(toolkitExample),
    );
    const fields = await createHttpBackend({ baseUrl: '', fetch }).getAuthFields?.('ac_1');
    expect(fields?.fields).toEqual([]);
  });
  it('reads only what it uses of the auth config: fields it never reads cannot break a form', async () => {
    const { id, toolkit, auth_scheme } = authConfigExample;
    const { fetch } = fakeFetch((call) =>
      call.url.includes('auth_configs')
        ? json({ id, toolkit, auth_scheme, type: 'managed', status: 'PAUSED' })
        : json(toolkitExample),
    );
    const fields = await createHttpBackend({ baseUrl: '', fetch }).getAuthFields?.('ac_zendesk01');
    expect(fields?.fields.map((field) => field.name)).toEqual(['subdomain', 'email', 'api_key', 'region']);
  });

  it('what it reads is still checked: an auth_scheme that is not a string is invalid_response naming it', async () => {
    const { fetch } = fakeFetch(() => json({ ...authConfigExample, auth_scheme: 3 }));
    const error = await rejection(
      createHttpBackend({ baseUrl: '', fetch }).getAuthFields?.('ac_1') as Promise<unknown>,
      'invalid_response',
    );
    expect(error.path).toBe('auth_scheme');
    expect(error.message).toContain('auth_scheme: Invalid input: expected string');
  });

  it('a mode the kit does not know fails nothing: other modes still give their fields', async () => {
    const toolkit = {
      ...toolkitExample,
      auth_config_details: [
        { mode: 'QUANTUM_HANDSHAKE', name: 'New' },
        ...toolkitExample.auth_config_details,
      ],
    };
    const fields = await authFieldsOver(authConfigExample, toolkit);
    expect(fields?.authScheme).toBe('API_KEY');
    expect(fields?.fields.map((field) => field.name)).toEqual(['subdomain', 'email', 'api_key', 'region']);
  });

  it("an auth config on a scheme the kit does not know reads that mode's fields", async () => {
    const field = {
      name: 'quantum_key',
      displayName: 'Key',
      type: 'string',
      description: '',
      required: true,
    };
    const toolkit = {
      ...toolkitExample,
      auth_config_details: [
        {
          mode: 'QUANTUM_HANDSHAKE',
          name: 'New',
          fields: { connected_account_initiation: { required: [field] } },
        },
      ],
    };
    const config = { ...authConfigExample, auth_scheme: 'QUANTUM_HANDSHAKE' };
    const fields = await authFieldsOver(config, toolkit);
    expect(fields?.authScheme).toBe('QUANTUM_HANDSHAKE');
    expect(fields?.fields.map((each) => each.name)).toEqual(['quantum_key']);
  });

  it('a field marked user_visible: false is not given to the form', async () => {
    const hidden = {
      name: 'region',
      displayName: 'Region',
      type: 'string',
      description: '',
      required: false,
    };
    const toolkit = {
      ...toolkitExample,
      auth_config_details: [
        {
          mode: 'API_KEY',
          name: 'Key',
          fields: {
            connected_account_initiation: {
              required: [
                {
                  ...toolkitExample.auth_config_details[1]?.fields?.connected_account_initiation.required[2],
                },
              ],
              optional: [{ ...hidden, user_visible: false }],
            },
          },
        },
      ],
    };
    const fields = await authFieldsOver(authConfigExample, toolkit);
    expect(fields?.fields.map((field) => field.name)).toEqual(['api_key']);
  });

  it('a toolkit with no auth_config_details at all is invalid_response, not a crash', async () => {
    const { fetch } = fakeFetch((call) =>
      call.url.includes('auth_configs')
        ? json(authConfigExample)
        : json({ slug: 'zendesk', name: 'Zendesk' }),
    );
    const error = await rejection(
      createHttpBackend({ baseUrl: '', fetch }).getAuthFields?.('ac_1') as Promise<unknown>,
      'invalid_response',
    );
    expect(error.path).toBe('auth_config_details');
  });
});

describe('createHttpBackend: statuses are an open set', () => {
  it('an account with a status the API does not document reads, the status kept as sent', async () => {
    const { fetch } = fakeFetch(() => json({ ...connectedAccountExample, status: 'PAUSED' }));
    const account = await createHttpBackend({ baseUrl: '', fetch }).getConnectedAccount('ca_1');
    expect(account.status).toBe('PAUSED');
  });

  it('a status that is not a string is still invalid_response at status', async () => {
    const { fetch } = fakeFetch(() => json({ ...connectedAccountExample, status: 7 }));
    const error = await rejection(
      createHttpBackend({ baseUrl: '', fetch }).getConnectedAccount('ca_1'),
      'invalid_response',
    );
    expect(error.path).toBe('status');
  });

  it('every documented status parses', async () => {
    for (const status of CONNECTION_STATUSES) {
      const { fetch } = fakeFetch(() => json({ ...connectedAccountExample, status }));
      const account = await createHttpBackend({ baseUrl: '', fetch }).getConnectedAccount('ca_1');
      expect(account.status).toBe(status);
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

describe('createHttpBackend: malformed responses', () => {
  const fiveMB = 5 * 1024 * 1024;
  const cases: Array<{
    name: string;
    answer: () => Response;
    kind: ConnectErrorKind;
    path?: string;
    status?: number;
  }> = [
    {
      name: 'a wrong type',
      answer: () => json({ ...linkSessionResponseExample, expires_at: 1767225600 }, 201),
      kind: 'invalid_response',
      path: 'expires_at',
    },
    {
      name: 'a missing field',
      answer: () => {
        const { connected_account_id: _, ...rest } = linkSessionResponseExample;
        return json(rest, 201);
      },
      kind: 'invalid_response',
      path: 'connected_account_id',
    },
    { name: 'null', answer: () => json(null, 201), kind: 'invalid_response', path: '' },
    {
      name: 'an array',
      answer: () => json([linkSessionResponseExample], 201),
      kind: 'invalid_response',
      path: '',
    },
    {
      name: 'an HTML body with 200',
      answer: () => new Response('<!doctype html><title>Login</title>', { status: 200 }),
      kind: 'invalid_response',
    },
    { name: 'an empty body', answer: () => new Response(null, { status: 201 }), kind: 'invalid_response' },
    {
      name: 'truncated JSON',
      answer: () => new Response('{"link_token":"lt","redirect', { status: 201 }),
      kind: 'invalid_response',
    },
    {
      name: 'a 5 MB non-JSON body',
      answer: () => new Response('x'.repeat(fiveMB), { status: 201 }),
      kind: 'invalid_response',
    },
    {
      name: 'a 502 HTML page',
      answer: () => new Response(`<html><body>${'Bad gateway '.repeat(5000)}</body></html>`, { status: 502 }),
      kind: 'http',
      status: 502,
    },
    { name: 'an empty 503', answer: () => new Response(null, { status: 503 }), kind: 'http', status: 503 },
    {
      name: 'a 5 MB error body',
      answer: () => new Response('y'.repeat(fiveMB), { status: 500 }),
      kind: 'http',
      status: 500,
    },
    {
      name: 'a non-envelope JSON error',
      answer: () => json({ message: 'nope' }, 400),
      kind: 'http',
      status: 400,
    },
    {
      name: 'an envelope with a wrong type',
      answer: () => json({ error: { message: 'm', code: '600', slug: 's', status: 400 } }, 400),
      kind: 'http',
      status: 400,
    },
  ];

  for (const testCase of cases) {
    it(`${testCase.name} → ${testCase.kind}`, async () => {
      const { fetch } = fakeFetch(testCase.answer);
      const error = await rejection(
        createHttpBackend({ baseUrl: '', fetch }).createLinkSession(linkInput),
        testCase.kind,
      );
      if (testCase.path !== undefined) {
        expect(error.path).toBe(testCase.path);
        if (testCase.path !== '') expect(error.message).toContain(testCase.path);
      }
      if (testCase.status !== undefined) expect(error.status).toBe(testCase.status);
      // A plain message: no page, no body dumped into it.
      expect(error.message.length).toBeLessThan(300);
      expect(error.message).not.toMatch(/<html|xxxx|yyyy|Bad gateway Bad/);
    });
  }

  it("unknown fields are stripped; v3.1's alias, word_id and experimental are kept", async () => {
    const experimental = { account_type: 'SHARED' };
    const { fetch } = fakeFetch(() =>
      json({
        ...connectedAccountExample,
        alias: 'work',
        word_id: 'w',
        experimental,
        requested_scopes: ['repo'],
        status: 'REVOKED',
      }),
    );
    const account = await createHttpBackend({ baseUrl: '', fetch }).getConnectedAccount('ca_1');
    expect(account).toMatchObject({ status: 'REVOKED', alias: 'work', word_id: 'w', experimental });
    expect(account).not.toHaveProperty('requested_scopes');
  });

  it('a 5 MB valid body within the limit parses', async () => {
    const padding = 'p'.repeat(5 * 1024 * 1024);
    const { fetch } = fakeFetch(() => json({ ...linkSessionResponseExample, padding }, 201));
    await expect(createHttpBackend({ baseUrl: '', fetch }).createLinkSession(linkInput)).resolves.toEqual(
      linkSessionResponseExample,
    );
  });

  it('a body over maxResponseBytes is invalid_response, and the rest is not read', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(32));
      },
    });
    const { fetch } = fakeFetch(() => new Response(endless, { status: 200 }));
    const backend = createHttpBackend({ baseUrl: '', fetch, maxResponseBytes: 1024 * 1024 });
    const error = await rejection(backend.getConnectedAccount('ca_1'), 'invalid_response');
    expect(error.message).toContain('1048576');
    expect(pulled).toBeLessThan(40);
  });

  it('fetch throwing is a network error', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('fetch failed');
    });
    const error = await rejection(
      createHttpBackend({ baseUrl: '', fetch }).createLinkSession(linkInput),
      'network',
    );
    // What fetch threw is not kept: it may hold the request (see error-cause.test.ts).
    expect(error.cause).toBeUndefined();
    expect(error.message).toBe('Could not reach the server for POST /api/v3/connected_accounts/link');
  });

  it('a stream that breaks mid-body is a network error', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"link_token":'));
        controller.error(new Error('socket hang up'));
      },
    });
    const { fetch } = fakeFetch(() => new Response(broken, { status: 201 }));
    await rejection(createHttpBackend({ baseUrl: '', fetch }).createLinkSession(linkInput), 'network');
  });

  it('a response whose headers never come times out, even if fetch ignores the signal', async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch(() => new Promise<Response>(() => {}));
    const pending = rejection(
      createHttpBackend({ baseUrl: '', fetch, timeoutMs: 5000 }).createLinkSession(linkInput),
      'timeout',
    );
    await vi.advanceTimersByTimeAsync(5000);
    const error = await pending;
    expect(error.message).toContain('5000 ms');
  });

  it('a body that never ends times out, and the default is 30 s', async () => {
    vi.useFakeTimers();
    const hanging = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"link_token":"lt",'));
      },
    });
    const { fetch, calls } = fakeFetch(() => new Response(hanging, { status: 201 }));
    const pending = rejection(
      createHttpBackend({ baseUrl: '', fetch }).createLinkSession(linkInput),
      'timeout',
    );
    await vi.advanceTimersByTimeAsync(29_999);
    expect(calls[0]?.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(calls[0]?.signal?.aborted).toBe(true);
  });

  it('an abort before the response is aborted, and the signal reaches fetch', async () => {
    const controller = new AbortController();
    const { fetch, calls } = fakeFetch(() => new Promise<Response>(() => {}));
    const pending = rejection(
      createHttpBackend({ baseUrl: '', fetch }).createLinkSession(linkInput, { signal: controller.signal }),
      'aborted',
    );
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    controller.abort();
    await pending;
    expect(calls[0]?.signal?.aborted).toBe(true);
  });

  it('an abort while the body streams is aborted', async () => {
    const controller = new AbortController();
    const slow = new ReadableStream<Uint8Array>({
      start(stream) {
        stream.enqueue(new TextEncoder().encode('{"id":'));
        setTimeout(() => controller.abort(), 5);
      },
    });
    const { fetch } = fakeFetch(() => new Response(slow, { status: 200 }));
    await rejection(
      createHttpBackend({ baseUrl: '', fetch }).getConnectedAccount('ca_1', { signal: controller.signal }),
      'aborted',
    );
  });

  it('an already aborted signal sends nothing', async () => {
    const { fetch, calls } = fakeFetch(() => json(linkSessionResponseExample, 201));
    await rejection(
      createHttpBackend({ baseUrl: '', fetch }).createLinkSession(linkInput, { signal: AbortSignal.abort() }),
      'aborted',
    );
    expect(calls).toHaveLength(0);
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
