import { ConnectError, type ErrorEnvelopeBody } from './connect-error';
import { leafName } from './field-name';
import { redactSecrets } from './redact';

// Apart from `ConnectError` so that code which only makes errors (the connect flow, the button)
// does not carry the envelope parser: only a backend that reads error envelopes imports this.

/**
 * An `http` error from a backend's error envelope. Every text in it passes through
 * `redactSecrets` with `redact`, and `errors` strings that name a field fill `fieldErrors`.
 *
 * @example connectErrorFromEnvelope(body.error, { status: 400, redact: ['sk_1'], knownFields: ['api_key'] })
 */
export function connectErrorFromEnvelope(
  body: ErrorEnvelopeBody,
  options: FromEnvelopeOptions = {},
): ConnectError {
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
    const leaf = leafName(name);
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

/**
 * Schema issues as an envelope's `errors` strings, `"<field path>: <message>"` (`body` for the
 * whole body): the form `fieldErrorsFromMessages` reads back. The sandbox and the server proxy
 * answer a bad request with these.
 *
 * @example issueStrings([{ path: ['auth_config', 'id'], message: 'Too small' }]) // ['auth_config.id: Too small']
 */
export function issueStrings(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((issue) => `${issuePath(issue) || 'body'}: ${issue.message}`);
}

/** A schema issue's path as the kit names fields: dotted (`connection.state.val.api_key`). */
export function issuePath(issue: { path: readonly PropertyKey[] }): string {
  return issue.path.map(String).join('.');
}
