import { isSecretField } from '@plugboard/core';
import { REDACTED } from '@plugboard/core/internal';

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
