import {
  ConnectError,
  type CreateConnectedAccountRequest,
  type CreatedConnectedAccount,
  credentialSecrets,
  type FieldSpec,
  isConnectError,
  redactConnectError,
  redactCreatedAccount,
} from '@plugboard/core';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useConnectContext } from './ConnectProvider';

/** What `mutate` is given, and so what React Query keeps: names only, never a credential. */
export interface CreateConnectedAccountVariables {
  authConfigId: string;
}

export interface CreateConnectedAccountOptions {
  /** Field specs of the form, so that toolkit fields flagged `secret` are redacted too. */
  specs?: readonly FieldSpec[] | undefined;
}

export interface UseCreateConnectedAccountResult {
  /**
   * Sends the request. It is held in a ref until the request starts, never in the mutation's
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
  const pending = useRef<CreateConnectedAccountRequest | null>(null);
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
      // Nothing of a finished attempt needs to outlive the component that made it.
      gcTime: 0,
      retry: false,
      mutationFn: async () => {
        const request = pending.current;
        pending.current = null;
        if (!request) throw new ConnectError('invalid_request', { message: 'No request to send.' });
        const secrets = credentialSecrets(request.connection.state?.val, specs.current ?? []);
        controller.current ??= new AbortController();
        try {
          const account = await backend.createConnectedAccount(request, {
            signal: controller.current.signal,
          });
          return redactCreatedAccount(account, secrets);
        } catch (error) {
          throw redactConnectError(asConnectError(error), secrets);
        }
      },
    },
    queryClient,
  );

  const { mutateAsync } = mutation;
  const connect = useCallback(
    (request: CreateConnectedAccountRequest) => {
      // Read by mutationFn when the request starts; callers (the form) never overlap two sends.
      pending.current = request;
      return mutateAsync({ authConfigId: request.auth_config.id });
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

/** A backend should only reject with `ConnectError`; anything else is wrapped, its text dropped. */
function asConnectError(error: unknown): ConnectError {
  if (isConnectError(error)) return error;
  return new ConnectError('network', { message: 'The request failed before the server answered.' });
}
