import {
  ConnectError,
  type CreateConnectedAccountRequest,
  type CreatedConnectedAccount,
  type FieldSpec,
} from '@plugboard/core';
import {
  credentialSecrets,
  redactConnectError,
  redactCreatedAccount,
  toConnectError,
} from '@plugboard/core/internal';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useConnectContext } from './ConnectProvider';
import { CONNECTED_ACCOUNTS_KEY } from './useConnectedAccounts';

/** What `mutate` is given, and so what React Query keeps: names only, never a credential. */
export interface CreateConnectedAccountVariables {
  authConfigId: string;
  /** Which of the component's requests this is; it picks the request out of the hook's own store. */
  requestId: number;
}

export interface CreateConnectedAccountOptions {
  /** Field specs of the form, so that toolkit fields flagged `secret` are redacted too. */
  specs?: readonly FieldSpec[] | undefined;
}

export interface UseCreateConnectedAccountResult {
  /**
   * Sends the request. It is held by the hook until the request starts, never in the mutation's
   * variables, so the credentials stay out of React Query's cache and devtools.
   */
  connect: (request: CreateConnectedAccountRequest) => Promise<CreatedConnectedAccount>;
  /** The created account, with every credential in `connectionData.val` replaced by `[redacted]`. */
  data: CreatedConnectedAccount | undefined;
  error: ConnectError | null;
  status: 'idle' | 'pending' | 'success' | 'error';
  isPending: boolean;
  reset: () => void;
}

/**
 * `POST /api/v3/connected_accounts` as a React Query mutation on the kit's own QueryClient. The
 * request is aborted when the component unmounts; errors are always a `ConnectError`, with the
 * sent secrets redacted from their texts.
 *
 * @example const { connect, isPending } = useCreateConnectedAccount(); await connect(credentialRequest({...}))
 */
export function useCreateConnectedAccount(
  options: CreateConnectedAccountOptions = {},
): UseCreateConnectedAccountResult {
  const { backend, queryClient } = useConnectContext();
  // Requests waiting for their mutationFn, by id: React Query starts it only after a few ticks.
  const pending = useRef(new Map<number, CreateConnectedAccountRequest>());
  const nextRequestId = useRef(0);
  // One controller for every request the component sends, aborted when it unmounts (a remount,
  // as StrictMode does, starts a fresh one).
  const controller = useRef<AbortController | null>(null);
  const specs = useRef(options.specs);
  specs.current = options.specs;

  useEffect(
    () => () => {
      controller.current?.abort();
      controller.current = null;
    },
    [],
  );

  const mutation = useMutation<CreatedConnectedAccount, ConnectError, CreateConnectedAccountVariables>(
    {
      mutationKey: ['plugboard', 'createConnectedAccount'],
      // A new account: the kit's lists (and account-aware buttons) read the accounts again.
      // Not awaited: the form says Connected without waiting for the lists.
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: CONNECTED_ACCOUNTS_KEY }),
      // Nothing of a finished attempt needs to outlive the component that made it.
      gcTime: 0,
      retry: false,
      mutationFn: async ({ requestId }) => {
        const request = pending.current.get(requestId);
        pending.current.delete(requestId);
        if (!request) throw new ConnectError('invalid_request', { message: 'No request to send.' });
        const secrets = credentialSecrets(request.connection.state?.val, specs.current ?? []);
        controller.current ??= new AbortController();
        try {
          const account = await backend.createConnectedAccount(request, {
            signal: controller.current.signal,
          });
          return redactCreatedAccount(account, secrets);
        } catch (error) {
          throw redactConnectError(toConnectError(error), secrets);
        }
      },
    },
    queryClient,
  );

  const { mutateAsync } = mutation;
  const connect = useCallback(
    (request: CreateConnectedAccountRequest) => {
      const requestId = nextRequestId.current++;
      pending.current.set(requestId, request);
      // Taken by mutationFn when the request starts; dropped here too should it never start.
      return mutateAsync({ authConfigId: request.auth_config.id, requestId }).finally(() =>
        pending.current.delete(requestId),
      );
    },
    [mutateAsync],
  );

  return {
    connect,
    data: mutation.data,
    error: mutation.error,
    status: mutation.status,
    isPending: mutation.isPending,
    reset: mutation.reset,
  };
}
