import type { AuthFields } from './backend';
import { resolveFieldSpec } from './field-catalog';
import { isUserVisible } from './field-name';
import { type FieldKind, type FieldSpec, type FieldTexts, NO_TEXTS } from './field-spec';
import type { ToolkitField } from './wire';

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
 * entry for its name (its words from `texts`), with the metadata on top. The metadata wins for
 * label, description, required and default, except over the words in `localized` (Composio writes
 * its metadata in English: pass there the words of another language, or an app's own); the field
 * is secret if either the catalog or `is_secret` says so.
 *
 * `foreign`: `localized` is another language than English. A field's words then come from one
 * language: one it labels takes its description from `localized` or has none (never the
 * metadata's English under a translated label); one it does not label keeps the metadata's words.
 *
 * @example fieldSpecFromToolkitField({ name: 'subdomain', displayName: 'Subdomain', type: 'string',
 *   description: 'acme for acme.zendesk.com', required: true })
 */
export function fieldSpecFromToolkitField(
  field: ToolkitField,
  texts: FieldTexts = NO_TEXTS,
  localized: FieldTexts = NO_TEXTS,
  foreign = false,
): FieldSpec {
  const base = resolveFieldSpec(field.name, texts);
  const label = localized(`label.${field.name}`);
  const ownDescription = field.description.trim() ? field.description : undefined;
  const typeKind = KIND_OF_TYPE[field.type.trim().toLowerCase()];
  const secret = base.secret || field.is_secret === true || typeKind === 'secret';
  const kind = typeKind ?? base.kind;
  // The metadata as overrides of the catalog's entry (a new kind brings its own validator). A
  // secret typed as plain text is still masked; a multiline or JSON secret stays multiline/JSON.
  return resolveFieldSpec(
    {
      name: field.name,
      kind: secret && kind === 'text' ? 'secret' : kind,
      secret,
      label: label ?? (field.displayName.trim() ? field.displayName : undefined),
      required: field.required,
      description:
        localized(`description.${field.name}`) ??
        (foreign && label !== undefined ? undefined : ownDescription),
      defaultValue: field.default ?? undefined,
    },
    texts,
  );
}

/**
 * The specs of the fields a user fills for an auth config, in the order `getAuthFields` gives them,
 * their words as `fieldSpecFromToolkitField` takes them. A field marked `user_visible: false` is
 * never rendered, whichever backend gave it.
 */
export function fieldSpecsFromAuthFields(
  authFields: AuthFields,
  texts: FieldTexts = NO_TEXTS,
  localized: FieldTexts = NO_TEXTS,
  foreign = false,
): FieldSpec[] {
  return authFields.fields
    .filter(isUserVisible)
    .map((field) => fieldSpecFromToolkitField(field, texts, localized, foreign));
}
