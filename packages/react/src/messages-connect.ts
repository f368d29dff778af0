import { defaultSharedMessages } from './messages-shared';

/** The strings of `<ConnectAccountButton>` and `<ConnectCallback>`, kept apart from the form's. */
export const defaultConnectMessages = {
  ...defaultSharedMessages,
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
};
export type ConnectMessages = typeof defaultConnectMessages;
