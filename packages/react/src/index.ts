'use client';

export {
  ConnectProvider,
  type ConnectProviderProps,
  createConnectQueryClient,
  useConnectContext,
} from './ConnectProvider';
export { defaultMessages, type Messages } from './messages';
