import type { AuthScheme, ConnectError, CreatedConnectedAccount, FieldInput } from '@plugboard/core';
import { useMemo, useRef } from 'react';
import { useConnectContext } from './ConnectProvider';
import type { Messages } from './messages';
import { defaultFormMessages, type FormMessages } from './messages-form';
import { type CredentialSubmission, useCredentialSubmit } from './useCredentialSubmit';
import { type CredentialForm, useCredentialValues } from './useCredentialValues';
import { type FieldFocus, useFieldFocus } from './useFieldFocus';
import { type FieldList, useFieldList } from './useFieldList';

export type { CredentialFormProblem } from './useCredentialSubmit';

export interface UseCredentialFormOptions {
  /** The auth config the account is created for (`ac_…`). */
  authConfigId: string;
  /**
   * The fields to ask for: catalog names, or names with overrides. Omitted: the toolkit's own
   * field list is loaded with `backend.getAuthFields(authConfigId)`.
   */
  fields?: readonly FieldInput[] | undefined;
  /** The credential scheme sent in `connection.state`; defaults to the loaded one, else `API_KEY`. */
  authScheme?: AuthScheme | undefined;
  /** Starting values, by field path (`authed_user.scope`) or nested; read when the fields are known. */
  defaultValues?: Readonly<Record<string, unknown>> | undefined;
  /** Sent as `validate_credentials`: the server tries the credentials before it saves them. */
  validateCredentials?: boolean | undefined;
  disabled?: boolean | undefined;
  /** The service's name ("Zendesk") for the form's sentences; defaults to the loaded toolkit's name. */
  appName?: string | undefined;
  /** Called with the created account; its credentials are already `[redacted]`. */
  onSuccess?: ((account: CreatedConnectedAccount) => void) | undefined;
  onError?: ((error: ConnectError) => void) | undefined;
  messages?: Partial<Messages> | undefined;
}

/**
 * A credential form in its focused parts, each from its own hook: the field list
 * (`useFieldList`), the values (`useCredentialValues`), focus (`useFieldFocus`) and the submit
 * (`useCredentialSubmit`). `ApiKeyConnectForm.Root` provides this to its parts.
 */
export interface CredentialFormParts {
  fields: FieldList;
  form: CredentialForm;
  focus: FieldFocus;
  submission: CredentialSubmission;
  /** The form's strings: its defaults, the provider's overrides, then the `messages` option. */
  messages: FormMessages;
  /** The service's name: the `appName` option, else the loaded toolkit's, else none. */
  appName: string | undefined;
  disabled: boolean;
}

/** Every part of the form in one flat object, for markup of your own. */
export interface UseCredentialFormResult
  extends Omit<FieldList, 'toolkitName'>,
    FieldFocus,
    CredentialSubmission {
  form: CredentialForm;
  messages: FormMessages;
  appName: string | undefined;
  disabled: boolean;
}

/** The parts of `useCredentialForm`, kept apart: what `ApiKeyConnectForm.Root` puts in context. */
export function useCredentialFormParts(options: UseCredentialFormOptions): CredentialFormParts {
  const context = useConnectContext();
  const messages = useMemo(
    (): FormMessages => ({ ...defaultFormMessages, ...context.messages, ...options.messages }),
    [context.messages, options.messages],
  );
  const latest = useRef(options);
  latest.current = options;
  const fields = useFieldList(options, messages);
  const { form, defaults } = useCredentialValues(fields.specs, options.defaultValues, messages);
  const focus = useFieldFocus(fields.specs, form);
  const submission = useCredentialSubmit({ list: fields, form, defaults, focus, options: latest });
  return {
    fields,
    form,
    focus,
    submission,
    messages,
    appName: options.appName || fields.toolkitName || undefined,
    disabled: options.disabled === true,
  };
}

/**
 * The behaviour of `<ApiKeyConnectForm>` without its markup: field list, react-hook-form state
 * validated by the schema core builds from the specs, submission, server-error placement and
 * focus management. Render `form.control` with `useController`-based fields (or the compound parts).
 *
 * @example const cf = useCredentialForm({ authConfigId: 'ac_zendesk', fields: ['subdomain', 'email', 'api_key'] })
 */
export function useCredentialForm(options: UseCredentialFormOptions): UseCredentialFormResult {
  const { fields, focus, submission, ...rest } = useCredentialFormParts(options);
  const { toolkitName: _shownAsAppName, ...list } = fields;
  return { ...list, ...focus, ...submission, ...rest };
}
