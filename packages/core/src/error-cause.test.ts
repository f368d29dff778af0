// @vitest-environment node
// Attack review item 5: an error's `cause` chain kept the credentials when a custom `fetch` or
// backend threw an error holding the request. What a caller, a cache or `onError` gets is a fresh
// ConnectError with no cause (or a redacted one).
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ConnectBackend } from './backend';
import { ConnectError } from './connect-error';
import { toConnectError } from './connect-flow-outcome';
import { redactConnectError } from './credentials-schema-request';
import { createHttpBackend, type FetchLike } from './http-backend';
import { rejection } from './testing/fake-fetch';

const API_KEY = 'zd_live_9f8e7d6c5b4a';
const PASSWORD = 'hunter2-correct-horse';

const request = {
  auth_config: { id: 'ac_zendesk' },
  connection: {
    state: {
      authScheme: 'API_KEY',
      val: { status: 'ACTIVE' as const, subdomain: 'acme', api_key: API_KEY, password: PASSWORD },
    },
  },
};

/** An error as some HTTP clients make them: the request, body and headers included. */
class RequestError extends Error {
  constructor(
    message: string,
    readonly request: { url: string; init: RequestInit },
  ) {
    super(message);
  }
}

/** Everything an error exposes, the way a logger, devtools or a cache would see it. */
function everythingIn(error: unknown): string {
  const seen: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth++) {
    seen.push(inspect(current, { depth: 10, showHidden: true }));
    seen.push(JSON.stringify(current) ?? '');
    current = (current as { cause?: unknown }).cause;
  }
  return seen.join('\n');
}

function expectNoSecret(error: unknown) {
  const text = everythingIn(error);
  expect(text).not.toContain(API_KEY);
  expect(text).not.toContain(PASSWORD);
}

describe('no credential in an error’s cause chain', () => {
  it('a custom fetch whose error holds the request: the ConnectError has no cause and no secret', async () => {
    const fetch: FetchLike = async (url, init) => {
      throw new RequestError('socket hang up', { url, init });
    };
    const backend = createHttpBackend({
      baseUrl: 'https://proxy.example',
      fetch,
      headers: { 'x-csrf': 't' },
    });
    const error = await rejection(backend.createConnectedAccount(request), 'network');
    expect(error.cause).toBeUndefined();
    expectNoSecret(error);
  });

  it('the same fetch error, reached through any method and an abort, keeps nothing either', async () => {
    const fetch: FetchLike = async (url, init) => {
      throw new RequestError(`failed ${init.body}`, { url, init });
    };
    const backend = createHttpBackend({ baseUrl: '', fetch });
    const link = await rejection(
      backend.createLinkSession({ auth_config_id: 'ac_1', connection_data: { api_key: API_KEY } }),
      'network',
    );
    expectNoSecret(link);
    const controller = new AbortController();
    controller.abort(new RequestError('aborted', { url: '/x', init: { body: PASSWORD } }));
    const aborted = await rejection(
      backend.getConnectedAccount('ca_1', { signal: controller.signal }),
      'aborted',
    );
    expect(aborted.cause).toBeUndefined();
    expectNoSecret(aborted);
  });

  it('a custom backend throwing a foreign error or a ConnectError with a cause: toConnectError keeps no cause', async () => {
    const held = new RequestError('upstream refused', { url: '/x', init: { body: JSON.stringify(request) } });
    const backend: Pick<ConnectBackend, 'createConnectedAccount'> = {
      createConnectedAccount: async () => {
        throw held;
      },
    };
    const foreign = await backend.createConnectedAccount(request).then(() => {
      throw new Error('expected a rejection');
    }, toConnectError);
    expect(foreign).toBeInstanceOf(ConnectError);
    expect(foreign).toMatchObject({ kind: 'network', message: 'upstream refused' });
    expect(foreign.cause).toBeUndefined();
    expectNoSecret(foreign);

    const wrapped = toConnectError(
      new ConnectError('http', { message: 'Bad gateway', status: 502, cause: held }),
    );
    expect(wrapped).toMatchObject({ kind: 'http', message: 'Bad gateway', status: 502 });
    expect(wrapped.cause).toBeUndefined();
    expectNoSecret(wrapped);
  });

  it('what the credential form caches and hands to onError (redactConnectError) never has a cause', () => {
    const held = new RequestError('boom', { url: '/x', init: { body: JSON.stringify(request) } });
    const clean = new ConnectError('network', { message: 'Could not reach the server', cause: held });
    const echoed = new ConnectError('http', { message: `bad key ${API_KEY}`, status: 400, cause: held });
    for (const error of [clean, echoed]) {
      const redacted = redactConnectError(error, [API_KEY, PASSWORD]);
      expect(redacted).not.toBe(error);
      expect(redacted.cause).toBeUndefined();
      expect(redacted.kind).toBe(error.kind);
      expectNoSecret(redacted);
    }
  });
});
