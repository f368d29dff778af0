import { z } from 'zod';

/**
 * Wire schemas of the Composio v3 connected-accounts API, as documented in the seed
 * endpoint documents (`POST /api/v3/connected_accounts/link`, `POST /api/v3/connected_accounts`)
 * and the notes on the rest of the API. v3.1 additions are accepted too.
 *
 * Responses use plain `z.object`: unknown keys are tolerated and stripped, because the API
 * adds fields over time (v3.1 adds several) and a client must not break on them.
 */

// ── Enums ────────────────────────────────────────────────────────────────────────────────

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
export const authSchemeSchema = z.enum(AUTH_SCHEMES);
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
export const connectionStatusSchema = z.enum(CONNECTION_STATUSES);
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

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
const jsonValue = () => z.unknown().refine(isJsonValue, NOT_JSON);

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
export const baseConnectionFields = {
  subdomain: z.string().optional(),
  'your-domain': z.string().optional(),
  region: z.string().optional(),
  shop: z.string().optional(),
  account_url: z.string().optional(),
  COMPANYDOMAIN: z.string().optional(),
  extension: z.string().optional(),
  form_api_base_url: z.string().optional(),
  instanceEndpoint: z.string().optional(),
  api_url: z.string().optional(),
  borneo_dashboard_url: z.string().optional(),
  proxy_username: z.string().optional(),
  proxy_password: z.string().optional(),
  domain: z.string().optional(),
  version: z.string().optional(),
  dc: z.string().optional(),
  site_name: z.string().optional(),
  instanceName: z.string().optional(),
  account_id: z.string().optional(),
  your_server: z.string().optional(),
  server_location: z.string().optional(),
  base_url: z.string().optional(),
};

/** OAuth 1 and OAuth handshake fields shared by `connection_data` and `connection.state.val`. */
const oauthHandshakeFields = {
  oauth_token: z.string().optional(),
  authUri: z.string().optional(),
  oauth_token_secret: z.string().optional(),
  redirectUrl: z.string().optional(),
  callbackUrl: z.string().optional(),
  oauth_verifier: z.string().optional(),
  consumer_key: z.string().optional(),
  callback_url: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
  expired_at: z.string().optional(),
};

/** Slack-style user-scope token, nested in `connection_data.authed_user`. */
export const authedUserSchema = z.object({
  access_token: z.string().optional(),
  scope: z.string().optional(),
});

/** Credential fields of the other schemes (OAuth2 import, API keys, basic, service accounts, DCR). */
const credentialFields = {
  state_prefix: z.string().optional(),
  long_redirect_url: z.boolean().optional(),
  code_verifier: z.string().optional(),
  finalRedirectUri: z.string().optional(),
  webhook_signature: z.string().optional(),
  access_token: z.string().optional(),
  id_token: z.string().optional(),
  token_type: z.string().optional(),
  refresh_token: z.string().nullable().optional(),
  // Documented as "any"; only a JSON value can be sent, so only a JSON value is accepted.
  expires_in: jsonValue().optional(),
  scope: jsonValue().optional(),
  authed_user: authedUserSchema.optional(),
  generic_api_key: z.string().optional(),
  api_key: z.string().optional(),
  bearer_token: z.string().optional(),
  basic_encoded: z.string().optional(),
  username: z.string().optional(),
  password: z.string().optional(),
  token: z.string().optional(),
  composio_link_redirect_url: z.string().optional(),
  credentials_json: z.string().optional(),
  sessionId: z.string().optional(),
  devKey: z.string().optional(),
  application_id: z.string().optional(),
  installation_id: z.string().optional(),
  private_key: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  client_id_issued_at: z.number().optional(),
  client_secret_expires_at: z.number().optional(),
  expires_at: z.string().optional(),
};

/** `connection_data` of a link session: every key the seed documents, all optional. */
export const connectionDataSchema = z.object({
  ...baseConnectionFields,
  ...oauthHandshakeFields,
  ...credentialFields,
});
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
  .refine(isJsonValue, NOT_JSON);
export type ConnectionStateVal = z.infer<typeof connectionStateValSchema>;

export const connectionStateSchema = z.object({
  authScheme: authSchemeSchema,
  // Checked as JSON before zod copies it: zod's copy drops an own `__proto__` key unchecked.
  val: z.unknown().refine(isJsonValue, NOT_JSON).pipe(connectionStateValSchema),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

// ── POST /api/v3/connected_accounts/link ─────────────────────────────────────────────────

export const linkSessionRequestSchema = z.object({
  auth_config_id: z.string().min(1),
  user_id: z.string().min(1),
  callback_url: z.string().optional(),
  connection_data: connectionDataSchema.optional(),
});
export type LinkSessionRequest = z.infer<typeof linkSessionRequestSchema>;

export const linkSessionResponseSchema = z.object({
  link_token: z.string(),
  redirect_url: z.string(),
  expires_at: z.string(),
  connected_account_id: z.string(),
});
export type LinkSession = z.infer<typeof linkSessionResponseSchema>;

// ── POST /api/v3/connected_accounts ──────────────────────────────────────────────────────

export const createConnectedAccountRequestSchema = z.object({
  auth_config: z.object({ id: z.string().min(1) }),
  connection: z.object({
    state: connectionStateSchema.optional(),
    /** @deprecated use `state`; see `normalizeCreateConnectedAccountRequest`. */
    data: jsonRecord().optional(),
    user_id: z.string().optional(),
    callback_url: z.url().optional(),
    /** @deprecated use `callback_url`. */
    redirect_uri: z.url().optional(),
    /** @deprecated */
    deprecated_is_v1_rerouted: z.boolean().optional(),
  }),
  /** [EXPERIMENTAL] validates only for the API key scheme. */
  validate_credentials: z.boolean().optional(),
});
export type CreateConnectedAccountRequest = z.infer<typeof createConnectedAccountRequestSchema>;

export const createConnectedAccountResponseSchema = z.object({
  id: z.string(),
  connectionData: connectionStateSchema,
  /** @deprecated */
  status: connectionStatusSchema,
  /** @deprecated */
  redirect_url: z.string().nullable(),
  /** @deprecated */
  redirect_uri: z.string().nullable(),
  /** @deprecated use `id` and `auth_config.id`. */
  deprecated: z.object({
    uuid: z.uuid(),
    authConfigUuid: z.uuid(),
  }),
});
export type CreatedConnectedAccount = z.infer<typeof createConnectedAccountResponseSchema>;

// ── GET /api/v3/connected_accounts/{id} and the list ─────────────────────────────────────

export const connectedAccountSchema = z.object({
  toolkit: z.object({ slug: z.string() }),
  auth_config: z.object({
    id: z.string(),
    auth_scheme: authSchemeSchema,
    is_composio_managed: z.boolean(),
    is_disabled: z.boolean(),
    deprecated: z.object({ uuid: z.string() }).optional(),
  }),
  id: z.string(),
  /** Marked deprecated upstream, but present. */
  user_id: z.string(),
  status: connectionStatusSchema,
  created_at: z.string(),
  updated_at: z.string(),
  state: connectionStateSchema,
  /** @deprecated */
  data: z.record(z.string(), z.unknown()),
  /** @deprecated */
  params: z.record(z.string(), z.unknown()),
  status_reason: z.string().nullable(),
  is_disabled: z.boolean(),
  test_request_endpoint: z.string().optional(),
});
export type ConnectedAccount = z.infer<typeof connectedAccountSchema>;

const pageFields = {
  next_cursor: z.string().nullable(),
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
  default: z.union([z.string(), z.number(), z.boolean()]).nullable().optional(),
  legacy_template_name: z.string().optional(),
  is_secret: z.boolean().optional(),
});
export type ToolkitField = z.infer<typeof toolkitFieldSchema>;

/** A missing group means `{ required: [], optional: [] }`. */
export const fieldGroupSchema = z
  .object({
    required: z.array(toolkitFieldSchema).default([]),
    optional: z.array(toolkitFieldSchema).default([]),
  })
  .default({ required: [], optional: [] });

export const authConfigDetailsSchema = z.object({
  mode: authSchemeSchema,
  name: z.string(),
  fields: z
    .object({
      auth_config_creation: fieldGroupSchema,
      connected_account_initiation: fieldGroupSchema,
    })
    .default({
      auth_config_creation: { required: [], optional: [] },
      connected_account_initiation: { required: [], optional: [] },
    }),
});
export type AuthConfigDetails = z.infer<typeof authConfigDetailsSchema>;

/** `GET /api/v3/toolkits/{slug}`: only what the kit reads. */
export const toolkitSchema = z.object({
  slug: z.string(),
  name: z.string(),
  meta: z
    .object({
      logo: z.string().optional(),
      description: z.string().optional(),
    })
    .optional(),
  auth_config_details: z.array(authConfigDetailsSchema).default([]),
});
export type Toolkit = z.infer<typeof toolkitSchema>;

export const authConfigSchema = z.object({
  id: z.string(),
  uuid: z.string(),
  type: z.enum(['default', 'custom']),
  name: z.string(),
  toolkit: z.object({ slug: z.string(), logo: z.string().optional() }),
  auth_scheme: authSchemeSchema.optional(),
  is_composio_managed: z.boolean().optional(),
  status: z.enum(['ENABLED', 'DISABLED']),
  no_of_connections: z.number(),
  created_at: z.string().optional(),
  last_updated_at: z.string().optional(),
  expected_input_fields: z.array(toolkitFieldSchema).optional(),
  tool_access_config: z.record(z.string(), z.unknown()),
});
export type AuthConfig = z.infer<typeof authConfigSchema>;

export const authConfigListSchema = z.object({
  items: z.array(authConfigSchema),
  ...pageFields,
});
export type AuthConfigList = z.infer<typeof authConfigListSchema>;

// ── Error envelope ───────────────────────────────────────────────────────────────────────

export const errorEnvelopeSchema = z.object({
  error: z.object({
    message: z.string(),
    code: z.number(),
    slug: z.string(),
    status: z.number(),
    request_id: z.string().optional(),
    suggested_fix: z.string().optional(),
    errors: z.array(z.string()).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;
