import {
  type AuthFields,
  type AuthScheme,
  ConnectError,
  type CredentialFieldEntry,
  type FieldInput,
  type FieldSpec,
  type FieldTexts,
  resolveFieldSpecs,
} from '@plugboard/core';
import { credentialFieldEntries, fieldSpecsFromAuthFields } from '@plugboard/core/internal';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useConnectContext } from './ConnectProvider';
import { reportMisconfiguration } from './error-message';
import { defaultFieldMessages } from './messages-fields';

export interface FieldListOptions {
  authConfigId: string;
  /** The fields to ask for; omitted, they are loaded with `backend.getAuthFields(authConfigId)`. */
  fields?: readonly FieldInput[] | undefined;
  authScheme?: AuthScheme | undefined;
}

/** A credential form's fields: given, or loaded from the backend. */
export interface FieldList {
  /** `loading` while `getAuthFields` runs, `error` if it failed. */
  status: 'loading' | 'error' | 'ready';
  loadError: ConnectError | null;
  retryLoad: () => void;
  specs: readonly FieldSpec[];
  /** Every input of the form in order, nested fields with dotted paths. */
  entries: readonly CredentialFieldEntry[];
  /** The scheme sent in `connection.state`: the option, else the loaded one, else `API_KEY`. */
  authScheme: AuthFields['authScheme'];
  /** The loaded toolkit's name ("Zendesk"), when the fields were loaded. */
  toolkitName: string | undefined;
  entry: (path: string) => CredentialFieldEntry | undefined;
}

const NO_FIELDS: readonly FieldSpec[] = [];

/**
 * The field list of a credential form: `fields` resolved through core's catalog, or the toolkit's
 * own, their words (`label.<name>`, …) from `messages`.
 */
export function useFieldList(
  options: FieldListOptions,
  messages: Readonly<Record<string, string>>,
): FieldList {
  const { backend, queryClient } = useConnectContext();
  // Keyed by the words themselves: an inline `messages` object must not rebuild the specs (which
  // resets the form's values).
  const wordsKey = fieldWordsSignature(messages);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content, as above
  const [texts, localized, foreign] = useMemo(() => fieldTexts(messages), [wordsKey]);
  const fieldsKey = options.fields ? fieldsSignature(options.fields) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content, so an inline array does not rebuild the form
  const givenSpecs = useMemo(
    () => (options.fields ? resolveFieldSpecs(options.fields, texts) : null),
    [fieldsKey, texts],
  );

  const authFields = useQuery<AuthFields, ConnectError>(
    {
      queryKey: ['plugboard', 'authFields', options.authConfigId],
      enabled: givenSpecs === null,
      staleTime: 5 * 60_000,
      queryFn: ({ signal }) => {
        if (!backend.getAuthFields) {
          throw new ConnectError('invalid_request', {
            message: 'This backend cannot list the fields of an auth config: pass `fields`.',
          });
        }
        return backend.getAuthFields(options.authConfigId, { signal });
      },
    },
    queryClient,
  );
  const loadedSpecs = useMemo(
    () => (authFields.data ? fieldSpecsFromAuthFields(authFields.data, texts, localized, foreign) : null),
    [authFields.data, texts, localized, foreign],
  );
  useEffect(() => {
    if (authFields.error) reportMisconfiguration(authFields.error);
  }, [authFields.error]);

  const specs = givenSpecs ?? loadedSpecs ?? NO_FIELDS;
  const entries = useMemo(() => credentialFieldEntries(specs), [specs]);
  return {
    status: givenSpecs || loadedSpecs ? 'ready' : authFields.isError ? 'error' : 'loading',
    loadError: authFields.error,
    retryLoad: () => void authFields.refetch(),
    specs,
    entries,
    authScheme: options.authScheme ?? authFields.data?.authScheme ?? 'API_KEY',
    toolkitName: authFields.data?.toolkitName,
    entry: (path) => entries.find((e) => e.path === path),
  };
}

/**
 * A field's words in `messages`; those that replace a toolkit's metadata, which Composio writes
 * in English: all of them in another language, in English only the ones an app changed (Zendesk's
 * own "API token" says more than the catalog's "API key"); and whether that is another language
 * (a field it labels then shows no English description: see `fieldSpecFromToolkitField`).
 */
function fieldTexts(messages: Readonly<Record<string, string>>): [FieldTexts, FieldTexts, boolean] {
  const texts: FieldTexts = (key) => (Object.hasOwn(messages, key) ? messages[key] : undefined);
  const english = /^en\b/i.test(messages.locale ?? 'en');
  const defaults: Readonly<Record<string, string>> = defaultFieldMessages;
  return [texts, (key) => (english && texts(key) === defaults[key] ? undefined : texts(key)), !english];
}

/** The field words of `messages` and their language, as one string. */
function fieldWordsSignature(messages: Readonly<Record<string, string>>): string {
  return JSON.stringify(
    Object.entries(messages).filter(
      ([key]) => key === 'locale' || /^(label|description|placeholder)\./.test(key),
    ),
  );
}

/** A stable key for a `fields` prop, so an inline array literal does not rebuild the form each render. */
function fieldsSignature(fields: readonly FieldInput[]): string {
  // A validator has no stable text (and may be circular); its presence is what the key can tell.
  return JSON.stringify(fields, (key, value) => (key === 'validator' ? value !== undefined : value));
}
