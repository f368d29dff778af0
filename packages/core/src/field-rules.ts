import * as z from 'zod/mini';
import type { CredentialMessages } from './credentials-schema';
import type { FieldKind } from './field-spec';
import { jsonErrorPosition } from './json-error-position';

/**
 * A rule's message: a key of `defaultCredentialMessages` (`fieldHostname`, …; their English is
 * there), which `credentialsSchema` turns into the user's language. None quotes the value: it may
 * be a secret.
 */
type RuleKey = Exclude<keyof CredentialMessages, 'fieldInvalid'>;

const NO_SPACES = /^\S+$/;
const HOSTNAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** A non-empty string, with more checks after that one. */
export const text = (...checks: z.core.$ZodCheck<string>[]) =>
  z.string().check(z.minLength(1, 'fieldRequired' satisfies RuleKey), ...checks);
/** A string matching `pattern`; the rule `message` when it does not. */
export const matching = (pattern: RegExp, message: RuleKey) => text(z.regex(pattern, message));
/** A string that must match `pattern` whole (no minimum length of its own). */
export const pattern = (regex: RegExp, message: RuleKey) => z.string().check(z.regex(regex, message));
/** Pasted keys often carry a stray space or newline; no key or token contains whitespace. */
export const credential = () => matching(NO_SPACES, 'fieldNoSpaces');
/**
 * A domain name such as `acme.example.com`. Its message gives an `{example}`: this one, or the
 * field's own placeholder where that passes the rule (`acme.myshopify.com` under Shopify's shop).
 */
export const hostname = () =>
  text(
    z.superRefine((value: string, ctx) => {
      if (!HOSTNAME.test(value)) {
        ctx.addIssue({
          code: 'custom',
          message: 'fieldHostname' satisfies RuleKey,
          params: { example: 'acme.example.com' },
        });
      }
    }),
  );
/**
 * An http(s) address as the platform's URL parser reads it (smaller than `z.url`, same verdict for
 * the form's trimmed text): `https://acme.example.com/api` yes; `acme.example.com`, `ftp://…`,
 * `https://` no.
 */
export const isWebUrl = (value: string): boolean => {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
};
const webUrl = () => text(z.refine(isWebUrl, 'fieldUrl' satisfies RuleKey));
export const isoTimestamp = () =>
  text(z.refine((value: string) => !Number.isNaN(Date.parse(value)), 'fieldTimestamp' satisfies RuleKey));
const jsonText = () =>
  text(
    z.superRefine((value: string, ctx) => {
      const position = jsonErrorPosition(value);
      if (position !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'fieldJson' satisfies RuleKey,
          params: { line: position.line, column: position.column, offset: position.offset },
        });
      }
    }),
  );
export const unixSeconds = () =>
  z.int('fieldWholeSeconds' satisfies RuleKey).check(z.nonnegative('fieldNotNegative' satisfies RuleKey));

/** The validator a field of `kind` gets when nothing more specific is known. */
export function validatorForKind(kind: FieldKind): z.ZodMiniType {
  switch (kind) {
    case 'url':
      return webUrl();
    case 'email':
      // zod's own email pattern, as a plain check (no string-format schema to ship).
      return matching(z.regexes.email, 'fieldEmail');
    case 'number':
      return z.number('fieldInvalidNumber' satisfies RuleKey);
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
