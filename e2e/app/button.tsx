import { type ConnectMode, isConnectError } from '../../packages/core/src/index';
import { ConnectAccountButton, ConnectProvider } from '../../packages/react/src/index';
import '../../packages/react/src/styles.css';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { backend, CALLBACK_URL } from './button-backend';

// The page is configured by its query: ?mode=popup|redirect|auto&authConfigId=ac_github&blockPopup=1
const params = new URLSearchParams(location.search);
const mode = (params.get('mode') ?? 'auto') as ConnectMode;
const authConfigId = params.get('authConfigId') ?? 'ac_github';
if (params.has('blockPopup')) {
  // What a popup blocker does to `window.open`: the page gets null back.
  window.open = () => null;
}

function App() {
  const [events, setEvents] = useState<string[]>([]);
  const log = (line: string) => setEvents((previous) => [...previous, line]);
  return (
    <main>
      <h1>Connect your accounts</h1>
      <ConnectAccountButton
        authConfigId={authConfigId}
        mode={mode}
        onSuccess={({ connectedAccountId }) => log(`success ${connectedAccountId}`)}
        onError={(error) => log(`error ${isConnectError(error) ? error.kind : 'unknown'}`)}
      >
        Connect GitHub
      </ConnectAccountButton>
      <h2>Events</h2>
      <ul aria-label="Events">
        {events.map((event, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log
          <li key={index}>{event}</li>
        ))}
      </ul>
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConnectProvider backend={backend} callbackUrl={CALLBACK_URL}>
        <App />
      </ConnectProvider>
    </StrictMode>,
  );
}
