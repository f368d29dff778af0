import type { ConnectEnvironment, ConnectError, ConnectedAccountSummary, ConnectMode } from '@plugboard/core';
import { createContext, useContext } from 'react';
import type { AccountState } from './account-status';
import type { AccountMessages } from './messages-accounts';
import type { ConnectMessages } from './messages-connect';

/** What every part of a list shares and what rarely changes: read by rows without re-rendering them. */
export interface AccountListSettings {
  messages: AccountMessages & ConnectMessages;
  appName: (account: ConnectedAccountSummary) => string;
  /** Says a success in the list's live region, off screen (the row's change is what a sighted user sees); '' clears it. */
  announce: (message: string) => void;
  /** An account action failed; the list announces it too, on screen until the next action. */
  reportError: (error: ConnectError, account: ConnectedAccountSummary) => void;
  /**
   * Runs a row's action: clears the last announcement, then says `success` or the failure when it
   * settles — from the list, which stays, since the row may have left (optimistically) by then.
   */
  perform: (account: ConnectedAccountSummary, action: () => Promise<unknown>, success: string) => void;
  /** Where focus goes when a row leaves (the list itself). */
  focusList: () => HTMLElement | null;
  mode: ConnectMode | undefined;
  environment: Partial<ConnectEnvironment> | undefined;
  unstyled: boolean;
  formatDate: (iso: string) => string;
  /** An error as the user reads it: the kit's plain sentence (or the app's per-slug wording). */
  describeError: (error: ConnectError, app?: string) => string;
}

/** What changes with the data: read by the parts that render the list's shape, never by rows. */
export interface AccountListData {
  accounts: readonly ConnectedAccountSummary[] | undefined;
  error: ConnectError | null;
  /** An account's state as the rows show it: by the clock of the last read, and the attempts left here. */
  stateOf: (account: ConnectedAccountSummary) => AccountState;
}

/** One row's account and its state. */
export interface AccountRow {
  account: ConnectedAccountSummary;
  state: AccountState;
  name: string;
}

export const AccountListSettingsContext = createContext<AccountListSettings | null>(null);
export const AccountListDataContext = createContext<AccountListData | null>(null);
export const AccountRowContext = createContext<AccountRow | null>(null);

function required<T>(value: T | null, part: string, parent: string): T {
  if (value === null)
    throw new Error(`<ConnectedAccountList.${part}> must be used inside <ConnectedAccountList.${parent}>.`);
  return value;
}

export const useListSettings = (part: string) =>
  required(useContext(AccountListSettingsContext), part, 'Root');
export const useListData = (part: string) => required(useContext(AccountListDataContext), part, 'Root');
export const useAccountRow = (part: string) => required(useContext(AccountRowContext), part, 'Item');

/**
 * The row's account, its state and its app name, for a part of your own inside
 * `<ConnectedAccountList.Items>`.
 *
 * @example
 * function Reason() { const { account } = useConnectedAccountRow(); return <span>{account.status_reason}</span>; }
 */
export function useConnectedAccountRow(): AccountRow {
  return useAccountRow('a part using useConnectedAccountRow()');
}
