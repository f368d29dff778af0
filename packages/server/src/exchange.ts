import { redactedJsonText, redactJsonStrings } from '@plugboard/core/internal';
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

  /** A JSON response, with the key and the request's secrets removed from every string in it. */
  json(
    status: number,
    value: unknown,
    requestId = this.requestId,
    headers?: Record<string, string>,
  ): Response {
    return jsonResponse(status, redactedJsonText(value, this.redactions), requestId, headers);
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
      log(redactJsonStrings(entry, this.redactions));
    } catch {
      // A broken logger must not break the request.
    }
  }
}

/**
 * The origin and path of a `Request`'s URL, which the Request already serialised, so no second
 * parse is needed (a `new URL` per request is a measurable share of the handler's time).
 */
export function splitUrl(href: string): { origin: string; pathname: string } {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)([^?#]*)/i.exec(href);
  return { origin: match?.[1] ?? 'null', pathname: match?.[2] || '/' };
}
