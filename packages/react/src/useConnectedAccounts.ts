import type { ConnectError, ConnectedAccountFilters, ConnectedAccountSummary } from '@plugboard/core';
import { toConnectError } from '@plugboard/core/internal';
import { type QueryKey, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
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
  /**
   * How soon the list is read again while an attempt is pending: `pollIntervalMs` after the first
   * read that saw it, then doubling up to `maxPollIntervalMs`. Defaults 1 000 and 10 000 ms.
   */
  pollIntervalMs?: number | undefined;
  maxPollIntervalMs?: number | undefined;
}

/**
 * The signed-in user's accounts (summaries: no `state`, `data` or `params`), every page followed,
 * newest first unless `filters` order them otherwise. Read again while an attempt is pending
 * (INITIATED / INITIALIZING with its link still open, that a flow of this page waits on) — after a second, then backing off to every
 * 10 s, since an attempt the user left open can wait until its link expires — and no longer once
 * none is. Errors are `ConnectError`s.
 *
 * @example
 * const { data: accounts } = useConnectedAccounts({ toolkitSlugs: ['github'] });
 */
export function useConnectedAccounts(
  filters: ConnectedAccountFilters = {},
  options: UseConnectedAccountsOptions = {},
): UseQueryResult<ConnectedAccountSummary[], ConnectError> {
  const { backend, queryClient, attemptsInProgress } = useConnectContext();
  // The read that first saw a pending attempt: the interval doubles with each read since.
  const pendingSince = useRef<number | undefined>(undefined);
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
      refetchInterval: (query) => {
        const { data, dataUpdateCount } = query.state;
        const waiting = (account: ConnectedAccountSummary) =>
          accountStateOf(account) === 'pending' && attemptsInProgress.has(account.id);
        if (!data?.some(waiting)) {
          pendingSince.current = undefined;
          return false;
        }
        pendingSince.current ??= dataUpdateCount;
        const reads = dataUpdateCount - pendingSince.current;
        return Math.min((options.pollIntervalMs ?? 1000) * 2 ** reads, options.maxPollIntervalMs ?? 10_000);
      },
    },
    queryClient,
  );
}
