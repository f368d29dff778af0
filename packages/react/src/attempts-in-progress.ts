/**
 * The attempts this page is waiting on: each connect flow (a button, a list row's Reconnect) puts
 * its attempt here while it waits for the user or verifies, and takes it out when it ends,
 * is cancelled or unmounts. Composio lists an attempt as INITIATED until its link runs out
 * (10 minutes), whether anyone still works on it or not — after a cancel, a closed tab, the
 * browser's Back from the provider's page, a reload. The account list shows an INITIATED attempt as
 * pending only while it is here; any other reads as abandoned. Nothing is deleted, so an attempt
 * that still completes turns ACTIVE and shows as connected. One per `ConnectProvider`.
 */
export interface AttemptsInProgress {
  has(connectedAccountId: string): boolean;
  /** What `flow` waits on now (`undefined`: nothing). */
  set(flow: object, connectedAccountId: string | undefined): void;
  subscribe(listener: () => void): () => void;
  /** Changes with every change: a snapshot for `useSyncExternalStore`. */
  version(): number;
}

export function createAttemptsInProgress(): AttemptsInProgress {
  const waiting = new Map<object, string>();
  const listeners = new Set<() => void>();
  let version = 0;
  return {
    has: (id) => [...waiting.values()].includes(id),
    set(flow, id) {
      if (waiting.get(flow) === id) return;
      if (id === undefined) waiting.delete(flow);
      else waiting.set(flow, id);
      version++;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
  };
}
