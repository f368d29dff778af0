import * as z from 'zod/mini';
import {
  connectionStatusSchema,
  isJsonValue,
  jsonValue,
  NOT_JSON,
  openAuthSchemeSchema,
  openStatusSchema,
  wireBoolean,
  wireNullableString,
  wireNumber,
} from './wire-values';

/**
 * The wire's connection fields: `connection_data` of a link session and `connection.state` of a
 * create request, as documented in the seed endpoint documents; and `state` as read back.
 */

/**
 * The keys of `connection_data` (and of `connection.state.val`) that hold a string, in the seed's
 * order: the base fields every auth scheme's `val` accepts (instance / domain settings), the OAuth 1
 * and handshake fields, then the other schemes' credentials (OAuth2 import, API keys, basic,
 * service accounts, DCR). One list: each key is spelled once, and the shape is built from it.
 */
const STRING_KEYS = [
  // base fields
  'subdomain',
  'your-domain',
  'region',
  'shop',
  'account_url',
  'COMPANYDOMAIN',
  'extension',
  'form_api_base_url',
  'instanceEndpoint',
  'api_url',
  'borneo_dashboard_url',
  'proxy_username',
  'proxy_password',
  'domain',
  'version',
  'dc',
  'site_name',
  'instanceName',
  'account_id',
  'your_server',
  'server_location',
  'base_url',
  // OAuth 1 and OAuth handshake fields
  'oauth_token',
  'authUri',
  'oauth_token_secret',
  'redirectUrl',
  'callbackUrl',
  'oauth_verifier',
  'consumer_key',
  'callback_url',
  'error',
  'error_description',
  'expired_at',
  // the other schemes' credentials
  'state_prefix',
  'code_verifier',
  'finalRedirectUri',
  'webhook_signature',
  'access_token',
  'id_token',
  'token_type',
  'generic_api_key',
  'api_key',
  'bearer_token',
  'basic_encoded',
  'username',
  'password',
  'token',
  'composio_link_redirect_url',
  'credentials_json',
  'sessionId',
  'devKey',
  'application_id',
  'installation_id',
  'private_key',
  'client_id',
  'client_secret',
  'expires_at',
] as const;

type OptionalString = z.ZodMiniOptional<z.ZodMiniString<string>>;

/** A shape of optional strings, one per key: typed key by key, built at run time from the list. */
/*#__NO_SIDE_EFFECTS__*/
function optionalStrings<const K extends readonly string[]>(keys: K): { [P in K[number]]: OptionalString } {
  const text = z.optional(z.string());
  return Object.fromEntries(keys.map((key) => [key, text])) as { [P in K[number]]: OptionalString };
}

/** Slack-style user-scope token, nested in `connection_data.authed_user`. */
export const authedUserSchema = z.object({
  access_token: z.optional(z.string()),
  scope: z.optional(z.string()),
});

/** Every documented connection field: the string ones, then those that hold something else. */
const connectionFields = {
  ...optionalStrings(STRING_KEYS),
  long_redirect_url: z.optional(wireBoolean),
  refresh_token: z.optional(wireNullableString),
  // Documented as "any"; only a JSON value can be sent, so only a JSON value is accepted.
  expires_in: z.optional(jsonValue()),
  scope: z.optional(jsonValue()),
  authed_user: z.optional(authedUserSchema),
  client_id_issued_at: z.optional(wireNumber),
  client_secret_expires_at: z.optional(wireNumber),
};

/**
 * `connection_data` of a link session: every key the seed documents, all optional, typed; keys a
 * toolkit adds pass through (to JSON values only), so a proxy that forwards the parsed body keeps
 * them.
 */
export const connectionDataSchema = z.looseObject(connectionFields).check(z.refine(isJsonValue, NOT_JSON));
export type ConnectionData = z.infer<typeof connectionDataSchema>;

/** Every documented key of `connection_data`: the string ones in the seed's order, then the others. */
export const CONNECTION_DATA_KEYS = Object.keys(connectionDataSchema.shape) as ReadonlyArray<
  keyof ConnectionData
>;

/**
 * `connection.state.val`: the documented keys typed, `status` required; keys a toolkit
 * adds (Zendesk's `email`, say) pass through, because the scheme variants are open.
 */
export const connectionStateValSchema = z
  .looseObject({ status: connectionStatusSchema, ...connectionFields })
  // Open, but to JSON values only: what is accepted must survive the wire.
  .check(z.refine(isJsonValue, NOT_JSON));
export type ConnectionStateVal = z.infer<typeof connectionStateValSchema>;

/**
 * `connection.state` of a create request. The scheme is open: one Composio adds later passes
 * through (the API is the judge of which schemes exist; the config's scheme is what the form sends).
 */
export const connectionStateSchema = z.object({
  authScheme: openAuthSchemeSchema,
  // zod's copy drops an own `__proto__` key unchecked: `createHttpBackend` checks the whole
  // request it sends to be JSON as well (a body parsed from JSON text is JSON already).
  val: connectionStateValSchema,
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

/**
 * A `state` as read from a response. The kit uses nothing of it (a browser drops it on arrival),
 * so it only has to be JSON: the scheme and `val.status` are open, and no credential key is typed,
 * so a variant Composio adds or changes cannot turn a success into an error.
 */
export const readConnectionStateSchema = z.object({
  authScheme: openAuthSchemeSchema,
  val: z.looseObject({ status: z.optional(openStatusSchema) }).check(z.refine(isJsonValue, NOT_JSON)),
});
export type ReadConnectionState = z.infer<typeof readConnectionStateSchema>;
