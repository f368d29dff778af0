'use client';

// Re-exported from core, where the server and the demo's routes use it too.
export { type ConnectedAccountSummary, summarizeConnectedAccount } from '@plugboard/core';
export {
  ApiKeyConnectForm,
  // The compound parts as top-level names, for React Server Components (README: "Custom layouts").
  ApiKeyConnectFormError,
  type ApiKeyConnectFormErrorProps,
  ApiKeyConnectFormFields,
  type ApiKeyConnectFormFieldsProps,
  type ApiKeyConnectFormProps,
  ApiKeyConnectFormRoot,
  type ApiKeyConnectFormRootProps,
  ApiKeyConnectFormSubmit,
  type ApiKeyConnectFormSubmitProps,
} from './ApiKeyConnectForm';
export { ApiKeyConnectFormField, type ApiKeyConnectFormFieldProps } from './ApiKeyConnectFormField';
export type { AccountActions } from './account-actions';
export { accountActions } from './account-actions';
export { type AccountState, accountStateOf, LINK_LIFETIME_MS } from './account-status';
export { ConnectAccountButton, type ConnectAccountButtonProps } from './ConnectAccountButton';
export { ConnectCallback, type ConnectCallbackProps } from './ConnectCallback';
export type { AccountActionProps } from './ConnectedAccountActions';
export {
  ConnectedAccountList,
  type ConnectedAccountListItemProps,
  type ConnectedAccountListItemsProps,
  type ConnectedAccountListProps,
  type ConnectedAccountListRootProps,
} from './ConnectedAccountList';
export { type AccountRow, useConnectedAccountRow } from './ConnectedAccountListContext';
export {
  ConnectProvider,
  type ConnectProviderProps,
  createConnectQueryClient,
  useConnectContext,
} from './ConnectProvider';
export { ErrorDetails, type ErrorDetailsProps } from './ErrorDetails';
export { type DescribeErrorOptions, describeError } from './error-message';
export { defaultMessages, type Messages } from './messages';
export type { AccountMessages } from './messages-accounts';
export type { CatalogFieldLabels, FieldWords } from './messages-fields';
export { SecretInput, type SecretInputProps } from './SecretInput';
export { TextInput, type TextInputProps } from './TextInput';
export type { AccountAwareConnect, AccountAwareOptions } from './useAccountAwareConnect';
export {
  type CachedAccount,
  type DisconnectContext,
  type SetAccountEnabledContext,
  type SetAccountEnabledVariables,
  useDisconnect,
  useSetAccountEnabled,
} from './useAccountMutations';
export {
  popupPlaceholderIn,
  type UseConnectAccountOptions,
  type UseConnectAccountResult,
  useConnectAccount,
} from './useConnectAccount';
export { type UseConnectedAccountOptions, useConnectedAccount } from './useConnectedAccount';
export {
  CONNECTED_ACCOUNTS_KEY,
  connectedAccountsKey,
  type UseConnectedAccountsOptions,
  useConnectedAccounts,
} from './useConnectedAccounts';
export {
  type CreateConnectedAccountOptions,
  type CreateConnectedAccountVariables,
  type UseCreateConnectedAccountResult,
  useCreateConnectedAccount,
} from './useCreateConnectedAccount';
export {
  type CredentialFormProblem,
  type UseCredentialFormOptions,
  type UseCredentialFormResult,
  useCredentialForm,
} from './useCredentialForm';
