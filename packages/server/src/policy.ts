// What the handler allows, decided on the server and nowhere else: which origins may call, who
// the user is, which auth configs they may use, and where a callback may send them.
import { splitUrl } from './exchange';
import type { AuthConfigAllowlist, ResolvedOptions } from './options';

const URL_KEYS_IN_CREDENTIALS = [
  'callback_url',
  'callbackUrl',
  'redirectUrl',
  'redirect_uri',
  'finalRedirectUri',
];

export interface Policy<Context> {
  /** A request from a page on another origin (or a `cross-site` fetch without an `Origin`). */
  isCrossSite(request: Request): boolean;
  /** The session's user, or `undefined` (→ 401). */
  userOf(request: Request, context: Context | undefined): Promise<string | undefined>;
  /** The allowlist when it is an array (an exact set); `undefined` when it is a function. */
  readonly allowedIds: readonly string[] | undefined;
  /** Whether `userId` may use (connect, read, change) accounts of `authConfigId`. */
  isAllowed(authConfigId: string, userId: string, request: Request): Promise<boolean>;
  /** Whether a callback-like field is absent or an http(s) URL on an allowed origin. */
  isAllowedCallback(value: unknown): boolean;
}

export function createPolicy<Context>(options: ResolvedOptions<Context>): Policy<Context> {
  const { allowlist, allowedOrigins, callbackOrigins } = options;
  const allowedIds = typeof allowlist === 'function' ? undefined : new Set(allowlist);
  return {
    allowedIds: allowedIds && [...allowedIds],
    isCrossSite(request) {
      const origin = request.headers.get('origin');
      if (origin === null) return request.headers.get('sec-fetch-site') === 'cross-site';
      return origin !== splitUrl(request.url).origin && !allowedOrigins.has(origin);
    },
    async userOf(request, context) {
      const userId = await options.getUserId(request, context);
      return typeof userId === 'string' && userId !== '' ? userId : undefined;
    },
    async isAllowed(authConfigId, userId, request) {
      if (allowedIds) return allowedIds.has(authConfigId);
      return (allowlist as Exclude<AuthConfigAllowlist, readonly string[]>)(authConfigId, {
        userId,
        request,
      });
    },
    isAllowedCallback(value) {
      if (value === undefined || value === null) return true;
      if (typeof value !== 'string') return false;
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return false;
      }
      return (url.protocol === 'https:' || url.protocol === 'http:') && callbackOrigins.has(url.origin);
    },
  };
}

/** The callback-like URLs inside a credential record (OAuth handshake fields). */
export function urlsIn(record: unknown): unknown[] {
  const fields = asRecord(record);
  return fields ? URL_KEYS_IN_CREDENTIALS.map((key) => fields[key]) : [];
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
