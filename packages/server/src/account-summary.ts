// What the browser may see of a connected account: an allow-list, whatever else upstream sends.
// `state`, `data` and `params` hold the provider's tokens unless the Composio project masks them,
// and a credential can be called anything (`pat`, `hmac`, `license`), so no key is copied by name
// pattern: only these fields, and only as the primitive values they are documented to be.

type Primitive = string | number | boolean | null;

/** The fields of an account that are copied, each checked to be a primitive. */
const ACCOUNT_FIELDS = [
  'id',
  'user_id',
  'status',
  'status_reason',
  'created_at',
  'updated_at',
  'is_disabled',
  'test_request_endpoint',
  // v3.1
  'alias',
  'word_id',
] as const;
const AUTH_CONFIG_FIELDS = ['id', 'auth_scheme', 'is_composio_managed', 'is_disabled'] as const;

export type AccountSummaryJson = Record<string, unknown> & {
  id: string;
  user_id: string;
  auth_config: Record<string, unknown> & { id: string };
};

function isPrimitive(value: unknown): value is Primitive {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function pick(source: Record<string, unknown>, fields: readonly string[]): Record<string, Primitive> {
  const out: Record<string, Primitive> = {};
  for (const field of fields) {
    const value = source[field];
    if (isPrimitive(value)) out[field] = value;
  }
  return out;
}

/**
 * The allow-listed summary of an upstream account (core's `ConnectedAccountSummary`): never
 * `state`, `data` or `params`. `undefined` when it lacks what the proxy checks (its id, its user,
 * its auth config's id): such a body is not an account.
 */
export function summarizeAccount(value: unknown): AccountSummaryJson | undefined {
  const account = record(value);
  const authConfig = record(account?.auth_config);
  if (account === undefined || authConfig === undefined) return undefined;
  if (
    typeof account.id !== 'string' ||
    typeof account.user_id !== 'string' ||
    typeof authConfig.id !== 'string'
  ) {
    return undefined;
  }
  const summary: Record<string, unknown> = pick(account, ACCOUNT_FIELDS);
  const toolkit = record(account.toolkit);
  if (toolkit !== undefined) summary.toolkit = pick(toolkit, ['slug']);
  const auth: Record<string, unknown> = pick(authConfig, AUTH_CONFIG_FIELDS);
  const deprecated = record(authConfig.deprecated);
  if (deprecated !== undefined) auth.deprecated = pick(deprecated, ['uuid']);
  summary.auth_config = auth;
  return summary as AccountSummaryJson;
}

/** The create response's fields that are copied; `connectionData` is rebuilt below. */
const CREATED_FIELDS = ['id', 'status', 'redirect_url', 'redirect_uri'] as const;

/**
 * A create response fit for the browser: its id, status, redirect URL and `deprecated` ids, and
 * `connectionData` cut to `{ authScheme, val: { status } }`. The values the user typed are not
 * echoed back, whatever their keys are called. `undefined` when it has no id.
 */
export function summarizeCreated(value: unknown): Record<string, unknown> | undefined {
  const created = record(value);
  if (created === undefined || typeof created.id !== 'string') return undefined;
  const summary: Record<string, unknown> = pick(created, CREATED_FIELDS);
  const connection = record(created.connectionData);
  if (connection !== undefined) {
    summary.connectionData = {
      ...pick(connection, ['authScheme']),
      val: pick(record(connection.val) ?? {}, ['status']),
    };
  }
  const deprecated = record(created.deprecated);
  if (deprecated !== undefined) summary.deprecated = pick(deprecated, ['uuid', 'authConfigUuid']);
  return summary;
}

/** A link session as the browser gets it: the four documented fields, nothing an upstream adds. */
export function summarizeLinkSession(value: unknown): Record<string, unknown> | undefined {
  const session = record(value);
  if (session === undefined || typeof session.redirect_url !== 'string') return undefined;
  return pick(session, ['link_token', 'redirect_url', 'expires_at', 'connected_account_id']);
}
