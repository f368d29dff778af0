import * as z from 'zod/mini';
import type { FieldSpec } from './field-spec';
import { formatMessage } from './format-message';

/**
 * What a credential form holds while the user types: text as typed (numbers and JSON too),
 * booleans as booleans, a nested spec (`authed_user`) as a nested record.
 */
export type CredentialFormValue = string | boolean | CredentialFormValues;
export interface CredentialFormValues {
  [name: string]: CredentialFormValue;
}

/** A field spec with its place in the form: `path` is dotted for nested fields (`authed_user.scope`). */
export interface CredentialFieldEntry {
  path: string;
  spec: FieldSpec;
}

/**
 * The form's validation texts (`{label}` is filled in): its own, and what the catalog's rules
 * (`field-rules.ts`) say, by rule: a validator's issue names one of these keys, and the JSON rule's
 * gives `{line}` and `{column}`, the domain rule's `{example}` (the field's placeholder if it is one). None quotes the value: it may be a secret.
 */
export const defaultCredentialMessages = {
  fieldRequired: '{label} is required',
  fieldInvalidNumber: 'Enter a number',
  fieldInvalid: '{label} is not valid',
  fieldNoSpaces: 'Must not contain spaces or line breaks',
  fieldHostname: 'Enter an address such as {example}',
  fieldUrl: 'Enter a full http:// or https:// address',
  fieldEmail: 'Enter an email address such as name@example.com',
  fieldTimestamp: 'Enter a date and time such as 2026-01-31T12:00:00Z',
  fieldJson: 'Not valid JSON: line {line}, column {column}',
  fieldWholeSeconds: 'Enter a whole number of seconds',
  fieldNotNegative: 'Must not be negative',
  fieldLettersDigitsHyphens: 'Use only letters, digits and hyphens',
  fieldLettersDigitsDashes: 'Use only letters, digits, - and _',
  fieldCodeVerifier: 'Must be 43–128 characters of A–Z, a–z, 0–9, . _ ~ -',
  fieldJwt: 'An ID token is a JWT: three parts separated by dots',
  fieldBase64: 'Must be base64, e.g. the output of btoa("user:password")',
  fieldPem: 'Paste the whole PEM key, from -----BEGIN … PRIVATE KEY----- to -----END … PRIVATE KEY-----',
};
export type CredentialMessages = typeof defaultCredentialMessages;

/** Every field of a spec list in document order, nested fields after their parent's place. */
export function credentialFieldEntries(specs: readonly FieldSpec[]): CredentialFieldEntry[] {
  const entries: CredentialFieldEntry[] = [];
  const visit = (list: readonly FieldSpec[], parent: string | undefined) => {
    for (const spec of list) {
      const path = parent === undefined ? spec.name : `${parent}.${spec.name}`;
      if (spec.fields && spec.fields.length > 0) visit(spec.fields, path);
      else entries.push({ path, spec });
    }
  };
  visit(specs, undefined);
  return entries;
}

/**
 * The values a form starts with: each spec's `defaultValue`, overridden by `overrides` (a flat
 * record by path, or nested like the form's values); text kinds start as `''`, booleans as `false`.
 */
export function defaultCredentialValues(
  specs: readonly FieldSpec[],
  overrides: Readonly<Record<string, unknown>> = {},
): CredentialFormValues {
  const values: CredentialFormValues = {};
  for (const { path, spec } of credentialFieldEntries(specs)) {
    const value = (path in overrides ? overrides[path] : valueAt(overrides, path)) ?? spec.defaultValue;
    putAt(
      values,
      path,
      spec.kind === 'boolean' ? value === true || value === 'true' : value === undefined ? '' : String(value),
    );
  }
  return values;
}

/** The value at a dotted path of nested records (`authed_user.scope`), `undefined` if there is none. */
function valueAt(record: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined,
      record,
    );
}

/** Sets the value at a dotted path, making the nested records on the way. */
function putAt(record: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = record;
  for (const key of keys) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[last] = value;
}

/**
 * One field's rule: from what the form holds to what the request sends. Empty optional values
 * become `undefined` (left out of the request); secrets are sent exactly as typed, other text
 * trimmed; numbers become numbers. The spec's validator then judges the value as sent (URL,
 * email and JSON rules live there, in the catalog), and may tidy it (a pasted URL's subdomain).
 * A refusal is `{ message }`, in the words of `messages`.
 */
function checkField(
  spec: FieldSpec,
  raw: unknown,
  messages: CredentialMessages,
): { value: unknown } | { message: string } {
  const say = (template: string, values: Record<string, string | number> = {}) => ({
    message: formatMessage(template, { label: spec.label, ...values }),
  });
  let value: unknown;
  if (spec.kind === 'boolean') {
    const checked = raw === true;
    if (spec.required && !checked) return say(messages.fieldRequired);
    if (!checked && spec.defaultValue === undefined) return { value: undefined };
    value = checked;
  } else {
    const typed = typeof raw === 'string' ? raw : raw === undefined ? '' : String(raw);
    const text = spec.secret || spec.kind === 'multiline' || spec.kind === 'json' ? typed : typed.trim();
    if (text.trim() === '') return spec.required ? say(messages.fieldRequired) : { value: undefined };
    if (spec.kind === 'number') {
      const number = Number(text);
      if (!Number.isFinite(number)) return say(messages.fieldInvalidNumber);
      value = number;
    } else value = text;
  }
  // The catalog's rule for the kind or the field; its messages never quote the value. A
  // message that is a key of `messages` is said in their words (with the issue's `params`).
  const checked = z.safeParse(spec.validator, value);
  if (checked.success) return { value: checked.data };
  const first = checked.error.issues[0] as
    | { message: string; params?: Record<string, string | number> }
    | undefined;
  const table = messages as Readonly<Record<string, string>>;
  const params = { ...first?.params };
  // A rule's example gives way to the field's own, the placeholder beside it, when that passes.
  if (
    params.example !== undefined &&
    spec.placeholder &&
    z.safeParse(spec.validator, spec.placeholder).success
  )
    params.example = spec.placeholder;
  return first
    ? say(Object.hasOwn(table, first.message) ? (table[first.message] as string) : first.message, params)
    : say(messages.fieldInvalid);
}

/**
 * The zod schema of a credential form, built from its field specs: parse the form's values with
 * it to get what `connection.state.val` sends (empty optional fields left out). Issue paths are
 * the form's field paths, so a resolver maps them straight onto fields.
 *
 * @example credentialsSchema(resolveFieldSpecs(['subdomain', 'api_key'])).parse({ subdomain: 'acme', api_key: 'k' })
 */
export function credentialsSchema(
  specs: readonly FieldSpec[],
  messages: Partial<CredentialMessages> = {},
): z.ZodMiniType<Record<string, unknown>, CredentialFormValues> {
  const all = { ...defaultCredentialMessages, ...messages };
  const entries = credentialFieldEntries(specs);
  return z.pipe(
    z.custom<CredentialFormValues>(),
    z.transform((values: CredentialFormValues, ctx) => {
      // What the request sends: nested records only where a field of theirs has a value.
      const sent: Record<string, unknown> = {};
      for (const { path, spec } of entries) {
        const raw = valueAt(values, path);
        const result = checkField(spec, raw, all);
        if ('message' in result) {
          ctx.issues.push({ code: 'custom', message: result.message, input: raw, path: path.split('.') });
        } else if (result.value !== undefined) putAt(sent, path, result.value);
      }
      return sent;
    }),
  ) as unknown as z.ZodMiniType<Record<string, unknown>, CredentialFormValues>;
}
