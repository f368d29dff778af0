// Test helpers for `createHttpBackend` (not shipped: no entry imports this folder).
import { expect } from 'vitest';
import { ConnectError, type ConnectErrorKind } from '../connect-error';
import type { FetchLike } from '../http-backend';

export interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | undefined;
}

/** A fake `fetch` that records every call and answers with whatever `answer` returns. */
export function fakeFetch(answer: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    return answer(call);
  };
  return { fetch, calls };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** Awaits a rejection and checks it is a `ConnectError` of `kind`: anything else fails the test. */
export async function rejection(promise: Promise<unknown>, kind: ConnectErrorKind): Promise<ConnectError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome))
    throw new Error(`expected a ${kind} ConnectError, got ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(ConnectError);
  const error = outcome.error as ConnectError;
  expect(error.kind, error.message).toBe(kind);
  return error;
}
