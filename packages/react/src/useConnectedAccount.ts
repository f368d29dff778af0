import type { ConnectedAccount, ConnectionStatus } from '@plugboard/core';
import { useQuery } from '@tanstack/react-query';
import { useConnectContext } from './ConnectProvider';

/**
 * A connected account as the kit caches it: without `state`, `data` and `params`, which may hold
 * the account's tokens — credentials never go into the React Query cache.
 */
export type ConnectedAccountSummary = Omit<ConnectedAccount, 'state' | 'data' | 'params'>;

const PENDING: ReadonlySet<ConnectionStatus> = new Set(['INITIALIZING', 'INITIATED']);

export interface UseConnectedAccountOptions {
  enabled?: boolean | undefined;
  /** How often a pending account is asked about again. Default 1 000 ms. */
  pollIntervalMs?: number | undefined;
}

/** Strips what may be secret from an account before it is cached or rendered. */
export function summarizeConnectedAccount(account: ConnectedAccount): ConnectedAccountSummary {
  const { state: _state, data: _data, params: _params, ...summary } = account;
  return summary;
}

/**
 * The status of one connected account, polled while it is INITIATED or INITIALIZING.
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
        const status = query.state.data?.status;
        return status !== undefined && PENDING.has(status) ? (options.pollIntervalMs ?? 1000) : false;
      },
    },
    queryClient,
  );
}
