// @vitest-environment node
// createHttpBackend when a response is not what the API promises: wrong types, bodies that are
// not JSON or too large, failures of the network, deadlines and aborts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectErrorKind } from './connect-error';
import { connectedAccountExample, linkSessionResponseExample } from './fixtures/api-examples';
import { createHttpBackend } from './http-backend';
import { fakeFetch, json, rejection } from './testing/fake-fetch';

const linkInput = { auth_config_id: 'ac_github', user_id: 'user_1', callback_url: 'https://app.example/cb' };

afterEach(() => {
  vi.useRealTimers();
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
