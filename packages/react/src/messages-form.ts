import { defaultCredentialMessages } from '@plugboard/core';
import { defaultSharedMessages } from './messages-shared';

/** The strings of `<ApiKeyConnectForm>` ({label}, {count}, {line}, {column} are filled in). */
export const defaultFormMessages = {
  ...defaultSharedMessages,
  formLoading: 'Loading the fields…',
  formLoadFailed: 'The fields for this connection could not be loaded.',
  formSubmit: 'Connect',
  formSubmitting: 'Connecting…',
  formConnected: 'Connected.',
  formSubmitFailed: 'Could not connect.',
  formInvalidSummary: 'Check {count} field(s) before connecting:',
  formMoreOptions: 'More options',
  formShowSecret: 'Show {label}',
  ...defaultCredentialMessages,
};
export type FormMessages = typeof defaultFormMessages;
