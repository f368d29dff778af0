import type { ComponentType, RefObject } from 'react';
import { ConnectAccountButtonDisconnect } from './ConnectAccountButtonDisconnect';
import type { AccountAwareConnect, AccountAwareOptions } from './useAccountAwareConnect';
import { useAccountAwareConnect } from './useAccountAwareConnect';
import type { UseConnectAccountResult } from './useConnectAccount';

// ConnectAccountButton imports only the type from here: the value below is the separate import.

/** What `<ConnectAccountButton accountActions>` plugs in: the account-aware flow and its Disconnect. */
export interface AccountActions {
  useConnect: (
    flow: UseConnectAccountResult,
    authConfigId: string,
    options: AccountAwareOptions,
  ) => AccountAwareConnect;
  Disconnect: ComponentType<{
    connect: AccountAwareConnect;
    buttonRef: RefObject<HTMLButtonElement | null>;
    unstyled: boolean;
  }>;
}

/**
 * Makes `<ConnectAccountButton>` know the account it stands for: pass it as `accountActions`.
 * A separate import, so an app that only connects does not pay for the list query, the
 * mutations and the dialog.
 *
 * @example
 * import { accountActions, ConnectAccountButton } from '@plugboard/react';
 * <ConnectAccountButton authConfigId="ac_github" appName="GitHub" accountActions={accountActions} />
 */
export const accountActions: AccountActions = {
  useConnect: useAccountAwareConnect,
  Disconnect: ConnectAccountButtonDisconnect,
};
