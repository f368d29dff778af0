import type { ConnectedAccountSummary } from '@plugboard/core';
import { formatMessage } from '@plugboard/core/internal';
import { useEffect, useMemo, useRef } from 'react';
import { type AccountState, accountForAuthConfig, accountStateOf, nameFromSlug } from './account-status';
import { useConnectContext } from './ConnectProvider';
import { defaultAccountMessages } from './messages-accounts';
import { useDisconnect } from './useAccountMutations';
import type { UseConnectAccountResult } from './useConnectAccount';
import { useConnectedAccounts } from './useConnectedAccounts';

export interface AccountAwareOptions {
  /**
   * Let the user connect another account while one is ACTIVE. By default the button shows the
   * ACTIVE account as connected and offers Disconnect instead, as Composio's SDK refuses a second one.
   */
  allowMultiple?: boolean | undefined;
  /** The app's name in Disconnect / Reconnect labels and the dialog; default: the toolkit's slug. */
  appName?: string | undefined;
}

export interface AccountAwareConnect extends UseConnectAccountResult {
  /** The user's account this button stands for: ACTIVE, else disabled, else one that failed or expired. */
  account: ConnectedAccountSummary | undefined;
  accountState: AccountState | undefined;
  /**
   * The button is idle beside an account that failed, expired or is disabled: its label says
   * Reconnect. Any start (or retry) beside such an account replaces it once the new one is ACTIVE.
   */
  reconnect: boolean;
  /** Offer Disconnect: the account is ACTIVE and the button shows it as connected. */
  canDisconnect: boolean;
  appName: string;
  /** The idle label while `reconnect`: "Reconnect {app}". */
  reconnectLabel: string | undefined;
}

/**
 * The connect flow of a button that knows the account it stands for. With an ACTIVE account it
 * reads `connected` (unless `allowMultiple`); with one that failed, expired or is disabled, a
 * start reconnects: once the new account is ACTIVE the old one is deleted. A connection the user
 * disconnected since reads `idle` again. The user's accounts come from the list every button and
 * `<ConnectedAccountList>` share (one request, one cache).
 */
export function useAccountAwareConnect(
  connect: UseConnectAccountResult,
  authConfigId: string,
  { allowMultiple = false, appName }: AccountAwareOptions,
): AccountAwareConnect {
  const overrides = useConnectContext().messages;
  const accounts = useConnectedAccounts();
  const disconnect = useDisconnect();
  const account = accountForAuthConfig(accounts.data, authConfigId);
  const accountState = account && accountStateOf(account);
  const replacing = useRef<string | undefined>(undefined);
  // When the flow last ended (connected, failed or expired), and whether a list read since had its account.
  const ended = useRef({ key: '', at: 0, seen: false });
  if (connect.status === 'connected' || connect.status === 'failed' || connect.status === 'expired') {
    const key = `${connect.status} ${connect.connectedAccountId}`;
    if (ended.current.key !== key) ended.current = { key, at: Date.now(), seen: false };
  }
  const readSinceEnd = accounts.dataUpdatedAt > ended.current.at;
  const listed = accounts.data?.find((entry) => entry.id === connect.connectedAccountId);
  if (readSinceEnd && listed) ended.current.seen = true;

  // The list is read again by the flow itself (`useConnectAccount`) once it connects.
  const { status, connectedAccountId } = connect;
  const { mutate } = disconnect;
  useEffect(() => {
    if (status !== 'connected') return;
    const old = replacing.current;
    replacing.current = undefined;
    if (old !== undefined && old !== connectedAccountId) mutate(old);
  }, [status, connectedAccountId, mutate]);

  return useMemo(() => {
    const stale = account !== undefined && accountState !== 'connected';
    // The flow says connected, but a list read since then no longer has the account: it was disconnected.
    const gone =
      connect.status === 'connected' &&
      readSinceEnd &&
      (listed === undefined || accountStateOf(listed) !== 'connected');
    // The flow failed (or its link expired), and the attempt's account a list read since had is gone
    // now: the user removed it (the list's Remove), so its error is no longer the button's to show.
    const removed =
      (connect.status === 'failed' || connect.status === 'expired') &&
      ended.current.seen &&
      listed === undefined;
    const showsAccount =
      !allowMultiple && accountState === 'connected' && (connect.status === 'idle' || gone);
    const status = showsAccount ? 'connected' : gone || removed ? 'idle' : connect.status;
    const start = (run: () => void) => () => {
      replacing.current = stale ? account?.id : undefined;
      run();
    };
    const name = appName ?? (account ? nameFromSlug(account) : '');
    const reconnect = stale && status === 'idle';
    const reconnectLabel = overrides.accountReconnectLabel ?? defaultAccountMessages.accountReconnectLabel;
    return {
      ...connect,
      status,
      connectedAccountId: showsAccount ? account?.id : connect.connectedAccountId,
      start: start(connect.start),
      retry: start(connect.retry),
      account,
      accountState,
      reconnect,
      reconnectLabel: reconnect ? formatMessage(reconnectLabel, { app: name }) : undefined,
      canDisconnect: !allowMultiple && status === 'connected' && accountState === 'connected',
      appName: name,
    };
  }, [connect, account, accountState, listed, readSinceEnd, allowMultiple, appName, overrides]);
}
