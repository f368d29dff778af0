import { redactSecrets } from './redact';
import type { ErrorEnvelope } from './wire';

/** What went wrong, as a value the UI can switch on. */
export type ConnectErrorKind =
  | 'http'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'invalid_response'
  /** The input was refused before any request was sent; `fieldErrors` and `path` say where. */
  | 'invalid_request'
  | 'popup_blocked'
  | 'popup_closed'
  /** The backend reports the account FAILED or REVOKED (e.g. the user denied access); `message` is its `status_reason`. */
  | 'connection_failed'
  | 'expired';

export interface ConnectErrorInit {
  message: string;
  status?: number | undefined;
  slug?: string | undefined;
  code?: number | undefined;
  requestId?: string | undefined;
  suggestedFix?: string | undefined;
  /** The envelope's `errors`, every string as sent (after redaction). */
  errors?: readonly string[] | undefined;
  /** Field name → messages, from the envelope's `errors` strings that name a field. */
  fieldErrors?: Readonly<Record<string, readonly string[]>> | undefined;
  /** For `invalid_response`: the first path that failed to parse, e.g. `expires_at`. */
  path?: string | undefined;
  cause?: unknown;
}

/**
 * The one error type of the kit. `kind` says what happened; the other fields carry what the
 * backend's error envelope said. It never carries a secret: constructors redact the values
 * they are given, and `toJSON()` lists only the fields above.
 */
export class ConnectError extends Error {
  override readonly name = 'ConnectError';
  readonly kind: ConnectErrorKind;
  readonly status: number | undefined;
  readonly slug: string | undefined;
  readonly code: number | undefined;
  readonly requestId: string | undefined;
  readonly suggestedFix: string | undefined;
  readonly errors: readonly string[];
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
  readonly path: string | undefined;

  constructor(kind: ConnectErrorKind, init: ConnectErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.slug = init.slug;
    this.code = init.code;
    this.requestId = init.requestId;
    this.suggestedFix = init.suggestedFix;
    this.errors = init.errors ?? [];
    this.fieldErrors = init.fieldErrors ?? {};
    this.path = init.path;
  }

  /**
   * An `http` error from a backend's error envelope. Every text in it passes through
   * `redactSecrets` with `redact`, and `errors` strings that name a field fill `fieldErrors`.
   *
   * @example ConnectError.fromEnvelope(body.error, { status: 400, redact: ['sk_1'], knownFields: ['api_key'] })
   */
  static fromEnvelope(body: ErrorEnvelopeBody, options: FromEnvelopeOptions = {}): ConnectError {
    const redact = options.redact ?? [];
    const errors = (body.errors ?? []).map((text) => redactSecrets(text, redact));
    return new ConnectError('http', {
      message: redactSecrets(body.message, redact),
      status: options.status ?? body.status,
      slug: body.slug,
      code: body.code,
      requestId: body.request_id ?? options.requestId,
      suggestedFix: body.suggested_fix === undefined ? undefined : redactSecrets(body.suggested_fix, redact),
      errors,
      fieldErrors: fieldErrorsFromMessages(errors, options.knownFields),
    });
  }

  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      slug: this.slug,
      code: this.code,
      requestId: this.requestId,
      suggestedFix: this.suggestedFix,
      errors: this.errors,
      fieldErrors: this.fieldErrors,
      path: this.path,
    };
  }
}

export function isConnectError(value: unknown): value is ConnectError {
  return value instanceof ConnectError;
}

/** The parsed envelope's `error` object, for constructors that take one. */
export type ErrorEnvelopeBody = ErrorEnvelope['error'];

export interface FromEnvelopeOptions {
  /** The HTTP status; wins over the envelope's own `status` when both exist. */
  status?: number | undefined;
  /** Used when the envelope has no `request_id` (e.g. from an `x-request-id` header). */
  requestId?: string | undefined;
  /** Secret values the request carried: replaced by `[redacted]` wherever the server echoes them. */
  redact?: readonly string[] | undefined;
  /** Field names that `errors` strings may mention (the request's keys, the catalog's names). */
  knownFields?: Iterable<string> | undefined;
}

const FIELD_PREFIX = /^\s*([A-Za-z_][\w.-]*)\s*:\s*(.+)$/s;
const MISSING_FIELDS = /missing(?: required)? fields?\s*:\s*(.+)$/is;

/**
 * Maps an error envelope's `errors` strings to the fields they name. Two shapes are read:
 * `"<field>: <message>"` (the sandbox; a dotted path counts by its last segment) and
 * `"Missing required fields: a, b"` (Composio). Any other string is filed under every known field
 * it mentions as a whole word. Field names must be known, so prose is never mistaken for a field.
 */
export function fieldErrorsFromMessages(
  errors: readonly string[],
  knownFields: Iterable<string> = [],
): Record<string, string[]> {
  const known = new Set(knownFields);
  const result: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    const list = result[field] ?? [];
    if (!list.includes(message)) list.push(message);
    result[field] = list;
  };
  const resolve = (name: string): string | undefined => {
    if (known.has(name)) return name;
    const leaf = name.slice(name.lastIndexOf('.') + 1);
    return known.has(leaf) ? leaf : undefined;
  };
  for (const text of errors) {
    const missing = MISSING_FIELDS.exec(text);
    if (missing?.[1] !== undefined) {
      const names = missing[1].split(/[\s,;]+/).map((name) => name.replace(/^['"`]+|['"`.]+$/g, ''));
      const fields = names.map(resolve).filter((name) => name !== undefined);
      for (const field of fields) add(field, 'Required');
      if (fields.length > 0) continue;
    }
    const prefixed = FIELD_PREFIX.exec(text);
    const prefixField = prefixed?.[1] === undefined ? undefined : resolve(prefixed[1]);
    if (prefixField !== undefined && prefixed?.[2] !== undefined) {
      add(prefixField, prefixed[2].trim());
      continue;
    }
    for (const field of known) {
      if (mentions(text, field)) add(field, text);
    }
  }
  return result;
}

/** Whether `text` contains `name` as a whole word (names may hold `-` and `.`, so no `\b`). */
function mentions(text: string, name: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(name, from);
    if (at < 0) return false;
    const before = text[at - 1];
    const after = text[at + name.length];
    if ((before === undefined || !/[\w-]/.test(before)) && (after === undefined || !/[\w-]/.test(after))) {
      return true;
    }
    from = at + 1;
  }
}
