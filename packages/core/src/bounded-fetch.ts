// One HTTP request with a deadline, an outer abort signal and a bounded body read: the request
// core of `createHttpBackend` (browser → server) and of `@plugboard/server` (server → Composio).
import { readResponseText, untilAborted } from './read-body';

export interface BoundedFetchRequest {
  /** A Fetch-standard `fetch` (core's `FetchLike`). */
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  url: string;
  method: string;
  /** Headers, or a function that builds them (inside the deadline: it may be async). */
  headers: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  body?: string | undefined;
  /** Whole-request deadline, body included; `Infinity` or `0` turns it off. */
  timeoutMs: number;
  /** The caller's signal: its abort stops the request, its reason kept as the cause. */
  signal?: AbortSignal | undefined;
  /** The largest body read for a status; the rest is cancelled, not downloaded. */
  maxBytes: (status: number) => number;
  /** Passed to `fetch` when set (`'manual'` on a server: a redirect would carry the key). */
  redirect?: RequestRedirect | undefined;
}

/** Why a request gave no body: in the order they can happen. */
export type BoundedFetchFailure = 'headers' | 'timeout' | 'aborted' | 'unreachable' | 'broken';

export type BoundedFetchResult =
  | { ok: true; response: Response; text: string; truncated: boolean; ms: number }
  | {
      ok: false;
      failure: BoundedFetchFailure;
      cause: unknown;
      /** Set when the failure came while reading the body (`broken`, or a deadline then). */
      response?: Response | undefined;
      ms: number;
    };

/**
 * Sends one request and reads at most `maxBytes(status)` of its body as text, all within
 * `timeoutMs` and the caller's `signal`. Never throws: a failure says what failed, so a browser
 * client and a server proxy each turn it into their own error. A `fetch` that ignores the signal
 * cannot stall either the headers or the body.
 *
 * @example
 * const result = await boundedFetch({ fetch, url, method: 'GET', headers: {}, timeoutMs: 5000, maxBytes: () => 1 << 20 });
 * if (result.ok) parseJsonText(result.text);
 */
export async function boundedFetch(request: BoundedFetchRequest): Promise<BoundedFetchResult> {
  const started = performance.now();
  const outer = request.signal;
  const elapsed = () => performance.now() - started;
  if (outer?.aborted) return { ok: false, failure: 'aborted', cause: outer.reason, ms: 0 };

  const controller = new AbortController();
  let stopped: 'aborted' | 'timeout' | undefined;
  const onAbort = () => {
    stopped ??= 'aborted';
    controller.abort(outer?.reason);
  };
  outer?.addEventListener('abort', onAbort, { once: true });
  const timeoutMs = request.timeoutMs;
  const timer =
    Number.isFinite(timeoutMs) && timeoutMs > 0
      ? setTimeout(() => {
          stopped ??= 'timeout';
          controller.abort(new DOMException(`No answer within ${timeoutMs} ms`, 'TimeoutError'));
        }, timeoutMs)
      : undefined;
  const failed = (failure: BoundedFetchFailure, cause: unknown, response?: Response): BoundedFetchResult => ({
    ok: false,
    failure: stopped ?? failure,
    cause,
    response,
    ms: elapsed(),
  });

  try {
    let headers: HeadersInit;
    try {
      headers = typeof request.headers === 'function' ? await request.headers() : request.headers;
    } catch (cause) {
      return { ok: false, failure: 'headers', cause, ms: elapsed() };
    }
    if (stopped) return failed(stopped, undefined);

    const init: RequestInit = {
      method: request.method,
      headers,
      body: request.body,
      signal: controller.signal,
    };
    if (request.redirect !== undefined) init.redirect = request.redirect;
    let response: Response;
    try {
      response = await untilAborted(request.fetch(request.url, init), controller.signal);
    } catch (cause) {
      return failed('unreachable', cause);
    }
    try {
      const body = await readResponseText(response, request.maxBytes(response.status), controller.signal);
      return { ok: true, response, text: body.text, truncated: body.truncated, ms: elapsed() };
    } catch (cause) {
      return failed('broken', cause, response);
    }
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

/** A body's text read as JSON: the value, or why not (empty, an HTML page, anything else). */
export type JsonText =
  | { kind: 'json'; value: unknown }
  | { kind: 'empty' }
  | { kind: 'not_json'; html: boolean };

/** Parses a body's text, telling an empty body and an HTML page (a proxy's error page) apart. */
export function parseJsonText(text: string): JsonText {
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch {
    return { kind: 'not_json', html: looksLikeHtml(text) };
  }
}

/** Whether a body is an HTML page rather than the API's JSON. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*</.test(text);
}
