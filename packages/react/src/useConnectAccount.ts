import {
  type ConnectEnvironment,
  type ConnectError,
  ConnectFlow,
  type ConnectFlowSnapshot,
  type ConnectMode,
  isConnectFlowBusy,
  type LinkSessionInput,
} from '@plugboard/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useConnectContext } from './ConnectProvider';

export interface UseConnectAccountOptions {
  authConfigId: string;
  /** `auto` (default) opens a popup and falls back to a full-page redirect when it is blocked. */
  mode?: ConnectMode | undefined;
  /** Overrides the provider's `callbackUrl` for this button. */
  callbackUrl?: string | undefined;
  onSuccess?: ((result: { connectedAccountId: string }) => void) | undefined;
  onError?: ((error: ConnectError) => void) | undefined;
  onStateChange?: ((snapshot: ConnectFlowSnapshot) => void) | undefined;
  /** Replaces the browser effects (popup, navigation, storage, timers): for stories and tests. */
  environment?: Partial<ConnectEnvironment> | undefined;
}

export interface UseConnectAccountResult extends ConnectFlowSnapshot {
  /** Call it from the click handler itself: the popup must open before anything is awaited. */
  start: () => void;
  retry: () => void;
  cancel: () => void;
  /** Creating, waiting for the user, or verifying: a click does nothing. */
  isBusy: boolean;
}

/**
 * The connect flow of one auth config, bound to React: `ConnectFlow` from core, subscribed with
 * `useSyncExternalStore`; the link session is created through a react-query mutation on the
 * kit's QueryClient. Unmounting aborts what is in flight and updates nothing.
 *
 * @example
 * const connect = useConnectAccount({ authConfigId: 'ac_github' });
 * <button onClick={connect.start} disabled={connect.isBusy}>{connect.status}</button>
 */
export function useConnectAccount(options: UseConnectAccountOptions): UseConnectAccountResult {
  const { backend, queryClient, callbackUrl: providerCallbackUrl } = useConnectContext();
  const { authConfigId } = options;
  const createLinkSession = useMutation(
    {
      mutationKey: ['plugboard', 'link-session', authConfigId],
      mutationFn: ({ input, signal }: { input: LinkSessionInput; signal: AbortSignal | undefined }) =>
        backend.createLinkSession(input, { signal }),
    },
    queryClient,
  );
  const mutateRef = useRef(createLinkSession.mutateAsync);
  mutateRef.current = createLinkSession.mutateAsync;
  const optionsRef = useRef(options);
  optionsRef.current = options;

  // One flow per backend and auth config; callbacks are read through the ref, so they stay current.
  const flow = useMemo(
    () =>
      new ConnectFlow({
        backend,
        authConfigId,
        createLinkSession: (input, { signal }) => mutateRef.current({ input, signal }),
        onSuccess: (result) => optionsRef.current.onSuccess?.(result),
        onError: (error) => optionsRef.current.onError?.(error),
        onStateChange: (snapshot) => optionsRef.current.onStateChange?.(snapshot),
        environment: optionsRef.current.environment,
      }),
    [backend, authConfigId],
  );
  // Mode and callback URL only matter at the next start(), which always follows a render.
  flow.setOptions({ mode: options.mode, callbackUrl: options.callbackUrl ?? providerCallbackUrl });

  useEffect(() => {
    flow.resume();
    return () => flow.dispose();
  }, [flow]);

  const snapshot = useSyncExternalStore(flow.subscribe, flow.getSnapshot, flow.getSnapshot);
  return useMemo(
    () => ({
      ...snapshot,
      start: () => flow.start(),
      retry: () => flow.retry(),
      cancel: () => flow.cancel(),
      isBusy: isConnectFlowBusy(snapshot.status),
    }),
    [snapshot, flow],
  );
}
