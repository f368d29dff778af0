import type * as z from 'zod/mini';

/** How a field is entered and shown. */
export type FieldKind = 'text' | 'secret' | 'url' | 'email' | 'number' | 'boolean' | 'multiline' | 'json';

/**
 * Everything a form needs to render and check one credential field.
 *
 * `validator` checks the value as it is sent on the wire: a `number` for kind `number`, a `boolean`
 * for `boolean`, a string otherwise (`json` is the JSON text). An empty optional field is the form's
 * business (it leaves the key out), so validators judge only a value that is there. Its issues'
 * messages are keys of `defaultCredentialMessages` (`fieldHostname`, …), which the form puts in
 * the user's language; a message that is not a key is shown as it is.
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

/**
 * A field's words in the user's language, by key: `label.<path>`, `description.<path>` and
 * `placeholder.<path>` (`label.subdomain`, `label.authed_user.scope`); `undefined` where there
 * are none. `@plugboard/react` looks them up in its `messages`; without them a label is the
 * field's name humanised and there is no description or placeholder.
 */
export type FieldTexts = (key: string) => string | undefined;

/** No words: labels humanised from names. */
export const NO_TEXTS: FieldTexts = () => undefined;
