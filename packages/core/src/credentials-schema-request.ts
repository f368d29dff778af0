import { ConnectError, detachCause } from './connect-error';
import { credentialFieldEntries } from './credentials-schema';
import { fieldErrorsFromMessages } from './envelope-error';
import type { FieldSpec } from './field-catalog';
import { leafName } from './field-name';
import { redactJsonStrings } from './redact';
import { secretValuesOf } from './secret-fields';
import type { AuthScheme, CreateConnectedAccountRequest, CreatedConnectedAccount, Open } from './wire';

export interface CredentialRequestInput {
  authConfigId: string;
  authScheme: Open<AuthScheme>;
  /** The form's values after `credentialsSchema(…)` parsed them. */
  values: Readonly<Record<string, unknown>>;
  validateCredentials?: boolean | undefined;
}

/**
 * The `POST /api/v3/connected_accounts` body for a credential scheme: the values travel in
 * `connection.state.val` with `status: 'ACTIVE'`, as the API documents for a direct create.
 */
export function credentialRequest(input: CredentialRequestInput): CreateConnectedAccountRequest {
  const request: CreateConnectedAccountRequest = {
    auth_config: { id: input.authConfigId },
    connection: { state: { authScheme: input.authScheme, val: { ...input.values, status: 'ACTIVE' } } },
  };
  if (input.validateCredentials !== undefined) request.validate_credentials = input.validateCredentials;
  return request;
}

/** The secret values of a form's values, by the specs' `secret` flags and the catalog's names. */
export function credentialSecrets(values: unknown, specs: readonly FieldSpec[]): string[] {
  const flagged = credentialFieldEntries(specs).map((entry) => ({
    name: entry.path,
    secret: entry.spec.secret,
  }));
  return secretValuesOf(values, flagged);
}

/** Where a server's refusal goes in a form: onto fields by path, or into the form-level alert. */
export interface CredentialErrorPlacement {
  /** Field path → the server's messages for it. */
  fieldErrors: Record<string, string[]>;
  /** `errors[]` strings that name no field of the form. */
  formErrors: string[];
}

/**
 * Places a `ConnectError`'s `errors[]` onto the form's fields. The backend's `fieldErrors` are
 * read again against this form's own field names, because only the form knows that Zendesk has an
 * `email` field or that `scope` sits under `authed_user`.
 */
export function placeCredentialError(
  error: ConnectError,
  specs: readonly FieldSpec[],
): CredentialErrorPlacement {
  const paths = credentialFieldEntries(specs).map((entry) => entry.path);
  // A nested field is known by its leaf too (`scope` for `authed_user.scope`); an exact path wins.
  const toPath = (name: string) =>
    paths.find((path) => path === name) ?? paths.find((path) => leafName(path) === leafName(name));
  const known = [...paths, ...paths.map(leafName)];
  const fieldErrors: Record<string, string[]> = {};
  const add = (name: string, messages: readonly string[]) => {
    const path = toPath(name);
    if (path !== undefined) fieldErrors[path] = [...new Set([...(fieldErrors[path] ?? []), ...messages])];
    return path !== undefined;
  };
  const formErrors: string[] = [];
  for (const text of error.errors) {
    let onAField = false;
    for (const [name, messages] of Object.entries(fieldErrorsFromMessages([text], known))) {
      onAField = add(name, messages) || onAField;
    }
    if (!onAField) formErrors.push(text);
  }
  // A backend may have placed errors the strings alone do not show (its own knownFields).
  for (const [name, messages] of Object.entries(error.fieldErrors)) add(name, messages);
  return { fieldErrors, formErrors };
}

/**
 * The created account with every secret the request carried replaced by `[redacted]`, wherever
 * the server echoes it (`connectionData.val` does): what a mutation returns is kept in the cache.
 */
export function redactCreatedAccount(
  account: CreatedConnectedAccount,
  secrets: readonly string[],
): CreatedConnectedAccount {
  return redactJsonStrings(account, secrets);
}

/**
 * The error with every secret removed from its texts, and no `cause`. Backends already redact what
 * they echo; the form passes the values it sent once more, because an error is shown, logged and
 * cached. The cause is dropped whatever it holds: it may be the request itself.
 */
export function redactConnectError(error: ConnectError, secrets: readonly string[]): ConnectError {
  // `toJSON` gives exactly the fields a ConnectError is made from.
  const fields = error.toJSON();
  const redacted = redactJsonStrings(fields, secrets);
  return redacted === fields ? detachCause(error) : new ConnectError(error.kind, redacted);
}
