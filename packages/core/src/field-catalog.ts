import * as z from 'zod/mini';
import type { AuthFields } from './backend';
import { isUserVisible } from './field-name';
import { jsonErrorPosition } from './json-error-position';
import { isSecretField } from './secret-fields';
import { subdomainField } from './subdomain';
import type { ConnectionData, ToolkitField } from './wire';

/** How a field is entered and shown. */
export type FieldKind = 'text' | 'secret' | 'url' | 'email' | 'number' | 'boolean' | 'multiline' | 'json';

/**
 * Everything a form needs to render and check one credential field.
 *
 * `validator` checks the value as it is sent on the wire: a `number` for kind `number`, a `boolean`
 * for `boolean`, a string otherwise (`json` is the JSON text). An empty optional field is the form's
 * business (it leaves the key out), so validators judge only a value that is there.
 */
export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  /** Masked with a reveal toggle, never stored, redacted from every error. */
  secret: boolean;
  required: boolean;
  description?: string;
  placeholder?: string;
  autoComplete?: string;
  defaultValue?: string | number | boolean;
  validator: z.ZodMiniType;
  /** A nested object (`authed_user`): its own fields, named relative to it. */
  fields?: FieldSpec[];
}

/** A field named by its key (looked up in the catalog) or a key plus overrides. */
export type FieldInput = string | ({ name: string } & Partial<Omit<FieldSpec, 'name'>>);

// ── Validators ───────────────────────────────────────────────────────────────────────────

const NO_SPACES = /^\S+$/;
const HOSTNAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** A non-empty string, with more checks after that one. */
const text = (...checks: z.core.$ZodCheck<string>[]) =>
  z.string().check(z.minLength(1, 'Enter a value'), ...checks);
/** A string matching `pattern`; `message` when it does not. */
const matching = (pattern: RegExp, message: string) => text(z.regex(pattern, message));
/** Pasted keys often carry a stray space or newline; no key or token contains whitespace. */
const credential = () => matching(NO_SPACES, 'Must not contain spaces or line breaks');
const hostname = () => matching(HOSTNAME, 'Enter a host name such as acme.example.com');
const webUrl = () => z.url({ protocol: /^https?$/, error: 'Enter a full http:// or https:// address' });
const isoTimestamp = () =>
  text(
    z.refine(
      (value: string) => !Number.isNaN(Date.parse(value)),
      'Enter a date and time such as 2026-01-31T12:00:00Z',
    ),
  );
const jsonText = () =>
  text(
    z.superRefine((value: string, ctx) => {
      const position = jsonErrorPosition(value);
      if (position !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `Not valid JSON: line ${position.line}, column ${position.column}`,
          params: { offset: position.offset },
        });
      }
    }),
  );
const unixSeconds = () =>
  z.int('Enter a whole number of seconds').check(z.nonnegative('Must not be negative'));

/** The validator a field of `kind` gets when nothing more specific is known. */
export function validatorForKind(kind: FieldKind): z.ZodMiniType {
  switch (kind) {
    case 'url':
      return webUrl();
    case 'email':
      return z.email('Enter an email address such as name@example.com');
    case 'number':
      return z.number('Enter a number');
    case 'boolean':
      return z.boolean();
    case 'json':
      return jsonText();
    case 'secret':
    case 'multiline':
    case 'text':
      return text();
  }
}

/** Words a label spells in capitals (`api_key` → "API key"); OAuth has a spelling of its own. */
const ACRONYM = /^(?:api|id|url|uri|json|jwt|pem|ssh|sso|https?)$/i;

/**
 * A label from a field name: `instanceEndpoint` → "Instance endpoint", `api_key` → "API key".
 *
 * @example humanizeFieldName('zendesk_api_token') // 'Zendesk API token'
 */
export function humanizeFieldName(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_.-]+/)
    .filter((word) => word.length > 0)
    // A word already in capitals (COMPANYDOMAIN) is a name the API chose: keep it.
    .map((word) =>
      /^oauth$/i.test(word)
        ? 'OAuth'
        : ACRONYM.test(word) || /^[A-Z0-9]{2,}$/.test(word)
          ? word.toUpperCase()
          : word.toLowerCase(),
    );
  const [first = name, ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}

// ── The catalog ──────────────────────────────────────────────────────────────────────────

/**
 * A catalog entry; without a `label`, the field's name humanised is its label. Whether it is a
 * secret comes from `secret-fields.ts`, the one list the HTTP backend redacts by too, and so does
 * the kind of an entry that names none: `secret` (masked, no whitespace) or `text`.
 */
type CatalogEntry = Omit<
  FieldSpec,
  'name' | 'label' | 'kind' | 'secret' | 'required' | 'validator' | 'fields'
> & {
  label?: string;
  /** Without one: `secret` if the name is a credential's, else `text` (both `autoComplete: 'off'`). */
  kind?: FieldKind;
  validator?: z.ZodMiniType;
  fields?: Record<string, CatalogEntry>;
};

const urlField = (extra: Partial<CatalogEntry> = {}): CatalogEntry => ({
  kind: 'url',
  autoComplete: 'url',
  placeholder: 'https://',
  ...extra,
});

const CATALOG_ENTRIES = {
  // Instance and domain settings (the base fields of every scheme).
  subdomain: {
    description: 'The first part of your account address, e.g. acme for acme.zendesk.com',
    placeholder: 'acme',
    // A pasted https://acme.zendesk.com is taken as acme (subdomain.ts).
    validator: subdomainField(
      matching(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i, 'Use only letters, digits and hyphens'),
    ),
  },
  'your-domain': {
    description: 'The domain of your account, e.g. acme.freshdesk.com',
    placeholder: 'acme.example.com',
    validator: hostname(),
  },
  region: {
    description: 'The region your account is hosted in, e.g. us or eu',
    placeholder: 'us',
    validator: matching(/^[a-z0-9_-]+$/i, 'Use only letters, digits, - and _'),
  },
  shop: {
    description: 'Your shop name or address, e.g. acme or acme.myshopify.com',
    placeholder: 'acme.myshopify.com',
    validator: hostname(),
  },
  account_url: urlField({ description: 'The address of your account' }),
  COMPANYDOMAIN: {
    label: 'Company domain',
    placeholder: 'acme.example.com',
    validator: hostname(),
  },
  extension: {},
  form_api_base_url: urlField(),
  instanceEndpoint: urlField({ description: 'The address of your instance' }),
  api_url: urlField({ description: 'The base address of the API' }),
  borneo_dashboard_url: urlField(),
  proxy_username: {},
  proxy_password: { validator: text() },
  domain: { placeholder: 'acme.example.com', validator: hostname() },
  version: { description: 'The API version to use' },
  dc: {
    label: 'Data center',
    description: 'The data center of your account, e.g. us6',
    validator: matching(/^[a-z0-9-]+$/i, 'Use only letters, digits and hyphens'),
  },
  site_name: {},
  instanceName: {},
  account_id: {},
  your_server: { description: 'The host name or address of your server' },
  server_location: {},
  base_url: urlField({ description: 'The base address of the API' }),

  // OAuth 1 and the OAuth handshake.
  oauth_token: {},
  authUri: urlField({ label: 'Authorization URL' }),
  oauth_token_secret: {},
  redirectUrl: urlField(),
  callbackUrl: urlField(),
  oauth_verifier: {},
  consumer_key: { validator: credential() },
  callback_url: urlField(),
  error: {},
  error_description: { kind: 'multiline', autoComplete: 'off' },
  expired_at: { validator: isoTimestamp(), placeholder: '2026-01-31T12:00:00Z' },

  // OAuth 2, token import, API keys, basic auth, service accounts, DCR.
  state_prefix: { description: 'The OAuth 2 state prefix for the connection' },
  long_redirect_url: {
    kind: 'boolean',
    description: 'Return the redirect URL without shortening it',
    defaultValue: false,
  },
  code_verifier: {
    label: 'PKCE code verifier',
    validator: z
      .string()
      .check(z.regex(/^[A-Za-z0-9._~-]{43,128}$/, 'Must be 43–128 characters of A–Z, a–z, 0–9, . _ ~ -')),
  },
  finalRedirectUri: urlField({ label: 'Final redirect URL' }),
  webhook_signature: { label: 'Webhook signing secret' },
  access_token: {},
  id_token: {
    validator: matching(/^[\w-]+\.[\w-]+\.[\w-]*$/, 'An ID token is a JWT: three parts separated by dots'),
  },
  token_type: { placeholder: 'Bearer' },
  refresh_token: {},
  expires_in: {
    label: 'Expires in (seconds)',
    kind: 'number',
    validator: unixSeconds(),
  },
  scope: { description: 'The granted scopes, separated by spaces or commas' },
  authed_user: {
    label: 'Authorised user',
    kind: 'json',
    description: "A Slack app's user-scope token",
    validator: z.object({ access_token: z.optional(credential()), scope: z.optional(z.string()) }),
    fields: {
      access_token: { label: 'User access token' },
      scope: { label: 'User scope' },
    },
  },
  generic_api_key: { label: 'API key' },
  api_key: {},
  bearer_token: {},
  basic_encoded: {
    label: 'Encoded credentials',
    description: 'base64 of username:password',
    validator: z.base64('Must be base64, e.g. the output of btoa("user:password")'),
  },
  username: { autoComplete: 'username' },
  password: { validator: text() },
  token: {},
  composio_link_redirect_url: urlField({ label: 'Link redirect URL' }),
  credentials_json: {
    label: 'Service account key (JSON)',
    kind: 'json',
    autoComplete: 'off',
    description: 'The JSON key file of the service account',
    placeholder: '{ "type": "service_account", … }',
  },
  sessionId: {},
  devKey: { label: 'Developer key' },
  application_id: {},
  installation_id: {},
  private_key: {
    kind: 'multiline',
    autoComplete: 'off',
    description: 'The PEM private key, including its BEGIN and END lines',
    placeholder: '-----BEGIN PRIVATE KEY-----',
    validator: z
      .string()
      .check(
        z.regex(
          /^\s*-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]+-----END [A-Z0-9 ]*PRIVATE KEY-----\s*$/,
          'Paste the whole PEM key, from -----BEGIN … PRIVATE KEY----- to -----END … PRIVATE KEY-----',
        ),
      ),
  },
  client_id: { validator: credential() },
  client_secret: {},
  client_id_issued_at: {
    label: 'Client ID issued at (Unix seconds)',
    kind: 'number',
    validator: unixSeconds(),
  },
  client_secret_expires_at: {
    label: 'Client secret expires at (Unix seconds)',
    kind: 'number',
    description: '0 means it does not expire',
    validator: unixSeconds(),
  },
  expires_at: { validator: isoTimestamp(), placeholder: '2026-01-31T12:00:00Z' },
} satisfies Record<keyof ConnectionData, CatalogEntry>;

/** Fields toolkits ask for that `connection_data` does not list (Zendesk's email + API token). */
const EXTRA_ENTRIES: Record<string, CatalogEntry> = {
  email: {
    kind: 'email',
    autoComplete: 'email',
    placeholder: 'name@example.com',
  },
};

function toSpec(name: string, entry: CatalogEntry): FieldSpec {
  const { fields, validator, ...rest } = entry;
  const secret = isSecretField(name);
  const kind = rest.kind ?? (secret ? 'secret' : 'text');
  return {
    name,
    required: false,
    label: rest.label ?? humanizeFieldName(name),
    // A password manager must not offer this site's password for another service.
    ...(rest.kind === undefined ? { autoComplete: 'off' } : {}),
    ...rest,
    kind,
    secret,
    validator: validator ?? (kind === 'secret' ? credential() : validatorForKind(kind)),
    ...(fields === undefined
      ? {}
      : { fields: Object.entries(fields).map(([child, childEntry]) => toSpec(child, childEntry)) }),
  };
}

/**
 * A spec for every key of `connection_data` (and a few common toolkit fields such as `email`),
 * keyed by name. All are optional here; a toolkit's metadata or your `fields` make them required.
 */
export const FIELD_CATALOG: Readonly<Record<string, FieldSpec>> = Object.freeze(
  Object.fromEntries(
    Object.entries({ ...CATALOG_ENTRIES, ...EXTRA_ENTRIES }).map(([name, entry]) => [
      name,
      toSpec(name, entry),
    ]),
  ),
);

// ── Resolution ───────────────────────────────────────────────────────────────────────────

/** A top-level catalog entry; nested fields (`authed_user`'s) come with their parent's spec. */
function catalogEntry(name: string): FieldSpec | undefined {
  return Object.hasOwn(FIELD_CATALOG, name) ? FIELD_CATALOG[name] : undefined;
}

/**
 * The spec for one field: the catalog's entry for its name (or a text field with a humanised label
 * for an unknown name, a secret one if the name sounds like a credential), with the given
 * overrides on top. Choosing kind `secret` makes it a secret; a new kind without a validator gets
 * that kind's validator.
 *
 * @example resolveFieldSpec({ name: 'subdomain', required: true, placeholder: 'acme' })
 */
export function resolveFieldSpec(input: FieldInput): FieldSpec {
  const name = typeof input === 'string' ? input : input.name;
  const base = catalogEntry(name) ?? fallbackSpec(name);
  if (typeof input === 'string') return base;
  const { name: _name, ...overrides } = input;
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const spec: FieldSpec = { ...base, ...defined };
  if (overrides.kind !== undefined && overrides.kind !== base.kind && overrides.validator === undefined) {
    spec.validator = validatorForKind(overrides.kind);
  }
  if (spec.kind === 'secret' && overrides.secret === undefined) spec.secret = true;
  return spec;
}

/** `resolveFieldSpec` over a list; a name given twice keeps its first place and last overrides. */
export function resolveFieldSpecs(inputs: readonly FieldInput[]): FieldSpec[] {
  const byName = new Map<string, FieldSpec>();
  for (const input of inputs) {
    const spec = resolveFieldSpec(input);
    byName.set(spec.name, spec);
  }
  return [...byName.values()];
}

/** An unknown name: a text field, or a secret one if it sounds like a credential, as the catalog makes them. */
function fallbackSpec(name: string): FieldSpec {
  return toSpec(name, {});
}

/** Composio's field `type` strings → our kinds; `string` and unknown types keep the catalog's kind. */
const KIND_OF_TYPE: Record<string, FieldKind> = {
  number: 'number',
  integer: 'number',
  int: 'number',
  float: 'number',
  boolean: 'boolean',
  bool: 'boolean',
  password: 'secret',
  secret: 'secret',
  url: 'url',
  uri: 'url',
  email: 'email',
  json: 'json',
  object: 'json',
  textarea: 'multiline',
  multiline: 'multiline',
  text: 'multiline',
};

/**
 * The spec for a field as Composio publishes it in a toolkit's `auth_config_details`: the catalog
 * entry for its name, with the metadata on top. The metadata wins for label, description,
 * required and default; the field is secret if either the catalog or `is_secret` says so.
 *
 * @example fieldSpecFromToolkitField({ name: 'subdomain', displayName: 'Subdomain', type: 'string',
 *   description: 'acme for acme.zendesk.com', required: true })
 */
export function fieldSpecFromToolkitField(field: ToolkitField): FieldSpec {
  const base = resolveFieldSpec(field.name);
  const typeKind = KIND_OF_TYPE[field.type.trim().toLowerCase()];
  const secret = base.secret || field.is_secret === true || typeKind === 'secret';
  let kind: FieldKind = typeKind ?? base.kind;
  // A secret typed as plain text is still masked; a multiline or JSON secret stays multiline/JSON.
  if (secret && kind === 'text') kind = 'secret';
  const spec: FieldSpec = {
    ...base,
    kind,
    secret,
    label: field.displayName.trim() === '' ? base.label : field.displayName,
    required: field.required,
    validator: kind === base.kind ? base.validator : validatorForKind(kind),
  };
  if (field.description.trim() !== '') spec.description = field.description;
  const defaultValue = field.default ?? undefined;
  if (defaultValue !== undefined) spec.defaultValue = defaultValue;
  return spec;
}

/**
 * The specs of the fields a user fills for an auth config, in the order `getAuthFields` gives them.
 * A field marked `user_visible: false` is never rendered, whichever backend gave it.
 */
export function fieldSpecsFromAuthFields(authFields: AuthFields): FieldSpec[] {
  return authFields.fields.filter(isUserVisible).map((field) => fieldSpecFromToolkitField(field));
}
