// @plugboard/core's public API: what an app (or a custom backend) calls. Helpers that only the
// kit's own packages use (@plugboard/react, @plugboard/server, @plugboard/sandbox) live in
// `@plugboard/core/internal`, which is not public API and may change in any release.
export type { AuthFields, ConnectBackend, RequestOptions } from './backend';
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
export {
  ConnectError,
  type ConnectErrorInit,
  type ConnectErrorKind,
  type ErrorEnvelopeBody,
  isConnectError,
} from './connect-error';
export {
  browserConnectEnvironment,
  type ConnectEnvironment,
  ConnectFlow,
  type ConnectFlowOptions,
  type ConnectFlowSnapshot,
  type ConnectFlowStatus,
  type ConnectMode,
  isConnectFlowBusy,
} from './connect-flow';
export {
  type AccountOutcome,
  accountOutcome,
  type ConnectedAccountSummary,
  summarizeConnectedAccount,
} from './connect-flow-outcome';
export {
  type CredentialFieldEntry,
  type CredentialFormValue,
  type CredentialFormValues,
  type CredentialMessages,
  defaultCredentialMessages,
} from './credentials-schema';
export { connectErrorFromEnvelope, type FromEnvelopeOptions } from './envelope-error';
export {
  type CatalogFieldName,
  FIELD_CATALOG,
  type FieldInput,
  type FieldKind,
  type FieldSpec,
  type FieldTexts,
  humanizeFieldName,
  resolveFieldSpec,
  resolveFieldSpecs,
} from './field-catalog';
export {
  API_VERSIONS,
  type ApiVersion,
  createHttpBackend,
  DEFAULT_TIMEOUT_MS,
  type FetchLike,
  type HttpBackendOptions,
} from './http-backend';
// The redirect-mode record itself stays internal; its key and writer let a test stage a return.
export {
  PENDING_ATTEMPT_KEY,
  type PendingAttempt,
  type SettledAttempt,
  type StorageLike,
  type StoredError,
  savePendingAttempt,
} from './pending-attempt';
export { type AccountPoll, type PollAccountOptions, type PollResult, pollAccount } from './poll-account';
export type { PopupHandle, PopupPlaceholder } from './popup';
export { isSecretField } from './secret-fields';
export type { Open, ReadConnectionState } from './wire';
export {
  AUTH_SCHEMES,
  type AuthConfig,
  type AuthConfigDetails,
  type AuthConfigList,
  type AuthConfigRef,
  type AuthScheme,
  CONNECTION_STATUSES,
  type ConnectedAccount,
  type ConnectedAccountList,
  type ConnectionData,
  type ConnectionState,
  type ConnectionStateVal,
  type ConnectionStatus,
  type CreateConnectedAccountRequest,
  type CreatedConnectedAccount,
  type ErrorEnvelope,
  type FieldGroup,
  type LinkSession,
  type LinkSessionInput,
  type LinkSessionRequest,
  type Toolkit,
  type ToolkitField,
} from './wire';
export type { ConnectedAccountFilters, ConnectedAccountPage } from './wire-accounts';
