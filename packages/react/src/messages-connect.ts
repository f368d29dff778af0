import type { ConnectFlowStatus } from '@plugboard/core';
import { defaultSharedMessages } from './messages-shared';

/** The strings of `<ConnectAccountButton>`, kept apart from the form's and the callback page's. */
export const defaultButtonMessages = {
  ...defaultSharedMessages,
  connectIdle: 'Connect',
  connectCreating: 'Connecting…',
  connectAwaitingUser: 'Waiting for you to finish…',
  /** The waiting label when the button knows the service's name (`appName`). */
  connectAwaitingUserApp: 'Waiting for {app}…',
  connectVerifying: 'Checking the connection…',
  connectConnected: 'Connected',
  /** The connected label and status when the button knows the service's name (`appName`). */
  connectConnectedApp: '{app} connected',
  connectFailed: "Couldn't connect.",
  connectCancelled: 'The connection was cancelled.',
  connectExpired: 'The connection link expired.',
  connectAwaitingUserHint: 'Finish in the window that opened.',
  /** The window read as closed without an answer: the flow still waits ({app} is the app's name). */
  waitingForWindow: 'Finish connecting in the {app} window.',
  cancel: 'Cancel',
  /** The popup's own page while the link is made, above a Cancel link ({app} is the service's name). */
  popupConnecting: 'Connecting to {app}…',
  openAgain: 'Open again',
};

/** The strings of `<ConnectAccountButton>` and `<ConnectCallback>`: the button's and the callback page's. */
export const defaultConnectMessages = {
  ...defaultButtonMessages,
  callbackVerifying: 'Finishing the connection…',
  /** In the popup once the app has the answer; the app, not this page, says whether it connected. */
  callbackDone: 'You can close this window. The app is finishing the connection.',
  /** The callback page opened directly, with no connection to finish. */
  callbackNothingPending: "There's no connection to finish here. Go back to the app and start again.",
  callbackReturn: 'Return to the app',
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

/** The states whose message names the app when the button knows it (`appName`). */
export const APP_STATUS_MESSAGE: Partial<
  Record<ConnectFlowStatus, 'connectAwaitingUserApp' | 'connectConnectedApp'>
> = {
  awaiting_user: 'connectAwaitingUserApp',
  connected: 'connectConnectedApp',
};
