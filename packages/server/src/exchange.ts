import { redactSecrets } from '@plugboard/core/internal';
import { envelope, jsonResponse, newRequestId, type ProxyErrorSlug } from './envelope';
import type { ConnectLogEntry } from './options';
import type { RouteMatch } from './routes';

/** What an error the handler makes may carry beside its message. */
export interface FailureDetails {
  suggestedFix?: string;
  errors?: string[];
  headers?: Record<string, string>;
}

/**
 * One request and what the handler learned on the way (the user, the auth config, upstream's
 * timing): the source of its log entry, and of the redaction every response body goes through.
 */
export class Exchange {
  readonly requestId = newRequestId();
  route: RouteMatch | undefined;
  /** Secret values the request sent: removed from everything that goes back or is logged. */
  secrets: string[] = [];
  userId: string | undefined;
  authConfigId: string | undefined;
  upstreamMs: number | undefined;
  upstreamRequestId: string | undefined;
  error: { slug: string; message: string } | undefined;
  /** The request body, already redacted for the log. */
  body: unknown;

  readonly #apiKey: string;

  constructor(apiKey: string) {
    this.#apiKey = apiKey;
  }

  /** Everything that must never leave: the key and the request's own secrets. */
  get redactions(): string[] {
    return [this.#apiKey, ...this.secrets];
  }

  /**
   * A request id from upstream (its header, its envelope) fit to pass on: a plain token with no
   * secret in it, else `undefined` (ours is used). A CR/LF in it would not even make a header.
   */
  safeRequestId(value: unknown): string | undefined {
    if (typeof value !== 'string' || !SAFE_REQUEST_ID.test(value)) return undefined;
    return redactSecrets(value, this.redactions) === value ? value : undefined;
  }

  /** A JSON response, with the key and the request's secrets removed from every string and key in it. */
  json(
    status: number,
    value: unknown,
    requestId = this.requestId,
    headers?: Record<string, string>,
  ): Response {
    return jsonResponse(status, redactedJson(value, this.redactions), requestId, headers);
  }

  /** An error the handler makes, in the Composio envelope. */
  fail(status: number, slug: ProxyErrorSlug, message: string, more: FailureDetails = {}): Response {
    this.error = { slug, message };
    return this.json(
      status,
      { error: envelope(status, slug, message, this.requestId, more) },
      this.requestId,
      more.headers,
    );
  }

  /** Hands the redacted log entry to `log`; a logger that throws does not break the request. */
  writeLog(
    log: (entry: ConnectLogEntry) => void,
    request: Request,
    response: Response,
    durationMs: number,
  ): void {
    const entry: ConnectLogEntry = {
      level: response.status >= 500 ? 'error' : response.status >= 400 ? 'warn' : 'info',
      requestId: this.requestId,
      method: request.method,
      path: splitUrl(request.url).pathname,
      route: this.route?.name ?? null,
      status: response.status,
      durationMs,
      upstreamMs: this.upstreamMs,
      upstreamRequestId: this.upstreamRequestId,
      userId: this.userId,
      authConfigId: this.authConfigId,
      error: this.error,
      body: this.body,
    };
    try {
      // The entry passes through the redactor as a whole: a secret that got into any field goes.
      log(JSON.parse(redactedJson(entry, this.redactions)));
    } catch {
      // A broken logger must not break the request.
    }
  }
}

/** What an upstream request id may look like to be passed on (Composio's are `req_…` / UUIDs). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * `JSON.stringify(value)` with every secret removed from every string and every object key (a key
 * can carry one too), stringifying once when none appears.
 */
export function redactedJson(value: unknown, secrets: readonly string[]): string {
  const json = JSON.stringify(value);
  if (redactSecrets(json, secrets) === json) return json;
  const clean = (item: unknown): unknown => {
    if (typeof item === 'string') return redactSecrets(item, secrets);
    if (Array.isArray(item)) return item.map(clean);
    if (typeof item !== 'object' || item === null) return item;
    const names = new Set<string>();
    const entries = Object.entries(item).map(([key, child]): [string, unknown] => {
      const name = redactSecrets(key, secrets);
      // Two keys redacted alike must not overwrite each other.
      let unique = name;
      for (let index = 2; names.has(unique); index++) unique = `${name}#${index}`;
      names.add(unique);
      return [unique, clean(child)];
    });
    // fromEntries defines own properties, so a `__proto__` key stays a key.
    return Object.fromEntries(entries);
  };
  // Through a JSON round trip first: what is cleaned is exactly what would be sent.
  return JSON.stringify(clean(JSON.parse(json)));
}

/**
 * The origin and path of a `Request`'s URL, which the Request already serialised, so no second
 * parse is needed (a `new URL` per request is a measurable share of the handler's time).
 */
export function splitUrl(href: string): { origin: string; pathname: string } {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/i.exec(href);
  return { origin: match?.[1] ?? 'null', pathname: match?.[2] || '/' };
}
