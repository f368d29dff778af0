import * as z from 'zod/mini';
import { isUserVisible } from './field-name';

/**
 * Wire schemas of the Composio v3 connected-accounts API, as documented in the seed
 * endpoint documents (`POST /api/v3/connected_accounts/link`, `POST /api/v3/connected_accounts`)
 * and the notes on the rest of the API. v3.1 additions are accepted too.
 *
 * Responses use plain `z.object`: unknown keys are tolerated and stripped, because the API
 * adds fields over time (v3.1 adds several) and a client must not break on them.
 *
 * Written with `zod/mini` (functional `z.optional(…)`, `.check(…)`): a browser app parses every
 * response with these, and mini tree-shakes to the schema kinds used where classic `zod` brings
 * its whole chainable API. The field catalog and the form's schema use mini as well. Mini and
 * classic schemas are both zod v4 core, so they mix freely (an app's own classic validator in a
 * field spec, an app's own `z.object` around one of these). Mini loads no
 * locale: `describeIssue` in `http-backend.ts` words the issues the kit reports itself.
 */

// ── Enums ────────────────────────────────────────────────────────────────────────────────

/**
 * A closed set of strings, as `z.enum` accepts it, with the same message zod's English locale
 * gives. One custom check rather than zod's enum kind: every response a browser parses holds a
 * status, and the enum kind alone is ~0.25 kB min+gzip of that bundle. The code is
 * `custom` instead of `invalid_value`; what passes, the type and the message are the same.
 */
/*#__NO_SIDE_EFFECTS__*/
export function oneOf<const T extends readonly string[]>(values: T) {
  return z.custom<T[number]>(
    (value) => (values as readonly unknown[]).includes(value),
    `Invalid option: expected one of "${values.join('"|"')}"`,
  );
}

/** Auth schemes of v3, plus `S2S_OAUTH2` from v3.1. */
export const AUTH_SCHEMES = [
  'OAUTH2',
  'OAUTH1',
  'API_KEY',
  'BASIC',
  'BILLCOM_AUTH',
  'BEARER_TOKEN',
  'GOOGLE_SERVICE_ACCOUNT',
  'NO_AUTH',
  'BASIC_WITH_JWT',
  'CALCOM_AUTH',
  'SERVICE_ACCOUNT',
  'SAML',
  'DCR_OAUTH',
  'S2S_OAUTH2',
] as const;
export const authSchemeSchema = oneOf(AUTH_SCHEMES);
export type AuthScheme = z.infer<typeof authSchemeSchema>;

/** Connected-account statuses of v3, plus `REVOKED` from v3.1. */
export const CONNECTION_STATUSES = [
  'INITIALIZING',
  'INITIATED',
  'ACTIVE',
  'FAILED',
  'EXPIRED',
  'INACTIVE',
  'REVOKED',
] as const;
export const connectionStatusSchema = oneOf(CONNECTION_STATUSES);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

/**
 * A value of an open set as the kit reads it: the known values typed, any other string passed
 * through as it is. Composio adds values (v3.1 added `REVOKED` and `S2S_OAUTH2`); reading one the
 * kit does not know must never fail. What an unknown value means is defined where it is used
 * (`accountOutcome`: not connected, the raw status kept).
 */
export type Open<T extends string> = T | (string & {});

/*#__NO_SIDE_EFFECTS__*/
function openSet<T extends string>() {
  return z.custom<Open<T>>((value) => typeof value === 'string', 'Invalid input: expected string');
}

/** An account status as read from a response: one of `CONNECTION_STATUSES`, or one added later. */
export const openStatusSchema = openSet<ConnectionStatus>();
/** An auth scheme or field mode as read from a response: one of `AUTH_SCHEMES`, or one added later. */
export const openAuthSchemeSchema = openSet<AuthScheme>();

// ── JSON values ──────────────────────────────────────────────────────────────────────────

/**
 * Whether `value` is exactly what `JSON.parse(JSON.stringify(value))` gives back: null, booleans,
 * finite numbers, strings, arrays without holes and plain objects of those. Optional keys that
 * hold `undefined` are allowed (JSON drops them, as zod's optional fields do).
 */
export function isJsonValue(value: unknown): boolean {
  const seen = new Set<object>();
  const visit = (item: unknown, depth: number): boolean => {
    if (item === null || typeof item === 'string' || typeof item === 'boolean') return true;
    if (typeof item === 'number') return Number.isFinite(item);
    if (typeof item !== 'object' || depth > 256 || seen.has(item)) return false;
    seen.add(item);
    let ok: boolean;
    if (Array.isArray(item)) {
      ok = true;
      for (let index = 0; ok && index < item.length; index++)
        ok = index in item && visit(item[index], depth + 1);
    } else {
      const proto = Object.getPrototypeOf(item);
      ok =
        (proto === Object.prototype || proto === null) &&
        Object.values(item).every((child) => child === undefined || visit(child, depth + 1));
    }
    seen.delete(item);
    return ok;
  };
  return visit(value, 0);
}

const NOT_JSON = 'Must hold only JSON values (no undefined, NaN, Infinity, BigInt, Date or function)';

/** A field documented as "any": typed `unknown` for callers, checked to be JSON at runtime. */
const jsonValue = () => z.unknown().check(z.refine(isJsonValue, NOT_JSON));

function isPrimitiveDefault(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value);
}

/**
 * A JSON object passed through as it is (`connection.data`, "any" values). Not a `z.record`:
 * that copies the object and silently drops an own `__proto__` key without checking its value.
 */
const jsonRecord = () =>
  z.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && isJsonValue(value),
    NOT_JSON,
  );

// ── connection fields ────────────────────────────────────────────────────────────────────

/** The base fields that every auth scheme's `val` accepts (instance / domain settings). */
const baseConnectionFields = {
  subdomain: z.optional(z.string()),
  'your-domain': z.optional(z.string()),
  region: z.optional(z.string()),
  shop: z.optional(z.string()),
  account_url: z.optional(z.string()),
  COMPANYDOMAIN: z.optional(z.string()),
  extension: z.optional(z.string()),
  form_api_base_url: z.optional(z.string()),
  instanceEndpoint: z.optional(z.string()),
  api_url: z.optional(z.string()),
  borneo_dashboard_url: z.optional(z.string()),
  proxy_username: z.optional(z.string()),
  proxy_password: z.optional(z.string()),
  domain: z.optional(z.string()),
  version: z.optional(z.string()),
  dc: z.optional(z.string()),
  site_name: z.optional(z.string()),
  instanceName: z.optional(z.string()),
  account_id: z.optional(z.string()),
  your_server: z.optional(z.string()),
  server_location: z.optional(z.string()),
  base_url: z.optional(z.string()),
};

/** OAuth 1 and OAuth handshake fields shared by `connection_data` and `connection.state.val`. */
const oauthHandshakeFields = {
  oauth_token: z.optional(z.string()),
  authUri: z.optional(z.string()),
  oauth_token_secret: z.optional(z.string()),
  redirectUrl: z.optional(z.string()),
  callbackUrl: z.optional(z.string()),
  oauth_verifier: z.optional(z.string()),
  consumer_key: z.optional(z.string()),
  callback_url: z.optional(z.string()),
  error: z.optional(z.string()),
  error_description: z.optional(z.string()),
  expired_at: z.optional(z.string()),
};

/** Slack-style user-scope token, nested in `connection_data.authed_user`. */
export const authedUserSchema = z.object({
  access_token: z.optional(z.string()),
  scope: z.optional(z.string()),
});

/** Credential fields of the other schemes (OAuth2 import, API keys, basic, service accounts, DCR). */
const credentialFields = {
  state_prefix: z.optional(z.string()),
  long_redirect_url: z.optional(z.boolean()),
  code_verifier: z.optional(z.string()),
  finalRedirectUri: z.optional(z.string()),
  webhook_signature: z.optional(z.string()),
  access_token: z.optional(z.string()),
  id_token: z.optional(z.string()),
  token_type: z.optional(z.string()),
  refresh_token: z.optional(z.nullable(z.string())),
  // Documented as "any"; only a JSON value can be sent, so only a JSON value is accepted.
  expires_in: z.optional(jsonValue()),
  scope: z.optional(jsonValue()),
  authed_user: z.optional(authedUserSchema),
  generic_api_key: z.optional(z.string()),
  api_key: z.optional(z.string()),
  bearer_token: z.optional(z.string()),
  basic_encoded: z.optional(z.string()),
  username: z.optional(z.string()),
  password: z.optional(z.string()),
  token: z.optional(z.string()),
  composio_link_redirect_url: z.optional(z.string()),
  credentials_json: z.optional(z.string()),
  sessionId: z.optional(z.string()),
  devKey: z.optional(z.string()),
  application_id: z.optional(z.string()),
  installation_id: z.optional(z.string()),
  private_key: z.optional(z.string()),
  client_id: z.optional(z.string()),
  client_secret: z.optional(z.string()),
  client_id_issued_at: z.optional(z.number()),
  client_secret_expires_at: z.optional(z.number()),
  expires_at: z.optional(z.string()),
};

/**
 * `connection_data` of a link session: every key the seed documents, all optional, typed; keys a
 * toolkit adds pass through (to JSON values only), so a proxy that forwards the parsed body keeps
 * them.
 */
export const connectionDataSchema = z
  .looseObject({
    ...baseConnectionFields,
    ...oauthHandshakeFields,
    ...credentialFields,
  })
  .check(z.refine(isJsonValue, NOT_JSON));
export type ConnectionData = z.infer<typeof connectionDataSchema>;

/** Every key of `connection_data`, in the order the seed documents them. */
export const CONNECTION_DATA_KEYS = Object.keys(connectionDataSchema.shape) as ReadonlyArray<
  keyof ConnectionData
>;

/**
 * `connection.state.val`: the documented keys typed, `status` required; keys a toolkit
 * adds (Zendesk's `email`, say) pass through, because the scheme variants are open.
 */
export const connectionStateValSchema = z
  .looseObject({
    ...baseConnectionFields,
    status: connectionStatusSchema,
    ...oauthHandshakeFields,
    ...credentialFields,
  })
  // Open, but to JSON values only: what is accepted must survive the wire.
  .check(z.refine(isJsonValue, NOT_JSON));
export type ConnectionStateVal = z.infer<typeof connectionStateValSchema>;

/**
 * `connection.state` of a create request. The scheme is open: one Composio adds later passes
 * through (the API is the judge of which schemes exist; the config's scheme is what the form sends).
 */
export const connectionStateSchema = z.object({
  authScheme: openAuthSchemeSchema,
  // Checked as JSON before zod copies it: zod's copy drops an own `__proto__` key unchecked.
  val: z.pipe(jsonValue(), connectionStateValSchema),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/**
 * A `state` as read from a response. The kit uses nothing of it (a browser drops it on arrival),
 * so it only has to be JSON: the scheme and `val.status` are open, and no credential key is typed,
 * so a variant Composio adds or changes cannot turn a success into an error.
 */
export const readConnectionStateSchema = z.object({
  authScheme: openAuthSchemeSchema,
  val: z.pipe(jsonValue(), z.looseObject({ status: z.optional(openStatusSchema) })),
});
export type ReadConnectionState = z.infer<typeof readConnectionStateSchema>;

// ── POST /api/v3/connected_accounts/link ─────────────────────────────────────────────────

/**
 * A request's id: a non-empty string. One refinement rather than `z.minLength(1)`, and a URL one
 * rather than `z.url()`: they accept exactly the same strings (`wire.test.ts` checks it against
 * zod's own kinds by property), and keep zod's `$ZodCheckMinLength` and `$ZodURL` machinery
 * (~0.8 kB min+gzip) out of a browser bundle. The browser's pre-check in `createHttpBackend`, the
 * server proxy and the sandbox all judge a request with these same schemas; the code is
 * `custom`, its message the one zod's English locale words (`Too small: expected at least 1`,
 * `Invalid URL`), which mini would not load.
 */
const requestId = () =>
  z.string().check(z.refine((value) => value.length > 0, 'Too small: expected at least 1'));

/** What `z.url()` accepts (its default options): whatever the URL parser takes once trimmed. */
function isUrl(value: string): boolean {
  try {
    new URL(value.trim());
    return true;
  } catch {
    return false;
  }
}

const requestUrl = () => z.string().check(z.refine(isUrl, 'Invalid URL'));

export const linkSessionRequestSchema = z.object({
  auth_config_id: requestId(),
  user_id: requestId(),
  callback_url: z.optional(z.string()),
  connection_data: z.optional(connectionDataSchema),
  /** v3.1: a name for the account the link creates. */
  alias: z.optional(z.string()),
});
export type LinkSessionRequest = z.infer<typeof linkSessionRequestSchema>;

/**
 * What a browser sends to create a link session: the request without a required `user_id`, which
 * a server proxy (`@plugboard/server`) binds from the session; a direct backend needs it. Spelled out rather than `z.partial(…)`, which brings zod's whole partial
 * machinery to the browser.
 */
export const linkSessionInputSchema = z.object({
  ...linkSessionRequestSchema.shape,
  user_id: z.optional(linkSessionRequestSchema.shape.user_id),
});
export type LinkSessionInput = z.infer<typeof linkSessionInputSchema>;

/** v3.1's `experimental` block (account type, sharing): kept as it is, never interpreted. */
const experimental = () => z.optional(jsonRecord());

export const linkSessionResponseSchema = z.object({
  link_token: z.string(),
  redirect_url: z.string(),
  expires_at: z.string(),
  connected_account_id: z.string(),
  experimental: experimental(),
});
export type LinkSession = z.infer<typeof linkSessionResponseSchema>;

// ── POST /api/v3/connected_accounts ──────────────────────────────────────────────────────

export const createConnectedAccountRequestSchema = z.object({
  auth_config: z.object({ id: requestId() }),
  connection: z.object({
    state: z.optional(connectionStateSchema),
    /** @deprecated use `state`; see `normalizeCreateConnectedAccountRequest`. */
    data: z.optional(jsonRecord()),
    user_id: z.optional(z.string()),
    callback_url: z.optional(requestUrl()),
    /** @deprecated use `callback_url`. */
    redirect_uri: z.optional(requestUrl()),
    /** @deprecated */
    deprecated_is_v1_rerouted: z.optional(z.boolean()),
  }),
  /** [EXPERIMENTAL] validates only for the API key scheme. */
  validate_credentials: z.optional(z.boolean()),
});
export type CreateConnectedAccountRequest = z.infer<typeof createConnectedAccountRequestSchema>;

export const createConnectedAccountResponseSchema = z.object({
  id: z.string(),
  connectionData: readConnectionStateSchema,
  /** @deprecated */
  status: openStatusSchema,
  /** @deprecated */
  redirect_url: z.optional(z.nullable(z.string())),
  /** @deprecated */
  redirect_uri: z.optional(z.nullable(z.string())),
  /**
   * @deprecated use `id` and `auth_config.id`. Marked for removal; v3.1 omits it. The kit reads
   * nothing of it, so its uuids are taken as the strings they are.
   */
  deprecated: z.optional(z.object({ uuid: z.string(), authConfigUuid: z.string() })),
  experimental: experimental(),
});
export type CreatedConnectedAccount = z.infer<typeof createConnectedAccountResponseSchema>;

// ── GET /api/v3/connected_accounts/{id} and the list ─────────────────────────────────────

/**
 * What an account is without `state`, `data` and `params` (which may hold its tokens): the fields a
 * browser may read, cache or render. A list item parsed with these drops the three on arrival.
 */
export const connectedAccountSummaryShape = {
  toolkit: z.object({ slug: z.string() }),
  auth_config: z.object({
    id: z.string(),
    auth_scheme: openAuthSchemeSchema,
    is_composio_managed: z.optional(z.boolean()),
    is_disabled: z.optional(z.boolean()),
    deprecated: z.optional(z.object({ uuid: z.string() })),
  }),
  id: z.string(),
  /** Marked deprecated upstream; a proxy that binds the user may leave it out. */
  user_id: z.optional(z.string()),
  /** Open: a status the kit does not know is kept as it is (see `accountOutcome`). */
  status: openStatusSchema,
  created_at: z.string(),
  updated_at: z.optional(z.string()),
  status_reason: z.optional(z.nullable(z.string())),
  is_disabled: z.optional(z.boolean()),
  test_request_endpoint: z.optional(z.string()),
  /** v3.1: the account's name and word id, and its `experimental` block, kept as they are. */
  alias: z.optional(z.nullable(z.string())),
  word_id: z.optional(z.nullable(z.string())),
  experimental: experimental(),
};

/**
 * `GET /api/v3/connected_accounts/{id}`. `state`, `data` and `params` are optional: the kit uses
 * none of them, and a proxy (`@plugboard/server`) answers with the summary alone.
 */
export const connectedAccountSchema = z.object({
  ...connectedAccountSummaryShape,
  state: z.optional(readConnectionStateSchema),
  /** @deprecated */
  data: z.optional(jsonRecord()),
  /** @deprecated */
  params: z.optional(jsonRecord()),
});
export type ConnectedAccount = z.infer<typeof connectedAccountSchema>;

const pageFields = {
  next_cursor: z.nullable(z.string()),
  total_pages: z.number(),
  current_page: z.number(),
  total_items: z.number(),
};

export const connectedAccountListSchema = z.object({
  items: z.array(connectedAccountSchema),
  ...pageFields,
});
export type ConnectedAccountList = z.infer<typeof connectedAccountListSchema>;

// ── Toolkit field metadata and auth configs ──────────────────────────────────────────────

/** A field a user fills, as Composio publishes it in a toolkit's `auth_config_details`. */
export const toolkitFieldSchema = z.object({
  name: z.string(),
  displayName: z.string(),
  type: z.string(),
  description: z.string(),
  required: z.boolean(),
  // A custom check rather than `z.union` of three primitives: same type, a smaller browser bundle.
  default: z.optional(
    z.nullable(
      z.custom<string | number | boolean>(isPrimitiveDefault, 'Expected a string, number or boolean'),
    ),
  ),
  legacy_template_name: z.optional(z.string()),
  is_secret: z.optional(z.boolean()),
  /** `false`: a field the user does not fill. It is never rendered (`fieldsOf` leaves it out). */
  user_visible: z.optional(z.boolean()),
});
export type ToolkitField = z.infer<typeof toolkitFieldSchema>;

/**
 * A group of fields. A missing group, or a missing list in one, means no fields: `fieldsOf` reads
 * it so. Optional rather than `z._default(…)`: the browser parses this in `getAuthFields`, and
 * zod's default machinery would be the only thing there that needs it.
 */
export const fieldGroupSchema = z.optional(
  z.object({
    required: z.optional(z.array(toolkitFieldSchema)),
    optional: z.optional(z.array(toolkitFieldSchema)),
  }),
);
export type FieldGroup = z.infer<typeof fieldGroupSchema>;

/**
 * A group's fields a user fills, required ones first: `{ required: [], optional: [] }` when it is
 * missing. Fields with `user_visible: false` are left out.
 */
export function fieldsOf(group: FieldGroup): ToolkitField[] {
  return [...(group?.required ?? []), ...(group?.optional ?? [])].filter(isUserVisible);
}

export const authConfigDetailsSchema = z.object({
  /** Any string at Composio: a mode the kit does not know is kept, and simply matches no scheme. */
  mode: openAuthSchemeSchema,
  name: z.string(),
  fields: z.optional(
    z.object({
      auth_config_creation: fieldGroupSchema,
      connected_account_initiation: fieldGroupSchema,
    }),
  ),
});
export type AuthConfigDetails = z.infer<typeof authConfigDetailsSchema>;

/** `GET /api/v3/toolkits/{slug}`: only what the kit reads. No `auth_config_details` means none. */
export const toolkitSchema = z.object({
  slug: z.string(),
  name: z.string(),
  meta: z.optional(
    z.object({
      logo: z.optional(z.string()),
      description: z.optional(z.string()),
    }),
  ),
  auth_config_details: z.optional(z.array(authConfigDetailsSchema)),
});
export type Toolkit = z.infer<typeof toolkitSchema>;

/** The fields of an auth config that say which toolkit and scheme it is. */
const authConfigRefShape = {
  id: z.string(),
  toolkit: z.object({ slug: z.string(), logo: z.optional(z.string()) }),
  auth_scheme: z.optional(openAuthSchemeSchema),
};

/**
 * `GET /api/v3/auth_configs/{id}` read for its toolkit and scheme only: what `getAuthFields` needs.
 * A browser parses this rather than `authConfigSchema`, so a change to fields the kit never reads
 * (a new `type`, a renamed counter) cannot break a form; the sandbox and tests hold the full one.
 */
export const authConfigRefSchema = z.object(authConfigRefShape);
export type AuthConfigRef = z.infer<typeof authConfigRefSchema>;

export const authConfigSchema = z.object({
  ...authConfigRefShape,
  uuid: z.string(),
  type: oneOf(['default', 'custom']),
  name: z.string(),
  is_composio_managed: z.optional(z.boolean()),
  status: oneOf(['ENABLED', 'DISABLED']),
  no_of_connections: z.number(),
  created_at: z.optional(z.string()),
  last_updated_at: z.optional(z.string()),
  expected_input_fields: z.optional(z.array(toolkitFieldSchema)),
  tool_access_config: jsonRecord(),
});
export type AuthConfig = z.infer<typeof authConfigSchema>;

export const authConfigListSchema = z.object({
  items: z.array(authConfigSchema),
  ...pageFields,
});
export type AuthConfigList = z.infer<typeof authConfigListSchema>;

// ── Error envelope ───────────────────────────────────────────────────────────────────────

/**
 * The error envelope. Only `message` is required: the spec does not require `slug` (nor does its
 * own `Error` schema have it), and an envelope without `code` or `status` still carries the
 * message, suggested fix and errors the user needs. The HTTP status stands in for `status`.
 */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    message: z.string(),
    code: z.optional(z.number()),
    slug: z.optional(z.string()),
    status: z.optional(z.number()),
    request_id: z.optional(z.string()),
    suggested_fix: z.optional(z.string()),
    errors: z.optional(z.array(z.string())),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
