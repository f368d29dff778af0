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

/** What a `ConnectError` carries besides `kind`, `message`, `errors` and `fieldErrors`. */
const FIELDS = ['status', 'slug', 'code', 'requestId', 'suggestedFix', 'path'] as const;

/**
 * The one error type of the kit. `kind` says what happened; the other fields carry what the
 * backend's error envelope said. It never carries a secret: constructors redact the values
 * they are given, and `toJSON()` lists only the fields above.
 */
export class ConnectError extends Error {
  override readonly name = 'ConnectError';
  // `declare`: set once in the constructor, so no field initialisers are emitted before it.
  declare readonly kind: ConnectErrorKind;
  declare readonly status: number | undefined;
  declare readonly slug: string | undefined;
  declare readonly code: number | undefined;
  declare readonly requestId: string | undefined;
  declare readonly suggestedFix: string | undefined;
  declare readonly errors: readonly string[];
  declare readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
  declare readonly path: string | undefined;

  constructor(kind: ConnectErrorKind, init: ConnectErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    // Only the named fields, whatever else `init` holds (a stored error is read back from storage).
    const fields: Record<string, unknown> = { kind };
    for (const key of FIELDS) fields[key] = init[key];
    Object.assign(this, fields, { errors: init.errors ?? [], fieldErrors: init.fieldErrors ?? {} });
  }

  /** `name`, `kind`, `message` and the fields above; nothing an engine adds (Safari's `line`, `sourceURL`). */
  toJSON() {
    const json: Record<string, unknown> = { name: this.name, kind: this.kind, message: this.message };
    for (const key of [...FIELDS, 'errors', 'fieldErrors'] as const) json[key] = this[key];
    return json as {
      name: string;
      kind: ConnectErrorKind;
      message: string;
      status: number | undefined;
      slug: string | undefined;
      code: number | undefined;
      requestId: string | undefined;
      suggestedFix: string | undefined;
      errors: ReadonlyArray<string>;
      fieldErrors: Readonly<Record<string, ReadonlyArray<string>>>;
      path: string | undefined;
    };
  }
}

export function isConnectError(value: unknown): value is ConnectError {
  return value instanceof ConnectError;
}

/**
 * The error without its `cause`: a fresh `ConnectError` with the same fields. A cause is whatever
 * a `fetch` or a backend threw, and may hold the request (headers, a body of credentials); what
 * reaches a cache, a log or `onError` carries none. The error itself is returned when it has none.
 */
export function detachCause(error: ConnectError): ConnectError {
  if (error.cause === undefined) return error;
  const { name: _name, kind, ...init } = error.toJSON();
  return new ConnectError(kind, init);
}

/**
 * `methods` with every rejection's `cause` detached (`detachCause`): what a backend's caller gets
 * holds nothing of what its `fetch` threw.
 */
export function detachCauses<T extends object>(methods: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods)) {
    wrapped[name] =
      typeof method === 'function'
        ? (...args: unknown[]) =>
            (method as (...a: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
              throw error instanceof ConnectError ? detachCause(error) : error;
            })
        : method;
  }
  return wrapped as T;
}

/** The parsed envelope's `error` object, for constructors that take one. */
export type ErrorEnvelopeBody = ErrorEnvelope['error'];
