import type * as z from 'zod/mini';
import type { AuthFields, ConnectBackend, RequestOptions } from './backend';
import { type BoundedFetchResult, boundedFetch, looksLikeHtml, parseJsonText } from './bounded-fetch';
import { ConnectError, detachCauses } from './connect-error';
import { connectErrorFromEnvelope, issuePath } from './envelope-error';
import { accountMethods } from './http-backend-accounts';
import { normalizeCreateConnectedAccountRequest } from './normalize';
import { secretValuesOf } from './secret-fields';
import {
  authConfigRefSchema,
  CONNECTION_DATA_KEYS,
  connectedAccountSchema,
  createConnectedAccountRequestSchema,
  createConnectedAccountResponseSchema,
  errorEnvelopeSchema,
  fieldsOf,
  isJsonValue,
  type LinkSessionInput,
  linkSessionInputSchema,
  linkSessionResponseSchema,
  NOT_JSON,
  toolkitSchema,
} from './wire';

/** A Fetch-standard `fetch`: the global one, undici's, or a function that calls a Fetch handler. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

type HeadersLike = HeadersInit | Record<string, string | undefined>;

export interface HttpBackendOptions {
  /**
   * Where the v3 API lives: an origin (`https://backend.composio.dev`), an origin with a path, or
   * a same-origin path in a browser (`/api/connect`). `/api/v3/…` (or `/api/v3.1/…`) is appended to it.
   */
  baseUrl: string;
  /**
   * Which of Composio's API versions to call: `v3` (the default, still supported) or `v3.1` (the
   * current one, the paths Composio's own client calls). v3.1 is a superset; the kit reads both.
   */
  apiVersion?: ApiVersion | undefined;
  /** Headers sent with every request (`x-api-key` on a server; nothing secret in a browser). */
  headers?: HeadersLike | undefined;
  /** Headers computed per request (a fresh CSRF token, say); merged over `headers`. */
  getHeaders?: (() => HeadersLike | Promise<HeadersLike>) | undefined;
  /** Defaults to the global `fetch`, looked up at call time. */
  fetch?: FetchLike | undefined;
  /** Whole-request deadline, body included. Default 30 000 ms; `Infinity` or `0` turns it off. */
  timeoutMs?: number | undefined;
  /** Largest 2xx body read, in bytes; a larger one is `invalid_response`. Default 8 MiB. */
  maxResponseBytes?: number | undefined;
  /** Largest error body read, in bytes; the rest is not read. Default 1 MiB. */
  maxErrorBytes?: number | undefined;
}

/** The API versions `createHttpBackend` speaks: the path prefix is `/api/{version}`. */
export const API_VERSIONS = ['v3', 'v3.1'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
const DEFAULT_MAX_ERROR_BYTES = 1024 * 1024;

/**
 * A `ConnectBackend` that speaks the Composio v3 wire format over `fetch`: to Composio itself (on a
 * server, with `x-api-key`), to the developer's proxy (`@plugboard/server`) from a browser, or to
 * the sandbox. Every request is validated before it is sent and every response parsed before it
 * is returned; every failure is a `ConnectError`. POSTs are never retried.
 *
 * @example
 * const backend = createHttpBackend({ baseUrl: '/api/connect' });
 * const link = await backend.createLinkSession({ auth_config_id: 'ac_github' });
 */
export function createHttpBackend(options: HttpBackendOptions): ConnectBackend {
  const apiVersion = options.apiVersion ?? 'v3';
  if (!(API_VERSIONS as readonly unknown[]).includes(apiVersion)) {
    throw new ConnectError('invalid_request', {
      message: `apiVersion must be one of ${API_VERSIONS.join(', ')}`,
      path: 'apiVersion',
    });
  }
  const api = `/api/${apiVersion}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const maxErrorBytes = options.maxErrorBytes ?? DEFAULT_MAX_ERROR_BYTES;
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function send<S extends z.ZodMiniType>(
    call: {
      method: 'GET' | 'POST' | 'DELETE' | 'PATCH';
      path: string;
      body?: unknown;
      secrets?: string[];
      knownFields?: string[];
    },
    schema: S,
    requestOptions: RequestOptions | undefined,
  ): Promise<z.output<S>> {
    const what = `${call.method} ${call.path}`;
    const result = await boundedFetch({
      fetch: doFetch,
      url: joinUrl(options.baseUrl, call.path),
      method: call.method,
      headers: () => buildHeaders(options, call.body !== undefined),
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      timeoutMs,
      signal: requestOptions?.signal,
      maxBytes: (status) => (status >= 200 && status < 300 ? maxResponseBytes : maxErrorBytes),
    });
    if (!result.ok) throw failureError(result, what, timeoutMs);
    const { response } = result;
    if (response.status < 200 || response.status >= 300) {
      throw httpError(response, result, what, call.secrets ?? [], call.knownFields ?? []);
    }
    return parseBody(result, schema, what, response.status, maxResponseBytes);
  }

  // No rejection carries what `fetch` threw: it may hold the request and its credentials.
  return detachCauses<ConnectBackend>({
    async createLinkSession(input: LinkSessionInput, requestOptions?: RequestOptions) {
      checkRequest(linkSessionInputSchema, input, `POST ${api}/connected_accounts/link`);
      const data: Record<string, unknown> = input.connection_data ?? {};
      return send(
        {
          method: 'POST',
          path: `${api}/connected_accounts/link`,
          body: input,
          secrets: secretValuesOf(input.connection_data),
          knownFields: [...CONNECTION_DATA_KEYS, ...Object.keys(data)],
        },
        linkSessionResponseSchema,
        requestOptions,
      );
    },

    async createConnectedAccount(input, requestOptions) {
      const request = normalizeCreateConnectedAccountRequest(input);
      checkRequest(createConnectedAccountRequestSchema, request, `POST ${api}/connected_accounts`);
      const val: Record<string, unknown> = request.connection.state?.val ?? {};
      const data: Record<string, unknown> = request.connection.data ?? {};
      return send(
        {
          method: 'POST',
          path: `${api}/connected_accounts`,
          body: request,
          // Collected from the caller's input too: normalisation must never hide a secret.
          secrets: [
            ...new Set([
              ...secretValuesOf(input.connection.state?.val),
              ...secretValuesOf(input.connection.data),
              ...secretValuesOf(val),
              ...secretValuesOf(data),
            ]),
          ],
          knownFields: [...CONNECTION_DATA_KEYS, ...Object.keys(val), ...Object.keys(data)],
        },
        createConnectedAccountResponseSchema,
        requestOptions,
      );
    },

    async getConnectedAccount(id: string, requestOptions?: RequestOptions) {
      checkId(id, 'connected account id');
      return send(
        { method: 'GET', path: `${api}/connected_accounts/${encodeURIComponent(id)}` },
        connectedAccountSchema,
        requestOptions,
      );
    },

    async getAuthFields(authConfigId: string, requestOptions?: RequestOptions): Promise<AuthFields> {
      checkId(authConfigId, 'auth config id');
      const authConfig = await send(
        { method: 'GET', path: `${api}/auth_configs/${encodeURIComponent(authConfigId)}` },
        authConfigRefSchema,
        requestOptions,
      );
      const toolkitPath = `${api}/toolkits/${encodeURIComponent(authConfig.toolkit.slug)}`;
      const toolkit = await send({ method: 'GET', path: toolkitPath }, toolkitSchema, requestOptions);
      const scheme = authConfig.auth_scheme;
      const modes = toolkit.auth_config_details ?? [];
      const details =
        scheme === undefined
          ? modes.length === 1
            ? modes[0]
            : undefined
          : modes.find((entry) => entry.mode === scheme);
      if (details === undefined) {
        throw new ConnectError('invalid_response', {
          message:
            scheme === undefined
              ? `GET ${toolkitPath}: auth config ${authConfigId} names no auth_scheme and the toolkit has ${modes.length} auth modes`
              : `GET ${toolkitPath}: auth_config_details has no entry for mode ${scheme}`,
          path: 'auth_config_details',
        });
      }
      return {
        authConfigId: authConfig.id,
        authScheme: details.mode,
        toolkitSlug: toolkit.slug,
        toolkitName: toolkit.name,
        fields: fieldsOf(details.fields?.connected_account_initiation),
      };
    },

    ...accountMethods({ send, api, checkRequest, checkId }),
  });
}

/** Joins a base URL or path and an absolute API path with exactly one `/` between them. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

async function buildHeaders(options: HttpBackendOptions, hasBody: boolean): Promise<Headers> {
  const headers = new Headers({ accept: 'application/json' });
  if (hasBody) headers.set('content-type', 'application/json');
  const apply = (source: HeadersLike | undefined) => {
    if (source === undefined) return;
    const entries =
      source instanceof Headers
        ? [...source.entries()]
        : Array.isArray(source)
          ? source
          : Object.entries(source as Record<string, string | undefined>);
    for (const [name, value] of entries) {
      if (value !== undefined && name !== undefined) headers.set(name, value);
    }
  };
  apply(options.headers);
  apply(await options.getHeaders?.());
  return headers;
}

/**
 * Validates a request before any byte is sent; a bad one is `invalid_request` naming the path.
 * What is sent is the input itself, so it must be JSON as a whole too: a schema judges a copy,
 * which leaves out an own `__proto__` key unchecked.
 */
function checkRequest(schema: z.ZodMiniType, input: unknown, what: string): void {
  const result = schema.safeParse(input);
  if (result.success) {
    if (isJsonValue(input)) return;
    throw new ConnectError('invalid_request', {
      message: `${what} was not sent: the request: ${NOT_JSON}`,
      path: '',
    });
  }
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issuePath(issue);
    fieldErrors[key] = [...(fieldErrors[key] ?? []), describeIssue(issue)];
  }
  const first = firstIssue(result.error.issues, 'the request');
  throw new ConnectError('invalid_request', {
    // zod messages name the expected type, never the input value, so no secret can slip in here.
    message: `${what} was not sent: ${first.text}`,
    path: first.path,
    fieldErrors,
  });
}

/** The path and `path: message` of a parse's first issue; `whole` names the root. */
function firstIssue(issues: readonly z.core.$ZodIssue[], whole: string): { path: string; text: string } {
  const issue = issues[0];
  const path = issue === undefined ? '' : issuePath(issue);
  return { path, text: `${path || whole}: ${issue === undefined ? 'invalid' : describeIssue(issue)}` };
}

/**
 * An issue's message. zod/mini loads no locale, so in a browser bundle without classic zod every
 * message is zod's bare "Invalid input": then the issue's code and expectation say it instead.
 * Only what the schema expected is named, never the value it judged (it may be a secret).
 */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected}`;
    default:
      return `Invalid input (${issue.code})`;
  }
}

function checkId(id: unknown, label: string): void {
  if (typeof id !== 'string' || id.length === 0) {
    throw new ConnectError('invalid_request', {
      message: `A ${label} must be a non-empty string`,
      path: 'id',
    });
  }
}

function abortedError(what: string, cause: unknown): ConnectError {
  return new ConnectError('aborted', { message: `${what} was aborted`, cause });
}

/** What a request that gave no body throws. */
function failureError(
  result: Extract<BoundedFetchResult, { ok: false }>,
  what: string,
  timeoutMs: number,
): ConnectError {
  const { cause } = result;
  switch (result.failure) {
    case 'timeout':
      return new ConnectError('timeout', { message: `${what} timed out after ${timeoutMs} ms` });
    case 'aborted':
      return abortedError(what, cause);
    case 'headers':
      return new ConnectError('network', { message: `Could not build the headers for ${what}`, cause });
    case 'unreachable':
      return new ConnectError('network', { message: `Could not reach the server for ${what}`, cause });
    case 'broken':
      return new ConnectError('network', {
        message: `The connection broke while reading the response of ${what}`,
        status: result.response?.status,
        cause,
      });
  }
}

function parseBody<S extends z.ZodMiniType>(
  body: { text: string; truncated: boolean },
  schema: S,
  what: string,
  status: number,
  limit: number,
): z.output<S> {
  if (body.truncated) {
    throw new ConnectError('invalid_response', {
      message: `The response of ${what} is larger than the limit of ${limit} bytes`,
      status,
    });
  }
  const parsed = parseJsonText(body.text);
  if (parsed.kind === 'empty') {
    throw new ConnectError('invalid_response', { message: `The response of ${what} is empty`, status });
  }
  if (parsed.kind === 'not_json') {
    throw new ConnectError('invalid_response', {
      message: `The response of ${what} is not JSON${parsed.html ? ' (an HTML page)' : ''}`,
      status,
    });
  }
  const result = schema.safeParse(parsed.value);
  if (result.success) return result.data;
  const first = firstIssue(result.error.issues, '(body)');
  throw new ConnectError('invalid_response', {
    message: `The response of ${what} does not match the API: ${first.text}`,
    status,
    path: first.path,
  });
}

function httpError(
  response: Response,
  body: { text: string; truncated: boolean },
  what: string,
  secrets: string[],
  knownFields: string[],
): ConnectError {
  const status = response.status;
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const parsed = body.truncated ? undefined : parseJsonText(body.text);
  const envelope = errorEnvelopeSchema.safeParse(parsed?.kind === 'json' ? parsed.value : undefined);
  if (envelope.success) {
    return connectErrorFromEnvelope(envelope.data.error, {
      status,
      requestId,
      redact: secrets,
      knownFields,
    });
  }
  // Not our envelope (a proxy's HTML page, an empty body): say the status plainly, dump nothing.
  return new ConnectError('http', {
    message: `${what} failed with HTTP ${status}${looksLikeHtml(body.text) ? ' (the server sent an HTML page)' : ''}`,
    status,
    requestId,
  });
}
