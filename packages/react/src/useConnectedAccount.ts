import { accountOutcome, summarizeConnectedAccount } from '@plugboard/core';
import { pollDelayAfter } from '@plugboard/core/internal';
import { useQuery } from '@tanstack/react-query';
import { useConnectContext } from './ConnectProvider';

export interface UseConnectedAccountOptions {
  enabled?: boolean | undefined;
  /** The first wait before a pending account is asked about again, doubling to 5 s. Default 1 000 ms. */
  pollIntervalMs?: number | undefined;
}

/**
 * The status of one connected account, polled while it is pending as the connect flow sees it
 * (`accountOutcome`: INITIALIZING, INITIATED, INACTIVE) with the flow's backoff (`pollAccount`:
 * 1 s, 2 s, 4 s, then every 5 s), and no longer once it is final.
 *
 * @example
 * const { data } = useConnectedAccount(connect.connectedAccountId);
 * data?.status // 'ACTIVE'
 */
export function useConnectedAccount(id: string | undefined, options: UseConnectedAccountOptions = {}) {
  const { backend, queryClient } = useConnectContext();
  return useQuery(
    {
      queryKey: ['plugboard', 'connected-account', id],
      queryFn: async ({ signal }) => {
        if (id === undefined) throw new Error('unreachable: the query is disabled without an id');
        return summarizeConnectedAccount(await backend.getConnectedAccount(id, { signal }));
      },
      enabled: id !== undefined && (options.enabled ?? true),
      refetchInterval: (query) => {
        const account = query.state.data;
        return account !== undefined && accountOutcome(account).status === 'pending'
          ? pollDelayAfter(query.state.dataUpdateCount, options.pollIntervalMs)
          : false;
      },
    },
    queryClient,
  );
}
