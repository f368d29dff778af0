import { createHttpBackend } from '@plugboard/core';
import { ConnectCallback, ConnectProvider } from '@plugboard/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Integrations } from './Integrations';

// No router: `/connect/callback` (ConnectProvider's default callbackUrl) renders <ConnectCallback>,
// every other path the app. The server answers index.html for both.
const backend = createHttpBackend({ baseUrl: '/api/connect' });
const page =
  window.location.pathname === '/connect/callback' ? (
    <ConnectProvider backend={backend}>
      <ConnectCallback />
    </ConnectProvider>
  ) : (
    <main>
      <h1>Integrations</h1>
      <Integrations />
    </main>
  );

createRoot(document.getElementById('root') as HTMLElement).render(<StrictMode>{page}</StrictMode>);
