/**
 * Which field values are credentials, without zod or the field catalog: the HTTP backend needs
 * this to redact what a server echoes back, and must not pull the catalog's validators into a
 * browser bundle. `field-catalog.ts` asks this module which of its names are secret.
 */

import { leafName } from './field-name';

// For any name, catalog or toolkit: whatever sounds like a credential is one (`zendesk_api_token`
// is, `token_url` is not). This covers every secret key of `connection_data` but the few below;
// the catalog's tests pin each key's answer, so a change to the pattern cannot unmask one.
const SECRET_SOUNDING =
  /secret|passw(or)?d|passwd|token|api[-_]?key|apikey|private[-_]?key|credential|signature|session[-_]?id|dev[-_]?key/i;
const NOT_SECRET_SUFFIX = /(url|uri|type|_at|_in|expires?|scope|prefix)$/i;

/** The `connection_data` credentials whose names do not sound like one. */
const SECRET_NAMES = new Set(['oauth_verifier', 'code_verifier', 'basic_encoded']);

/**
 * Whether the value of a field is a credential, by its name's last segment: how it sounds, or the
 * list above. Nested names use a dot (`authed_user.access_token`).
 */
export function isSecretField(name: string): boolean {
  // `authed_user.access_token` is an access token like any other: a nested name goes by its leaf.
  const leaf = leafName(name);
  return SECRET_NAMES.has(leaf) || (SECRET_SOUNDING.test(leaf) && !NOT_SECRET_SUFFIX.test(leaf));
}

/**
 * The secret values inside a record of field values (`connection_data`, `connection.state.val`),
 * nested objects included. `specs` add secrets by name (a toolkit's `is_secret` fields).
 *
 * @example secretValuesOf({ subdomain: 'acme', api_key: 'k1' }) // ['k1']
 */
export function secretValuesOf(
  record: unknown,
  specs?: readonly { name: string; secret: boolean }[],
): string[] {
  const secretByName = new Set(specs?.filter((spec) => spec.secret).map((spec) => spec.name));
  const found = new Set<string>();
  const visit = (value: unknown, path: string, secret: boolean, depth: number) => {
    if (depth > 8) return;
    if (typeof value === 'string') {
      if (secret && value.length > 0) found.add(value);
    } else if (typeof value === 'number' || typeof value === 'bigint') {
      if (secret) found.add(String(value));
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, path, secret, depth + 1);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        const name = path === '' ? key : `${path}.${key}`;
        visit(child, name, secret || secretByName.has(name) || isSecretField(name), depth + 1);
      }
    }
  };
  visit(record, '', false, 0);
  return [...found];
}
