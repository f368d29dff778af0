'use client';

export {
  ConnectProvider,
  type ConnectProviderProps,
  createConnectQueryClient,
  useConnectContext,
} from './ConnectProvider';
export { defaultMessages, type Messages } from './messages';
export {
  ApiKeyConnectForm,
  type ApiKeyConnectFormErrorProps,
  type ApiKeyConnectFormFieldsProps,
  type ApiKeyConnectFormProps,
  type ApiKeyConnectFormRootProps,
  type ApiKeyConnectFormSubmitProps,
} from './ApiKeyConnectForm';
export { type ApiKeyConnectFormFieldProps } from './ApiKeyConnectFormField';
export { SecretInput, type SecretInputProps, SecretTextArea, type SecretTextAreaProps } from './SecretInput';
export { TextArea, type TextAreaProps, TextInput, type TextInputProps } from './TextInput';
export {
  type CredentialFormProblem,
  type UseCredentialFormOptions,
  type UseCredentialFormResult,
  useCredentialForm,
} from './useCredentialForm';
export {
  type CreateConnectedAccountOptions,
  type CreateConnectedAccountVariables,
  type UseCreateConnectedAccountResult,
  useCreateConnectedAccount,
} from './useCreateConnectedAccount';
