import type { ConnectBackend } from '@plugboard/core';
import { QueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { type AttemptsInProgress, createAttemptsInProgress } from './attempts-in-progress';
import type { Messages } from './messages';

export interface ConnectProviderProps {
  /** Where the kit sends its requests: `createHttpBackend(…)` for your server, or a sandbox. */
  backend: ConnectBackend;
  /**
   * The QueryClient the kit's queries and mutations use. One is made if absent; the kit never
   * reads or changes the app's ambient `QueryClientProvider`.
   */
  queryClient?: QueryClient;
  /** The URL of your callback route (`<ConnectCallback>`); defaults to `/connect/callback` on this origin. */
  callbackUrl?: string;
  /** Overrides of the strings the kit shows; each component keeps its own default for the rest. */
  messages?: Partial<Messages>;
  /**
   * Your own sentence for an upstream error, by its slug ({app} is filled in), over the kit's
   * choice: e.g. `{ ConnectedAccount_Limit: 'You can connect one {app} account on this plan.' }`.
   */
  errorMessages?: Readonly<Record<string, string>>;
  children?: ReactNode;
}

export interface ConnectContextValue {
  backend: ConnectBackend;
  queryClient: QueryClient;
  callbackUrl: string | undefined;
  /**
   * The provider's overrides only: each component spreads them over its own defaults, so a
   * bundle that uses the button carries none of the form's strings (and the other way round).
   */
  messages: Partial<Messages>;
  /** Per-slug sentences that replace the kit's for an upstream error. */
  errorMessages: Readonly<Record<string, string>>;
  /** The attempts a flow of this page waits on: the only ones the account list calls pending. */
  attemptsInProgress: AttemptsInProgress;
}

const ConnectContext = createContext<ConnectContextValue | null>(null);

/** Mutations keep their variables in the cache by default: credentials must not stay there. */
export function createConnectQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false, gcTime: 0 },
    },
  });
}

/** Makes a backend, a QueryClient and the kit's strings available to every Plugboard component below it. */
export function ConnectProvider({
  backend,
  queryClient,
  callbackUrl,
  messages,
  errorMessages,
  children,
}: ConnectProviderProps) {
  const [ownClient] = useState(() => queryClient ?? createConnectQueryClient());
  const client = queryClient ?? ownClient;
  const [attemptsInProgress] = useState(createAttemptsInProgress);
  const value = useMemo<ConnectContextValue>(
    () => ({
      backend,
      queryClient: client,
      callbackUrl,
      messages: messages ?? {},
      errorMessages: errorMessages ?? {},
      attemptsInProgress,
    }),
    [backend, client, callbackUrl, messages, errorMessages, attemptsInProgress],
  );
  return <ConnectContext.Provider value={value}>{children}</ConnectContext.Provider>;
}

/** The nearest `ConnectProvider`'s value; throws a clear error outside one. */
export function useConnectContext(): ConnectContextValue {
  const value = useContext(ConnectContext);
  if (!value) throw new Error('Plugboard components and hooks must be used inside <ConnectProvider>.');
  return value;
}
