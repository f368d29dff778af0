import * as z from 'zod/mini';
import {
  credential,
  hostname,
  isoTimestamp,
  matching,
  pattern,
  text,
  unixSeconds,
  validatorForKind,
} from './field-rules';
import { type FieldInput, type FieldKind, type FieldSpec, type FieldTexts, NO_TEXTS } from './field-spec';
import { isSecretField } from './secret-fields';
import { subdomainField } from './subdomain';
import type { ConnectionData } from './wire';

export type { FieldInput, FieldKind, FieldSpec, FieldTexts } from './field-spec';

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
 * A catalog entry: how the field is entered and checked. Its words (label, description,
 * placeholder) are not here but in the user's language, looked up by `FieldTexts` (in
 * `@plugboard/react`, its `messages`). Whether it is a secret comes from `secret-fields.ts`, the
 * one list the HTTP backend redacts by too, and so does the kind of an entry that names none:
 * `secret` (masked, no whitespace) or `text`.
 */
interface CatalogEntry {
  /** Without one: `secret` if the name is a credential's, else `text` (both `autoComplete: 'off'`). */
  kind?: FieldKind;
  autoComplete?: string;
  defaultValue?: string | number | boolean;
  validator?: z.ZodMiniType;
  fields?: Record<string, CatalogEntry>;
}

const url: CatalogEntry = { kind: 'url', autoComplete: 'url' };
const host: CatalogEntry = { validator: hostname() };
const seconds: CatalogEntry = { kind: 'number', validator: unixSeconds() };
const timestamp: CatalogEntry = { validator: isoTimestamp() };
const plain: CatalogEntry = {};

const CATALOG_ENTRIES = {
  // Instance and domain settings (the base fields of every scheme).
  // A pasted https://acme.zendesk.com is taken as acme (subdomain.ts).
  subdomain: {
    validator: subdomainField(matching(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i, 'fieldLettersDigitsHyphens')),
  },
  'your-domain': host,
  region: { validator: matching(/^[a-z0-9_-]+$/i, 'fieldLettersDigitsDashes') },
  shop: host,
  account_url: url,
  COMPANYDOMAIN: host,
  extension: plain,
  form_api_base_url: url,
  instanceEndpoint: url,
  api_url: url,
  borneo_dashboard_url: url,
  proxy_username: plain,
  proxy_password: { validator: text() },
  domain: host,
  version: plain,
  dc: { validator: matching(/^[a-z0-9-]+$/i, 'fieldLettersDigitsHyphens') },
  site_name: plain,
  instanceName: plain,
  account_id: plain,
  your_server: plain,
  server_location: plain,
  base_url: url,

  // OAuth 1 and the OAuth handshake.
  oauth_token: plain,
  authUri: url,
  oauth_token_secret: plain,
  redirectUrl: url,
  callbackUrl: url,
  oauth_verifier: plain,
  consumer_key: { validator: credential() },
  callback_url: url,
  error: plain,
  error_description: { kind: 'multiline', autoComplete: 'off' },
  expired_at: timestamp,

  // OAuth 2, token import, API keys, basic auth, service accounts, DCR.
  state_prefix: plain,
  long_redirect_url: { kind: 'boolean', defaultValue: false },
  code_verifier: { validator: pattern(/^[A-Za-z0-9._~-]{43,128}$/, 'fieldCodeVerifier') },
  finalRedirectUri: url,
  webhook_signature: plain,
  access_token: plain,
  id_token: { validator: matching(/^[\w-]+\.[\w-]+\.[\w-]*$/, 'fieldJwt') },
  token_type: plain,
  refresh_token: plain,
  expires_in: seconds,
  scope: plain,
  authed_user: {
    kind: 'json',
    validator: z.object({ access_token: z.optional(credential()), scope: z.optional(z.string()) }),
    fields: { access_token: plain, scope: plain },
  },
  generic_api_key: plain,
  api_key: plain,
  bearer_token: plain,
  basic_encoded: { validator: matching(z.regexes.base64, 'fieldBase64') },
  username: { autoComplete: 'username' },
  password: { validator: text() },
  token: plain,
  composio_link_redirect_url: url,
  credentials_json: { kind: 'json', autoComplete: 'off' },
  sessionId: plain,
  devKey: plain,
  application_id: plain,
  installation_id: plain,
  private_key: {
    kind: 'multiline',
    autoComplete: 'off',
    validator: pattern(
      /^\s*-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]+-----END [A-Z0-9 ]*PRIVATE KEY-----\s*$/,
      'fieldPem',
    ),
  },
  client_id: { validator: credential() },
  client_secret: plain,
  client_id_issued_at: seconds,
  client_secret_expires_at: seconds,
  expires_at: timestamp,
  // Not a `connection_data` key, but what toolkits ask for beside a token (Zendesk's email + API token).
  email: { kind: 'email', autoComplete: 'email' },
} satisfies Record<keyof ConnectionData | 'email', CatalogEntry>;

/** The names the catalog knows: every key of `connection_data`, and `email`. */
export type CatalogFieldName = keyof typeof CATALOG_ENTRIES;

const catalogEntry = (name: string): CatalogEntry | undefined =>
  Object.hasOwn(CATALOG_ENTRIES, name) ? CATALOG_ENTRIES[name as CatalogFieldName] : undefined;

/**
 * The spec of `name` at `path` (dotted for a nested field) from its entry, its words from `texts`:
 * the label, else the name humanised; the placeholder, else its kind's (`placeholder.url`).
 */
function toSpec(name: string, entry: CatalogEntry, texts: FieldTexts, path = name): FieldSpec {
  const { fields, validator, ...rest } = entry;
  const secret = isSecretField(name);
  const kind = rest.kind ?? (secret ? 'secret' : 'text');
  const spec: FieldSpec = {
    name,
    required: false,
    label: texts(`label.${path}`) ?? humanizeFieldName(name),
    // A password manager must not offer this site's password for another service.
    ...(rest.kind === undefined ? { autoComplete: 'off' } : {}),
    ...rest,
    kind,
    secret,
    validator: validator ?? (kind === 'secret' ? credential() : validatorForKind(kind)),
  };
  const description = texts(`description.${path}`);
  if (description !== undefined) spec.description = description;
  const placeholder = texts(`placeholder.${path}`) ?? texts(`placeholder.${kind}`);
  if (placeholder !== undefined) spec.placeholder = placeholder;
  if (fields !== undefined) {
    spec.fields = Object.entries(fields).map(([child, childEntry]) =>
      toSpec(child, childEntry, texts, `${path}.${child}`),
    );
  }
  return spec;
}

/**
 * A spec for every key of `connection_data` (and a few common toolkit fields such as `email`),
 * keyed by name, labelled with the names humanised (`resolveFieldSpec` with `texts` gives the
 * words of a language). All are optional here; a toolkit's metadata or your `fields` make them
 * required.
 */
// Pure (one call the bundler may drop): an app that resolves fields (the form) without reading the
// whole catalog builds none of it.
export const FIELD_CATALOG: Readonly<Record<string, FieldSpec>> = /* @__PURE__ */ catalogSpecs();

function catalogSpecs(): Readonly<Record<string, FieldSpec>> {
  return Object.freeze(
    Object.fromEntries(
      Object.entries(CATALOG_ENTRIES).map(([name, entry]) => [name, toSpec(name, entry, NO_TEXTS)]),
    ),
  );
}

// ── Resolution ───────────────────────────────────────────────────────────────────────────

/**
 * The spec for one field: the catalog's entry for its name (or a text field for an unknown name, a
 * secret one if the name sounds like a credential), its words from `texts` (else the name
 * humanised), with the given overrides on top. Choosing kind `secret` makes it a secret; a new
 * kind without a validator gets that kind's validator.
 *
 * @example resolveFieldSpec({ name: 'subdomain', required: true, placeholder: 'acme' })
 */
export function resolveFieldSpec(input: FieldInput, texts: FieldTexts = NO_TEXTS): FieldSpec {
  const name = typeof input === 'string' ? input : input.name;
  const base = toSpec(name, catalogEntry(name) ?? {}, texts);
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
export function resolveFieldSpecs(inputs: readonly FieldInput[], texts: FieldTexts = NO_TEXTS): FieldSpec[] {
  const byName = new Map<string, FieldSpec>();
  for (const input of inputs) {
    const spec = resolveFieldSpec(input, texts);
    byName.set(spec.name, spec);
  }
  return [...byName.values()];
}
