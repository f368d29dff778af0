import { defaultCredentialMessages } from '@plugboard/core';

/**
 * Every string the kit shows, in one object. Pass a partial override to `ConnectProvider`'s
 * `messages` to translate or rephrase; what you leave out keeps its default.
 */
export const defaultMessages = {
  errorRequestId: 'Request ID',
  errorSuggestedFix: 'Suggested fix',
  retry: 'Try again',
  // ConnectAccountButton and ConnectCallback
  connectIdle: 'Connect',
  connectCreating: 'Connecting…',
  connectAwaitingUser: 'Waiting for the provider…',
  connectVerifying: 'Checking the connection…',
  connectConnected: 'Connected',
  connectFailed: 'Could not connect.',
  connectCancelled: 'The connection was cancelled.',
  connectExpired: 'The connection link expired.',
  connectAwaitingUserHint: 'Finish in the window that opened.',
  callbackVerifying: 'Finishing the connection…',
  callbackDone: 'Done. You can close this window.',
  callbackReturn: 'Return to the app',
  // ApiKeyConnectForm ({label}, {count}, {line}, {column} are filled in)
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

export type Messages = typeof defaultMessages;
