export * from './backend';
export {
  CALLBACK_MESSAGE_TYPE,
  type ConnectCallbackMessage,
  type ConnectCallbackResult,
  callbackMessageFor,
  type HandleConnectCallbackOptions,
  handleConnectCallback,
  isRedirectCallback,
  type NotifyOpenerOptions,
  notifyConnectOpener,
  STATE_PARAM,
} from './callback';
export * from './connect-error';
export * from './connect-flow';
export {
  type AccountOutcome,
  accountOutcome,
  type ConnectedAccountSummary,
  summarizeConnectedAccount,
  toConnectError,
} from './connect-flow-outcome';
export * from './credentials-schema';
export * from './credentials-schema-request';
export * from './envelope-error';
export * from './field-catalog';
export * from './http-backend';
export * from './json-error-position';
export * from './normalize';
// The redirect-mode record itself stays internal; its key and writer let a test stage a return.
export {
  PENDING_ATTEMPT_KEY,
  type PendingAttempt,
  type SettledAttempt,
  type StorageLike,
  type StoredError,
  savePendingAttempt,
} from './pending-attempt';
export type { PopupHandle, PopupPlaceholder } from './popup';
export { type BodyResult, readBodyLimited, readResponseText, untilAborted } from './read-body';
export * from './redact';
export * from './secret-fields';
export * from './wire';
