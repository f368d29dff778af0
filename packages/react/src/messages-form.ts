import { defaultCredentialMessages } from '@plugboard/core';
import { defaultFieldMessages } from './messages-fields';
import { defaultSharedMessages } from './messages-shared';

/**
 * The strings of `<ApiKeyConnectForm>` ({app}, {label}, {message}, {count}, {line}, {column} are
 * filled in; `_one` / `_other` keys are plural forms, see `messages-shared.ts`), with the
 * validators' messages (core's `defaultCredentialMessages`) and the catalog's words for each field
 * (`messages-fields.ts`).
 */
export const defaultFormMessages = {
  ...defaultSharedMessages,
  formLoading: 'Loading the fields…',
  formLoadFailed: 'The fields for this connection could not be loaded.',
  formSubmit: 'Connect',
  formSubmitting: 'Connecting…',
  /** Announced once the account exists. */
  formConnected: '{app} connected.',
  /** After a success: which account, by the non-secret values sent ({account}: "acme · ops@acme.test"). */
  formConnectedAccount: 'Account: {account}',
  formConnectAnother: 'Connect another account',
  /** The form's own check refused the submit, every field in the summary empty… */
  formMissingSummary_one: 'Fill in {count} field before connecting:',
  formMissingSummary_other: 'Fill in {count} fields before connecting:',
  /** …every one filled in with a value that is wrong (an email without "@")… */
  formInvalidSummary_one: 'Fix {count} field before connecting:',
  formInvalidSummary_other: 'Fix {count} fields before connecting:',
  /** …or some of each (so always two or more). */
  formMixedSummary_other: 'Fill in or fix {count} fields before connecting:',
  formRefusedSummary_one: '{app} refused {count} field:',
  formRefusedSummary_other: '{app} refused {count} fields:',
  /** One line of a summary, a link to the field; used when the message does not name the field itself. */
  formProblem: '{label}: {message}',
  /** A field's placeholder, so an example does not look like a value already filled in. */
  formPlaceholder: 'e.g. {example}',
  formMoreOptions: 'More options',
  formShowSecret: 'Show {label}',
  ...defaultCredentialMessages,
  ...defaultFieldMessages,
};
export type FormMessages = typeof defaultFormMessages;
