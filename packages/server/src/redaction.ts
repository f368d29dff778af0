import { isSecretField, REDACTED, redactSecrets } from '@plugboard/core';

/** Keys whose whole value is a credential record: logged as `[redacted]`, never field by field. */
const CREDENTIAL_RECORDS = new Set(['connection_data', 'data', 'params', 'val']);

/**
 * A copy of a request body fit for a log line: `connection.state.val`, `connection.data` and
 * `connection_data` become `[redacted]` whole, and any other key the field catalog calls a
 * secret does too.
 */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (depth > 12) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactForLog(item, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = CREDENTIAL_RECORDS.has(key) || isSecretField(key) ? REDACTED : redactForLog(child, depth + 1);
  }
  return out;
}

/**
 * A copy of an upstream success body fit for a browser: inside the credential records
 * (`state.val`, `connectionData.val`, `data`, `params`, `connection_data`) every field the
 * catalog calls a secret becomes `[redacted]`. The browser sent those values itself or never
 * had them, and it has no use for them back. Other keys (`link_token`, `redirect_url`) stay.
 */
export function redactResponseJson(value: unknown, insideCredentials = false, depth = 0): unknown {
  if (depth > 12) return REDACTED;
  if (Array.isArray(value))
    return value.map((item) => redactResponseJson(item, insideCredentials, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (insideCredentials && isSecretField(key) && child !== null && child !== undefined && child !== '') {
      out[key] = REDACTED;
    } else {
      out[key] = redactResponseJson(child, insideCredentials || CREDENTIAL_RECORDS.has(key), depth + 1);
    }
  }
  return out;
}

/**
 * Removes every known secret value from every string inside `value` (in each form a server may
 * echo it in), then stringifies. Strings are redacted one by one, so the JSON stays valid
 * whatever the secret looks like.
 */
export function redactedJson(value: unknown, secrets: readonly string[]): string {
  const text = JSON.stringify(value);
  // The common case: no secret in any form appears, so the text is already clean.
  if (!secrets.some((secret) => containsAnyForm(text, secret))) return text;
  return JSON.stringify(redactStrings(value, secrets, 0));
}

function containsAnyForm(text: string, secret: string): boolean {
  if (secret === '') return false;
  if (text.includes(secret) || text.includes(JSON.stringify(secret).slice(1, -1))) return true;
  try {
    return text.includes(encodeURIComponent(secret));
  } catch {
    return false;
  }
}

function redactStrings(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > 32) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[redactSecrets(key, secrets)] = redactStrings(child, secrets, depth + 1);
  }
  return out;
}
