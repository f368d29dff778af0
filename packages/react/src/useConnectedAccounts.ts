import type { ConnectError, ConnectedAccountFilters, ConnectedAccountSummary } from '@plugboard/core';
import { toConnectError } from '@plugboard/core/internal';
import { type QueryKey, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { accountStateOf } from './account-status';
import { useConnectContext } from './ConnectProvider';

/** Every list query of the kit starts with this key: mutations update and refetch them all. */
export const CONNECTED_ACCOUNTS_KEY = ['plugboard', 'connected-accounts'] as const;

/** The query key of one list, under `CONNECTED_ACCOUNTS_KEY`. */
export function connectedAccountsKey(filters: ConnectedAccountFilters = {}): QueryKey {
  return [...CONNECTED_ACCOUNTS_KEY, filters];
}

/** Pages followed at most for one list: a user with more accounts sees the newest ones. */
const MAX_PAGES = 20;

export interface UseConnectedAccountsOptions {
  enabled?: boolean | undefined;
  /** How often the list is read again while an attempt is pending. Default 1 000 ms. */
  pollIntervalMs?: number | undefined;
}

/**
 * The signed-in user's accounts (summaries: no `state`, `data` or `params`), every page followed,
 * newest first unless `filters` order them otherwise. Read again every second while an attempt is
 * pending (INITIATED / INITIALIZING with its link still open), and no longer once none is. Errors
 * are `ConnectError`s.
 *
 * @example
 * const { data: accounts } = useConnectedAccounts({ toolkitSlugs: ['github'] });
 */
export function useConnectedAccounts(
  filters: ConnectedAccountFilters = {},
  options: UseConnectedAccountsOptions = {},
): UseQueryResult<ConnectedAccountSummary[], ConnectError> {
  const { backend, queryClient } = useConnectContext();
  return useQuery<ConnectedAccountSummary[], ConnectError>(
    {
      queryKey: connectedAccountsKey(filters),
      queryFn: async ({ signal }) => {
        const items: ConnectedAccountSummary[] = [];
        let cursor = filters.cursor;
        try {
          for (let page = 0; page < MAX_PAGES; page++) {
            const next = await backend.listConnectedAccounts({ ...filters, cursor }, { signal });
            items.push(...next.items);
            if (next.nextCursor === null || next.nextCursor === cursor) break;
            cursor = next.nextCursor;
          }
        } catch (error) {
          throw toConnectError(error);
        }
        return items;
      },
      enabled: options.enabled ?? true,
      refetchInterval: (query) =>
        query.state.data?.some((account) => accountStateOf(account) === 'pending')
          ? (options.pollIntervalMs ?? 1000)
          : false,
    },
    queryClient,
  );
}
