import { createHttpBackend, isConnectError } from '../../packages/core/src/index';
import { ApiKeyConnectForm, ConnectProvider } from '../../packages/react/src/index';
import '../../packages/react/src/styles.css';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

// The browser talks to the app's own `/api/connect` route; the key stays on the server.
const backend = createHttpBackend({ baseUrl: `${location.origin}/api/connect` });

// Configured by the query: ?authConfigId=ac_zendesk&validate=1
const params = new URLSearchParams(location.search);
const authConfigId = params.get('authConfigId') ?? 'ac_zendesk';
const validateCredentials = params.has('validate');

function App() {
  const [events, setEvents] = useState<string[]>([]);
  const log = (line: string) => setEvents((previous) => [...previous, line]);
  return (
    <main>
      <h1>Connect Zendesk</h1>
      <ApiKeyConnectForm
        authConfigId={authConfigId}
        validateCredentials={validateCredentials}
        onSuccess={(account) => log(`success ${account.id}`)}
        onError={(error) =>
          log(`error ${isConnectError(error) ? `${error.kind} ${error.status ?? ''}` : 'unknown'}`)
        }
      />
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
      <ConnectProvider backend={backend}>
        <App />
      </ConnectProvider>
    </StrictMode>,
  );
}
