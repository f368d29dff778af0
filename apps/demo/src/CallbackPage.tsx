import type { ConnectBackend } from '@plugboard/core';
import { ConnectCallback, ConnectProvider } from '@plugboard/react';

/**
 * `/connect/callback`: where the provider returns. In a popup it tells the demo page and closes;
 * after a full-page redirect it verifies the account with the backend and goes back.
 */
export function CallbackPage({ backend }: { backend: ConnectBackend }) {
  return (
    <ConnectProvider backend={backend}>
      <main className="demo-callback">
        {/* The page's name only: what is happening (checking, done, nothing to finish) is the
            callback's own line below, said once. */}
        <h1>Acme Cloud integrations</h1>
        <ConnectCallback />
      </main>
    </ConnectProvider>
  );
}
