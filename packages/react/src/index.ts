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
export { ConnectAccountButton, type ConnectAccountButtonProps } from './ConnectAccountButton';
export { ConnectCallback, type ConnectCallbackProps } from './ConnectCallback';
export {
  ConnectProvider,
  type ConnectProviderProps,
  createConnectQueryClient,
  useConnectContext,
} from './ConnectProvider';
export { ErrorDetails, type ErrorDetailsProps } from './ErrorDetails';
export { type DescribeErrorOptions, describeError } from './error-message';
export { defaultMessages, type Messages } from './messages';
export { SecretInput, type SecretInputProps } from './SecretInput';
export { TextInput, type TextInputProps } from './TextInput';
export {
  type UseConnectAccountOptions,
  type UseConnectAccountResult,
  useConnectAccount,
} from './useConnectAccount';
export { type UseConnectedAccountOptions, useConnectedAccount } from './useConnectedAccount';
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
