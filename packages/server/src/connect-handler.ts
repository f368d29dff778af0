import {
  authConfigRefSchema,
  createConnectedAccountRequestSchema,
  errorEnvelopeSchema,
  issueStrings,
  joinUrl,
  linkSessionRequestSchema,
  normalizeCreateConnectedAccountRequest,
  readBodyLimited,
  readResponseText,
  redactedJsonText,
  redactJsonStrings,
  secretValuesOf,
  toolkitSchema,
} from '@plugboard/core/internal';
import { envelope, jsonResponse, newRequestId, type ProxyErrorSlug } from './envelope';
import { redactForLog, redactResponseJson } from './redaction';
import { matchRoute, normalizeBasePath, type RouteMatch, type RouteName, rawPathOf } from './routes';

export const DEFAULT_BASE_URL = 'https://backend.composio.dev';
export const DEFAULT_BASE_PATH = '/api/connect';
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Request bodies of the two POST routes are a few hundred bytes; 64 KiB leaves room for a private key. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Upstream bodies are a few KiB (a toolkit with its fields is the largest); more is not the Composio API. */
const MAX_UPSTREAM_BODY_BYTES = 8 * 1024 * 1024;

/** Decides whether a user may use an auth config; an array is an exact allowlist. */
export type AuthConfigAllowlist =
  | readonly string[]
  | ((authConfigId: string, info: { userId: string; request: Request }) => boolean | Promise<boolean>);

export interface ConnectHandlerOptions<Context = unknown> {
  /** The Composio API key (or the sandbox's). Sent upstream in `x-api-key`, nowhere else. */
  apiKey: string;
  /** Where the v3 API lives. Default `https://backend.composio.dev`. */
  baseUrl?: string | undefined;
  /**
   * The signed-in user, from your session (a cookie, a header your auth sets). `null` or
   * `undefined` → 401. This is the only source of `user_id`.
   */
  getUserId: (
    request: Request,
    context: Context | undefined,
  ) => string | null | undefined | Promise<string | null | undefined>;
  /** Which auth configs a user may connect or read; anything else → 403. */
  allowedAuthConfigIds: AuthConfigAllowlist;
  /** Origins a `callback_url` may point to (`https://app.example`). Default none: every callback_url → 400. */
  callbackOrigins?: readonly string[] | undefined;
  /**
   * Origins besides the request's own that may send requests (your public origin when a proxy
   * in front rewrites `Host`). No CORS headers are sent: this is a same-origin API.
   */
  allowedOrigins?: readonly string[] | undefined;
  /** Where the routes live on your server. Default `/api/connect`. */
  basePath?: string | undefined;
  /** Defaults to the global `fetch`, looked up at call time. */
  fetch?: ((input: string, init: RequestInit) => Promise<Response>) | undefined;
  /** Upstream deadline, body included; a miss → 504. Default 15 000 ms. */
  timeoutMs?: number | undefined;
  /** One structured, redacted entry per request. */
  log?: ((entry: ConnectLogEntry) => void) | undefined;
  /**
   * Also serve `GET {basePath}/api/v3/auth_configs/{id}` (allowlisted ids only) and
   * `GET {basePath}/api/v3/toolkits/{slug}` (the toolkit of an auth config read through this
   * handler), so a credential form can load its fields. Default `false`.
   */
  fieldMetadata?: boolean | undefined;
}

/** One request, as the handler logs it. Nothing in it is a secret. */
export interface ConnectLogEntry {
  level: 'info' | 'warn' | 'error';
  requestId: string;
  method: string;
  path: string;
  route: RouteName | null;
  status: number;
  durationMs: number;
  /** Time spent waiting for upstream (request and body), when it was called. */
  upstreamMs?: number | undefined;
  upstreamRequestId?: string | undefined;
  userId?: string | undefined;
  authConfigId?: string | undefined;
  /** Why the request was refused or failed. */
  error?: { slug: string; message: string } | undefined;
  /** The request body, its credentials replaced by `[redacted]`. */
  body?: unknown;
}

/** A Fetch-standard handler; `basePath` tells glue which paths are its own. */
export interface ConnectHandler<Context = unknown> {
  (request: Request, context?: Context): Promise<Response>;
  readonly basePath: string;
}

/** What one request learned on the way, for its log entry and the final redaction. */
interface Trace {
  requestId: string;
  route: RouteMatch | undefined;
  secrets: string[];
  userId?: string;
  authConfigId?: string;
  upstreamMs?: number;
  upstreamRequestId?: string;
  error?: { slug: string; message: string };
  body?: unknown;
}

/** What `callUpstream` needs of a zod schema. */
interface ResponseSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

type UpstreamResult<T = Record<string, unknown>> =
  | { kind: 'ok'; status: number; json: T; requestId: string | undefined }
  | { kind: 'error'; response: Response };

const URL_KEYS_IN_CREDENTIALS = [
  'callback_url',
  'callbackUrl',
  'redirectUrl',
  'redirect_uri',
  'finalRedirectUri',
];
const TOOLKITS_REMEMBERED = 1000;

/**
 * Creates the server route between a browser and Composio. It holds the API key, takes the user
 * from `getUserId`, and serves exactly three routes under `basePath` (plus two read-only ones with
 * `fieldMetadata`): it is not an open proxy.
 *
 * @example
 * const handler = createConnectHandler({
 *   apiKey: process.env.COMPOSIO_API_KEY!,
 *   getUserId: (request) => sessionUserId(request),
 *   allowedAuthConfigIds: ['ac_github'],
 *   callbackOrigins: ['https://app.example'],
 * });
 * // Hono: app.all('/api/connect/*', (c) => handler(c.req.raw))
 */
export function createConnectHandler<Context = unknown>(
  options: ConnectHandlerOptions<Context>,
): ConnectHandler<Context> {
  if (typeof options.apiKey !== 'string' || options.apiKey === '') {
    throw new TypeError('createConnectHandler: apiKey is required');
  }
  if (typeof options.getUserId !== 'function') {
    throw new TypeError('createConnectHandler: getUserId is required');
  }
  if (options.allowedAuthConfigIds === undefined) {
    throw new TypeError('createConnectHandler: allowedAuthConfigIds is required (an array or a function)');
  }
  const apiKey = options.apiKey;
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fieldMetadata = options.fieldMetadata ?? false;
  const callbackOrigins = new Set(
    (options.callbackOrigins ?? []).map((origin) => originOf(origin, 'callbackOrigins')),
  );
  const allowedOrigins = new Set(
    (options.allowedOrigins ?? []).map((origin) => originOf(origin, 'allowedOrigins')),
  );
  const allowlist = options.allowedAuthConfigIds;
  const allowedIds = typeof allowlist === 'function' ? undefined : new Set(allowlist);
  // Toolkits whose auth config this handler served: the only ones `GET toolkits/{slug}` may read.
  const knownToolkits = new Set<string>();

  const isAllowed = async (authConfigId: string, userId: string, request: Request): Promise<boolean> =>
    allowedIds
      ? allowedIds.has(authConfigId)
      : (allowlist as Exclude<AuthConfigAllowlist, readonly string[]>)(authConfigId, { userId, request });

  /** A body as JSON text with the key and the request's secrets removed from every string in it. */
  const redactedJson = (trace: Trace, value: unknown): string =>
    redactedJsonText(value, [apiKey, ...trace.secrets]);

  const fail = (
    trace: Trace,
    status: number,
    slug: ProxyErrorSlug,
    message: string,
    more: { suggestedFix?: string; errors?: string[]; headers?: Record<string, string> } = {},
  ): Response => {
    trace.error = { slug, message };
    const body = { error: envelope(status, slug, message, trace.requestId, more) };
    return jsonResponse(status, redactedJson(trace, body), trace.requestId, more.headers);
  };

  /**
   * Sends one request upstream and reads its answer within the deadline. With `schema`, a success
   * body is parsed by it and only what it names is kept (zod drops unknown keys).
   */
  async function callUpstream<T extends object = Record<string, unknown>>(
    trace: Trace,
    route: RouteMatch,
    body: unknown,
    schema?: ResponseSchema<T>,
  ): Promise<UpstreamResult<T>> {
    const doFetch = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const started = performance.now();
    let response: Response;
    let read: { text: string; truncated: boolean };
    try {
      response = await doFetch(joinUrl(baseUrl, route.upstreamPath), {
        method: route.method,
        headers:
          body === undefined
            ? { accept: 'application/json', 'x-api-key': apiKey }
            : { accept: 'application/json', 'content-type': 'application/json', 'x-api-key': apiKey },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        // A redirect would carry the key to wherever it points: never follow one.
        redirect: 'manual',
      });
      // Raced against the deadline: a `fetch` that ignores the signal cannot stall the body read.
      read = await readResponseText(response, MAX_UPSTREAM_BODY_BYTES, controller.signal);
    } catch {
      trace.upstreamMs = performance.now() - started;
      return {
        kind: 'error',
        response: timedOut
          ? fail(
              trace,
              504,
              'Proxy_UpstreamTimeout',
              `The Composio API did not answer within ${timeoutMs} ms`,
            )
          : fail(trace, 502, 'Proxy_UpstreamUnreachable', 'The Composio API could not be reached'),
      };
    } finally {
      clearTimeout(timer);
    }
    trace.upstreamMs = performance.now() - started;
    const headerRequestId = response.headers.get('x-request-id') ?? undefined;
    trace.upstreamRequestId = headerRequestId;
    const invalid = (why: string): UpstreamResult<T> => ({
      kind: 'error',
      response: fail(
        trace,
        502,
        'Proxy_UpstreamInvalidResponse',
        `The Composio API answered ${response.status} ${why}`,
      ),
    });
    if (read.truncated) return invalid(`with a body over ${MAX_UPSTREAM_BODY_BYTES} bytes`);
    let json: unknown;
    try {
      json = JSON.parse(read.text);
    } catch {
      return invalid(
        /^\s*</.test(read.text) ? 'with an HTML page instead of JSON' : 'with a body that is not JSON',
      );
    }
    if (response.status >= 200 && response.status < 300) {
      if (typeof json !== 'object' || json === null || Array.isArray(json))
        return invalid('with JSON that is not an object');
      if (schema !== undefined) {
        const parsed = schema.safeParse(json);
        if (!parsed.success) return invalid('with a body that does not match the API');
        json = parsed.data;
      }
      return {
        kind: 'ok',
        status: response.status,
        json: json as T,
        requestId: headerRequestId,
      };
    }
    const parsed = errorEnvelopeSchema.safeParse(json);
    if (!parsed.success || response.status < 400 || response.status > 599) {
      return invalid('without an error envelope');
    }
    const requestId = parsed.data.error.request_id ?? headerRequestId ?? trace.requestId;
    trace.upstreamRequestId = requestId;
    trace.error = { slug: parsed.data.error.slug ?? '', message: parsed.data.error.message };
    const passed = { error: { ...parsed.data.error, request_id: requestId } };
    return { kind: 'error', response: jsonResponse(response.status, redactedJson(trace, passed), requestId) };
  }

  /** An upstream answer as the browser gets it: success bodies redacted, errors as they were made. */
  const reply = (trace: Trace, result: UpstreamResult<object>): Response =>
    result.kind === 'ok'
      ? jsonResponse(
          result.status,
          redactedJson(trace, redactResponseJson(result.json)),
          result.requestId ?? trace.requestId,
        )
      : result.response;

  /** Whether a callback-like field is absent or an http(s) URL on an allowed origin. */
  const isAllowedCallback = (value: unknown): boolean => {
    if (value === undefined || value === null) return true;
    if (typeof value !== 'string') return false;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    return (url.protocol === 'https:' || url.protocol === 'http:') && callbackOrigins.has(url.origin);
  };

  /**
   * What both POST routes do once the body is valid: the allowlist, then the origin of every
   * callback-like URL (`callbackField` names the field in the 400's `errors`), then upstream.
   */
  async function forwardPost(
    trace: Trace,
    route: RouteMatch,
    request: Request,
    userId: string,
    post: { authConfigId: string; callbackUrls: unknown[]; callbackField: string; upstreamBody: unknown },
  ): Promise<Response> {
    trace.authConfigId = post.authConfigId;
    if (!(await isAllowed(post.authConfigId, userId, request))) {
      return fail(trace, 403, 'Proxy_AuthConfigNotAllowed', 'This auth config may not be used here');
    }
    if (!post.callbackUrls.every(isAllowedCallback)) {
      return fail(
        trace,
        400,
        'Proxy_CallbackOriginNotAllowed',
        'callback_url must point to an allowed origin',
        { errors: [`${post.callbackField}: origin not allowed`] },
      );
    }
    return reply(trace, await callUpstream(trace, route, post.upstreamBody));
  }

  async function readJson(trace: Trace, request: Request): Promise<Record<string, unknown> | Response> {
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type.trim())) {
      request.body?.cancel().catch(() => {});
      return fail(
        trace,
        400,
        'Proxy_UnsupportedContentType',
        'The body must be JSON, sent as content-type: application/json',
        {
          suggestedFix: 'Send the request with the header content-type: application/json',
        },
      );
    }
    const read = await readBodyLimited(request, MAX_BODY_BYTES);
    if (read.kind === 'too_large') {
      return fail(trace, 413, 'Proxy_PayloadTooLarge', `The body is larger than ${MAX_BODY_BYTES} bytes`);
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.bytes));
    } catch {
      return fail(trace, 400, 'Proxy_InvalidJson', 'The body is not valid JSON');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return fail(trace, 400, 'Proxy_InvalidJson', 'The body must be a JSON object');
    }
    const record = json as Record<string, unknown>;
    const connection = asRecord(record.connection);
    trace.secrets = [
      ...new Set([
        ...secretValuesOf(record.connection_data),
        ...secretValuesOf(connection?.data),
        ...secretValuesOf(asRecord(connection?.state)?.val),
      ]),
    ];
    trace.body = redactForLog(record);
    return record;
  }

  async function handle(request: Request, context: Context | undefined, trace: Trace): Promise<Response> {
    const url = splitUrl(request.url);
    const route = matchRoute(rawPathOf(request, url.pathname), basePath, fieldMetadata);
    trace.route = route;
    if (route === undefined) {
      request.body?.cancel().catch(() => {});
      return fail(trace, 404, 'Proxy_NotFound', 'No such route');
    }
    if (request.method !== route.method) {
      request.body?.cancel().catch(() => {});
      return fail(
        trace,
        405,
        'Proxy_MethodNotAllowed',
        `${route.upstreamPath} accepts ${route.method} only`,
        {
          headers: { allow: route.method },
        },
      );
    }
    const origin = request.headers.get('origin');
    const crossSite =
      origin !== null
        ? origin !== url.origin && !allowedOrigins.has(origin)
        : request.headers.get('sec-fetch-site') === 'cross-site';
    if (crossSite) {
      request.body?.cancel().catch(() => {});
      return fail(trace, 403, 'Proxy_CrossSiteRequest', 'Cross-site requests are refused');
    }
    const userId = await options.getUserId(request, context);
    if (typeof userId !== 'string' || userId === '') {
      request.body?.cancel().catch(() => {});
      return fail(trace, 401, 'Proxy_Unauthorized', 'Sign in to connect an account');
    }
    trace.userId = userId;

    switch (route.name) {
      case 'createLinkSession': {
        const body = await readJson(trace, request);
        if (body instanceof Response) return body;
        if (body.user_id !== undefined) {
          return fail(
            trace,
            400,
            'Proxy_UserIdNotAllowed',
            'user_id is set by the server from your session; do not send it',
            {
              errors: ['user_id: not allowed'],
            },
          );
        }
        const parsed = linkSessionRequestSchema.safeParse({ ...body, user_id: userId });
        if (!parsed.success) {
          return fail(trace, 400, 'Proxy_ValidationFailed', 'The request body is invalid', {
            errors: issueStrings(parsed.error.issues),
          });
        }
        // connection_data keeps the keys a toolkit adds (Zendesk's `email`): the schema names only the documented ones.
        const input =
          parsed.data.connection_data === undefined
            ? parsed.data
            : {
                ...parsed.data,
                connection_data: { ...(body.connection_data as object), ...parsed.data.connection_data },
              };
        return forwardPost(trace, route, request, userId, {
          authConfigId: input.auth_config_id,
          callbackUrls: [input.callback_url, ...urlsIn(input.connection_data)],
          callbackField: 'callback_url',
          upstreamBody: input,
        });
      }
      case 'createConnectedAccount': {
        const body = await readJson(trace, request);
        if (body instanceof Response) return body;
        if (asRecord(body.connection)?.user_id !== undefined || body.user_id !== undefined) {
          return fail(
            trace,
            400,
            'Proxy_UserIdNotAllowed',
            'user_id is set by the server from your session; do not send it',
            {
              errors: ['connection.user_id: not allowed'],
            },
          );
        }
        const parsed = createConnectedAccountRequestSchema.safeParse(body);
        if (!parsed.success) {
          return fail(trace, 400, 'Proxy_ValidationFailed', 'The request body is invalid', {
            errors: issueStrings(parsed.error.issues),
          });
        }
        const connection = parsed.data.connection;
        // Both callback fields are checked as sent; normalising then folds redirect_uri into callback_url.
        const normalized = normalizeCreateConnectedAccountRequest(parsed.data);
        return forwardPost(trace, route, request, userId, {
          authConfigId: parsed.data.auth_config.id,
          callbackUrls: [
            connection.callback_url,
            connection.redirect_uri,
            ...urlsIn(connection.state?.val),
            ...urlsIn(connection.data),
          ],
          callbackField: 'connection.callback_url',
          upstreamBody: { ...normalized, connection: { ...normalized.connection, user_id: userId } },
        });
      }
      case 'getConnectedAccount': {
        const result = await callUpstream(trace, route, undefined);
        // Another user's account and a missing one answer alike, request id included: no existence leak.
        const notFound = () => fail(trace, 404, 'ConnectedAccount_NotFound', 'No connected account found');
        if (result.kind === 'error') return result.response.status === 404 ? notFound() : result.response;
        if (result.json.user_id !== userId) return notFound();
        return reply(trace, result);
      }
      case 'getAuthConfig': {
        const id = route.id ?? '';
        trace.authConfigId = id;
        if (!(await isAllowed(id, userId, request))) {
          return fail(trace, 403, 'Proxy_AuthConfigNotAllowed', 'This auth config may not be used here');
        }
        // Only what getAuthFields reads goes to the browser: an auth config also holds `credentials`.
        const result = await callUpstream(trace, route, undefined, authConfigRefSchema);
        if (result.kind === 'error') return result.response;
        if (knownToolkits.size >= TOOLKITS_REMEMBERED) knownToolkits.clear();
        knownToolkits.add(result.json.toolkit.slug);
        return reply(trace, result);
      }
      case 'getToolkit': {
        if (!knownToolkits.has(route.id ?? '')) {
          return fail(
            trace,
            403,
            'Proxy_AuthConfigNotAllowed',
            'Read an allowed auth config of this toolkit first',
            {
              suggestedFix: `GET ${basePath}/api/v3/auth_configs/{id} of an allowed auth config, then its toolkit`,
            },
          );
        }
        return reply(trace, await callUpstream(trace, route, undefined, toolkitSchema));
      }
    }
  }

  const handler = async (request: Request, context?: Context): Promise<Response> => {
    const started = performance.now();
    const trace: Trace = { requestId: newRequestId(), route: undefined, secrets: [] };
    let response: Response;
    try {
      response = await handle(request, context, trace);
    } catch {
      // getUserId, an allowlist function or a body stream threw: say nothing about it to the browser.
      response = fail(trace, 500, 'Proxy_InternalError', 'The request could not be handled');
    }
    if (options.log)
      writeLog(options.log, request, response, trace, performance.now() - started, [
        apiKey,
        ...trace.secrets,
      ]);
    return response;
  };
  return Object.assign(handler, { basePath });
}

function writeLog(
  log: (entry: ConnectLogEntry) => void,
  request: Request,
  response: Response,
  trace: Trace,
  durationMs: number,
  secrets: readonly string[],
): void {
  const path = splitUrl(request.url).pathname;
  const entry: ConnectLogEntry = {
    level: response.status >= 500 ? 'error' : response.status >= 400 ? 'warn' : 'info',
    requestId: trace.requestId,
    method: request.method,
    path,
    route: trace.route?.name ?? null,
    status: response.status,
    durationMs,
    upstreamMs: trace.upstreamMs,
    upstreamRequestId: trace.upstreamRequestId,
    userId: trace.userId,
    authConfigId: trace.authConfigId,
    error: trace.error,
    body: trace.body,
  };
  try {
    // The entry passes through the redactor as a whole: a secret that got into any field goes.
    log(redactJsonStrings(entry, secrets));
  } catch {
    // A broken logger must not break the request.
  }
}

/**
 * The origin and path of a `Request`'s URL, which the Request already serialised, so no second
 * parse is needed (a `new URL` per request is a measurable share of the handler's time).
 */
function splitUrl(href: string): { origin: string; pathname: string } {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/i.exec(href);
  return { origin: match?.[1] ?? 'null', pathname: match?.[2] || '/' };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The callback-like URLs inside a credential record (OAuth handshake fields). */
function urlsIn(record: unknown): unknown[] {
  const fields = asRecord(record);
  return fields ? URL_KEYS_IN_CREDENTIALS.map((key) => fields[key]) : [];
}

function originOf(value: string, option: string): string {
  try {
    const url = new URL(value);
    if (url.origin === 'null') throw new TypeError(value);
    return url.origin;
  } catch {
    throw new TypeError(
      `createConnectHandler: ${option} must hold origins such as https://app.example (got ${value})`,
    );
  }
}
