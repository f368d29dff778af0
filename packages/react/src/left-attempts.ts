/**
 * The attempts a user cancelled in this page. Composio keeps such an attempt INITIATED until its
 * link runs out (10 minutes), so the list would go on saying "Waiting for you to finish": with
 * this it reads the attempt as abandoned at once. Nothing is deleted, so a provider page that
 * still completes the attempt turns it ACTIVE, and the list shows it connected. One per provider.
 */
export interface LeftAttempts {
  has(connectedAccountId: string): boolean;
  add(connectedAccountId: string): void;
  subscribe(listener: () => void): () => void;
  /** How many were left: grows with every new one, a snapshot for `useSyncExternalStore`. */
  count(): number;
}

export function createLeftAttempts(): LeftAttempts {
  const ids = new Set<string>();
  const listeners = new Set<() => void>();
  return {
    has: (id) => ids.has(id),
    add(id) {
      if (ids.has(id)) return;
      ids.add(id);
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    count: () => ids.size,
  };
}
