import type { ConnectFlowStatus } from '@plugboard/core';
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
  /** The window read as closed without an answer: the flow still waits ({app} is the app's name). */
  waitingForWindow: 'Finish connecting in the {app} window.',
  cancel: 'Cancel',
  openAgain: 'Open again',
};
export type ConnectMessages = typeof defaultConnectMessages;

/** The message that names each state of a connection; `idle` has none. */
export const STATUS_MESSAGE = {
  idle: undefined,
  creating: 'connectCreating',
  awaiting_user: 'connectAwaitingUser',
  verifying: 'connectVerifying',
  connected: 'connectConnected',
  failed: 'connectFailed',
  cancelled: 'connectCancelled',
  expired: 'connectExpired',
} as const satisfies Record<ConnectFlowStatus, keyof ConnectMessages | undefined>;
