import type { RouteName } from './routes';
import { normalizeBasePath } from './routes';

export const DEFAULT_BASE_URL = 'https://backend.composio.dev';
export const DEFAULT_BASE_PATH = '/api/connect';
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;
/** Request bodies of the two POST routes are a few hundred bytes; 64 KiB leaves room for a private key. */
export const MAX_BODY_BYTES = 64 * 1024;

export type ApiVersion = 'v3' | 'v3.1';
export const API_VERSIONS: readonly ApiVersion[] = ['v3', 'v3.1'];

/** Decides whether a user may use an auth config; an array is an exact allowlist. */
export type AuthConfigAllowlist =
  | readonly string[]
  | ((authConfigId: string, info: { userId: string; request: Request }) => boolean | Promise<boolean>);

/** Where the handler writes one line per misconfiguration it sees (default `console`). */
export interface ConnectLogger {
  warn(message: string): void;
  error(message: string): void;
}

export interface ConnectHandlerOptions<Context = unknown> {
  /**
   * The Composio API key (or the sandbox's). Sent upstream in `x-api-key`, nowhere else. A missing
   * one (`process.env.COMPOSIO_API_KEY` during `next build`) does not throw: every request then
   * answers 500 and `logger` says why.
   */
  apiKey: string | undefined;
  /** Where the API lives. Default `https://backend.composio.dev`. */
  baseUrl?: string | undefined;
  /**
   * The API version the handler speaks upstream: `'v3'` (`/api/v3/…`, the default) or `'v3.1'`
   * (`/api/v3.1/…`, Composio's current one). The browser's routes stay `{basePath}/api/v3/…`.
   */
  apiVersion?: ApiVersion | undefined;
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
  /** Deadline for reading a request body; a body still arriving then → 408. Default 10 000 ms. */
  bodyTimeoutMs?: number | undefined;
  /** One structured, redacted entry per request. */
  log?: ((entry: ConnectLogEntry) => void) | undefined;
  /**
   * Gets one line for each refusal a misconfiguration causes (cross-site, callback origin, auth
   * config off the allowlist), naming the option and the value that would allow it, and for each
   * request while an option is missing or malformed. Default `console`.
   */
  logger?: ConnectLogger | undefined;
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

/** The options after their checks, with every default applied. */
export interface ResolvedOptions<Context> {
  apiKey: string;
  baseUrl: string;
  apiVersion: ApiVersion;
  basePath: string;
  timeoutMs: number;
  bodyTimeoutMs: number;
  fieldMetadata: boolean;
  callbackOrigins: ReadonlySet<string>;
  allowedOrigins: ReadonlySet<string>;
  allowlist: AuthConfigAllowlist;
  getUserId: ConnectHandlerOptions<Context>['getUserId'];
  fetch: ConnectHandlerOptions<Context>['fetch'];
  log: ConnectHandlerOptions<Context>['log'];
  logger: ConnectLogger;
}

/** The logger, never throwing: a broken one must not break a request. */
export function loggerOf(options: { logger?: ConnectLogger | undefined } | undefined): ConnectLogger {
  const target = options?.logger ?? console;
  const safe = (level: 'warn' | 'error') => (message: string) => {
    try {
      target[level](message);
    } catch {
      // Ignored, like a throwing `log`.
    }
  };
  return { warn: safe('warn'), error: safe('error') };
}

/** Checks the options and applies the defaults; a problem is a `TypeError` naming the option. */
export function resolveOptions<Context>(options: ConnectHandlerOptions<Context>): ResolvedOptions<Context> {
  if (typeof options.apiKey !== 'string' || options.apiKey === '') {
    throw new TypeError('createConnectHandler: apiKey is required (is COMPOSIO_API_KEY set?)');
  }
  if (typeof options.getUserId !== 'function') {
    throw new TypeError('createConnectHandler: getUserId is required');
  }
  if (options.allowedAuthConfigIds === undefined) {
    throw new TypeError('createConnectHandler: allowedAuthConfigIds is required (an array or a function)');
  }
  const apiVersion = options.apiVersion ?? 'v3';
  if (!API_VERSIONS.includes(apiVersion)) {
    throw new TypeError(
      `createConnectHandler: apiVersion must be 'v3' or 'v3.1' (got ${String(apiVersion)})`,
    );
  }
  return {
    apiKey: options.apiKey,
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    apiVersion,
    basePath: normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    bodyTimeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
    fieldMetadata: options.fieldMetadata ?? false,
    callbackOrigins: originsOf(options.callbackOrigins, 'callbackOrigins'),
    allowedOrigins: originsOf(options.allowedOrigins, 'allowedOrigins'),
    allowlist: options.allowedAuthConfigIds,
    getUserId: options.getUserId,
    fetch: options.fetch,
    log: options.log,
    logger: loggerOf(options),
  };
}

function originsOf(values: readonly string[] | undefined, option: string): ReadonlySet<string> {
  return new Set((values ?? []).map((value) => originOf(value, option)));
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
