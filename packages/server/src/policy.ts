// What the handler allows, decided on the server and nowhere else: which origins may call, who
// the user is, which auth configs they may use, and where a callback may send them.
import { splitUrl } from './exchange';
import type { AuthConfigAllowlist, ResolvedOptions } from './options';

/**
 * A key that holds a URL the user may be sent to, by rule rather than by list: `*_url`, `*_uri`,
 * `*Url`, `*Uri` (`callback_url`, `redirectUrl`, `finalRedirectUri`, `authUri`,
 * `composio_link_redirect_url`, and whatever a toolkit adds next).
 */
const URL_KEY = /(?:^|_)(?:url|uri)$|[a-z0-9](?:Url|Uri|URL|URI)$/;
/** The documented base fields that say where the provider lives (`https://acme.atlassian.net`), not where the user goes. */
const INSTANCE_ADDRESS_KEYS = new Set([
  'account_url',
  'api_url',
  'base_url',
  'form_api_base_url',
  'borneo_dashboard_url',
]);
/** Deeper than any body the handler reads (request-body.ts refuses more than 32 levels). */
const MAX_URL_DEPTH = 64;

/** The outcome of checking every URL-valued key of a body part. */
export interface UrlCheck<T> {
  /** A copy with each checked URL replaced by the normalised URL the check parsed. */
  value: T;
  /** `"<path>: origin not allowed"` for each URL refused. */
  errors: string[];
  /** The URLs refused, as sent (for the log line that says which origin to allow). */
  refused: string[];
}

export interface Policy<Context> {
  /**
   * A request from a page on another origin (or a `cross-site` fetch without an `Origin`): the
   * origin it came from (`null` without one) and ours; `undefined` for a same-origin request.
   */
  crossSite(request: Request): { origin: string | null; own: string } | undefined;
  /** The session's user, or `undefined` (→ 401). */
  userOf(request: Request, context: Context | undefined): Promise<string | undefined>;
  /** The allowlist when it is an array (an exact set); `undefined` when it is a function. */
  readonly allowedIds: readonly string[] | undefined;
  /** Whether `userId` may use (connect, read, change) accounts of `authConfigId`. */
  isAllowed(authConfigId: string, userId: string, request: Request): Promise<boolean>;
  /**
   * Checks every URL-valued key inside `value` (by rule, at any depth) against `callbackOrigins`:
   * an http(s) URL on an allowed origin passes, normalised; anything else is an error under `path`.
   */
  checkUrls<T>(value: T, path: string): UrlCheck<T>;
}

export function createPolicy<Context>(options: ResolvedOptions<Context>): Policy<Context> {
  const { allowlist, allowedOrigins, callbackOrigins } = options;
  const allowedIds = typeof allowlist === 'function' ? undefined : new Set(allowlist);
  return {
    allowedIds: allowedIds && [...allowedIds],
    crossSite(request) {
      const origin = request.headers.get('origin');
      const own = splitUrl(request.url).origin;
      if (origin === null) {
        return request.headers.get('sec-fetch-site') === 'cross-site' ? { origin, own } : undefined;
      }
      return origin !== own && !allowedOrigins.has(origin) ? { origin, own } : undefined;
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
    checkUrls<T>(value: T, path: string): UrlCheck<T> {
      const errors: string[] = [];
      const refused: string[] = [];
      /** The normalised URL, or `undefined` when it may not be used. */
      const allowedUrl = (text: string): string | undefined => {
        try {
          const url = new URL(text);
          const ok =
            (url.protocol === 'https:' || url.protocol === 'http:') && callbackOrigins.has(url.origin);
          return ok ? url.href : undefined;
        } catch {
          return undefined;
        }
      };
      const visit = (item: unknown, at: string, depth: number): unknown => {
        if (depth > MAX_URL_DEPTH) {
          errors.push(`${at}: nested too deeply`);
          return item;
        }
        if (Array.isArray(item))
          return item.map((entry, index) => visit(entry, `${at}[${index}]`, depth + 1));
        const fields = asRecord(item);
        if (fields === undefined) return item;
        const copy: Record<string, unknown> = {};
        for (const [key, child] of Object.entries(fields)) {
          const where = `${at}.${key}`;
          if (typeof child === 'string' && URL_KEY.test(key) && !INSTANCE_ADDRESS_KEYS.has(key)) {
            const url = allowedUrl(child);
            if (url === undefined) {
              errors.push(`${where}: origin not allowed`);
              refused.push(child);
            }
            copy[key] = url ?? child;
          } else {
            copy[key] = visit(child, where, depth + 1);
          }
        }
        return copy;
      };
      // The path names the record; its own keys are reported as `path.key` (`connection.callback_url`).
      const checked = visit(value, path, 0) as T;
      return { value: checked, errors: errors.map((error) => error.replace(/^\./, '')), refused };
    },
  };
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
