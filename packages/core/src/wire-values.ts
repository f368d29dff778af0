import * as z from 'zod/mini';

/**
 * The wire's value kinds: the closed and open sets of strings (auth schemes, statuses) and JSON
 * values, which every other `wire-*.ts` module builds on. See `wire.ts` for why `zod/mini`.
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

/**
 * Booleans, numbers and nullable strings as zod's own kinds accept them (`z.boolean()`,
 * `z.number()`: finite only, `z.nullable(z.string())`), with the message the HTTP backend gives
 * zod's `invalid_type` (`Invalid input: expected boolean`). One custom check each rather than
 * three more schema kinds in every browser bundle (~0.35 kB min+gzip); the code is
 * `custom`. One instance each, shared by every field.
 */
export const wireBoolean = z.custom<boolean>(
  (value) => typeof value === 'boolean',
  'Invalid input: expected boolean',
);
export const wireNumber = z.custom<number>(Number.isFinite, 'Invalid input: expected number');
export const wireNullableString = z.custom<string | null>(
  (value) => value === null || typeof value === 'string',
  'Invalid input: expected string or null',
);

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

export const NOT_JSON = 'Must hold only JSON values (no undefined, NaN, Infinity, BigInt, Date or function)';

/** A field documented as "any": typed `unknown` for callers, checked to be JSON at runtime. */
export const jsonValue = () => z.unknown().check(z.refine(isJsonValue, NOT_JSON));

export function isPrimitiveDefault(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value);
}

/**
 * A JSON object passed through as it is (`connection.data`, "any" values). Not a `z.record`:
 * that copies the object and silently drops an own `__proto__` key without checking its value.
 */
export const jsonRecord = () =>
  z.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && isJsonValue(value),
    NOT_JSON,
  );

/** v3.1's `experimental` block (account type, sharing): kept as it is, never interpreted. */
export const experimental = () => z.optional(jsonRecord());
