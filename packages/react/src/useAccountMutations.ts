import type { ConnectError, ConnectedAccountSummary } from '@plugboard/core';
import { toConnectError } from '@plugboard/core/internal';
import { type QueryClient, type UseMutationResult, useMutation } from '@tanstack/react-query';
import { useConnectContext } from './ConnectProvider';
import { CONNECTED_ACCOUNTS_KEY } from './useConnectedAccounts';

type AccountList = ConnectedAccountSummary[];

/** An account as one cached list held it before an optimistic change: what a rollback restores. */
export interface CachedAccount {
  key: readonly unknown[];
  index: number;
  account: ConnectedAccountSummary;
}

/** Changes every cached list that holds account `id`; returns what each held before, for a rollback. */
function updateAccount(
  client: QueryClient,
  id: string,
  change: (list: AccountList, index: number) => AccountList,
): CachedAccount[] {
  const before: CachedAccount[] = [];
  for (const [key, list] of client.getQueriesData<AccountList>({ queryKey: CONNECTED_ACCOUNTS_KEY })) {
    const index = list?.findIndex((account) => account.id === id) ?? -1;
    if (list === undefined || index < 0) continue;
    before.push({ key, index, account: list[index] as ConnectedAccountSummary });
    client.setQueryData<AccountList>(key, change(list, index));
  }
  return before;
}

/** Stops list reads in flight (their answer predates the change) before an optimistic update. */
async function beginUpdate(client: QueryClient): Promise<void> {
  await client.cancelQueries({ queryKey: CONNECTED_ACCOUNTS_KEY });
}

/** Reads every list again, whatever the mutation's outcome: the backend is the truth. */
function endUpdate(client: QueryClient, id: string): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) =>
      query.queryKey[0] === 'plugboard' &&
      (query.queryKey[1] === CONNECTED_ACCOUNTS_KEY[1] ||
        (query.queryKey[1] === 'connected-account' && query.queryKey[2] === id)),
  });
}

export interface DisconnectContext {
  removed: CachedAccount[];
}

/**
 * Deletes a connected account (`backend.deleteConnectedAccount`). Every cached list drops it at
 * once; a failure puts it back where it was and rejects with a `ConnectError`.
 *
 * @example
 * const disconnect = useDisconnect();
 * disconnect.mutate(account.id, { onError: (error) => show(error.message) });
 */
export function useDisconnect(): UseMutationResult<void, ConnectError, string, DisconnectContext> {
  const { backend, queryClient } = useConnectContext();
  return useMutation<void, ConnectError, string, DisconnectContext>(
    {
      mutationKey: ['plugboard', 'disconnect'],
      mutationFn: (id) =>
        backend.deleteConnectedAccount(id).catch((error) => Promise.reject(toConnectError(error))),
      onMutate: async (id) => {
        await beginUpdate(queryClient);
        return {
          removed: updateAccount(queryClient, id, (list, index) => list.filter((_, at) => at !== index)),
        };
      },
      onError: (_error, _id, context) => {
        for (const { key, index, account } of context?.removed ?? []) {
          queryClient.setQueryData<AccountList>(key, (list = []) =>
            list.some((entry) => entry.id === account.id)
              ? list
              : [...list.slice(0, index), account, ...list.slice(index)],
          );
        }
      },
      onSettled: (_data, _error, id) => endUpdate(queryClient, id),
    },
    queryClient,
  );
}

export interface SetAccountEnabledVariables {
  id: string;
  enabled: boolean;
}

export interface SetAccountEnabledContext {
  previous: CachedAccount[];
}

/** The account as the backend will answer it: disabling an ACTIVE one makes it INACTIVE, and back. */
function withEnabled(account: ConnectedAccountSummary, enabled: boolean): ConnectedAccountSummary {
  const status =
    !enabled && account.status === 'ACTIVE'
      ? 'INACTIVE'
      : enabled && account.status === 'INACTIVE'
        ? 'ACTIVE'
        : account.status;
  return { ...account, is_disabled: !enabled, status };
}

/**
 * Enables or disables a connected account without deleting it (`backend.setConnectedAccountEnabled`).
 * Every cached list shows the change at once; a failure restores the account as it was and
 * rejects with a `ConnectError`.
 *
 * @example
 * const setEnabled = useSetAccountEnabled();
 * setEnabled.mutate({ id: account.id, enabled: false });
 */
export function useSetAccountEnabled(): UseMutationResult<
  void,
  ConnectError,
  SetAccountEnabledVariables,
  SetAccountEnabledContext
> {
  const { backend, queryClient } = useConnectContext();
  return useMutation<void, ConnectError, SetAccountEnabledVariables, SetAccountEnabledContext>(
    {
      mutationKey: ['plugboard', 'set-account-enabled'],
      mutationFn: ({ id, enabled }) =>
        backend
          .setConnectedAccountEnabled(id, enabled)
          .catch((error) => Promise.reject(toConnectError(error))),
      onMutate: async ({ id, enabled }) => {
        await beginUpdate(queryClient);
        return {
          previous: updateAccount(queryClient, id, (list, index) =>
            list.map((account, at) => (at === index ? withEnabled(account, enabled) : account)),
          ),
        };
      },
      onError: (_error, _variables, context) => {
        for (const { key, account } of context?.previous ?? []) {
          queryClient.setQueryData<AccountList>(key, (list) =>
            list?.map((entry) => (entry.id === account.id ? account : entry)),
          );
        }
      },
      onSettled: (_data, _error, { id }) => endUpdate(queryClient, id),
    },
    queryClient,
  );
}
