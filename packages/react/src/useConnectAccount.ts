import {
  type ConnectEnvironment,
  type ConnectError,
  ConnectFlow,
  type ConnectFlowSnapshot,
  type ConnectMode,
  isConnectFlowBusy,
  type LinkSessionInput,
  type PopupPlaceholder,
} from '@plugboard/core';
import { formatMessage } from '@plugboard/core/internal';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useConnectContext } from './ConnectProvider';
import { CONNECTED_ACCOUNTS_KEY } from './useConnectedAccounts';

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
  /** The popup's page while the link is made: its words (see `popupPlaceholderIn`), size, theme. */
  popup?: PopupPlaceholder | undefined;
}

/**
 * The popup's placeholder page in the kit's words: "Connecting to GitHub…" and a Cancel link
 * (`popupConnecting` and `cancel` of the messages); its colours follow the app's page.
 */
export function popupPlaceholderIn(
  messages: { popupConnecting: string; cancel: string; appFallback: string },
  appName: string | undefined,
): PopupPlaceholder {
  const text = formatMessage(messages.popupConnecting, { app: appName ?? messages.appFallback });
  return { title: text, text, cancelText: messages.cancel };
}

export interface UseConnectAccountResult extends ConnectFlowSnapshot {
  /** Call it from the click handler itself: the popup must open before anything is awaited. */
  start: () => void;
  retry: () => void;
  cancel: () => void;
  /** Open again: focuses the attempt's window, or reopens the same link inside the click. */
  reopen: () => void;
  /** Creating, waiting for the user, or verifying: a click only brings the attempt's window back. */
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
  const { backend, queryClient, callbackUrl: providerCallbackUrl, attemptsInProgress } = useConnectContext();
  const { authConfigId, mode, callbackUrl, onSuccess, onError, onStateChange, environment, popup } = options;
  const createLinkSession = useMutation(
    {
      mutationKey: ['plugboard', 'link-session', authConfigId],
      mutationFn: ({ input, signal }: { input: LinkSessionInput; signal: AbortSignal | undefined }) =>
        backend.createLinkSession(input, { signal }),
    },
    queryClient,
  );
  const { mutateAsync } = createLinkSession;

  // One flow for the component's life, made once; a new auth config or backend resets it (setOptions).
  const [flow] = useState(() => new ConnectFlow({ backend, authConfigId, environment }));
  // Options reach the flow after the render that made them, never during it. Declared before the
  // mount effect below, so on mount `resume()` already sees them.
  useEffect(() => {
    flow.setOptions({
      backend,
      authConfigId,
      mode,
      callbackUrl: callbackUrl ?? providerCallbackUrl,
      createLinkSession: (input, { signal }) => mutateAsync({ input, signal }),
      onSuccess,
      onError,
      onStateChange,
      popup,
      ...(environment ? { environment } : {}),
    });
  });

  useEffect(() => {
    flow.resume();
    return () => flow.dispose();
  }, [flow]);

  const snapshot = useSyncExternalStore(flow.subscribe, flow.getSnapshot, flow.getSnapshot);
  const { status, connectedAccountId } = snapshot;
  // What this flow waits on, for the account lists: Composio keeps an attempt INITIATED until its
  // link runs out, whether or not anyone still works on it.
  const waitingOn = status === 'awaiting_user' || status === 'verifying' ? connectedAccountId : undefined;
  useEffect(() => {
    attemptsInProgress.set(flow, waitingOn);
    return () => attemptsInProgress.set(flow, undefined);
  }, [attemptsInProgress, flow, waitingOn]);
  useEffect(() => {
    // An attempt that ended changed the user's accounts: lists beside the button read them now.
    if (status === 'connected' || status === 'failed' || status === 'expired')
      void queryClient.invalidateQueries({ queryKey: CONNECTED_ACCOUNTS_KEY });
  }, [status, queryClient]);

  return useMemo(
    () => ({
      ...snapshot,
      start: () => flow.start(),
      retry: () => flow.retry(),
      cancel: () => flow.cancel(),
      reopen: () => flow.reopen(),
      isBusy: isConnectFlowBusy(snapshot.status),
    }),
    [snapshot, flow],
  );
}
